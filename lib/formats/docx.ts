// Word 2007+ reports to text lines: mammoth turns the document into HTML (gridSpan becomes
// colspan, vMerge becomes rowspan), and the HTML renderer does the rest.

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ReportReadError } from './errors';
import { htmlToText } from './html';

const DAMAGED = 'cannot read this Word document: the file is damaged or not a .docx';
/**
 * What the parts of a .docx may unpack to, in all (a report's are a few MB; a "zip bomb" of
 * 300 kB unpacks to 300 MB and more). Unpacked sizes are counted, not taken from the headers.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

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

/** Unpacks a part, counting against `budget.left`; null when the part is damaged or the budget runs out. */
function unpack(part: JSZip.JSZipObject, budget: { left: number }, keep: boolean): Promise<Uint8Array[] | null> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    // (JSZip's public internalStream, missing from its type declarations)
    const stream = (part as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.pause();
          resolve(null);
        } else if (keep) {
          chunks.push(chunk);
        }
      })
      .on('error', () => resolve(null))
      .on('end', () => resolve(chunks))
      .resume();
  });
}

/** document.xml, after every part was unpacked within MAX_UNPACKED_BYTES; else a ReportReadError. */
async function documentXml(bytes: Uint8Array, file: string | undefined, maxUnpacked: number): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ReportReadError(DAMAGED, file);
  }
  const budget = { left: maxUnpacked };
  let xml: Uint8Array[] | null = null;
  for (const part of Object.values(zip.files)) {
    if (part.dir) continue;
    const isDocument = part.name === 'word/document.xml';
    const chunks = await unpack(part, budget, isDocument).catch(() => null);
    if (budget.left < 0) {
      throw new ReportReadError(`this Word document unpacks to more than ${Math.round(maxUnpacked / (1024 * 1024))} MB: too much for a report`, file);
    }
    // (a damaged part that is not read, an unused image say, is mammoth's to judge)
    if (isDocument) xml = chunks;
  }
  if (xml === null) throw new ReportReadError(DAMAGED, file);
  return Buffer.concat(xml).toString('utf8');
}

/** The text lines of a .docx; `maxUnpacked` (bytes) is MAX_UNPACKED_BYTES but in tests. */
export async function docxToText(bytes: Uint8Array, file?: string, maxUnpacked = MAX_UNPACKED_BYTES): Promise<string> {
  const xml = await documentXml(bytes, file, maxUnpacked);
  if (!wordXmlNests(xml)) throw new ReportReadError(DAMAGED, file);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch {
    throw new ReportReadError(DAMAGED, file);
  }
  return htmlToText(`<!doctype html><html><body>${html}</body></html>`, { article: false, file });
}
