// Normalisation of report text before any matching (template.md §5.1).
// Lines are never merged or split, so line N of the normalised text is line N of the input:
// that is what `sources` and warnings point at.

import type { Deadline } from '../parse/deadline';
import { toSimplified } from './opencc';
import { TRADITIONAL_CHARS } from './traditional-chars';

/**
 * Only lines holding a traditional character are converted: simplified text stays as printed.
 * A table by UTF-16 code unit (all these characters are in the BMP): a regex of a class of
 * 3,000 characters costs far more per line than this scan.
 */
const TRADITIONAL = new Uint8Array(0x10000);
for (let i = 0; i < TRADITIONAL_CHARS.length; i++) TRADITIONAL[TRADITIONAL_CHARS.charCodeAt(i)] = 1;
/** the lowest code unit of the table: most characters of a line (ASCII, punctuation) are below it */
let TRADITIONAL_MIN = 0xffff;
for (let i = 0; i < TRADITIONAL_CHARS.length; i++) TRADITIONAL_MIN = Math.min(TRADITIONAL_MIN, TRADITIONAL_CHARS.charCodeAt(i));

/** lines converted by one call of the converter */
const CONVERT_BATCH = 2000;

export function hasTraditional(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= TRADITIONAL_MIN && TRADITIONAL[c] === 1) return true;
  }
  return false;
}

/** Latin syllables, with or without tone marks, that mirror sites insert after a character. */
const PINYIN_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}";
/**
 * A gloss follows a CJK character directly: 會(huì). Only lowercase Latin inside, so real
 * brackets such as 第二十条第(一)项 or (六)其他处理 survive, and so do (PDF) or (www.x.cn).
 */
