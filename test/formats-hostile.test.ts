// Hostile and damaged files: extractText returns text or throws ReportReadError, never another
// error, never an unhandled rejection, and within a time bound. Deeply nested HTML used to
// overflow the call stack (RangeError) and some end tags took quadratic time; a damaged XRef
// entry made pdf.js reject a promise of its own that nothing handled, which ends a Node process.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, ReportReadError } from '../lib/formats';
import { htmlToText } from '../lib/formats/html';
import { MAX_OPEN_ELEMENTS, parseHtml } from '../lib/formats/html-tree';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';
import { pdfSource } from './support/pdf';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** extractText's text, or the ReportReadError it threw (anything else fails the test). */
async function readOrRefuse(bytes: Uint8Array, name: string): Promise<string | ReportReadError> {
  try {
    return (await extractText(bytes, name)).text;
  } catch (err) {
    expect(err).toBeInstanceOf(ReportReadError);
    return err as ReportReadError;
  }
}

function countNodes(root: { children?: unknown[] }): number {
  let n = 0;
  const stack: { children?: unknown[] }[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    n++;
    for (const child of node.children ?? []) stack.push(child as { children?: unknown[] });
  }
  return n;
}

describe('deeply nested HTML', () => {
  const DEPTH = 20_000;
  const nestings: [string, string][] = [
    ['div', '<div>'],
    ['span', '<span>'],
    ['table in cell', '<table><tr><td>'],
    ['list item in list', '<ul><li>'],
    ['definition in list', '<dl><dd>'],
    ['bold in div', '<b><div>'],
    ['svg', '<svg><g>'],
    ['head template', '<template>'],
  ];

  it.each(nestings)('%s nested 20,000 deep reads (no stack overflow)', async (_, open) => {
    const page = `${open.repeat(DEPTH)}年度报告 42`;
    const t0 = performance.now();
    const result = await readOrRefuse(utf8(page), 'deep.html');
    expect(performance.now() - t0).toBeLessThan(5000);
    if (typeof result === 'string') expect(result).toMatch(/年度报告 42|^$/);
    // closed as deep as it was opened, too
    expect(() => htmlToText(`${open.repeat(DEPTH)}x${'</div></span></td></tr></table></li></ul></dd></dl></b></g></svg>'.repeat(DEPTH / 10)}`)).not.toThrow();
  });

  it('100,000 unclosed <div> read in linear time, with the text kept', () => {
    const t0 = performance.now();
    expect(htmlToText(`<body>${'<div>'.repeat(100_000)}<p>正文</p>${'<span>'.repeat(100_000)}末尾`)).toBe('正文\n末尾');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('end tags that match nothing, under 30,000 open elements, take linear time', () => {
    // each looked down the whole stack of open elements: quadratic (minutes for 100,000)
    for (const [open, close] of [
      ['<div>', '</li>'],
      ['<div>', '</h2>'],
      ['<div>', '</td>'],
      ['<span>', '</div>'],
      ['<span>', '</x>'],
      ['<div>', '<li>'],
      ['<svg><g>', '</x>'],
    ]) {
      const t0 = performance.now();
      htmlToText(`${open.repeat(30_000)}${close.repeat(30_000)}x`);
      expect(performance.now() - t0, `${open}…${close}`).toBeLessThan(5000);
    }
  });

  it('the stack of open elements stops at its cap; what is opened deeper goes beside', () => {
    const doc = parseHtml(`${'<div>'.repeat(MAX_OPEN_ELEMENTS + 100)}深处`);
    let deepest = 0;
    const stack: [{ children?: unknown[] }, number][] = [[doc, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      for (const child of node.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
    }
    expect(deepest).toBeLessThanOrEqual(MAX_OPEN_ELEMENTS + 2);
    // a data table 300 levels down still reads as rows
    const table = '<table><tr><td>项目</td><td>数量</td></tr><tr><td>规章</td><td>3</td></tr></table>';
    expect(htmlToText(`<body>${'<div>'.repeat(300)}${table}`, { article: false })).toBe('| 项目 | 数量 |\n| 规章 | 3 |');
  });

  it('formatting elements left open are not reopened without bound', () => {
    // by the letter of the HTML standard each paragraph reopens all 39 (1.4 GB for 100,000)
    const formatting = '<b><i><u><s><em><strong><font><big><small><tt><strike><code><nobr>'.repeat(3);
    const page = `<p>${formatting}</p>${'<p>x</p>'.repeat(50_000)}`;
    const t0 = performance.now();
    const nodes = countNodes(parseHtml(page));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(nodes).toBeLessThan(500_000);
    // the first paragraphs do get them back, as in browsers
    expect(htmlToText(`<p><b>粗</p><p>体</p>`, { article: false })).toBe('粗\n体');
  });
});

describe('damaged PDF', () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', listener);
  });
  afterEach(() => {
    process.off('unhandledRejection', listener);
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  /** A PDF of three pages of Helvetica text. */
  const threePages = () => pdfSource(['One', 'Two', 'Three'].map((text) => [{ x: 72, y: 700, text }]));

  it('an XRef entry of the wrong generation: no unhandled rejection from pdf.js, the pages are read', async () => {
    // pdf.js fetches pages 2 and 3 ahead while it opens page 1; their fetches fail and were
    // never handled (an unhandled rejection kills the process), then it rebuilds the XRef
    const lines = threePages().split('\n');
    const xref = lines.indexOf('xref');
    for (const obj of [6, 8]) lines[xref + 2 + obj] = lines[xref + 2 + obj].replace(' 00000 n', ' 00001 n');
    const result = await readOrRefuse(utf8(lines.join('\n')), 'generation.pdf');
    await settle();
    expect(unhandled).toEqual([]);
    expect(result).toBe('One\nTwo\nThree');
  });

  it('damaged in every way a byte can be: text or a one-line ReportReadError, nothing unhandled', async () => {
    const pdf = utf8(threePages());
    for (let at = 0; at < pdf.length; at += 31) {
      for (const byte of [0x00, 0x52]) {
        const damaged = pdf.slice();
        damaged[at] = byte;
        const result = await readOrRefuse(damaged, 'flipped.pdf');
        if (result instanceof ReportReadError) expect(result.message).not.toMatch(/\n/);
      }
    }
    await settle();
    expect(unhandled).toEqual([]);
  }, 60_000);

  it.skipIf(!HAS_CORPUS || !existsSync(join(CORPUS_DIR, 'hongze-2023.pdf')))(
    'hongze-2023.pdf with one byte of its XRef stream changed (found by fuzzing, seed 99)',
    async () => {
      const bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, 'hongze-2023.pdf')));
      const damaged = bytes.slice();
      damaged[293352 % damaged.length] = 242;
      const result = await readOrRefuse(damaged, 'hongze-2023.pdf');
      await settle();
      expect(unhandled).toEqual([]);
      expect(typeof result === 'string' || result.message.includes('damaged')).toBe(true);
    },
  );
  if (!HAS_CORPUS) console.warn('*** ../shared/corpus is absent: the damaged hongze-2023.pdf case is SKIPPED ***');
});
