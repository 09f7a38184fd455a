// The parse's time limit holds inside its phases, not only between them: a page that is a data
// dump (90,000 table rows) or one enormous table stops with the limit's message in about the
// limit, instead of running for minutes. Wall-time bounds here are loose on purpose (CI
// machines are slow and shared); the point is the error and its message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportReadError } from '../lib/formats/errors';
import { Deadline } from '../lib/parse/deadline';
import { MAX_TEXT_CHARS, parseReportText } from '../lib/parse/report';
import { MAX_TABLE_LINES } from '../lib/parse/sections';

const SEED = readFileSync(new URL('./fixtures/huitong-2020.txt', import.meta.url), 'utf8');
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

const GIANT_INPUTS: [string, string][] = [
  ['100,000 lines of numbers', rows(100_000, (i) => `${i} ${i % 7} 0 1 2 3 4 ${i % 97}`)],
  ['one enormous table 三 (91,000 rows)', `三、收到和处理政府信息公开申请情况\n${rows(91_000, (i) => `| 事项${i} | ${i % 7} | 0 | 1 | 2 | 3 | 4 | ${i} |`)}`],
  ['one enormous table 二 (91,000 rows)', `二、主动公开政府信息情况\n第二十条第(一)项\n${rows(91_000, (i) => `| 信息内容${i} 规章 | ${i} | ${i % 7} | 1 |`)}`],
  ['prose without an end', rows(60_000, (i) => `网站发布信息${i}条县长信箱收到来信${i}件`)],
  ['a report with a data dump in table 二', SEED.replace('第二十条', `第二十条\n${rows(50_000, (i) => `| 项目名称${i} | ${i % 97} | ${i % 13} | ${i} |`)}\n第二十条`)],
];

function parseError(text: string, timeLimitMs: number): { error: unknown; ms: number } {
  const t0 = performance.now();
  try {
    parseReportText(text, { file: 'giant.txt', timeLimitMs });
    return { error: null, ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

describe('time limit inside the phases', () => {
  it('builds inputs a report may have in size (under MAX_TEXT_CHARS)', () => {
    for (const [, text] of GIANT_INPUTS) expect(text.length).toBeLessThan(MAX_TEXT_CHARS);
  });

  it.each(GIANT_INPUTS)('%s: stops with the time-limit error', (_, text) => {
    // a limit of 1 ms is over before the first phase ends, whatever the machine
    const { error, ms } = parseError(text, 1);
    expect(error).toBeInstanceOf(ReportReadError);
    // "while": inside the first phase, not after it
    expect((error as ReportReadError).message).toMatch(/^parse took longer than 1 ms \(stopped while [^)]+\)$/u);
    expect((error as ReportReadError).file).toBe('giant.txt');
    expect(ms).toBeLessThan(10_000);
  });

  it.each(GIANT_INPUTS)('%s: with a 200 ms limit, either finishes or stops well within seconds', (_, text) => {
    const { error, ms } = parseError(text, 200);
    if (error !== null) {
      expect(error).toBeInstanceOf(ReportReadError);
      expect((error as ReportReadError).message).toMatch(/^parse took longer than 200 ms \(stopped (?:while|after) [^)]+\)$/u);
    }
    expect(ms).toBeLessThan(10_000);
  });

  it('names the phase it stopped in', () => {
    const { error } = parseError(GIANT_INPUTS[1][1], 1);
    expect((error as Error).message).toBe('parse took longer than 1 ms (stopped while normalising)');
  });

  it('does not change a normal parse, and a normal parse is far within the default limit', () => {
    const t0 = performance.now();
    const bounded = parseReportText(SEED, { timeLimitMs: 60_000 });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(parseReportText(SEED)).toEqual(bounded);
  });

  it('reads only a bounded number of lines of a table whose region runs on', () => {
    // the rows past the cap are never read: a label there does not count
    const filler = rows(MAX_TABLE_LINES + 10, (i) => `| 项目${i} |`);
    const text = `三、收到和处理政府信息公开申请情况\n| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n${filler}\n| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |`;
    const report = parseReportText(text);
    expect(report.applications?.newReceived).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(report.applications?.carriedOver).toBeUndefined();
  });
});

describe('Deadline', () => {
  it('reads the clock every 256 ticks and throws the parse error', () => {
    const deadline = new Deadline(Date.now() - 1, 5, 'a.txt');
    let ticks = 0;
    expect(() => {
      for (; ticks < 1000; ticks++) deadline.tick('testing');
    }).toThrow(new ReportReadError('parse took longer than 5 ms (stopped while testing)', 'a.txt'));
    expect(ticks).toBe(255);
    expect(() => deadline.checkAfter('tests')).toThrow('parse took longer than 5 ms (stopped after tests)');
    expect(() => Deadline.after(60_000).check('testing')).not.toThrow();
  });
});
