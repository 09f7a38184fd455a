// Word 2007+ reports to text lines: mammoth turns the document into HTML (gridSpan becomes
// colspan, vMerge becomes rowspan), and the HTML renderer does the rest.

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ReportReadError } from './errors';
import { htmlToText } from './html';

const DAMAGED = 'cannot read this Word document: the file is damaged or not a .docx';

/** Every tag of document.xml, in order: enough to check that elements nest. */
const TAG = /<(\/?)([^\s>/!?]+)[^>]*?(\/?)>/gu;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/u;

/**
 * A linear check that document.xml's elements are well formed and nest. mammoth's XML parser
 * (xmldom) takes quadratic time over a damaged document (seconds for a 250 kB part), so a
 * damaged part is refused before it gets there.
 */
export function wordXmlNests(xml: string): boolean {
  const open: string[] = [];
  for (const m of xml.matchAll(TAG)) {
    const [, closing, name, selfClosing] = m;
    if (!NAME.test(name)) return false;
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

async function documentXml(bytes: Uint8Array): Promise<string | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    return (await zip.file('word/document.xml')?.async('string')) ?? null;
  } catch {
    return null;
  }
}

export async function docxToText(bytes: Uint8Array, file?: string): Promise<string> {
  const xml = await documentXml(bytes);
  if (xml === null || !wordXmlNests(xml)) throw new ReportReadError(DAMAGED, file);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch {
    throw new ReportReadError(DAMAGED, file);
  }
  return htmlToText(`<!doctype html><html><body>${html}</body></html>`, { article: false });
}