const PINYIN_GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])\\((?:${PINYIN_SYLLABLE})\\)`, 'gu');
/** the gloss without what precedes it: most texts have none, and this test (led by "(") is fast */
const MAYBE_GLOSS = new RegExp(`\\((?:${PINYIN_SYLLABLE})\\)`, 'u');

// Runs of spaces and tabs inside a line that are removed (each rule looks at the characters
// around a whole run; the rules never apply to the same run, nor does one rule's removal change
// what another sees, so one pass over the runs applies all three):
// - between two CJK characters (or CJK punctuation): a space there is never meaningful;
// - after a list number and before its label: "1. 属于国家秘密", "1、 申请人";
// - inside an amount: "26966.28 万元", "+ 58".
// test/normalise-runs.test.ts holds the three rules as regexes and checks this pass against them.

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const CJK_PUNCTUATION = new Set(Array.from('、，。；：“”‘’《》（）()', (ch) => ch.charCodeAt(0)));
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** \w of a regex without the i flag */
const isWordChar = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
/** \s of a regex (WhiteSpace and LineTerminator) */
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isBlank = (c: number) => c === 0x20 || c === 0x09;
const DOT = 0x2e;
const IDEOGRAPHIC_COMMA = 0x3001;

/** `s[from, to)` is a whole run of spaces and tabs; is it removed? */
function dropsRun(s: string, from: number, to: number): boolean {
  const before = from > 0 ? s.charCodeAt(from - 1) : NaN;
  const after = to < s.length ? s.charCodeAt(to) : NaN;
  // between CJK
  if ((isCjk(before) || CJK_PUNCTUATION.has(before)) && (isCjk(after) || CJK_PUNCTUATION.has(after))) return true;
  // a list number of one or two digits, not part of a longer number: (^|[^\d.])\d{1,2}[.、]
  if (isCjk(after) && (before === DOT || before === IDEOGRAPHIC_COMMA)) {
    const q = from - 1;
    const startsAt = (k: number) => {
      for (let j = q - k; j < q; j++) if (j < 0 || !isDigit(s.charCodeAt(j))) return false;
      const c = q - k - 1 >= 0 ? s.charCodeAt(q - k - 1) : NaN;
      return q - k === 0 || (!isDigit(c) && c !== DOT);
    };
    if (startsAt(1) || startsAt(2)) return true;
  }
  // digits before 万元 / 元 (at a word boundary or the end) / %
  if (isDigit(before)) {
    if (after === 0x25) return true;
    if (after === 0x4e07 && s.charCodeAt(to + 1) === 0x5143) return true; // 万元
    if (after === 0x5143) return to + 1 === s.length || isWordChar(s.charCodeAt(to + 1)); // 元
  }
  // a sign, at the start or after a space, before digits
  if ((before === 0x2b || before === 0x2d) && isDigit(after)) return from - 1 === 0 || isSpace(s.charCodeAt(from - 2));
  return false;
}

function removeSpaceRuns(s: string): string {
  let parts: string[] | null = null;
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isBlank(s.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < s.length && isBlank(s.charCodeAt(end))) end++;
    if (dropsRun(s, i, end)) {
      (parts ??= []).push(s.slice(kept, i));
      kept = end;
    }
    i = end;
  }
  if (parts === null) return s;
  parts.push(s.slice(kept));
  return parts.join('');
}
/** page footers and headers of printed reports: "- 3 -", "— 12 —", "第 3 页 共 10 页", "3/10" */
const PAGE_FOOTER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/u;

export interface NormalisedText {
  /** normalised lines; index i is line i + 1 of the input */
  lines: string[];
}

export function stripPinyinGlosses(text: string): string {
  return MAYBE_GLOSS.test(text) ? text.replace(PINYIN_GLOSS, '') : text;
}

const ZERO_WIDTH_ALL = /[\u200b-\u200d\ufeff]/gu;

export function normaliseLine(raw: string): string {
  // one pass: zero-width characters (\u200b-\u200d, \ufeff) and \s other than those
  let flags = 0;
  for (let i = 0; i < raw.length; i++) flags |= charFlags(raw.charCodeAt(i));
  return cleanLine(raw, flags);
}

/** what a character asks of normaliseLine(): a zero-width character goes, a space may */
const ZERO_WIDTH = 1;
const SPACE = 2;
const TRADITIONAL_CHAR = 4;

function charFlags(c: number): number {
  if (c > 0x3000) return c === 0xfeff ? ZERO_WIDTH : 0;
  if (c >= 0x200b && c <= 0x200d) return ZERO_WIDTH;
  return isSpace(c) ? SPACE : 0;
}

/** normaliseLine() of a line whose characters' flags are known */
function cleanLine(raw: string, flags: number): string {
  if (PAGE_FOOTER.test(raw)) return '';
  const line = flags & ZERO_WIDTH ? raw.replace(ZERO_WIDTH_ALL, '') : raw;
  if (!(flags & SPACE)) return line;
  // trimEnd removes exactly \s+$ (both are WhiteSpace and LineTerminator)
  return removeSpaceRuns(line.trimEnd());
}

const LINE_BREAK = 8;

/** charFlags() and TRADITIONAL_CHAR of every UTF-16 code unit, and LINE_BREAK for \n and \r: one read per character */
const CHAR_FLAGS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) CHAR_FLAGS[c] = charFlags(c) | (c >= TRADITIONAL_MIN && TRADITIONAL[c] === 1 ? TRADITIONAL_CHAR : 0);
CHAR_FLAGS[0x0a] = LINE_BREAK;
CHAR_FLAGS[0x0d] = LINE_BREAK;

/**
 * The lines of the text, as split(/\r\n|\r|\n/) cuts them, and the flags of each line's
 * characters (traditional ones included), in one pass over the whole text: its lines are slices
 * of it, slower to read character by character than the text itself.
 */
function splitLines(text: string): { lines: string[]; flags: number[] } {
  const lines: string[] = [];
  const flags: number[] = [];
  let start = 0;
  let lineFlags = 0;
  for (let i = 0; i < text.length; i++) {
    const f = CHAR_FLAGS[text.charCodeAt(i)];
    if (f !== LINE_BREAK) {
      lineFlags |= f;
      continue;
    }
    lines.push(text.slice(start, i));
    flags.push(lineFlags);
    lineFlags = 0;
    if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  lines.push(text.slice(start));
  flags.push(lineFlags);
  return { lines, flags };
}

/**
 * NFKC (full-width digits, letters and punctuation to ASCII), pinyin glosses removed,
 * traditional to simplified, and per-line clean-up of spaces and page footers.
 */
export function normaliseText(raw: string, deadline?: Deadline): NormalisedText {
  const text = stripPinyinGlosses(raw.replace(/^\ufeff/u, '').normalize('NFKC'));
  const { lines, flags } = splitLines(text);
  const traditional: number[] = [];
  for (let i = 0; i < lines.length; i++) if (flags[i] & TRADITIONAL_CHAR) traditional.push(i);
  // in batches of lines, so that a giant text stops on time; no dictionary entry holds a line
  // break, so converting lines apart or together is the same
  for (let from = 0; from < traditional.length; from += CONVERT_BATCH) {
    deadline?.check('converting traditional characters');
    const batch = traditional.slice(from, from + CONVERT_BATCH);
    const converted = toSimplified(batch.map((i) => lines[i]).join('\n')).split('\n');
    batch.forEach((i, k) => (lines[i] = converted[k]));
  }
  for (let i = 0; i < lines.length; i++) {
    deadline?.tick('normalising');
    // (a converted line is scanned again)
    lines[i] = flags[i] & TRADITIONAL_CHAR ? normaliseLine(lines[i]) : cleanLine(lines[i], flags[i]);
  }
  return { lines };
}
