// Word 2007+ reports to text lines: mammoth turns the document into HTML (gridSpan becomes
// colspan, vMerge becomes rowspan), and the HTML renderer does the rest.

import mammoth from 'mammoth';
import { ReportReadError } from './errors';
import { htmlToText } from './html';

export async function docxToText(bytes: Uint8Array, file?: string): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch {
    throw new ReportReadError('cannot read this Word document: the file is damaged or not a .docx', file);
  }
  return htmlToText(`<!doctype html><html><body>${html}</body></html>`, { article: false });
}
