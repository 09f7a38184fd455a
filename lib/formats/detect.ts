// Telling a report file's format from its bytes. The content decides; the file name only
// breaks a tie (text that carries a few tags is HTML only when it is named so).

import { bomEncoding, decodeAs, looksBinary } from './text';

export type SourceFormat = 'text' | 'html' | 'pdf' | 'docx';
export type DetectedFormat = SourceFormat | 'unknown' | 'binary' | 'empty';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** PDF allows junk before the header within the first 1024 bytes */
const PDF_HEADER_WINDOW = 1024;
const HTML_SNIFF_CHARS = 4096;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(to, bytes.length)).indexOf(needle, from, 'latin1');
}

export function isPdf(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, PDF_HEADER_WINDOW) !== -1;
}

/**
 * A Word 2007+ document: a zip whose entry names (stored in clear) include word/document.xml,
 * or an Office package ([Content_Types].xml, _rels, docProps) that is neither a workbook nor a presentation,
 * which is a damaged .docx more often than anything else.
 */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_MAGIC)) return false;
  if (indexOfAscii(bytes, 'word/document.xml') !== -1) return true;
  const office = ['[Content_Types].xml', '_rels/.rels', 'docProps/'].some((name) => indexOfAscii(bytes, name) !== -1);
  if (!office) return false;
  return indexOfAscii(bytes, 'xl/') === -1 && indexOfAscii(bytes, 'ppt/') === -1;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/** The legacy binary Office format (.doc, .xls), which we do not read. */
export function isOle2(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2_MAGIC);
}

const STRONG_HTML = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const HTML_TAG = /<(?:html|body|table|tr|td|div|p|br|span|h[1-6]|ul|li|font|center)\b[^>]*>/gi;

function htmlPrefix(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HTML_SNIFF_CHARS * 2);
  const bom = bomEncoding(head);
  if (bom) return decodeAs(head.subarray(bom.length), bom.encoding);
  // Tags are ASCII in every encoding we accept, so Latin-1 is enough to see them.
  return decodeAs(head, 'latin1');
}

function hasHtmlName(fileName?: string): boolean {
  return !!fileName && /\.(?:html?|shtml|xhtml|jsp|aspx?|php)$/i.test(fileName);
}

/** HTML by content: a document start, or markup throughout; a name only tips a weak case. */
function classifyMarkup(prefix: string, fileName?: string): 'html' | 'text' {
  if (STRONG_HTML.test(prefix)) return 'html';
  const tags = prefix.match(HTML_TAG)?.length ?? 0;
  const startsWithTag = /^\s*</.test(prefix);
  if (startsWithTag && tags >= 2) return 'html';
  if (/<table\b/i.test(prefix) && /<\/t[dh]>/i.test(prefix)) return 'html';
  if (tags >= 1 && hasHtmlName(fileName)) return 'html';
  return 'text';
}

/**
 * The format of a report file, by content first: `%PDF-`, a zip holding word/document.xml,
 * HTML markup, else text when it decodes. `binary` is data that is no text; `unknown` is a
 * recognised container we do not read (zip, .doc).
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): DetectedFormat {
  if (bytes.length === 0) return 'empty';
  if (isPdf(bytes)) return 'pdf';
  if (isDocx(bytes)) return 'docx';
  if (isZip(bytes) || isOle2(bytes)) return 'unknown';
  if (looksBinary(bytes)) return 'binary';
  return classifyMarkup(htmlPrefix(bytes), fileName);
}
