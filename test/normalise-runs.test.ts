// Hand-written passes that replaced regexes and String.split for speed, checked against the
// originals: normaliseLine's removal of space runs (the rules as first written, regexes applied
// one after the other; random lines and every line of the corpus), the pinyin-gloss filter, and
// the splitting of pipe rows into trimmed cells (lib/parse/cells.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededPick } from '../lib/render/mirror';
import { classifyCell, tokenizeLines } from '../lib/parse/cells';
import { normaliseLine, normaliseText, stripPinyinGlosses } from '../lib/text/normalise';

const CJK = '\\u3400-\\u9fff';
const SPACE_INSIDE_CJK = new RegExp(`(?<=[${CJK}、，。；：“”‘’《》（）()])[ \\t]+(?=[${CJK}、，。；：“”‘’《》（）()])`, 'gu');
const SPACE_AFTER_LIST_NUMBER = new RegExp(`(?<=(?:^|[^\\d.])\\d{1,2}[.、])[ \\t]+(?=[${CJK}])`, 'gu');
const SPACE_IN_AMOUNT = /(?<=\d)[ \t]+(?=万元|元\b|元$|%)|(?<=(?:^|\s)[+-])[ \t]+(?=\d)/gu;
const PAGE_FOOTER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/u;
const PINYIN_GLOSS = /(?<=[\u3400-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})\)/gu;

function reference(raw: string): string {
  if (PAGE_FOOTER.test(raw)) return '';
  const line = raw.replace(/[\u200b-\u200d\ufeff]/gu, '');
  if (!/\s/u.test(line)) return line;
  return line.replace(/\s+$/u, '').replace(SPACE_INSIDE_CJK, '').replace(SPACE_AFTER_LIST_NUMBER, '').replace(SPACE_IN_AMOUNT, '');
}

const PIECES = [
  ' ', ' ', ' ', '  ', '\t', '\u3000', '\u00a0', '\u200b', '\ufeff', '\n',
  '1', '2', '12', '123', '.', '、', '万元', '万', '元', '%', '+', '-', 'a', 'Z', '_', '|',
  '中', '国', '属', '于', '，', '。', '“', '”', '(', ')', '（', '）', '《', '》', ';', ',',
  '\ud83d\ude00', '\ud800', '第', '页', '共', '/', '—', 'huì', '(huì)', '會',
  '\u180e', '\u0085', '\u2028', '\u202f', '\u200c', '\u3001',
];
/** few pieces, so that every rule's context (list numbers, signs, amounts) comes up often */
const FOCUSED = [' ', ' ', '\t', '1', '12', '.', '、', '中', '万元', '元', '%', '+', '-', 'a', '\u3000', '，', '\n'];

describe('normaliseLine against the regex rules', () => {
  it('agrees on 2 × 30,000 random lines', () => {
    const pick = seededPick(2026);
    for (const pieces of [PIECES, FOCUSED]) {
      for (let n = 0; n < 30_000; n++) {
        let line = '';
        const len = 1 + pick(12);
        for (let k = 0; k < len; k++) line += pieces[pick(pieces.length)];
        expect(normaliseLine(line), JSON.stringify(line)).toBe(reference(line));
      }
    }
  });

  it('agrees on every line of the corpus', () => {
    const dir = new URL('../../shared/corpus/', import.meta.url);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, dir), 'utf8')) : [];
    files.push(readFileSync(new URL('./fixtures/huitong-2020.txt', import.meta.url), 'utf8'));
    for (const text of files) {
      for (const line of stripPinyinGlosses(text.normalize('NFKC')).split(/\r\n|\r|\n/u)) expect(normaliseLine(line)).toBe(reference(line));
    }
  });

  it('strips pinyin glosses exactly as the lookbehind regex does', () => {
    const pick = seededPick(7);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const len = 1 + pick(10);
      for (let k = 0; k < len; k++) text += PIECES[pick(PIECES.length)];
      expect(stripPinyinGlosses(text)).toBe(text.replace(PINYIN_GLOSS, ''));
    }
    expect(normaliseText('會(huì)同縣').lines).toEqual(['会同县']);
  });
});

describe('pipe rows split by hand', () => {
  it('give the cells of split("|") and trim()', () => {
    const pick = seededPick(11);
    const CELLS = ['', ' ', '  ', '\u3000', '\u00a0', '\u180e', '\u0085', '\t', '12', ' 3 ', '-', '无', '予以公开', ' 规章 ', '?', '1.5万元'];
    for (let n = 0; n < 20_000; n++) {
      const cells = Array.from({ length: 1 + pick(8) }, () => CELLS[pick(CELLS.length)]);
      const line = cells.join('|');
      if (!line.includes('|')) continue;
      const parts = line.split('|');
      if (parts.length && parts[0].trim() === '') parts.shift();
      if (parts.length && parts[parts.length - 1].trim() === '') parts.pop();
      const expected = parts.length === 0 ? [classifyCell('', 1)] : parts.map((p) => classifyCell(p, 1));
      if (expected.some((t) => t.kind === 'text' && /\s/u.test(t.text))) continue; // those go on to splitSpacedRow
      if (!line.trim()) continue;
      expect(tokenizeLines([line], 0, 1), JSON.stringify(line)).toEqual(expected);
    }
  });
});
