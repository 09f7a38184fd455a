// Normalisation of report text before any matching (template.md §5.1).
// Lines are never merged or split, so line N of the normalised text is line N of the input:
// that is what `sources` and warnings point at.

import { toSimplified } from './opencc';
import { TRADITIONAL_CHARS } from './traditional-chars';

/** Only lines holding a traditional character are converted: simplified text stays as printed. */
const TRADITIONAL = new RegExp(`[${TRADITIONAL_CHARS}]`, 'u');

/** Latin syllables, with or without tone marks, that mirror sites insert after a character. */
const PINYIN_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}";
/**
 * A gloss follows a CJK character directly: 會(huì). Only lowercase Latin inside, so real
 * brackets such as 第二十条第(一)项 or (六)其他处理 survive, and so do (PDF) or (www.x.cn).
 */
const PINYIN_GLOSS = new RegExp(`(?<=[\\u3400-\\u9fff])\\((?:${PINYIN_SYLLABLE})\\)`, 'gu');

const CJK = '\\u3400-\\u9fff';
/** a space between two CJK characters (or CJK punctuation) is never meaningful */
const SPACE_INSIDE_CJK = new RegExp(`(?<=[${CJK}、，。；：“”‘’《》（）()])[ \\t]+(?=[${CJK}、，。；：“”‘’《》（）()])`, 'gu');
/** "1. 属于国家秘密" / "1、 申请人": a list number and its label belong together */
const SPACE_AFTER_LIST_NUMBER = new RegExp(`(?<=(?:^|[^\\d.])\\d{1,2}[.、])[ \\t]+(?=[${CJK}])`, 'gu');
/** "26966.28 万元", "+ 58" */
const SPACE_IN_AMOUNT = /(?<=\d)[ \t]+(?=万元|元\b|元$|%)|(?<=(?:^|\s)[+-])[ \t]+(?=\d)/gu;
/** page footers and headers of printed reports: "- 3 -", "— 12 —", "第 3 页 共 10 页", "3/10" */
const PAGE_FOOTER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/u;

export interface NormalisedText {
  /** normalised lines; index i is line i + 1 of the input */
  lines: string[];
}

export function stripPinyinGlosses(text: string): string {
  return text.replace(PINYIN_GLOSS, '');
}

export function normaliseLine(raw: string): string {
  if (PAGE_FOOTER.test(raw)) return '';
  const line = raw.replace(/[\u200b-\u200d\ufeff]/gu, '');
  if (!/\s/u.test(line)) return line;
  return line
    .replace(/\s+$/u, '')
    .replace(SPACE_INSIDE_CJK, '')
    .replace(SPACE_AFTER_LIST_NUMBER, '')
    .replace(SPACE_IN_AMOUNT, '');
}

/**
 * NFKC (full-width digits, letters and punctuation to ASCII), pinyin glosses removed,
 * traditional to simplified, and per-line clean-up of spaces and page footers.
 */
export function normaliseText(raw: string): NormalisedText {
  const lines = stripPinyinGlosses(raw.replace(/^\ufeff/u, '').normalize('NFKC')).split(/\r\n|\r|\n/u);
  const traditional: number[] = [];
  lines.forEach((line, i) => TRADITIONAL.test(line) && traditional.push(i));
  if (traditional.length) {
    const converted = toSimplified(traditional.map((i) => lines[i]).join('\n')).split('\n');
    traditional.forEach((i, k) => (lines[i] = converted[k]));
  }
  return { lines: lines.map(normaliseLine) };
}
