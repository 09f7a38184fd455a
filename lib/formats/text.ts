// Decoding plain-text report files: UTF-8 (with or without BOM), UTF-16 (BOM, or the
// unmistakable pattern of zero bytes), else GB18030, the superset of GBK/GB2312 that Chinese
// government sites still publish in.

import { isAscii, isUtf8, transcode } from 'node:buffer';
import iconv from 'iconv-lite';
import { ReportReadError } from './errors';

export interface DecodedText {
  text: string;
  /** WHATWG-style label of the encoding used: utf-8, utf-16le, utf-16be, gb18030, big5 … */
  encoding: string;
}

const SAMPLE_BYTES = 8192;
/** share of U+FFFD in a GB18030 decoding above which the bytes were not GB text at all */
const MAX_REPLACEMENT_SHARE = 0.01;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The bytes decoded as UTF-8, or undefined when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  return isUtf8(bytes) ? validUtf8(bytes) : undefined;
}

/**
 * Valid UTF-8 as a string. ICU's converter (transcode) reads Chinese text several times faster
 * than toString('utf8') does; Node built without ICU has no transcode.
 */
function validUtf8(bytes: Uint8Array): string {
  if (isAscii(bytes)) return asBuffer(bytes).toString('latin1');
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return asBuffer(bytes).toString('utf8');
  }
}

/** UTF-16 without a BOM: text in the BMP puts a zero in every other byte for ASCII. */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (sample.length < 8 || asBuffer(sample).indexOf(0) === -1) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * True when the bytes are not text in any encoding we read: zero bytes (outside UTF-16) or
 * many control characters in the first 8 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes)) return false;
  const sample = asBuffer(bytes.subarray(0, SAMPLE_BYTES));
  if (sample.indexOf(0) !== -1) return !utf16WithoutBom(sample);
  const controls = sample.toString('latin1').match(CONTROL_CHARS)?.length ?? 0;
  return controls > sample.length * 0.05;
}

/** C0 controls other than tab, newlines, form feed and escape */
const CONTROL_CHARS = /[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f]/g;

/** Decodes with a known encoding label (any label iconv-lite knows; GBK and GB2312 read as GB18030). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'latin1') return asBuffer(bytes).toString('latin1');
  const label = canonicalEncoding(encoding) ?? encoding;
  if (label === 'utf-8') return strictUtf8(bytes) ?? asBuffer(bytes).toString('utf8');
  return iconv.decode(asBuffer(bytes), label);
}

/** Maps charset labels seen in the wild to the one we decode with; undefined when unknown. */
export function canonicalEncoding(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|gb_2312-80|csgb2312|chinese|iso-ir-58|cp936|windows-936|euc-cn)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(l)) return 'big5';
  if (l === 'utf-16' || l === 'utf-16le') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  return iconv.encodingExists(l) ? l : undefined;
}

function replacementShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) bad++;
  return bad / text.length;
}

/** Decodes GB18030 and rejects bytes that were never GB text. */
export function decodeGb18030(bytes: Uint8Array, file?: string): string {
  const text = decodeAs(bytes, 'gb18030');
  if (replacementShare(text) > MAX_REPLACEMENT_SHARE) {
    throw new ReportReadError('cannot decode the text: it is neither UTF-8, UTF-16 nor GB18030/GBK', file);
  }
  return text;
}

/**
 * Decodes a text file: BOM first, then valid UTF-8, then UTF-16 by its zero bytes, else GB18030.
 * Throws ReportReadError for binary data or bytes no encoding reads cleanly.
 */
export function decodeText(bytes: Uint8Array, file?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  const utf16 = utf16WithoutBom(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16 };
  if (looksBinary(bytes)) throw new ReportReadError('this is a binary file, not text, HTML, PDF or DOCX', file);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeGb18030(bytes, file), encoding: 'gb18030' };
}
