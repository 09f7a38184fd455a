// Prose against tables (lib/checks/prose-claims.ts, lib/checks/prose-tables.ts): what the prose
// states, and the soft checks that hold it against tables 三, 四 and 二. Sentences below are
// made up for these tests; corpus text is only read from ../shared/corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProseClaims, type ProseClaim } from '../lib/checks/prose-claims';
import { LITIGATION_ROW, checkProseAppeals, checkProseApplications, checkProseProactive, proseTableChecks } from '../lib/checks/prose-tables';
import { runChecks } from '../lib/checks/identities';
import { extractProseClaims } from '../lib/parse/activity';
import { parseReportText } from '../lib/parse/report';
import type { AppealsTable, ApplicationsTable, Report } from '../lib/report/contract';
import { renderWithProse } from '../lib/synth/index';
import { normaliseText } from '../lib/text/normalise';

const claimsIn = (...sentences: string[]) => Object.fromEntries(findProseClaims(normaliseText(sentences.join('')).lines.join('\n')).map((c) => [c.key, c.value]));
const claim = (key: ProseClaim['key'], value: number, line = 3): ProseClaim => ({ key, value, line });
const row = (total: number | null, first: number | null = total) => [first, 0, 0, 0, 0, 0, total];

const apps: ApplicationsTable = {
  newReceived: row(95),
  carriedOver: row(5),
  granted: row(60),
  'unavailable.notHeld': row(30),
  other: row(4),
  total: row(94),
  carriedForward: row(6),
};

const appeals: AppealsTable = {
  review: [3, 1, 0, 1, 5],
  litigationDirect: [1, 0, 0, 1, 2],
  litigationAfterReview: [1, 0, 0, 0, 1],
};

describe('prose claims', () => {
  it('reads applications answered and carried forward, in either word order', () => {
    expect(claimsIn('全年共受理政府信息公开申请95件,答复94件(含上年度结转5件),另有6件顺延到下年度办理。')).toEqual({
      'applications.answered': 94,
      'applications.carriedForward': 6,
    });
    expect(claimsIn('本年新收政府信息公开申请20件,办结18件,结转下年度继续办理2件。')).toEqual({ 'applications.answered': 18, 'applications.carriedForward': 2 });
    expect(claimsIn('全年共收到并按时办结16件政府信息公开申请。')).toEqual({ 'applications.answered': 16 });
  });

  it('does not take counts of letters, calls or proposals for applications', () => {
    expect(claimsIn('全年收到群众来信359件,其中答复351件。')).toEqual({});
    expect(claimsIn('12345热线受理来电500件,办结498件。')).toEqual({});
    expect(claimsIn('收到政府信息公开申请10件。办理人大代表建议12件,答复12件。')).toEqual({});
  });

  it('reads review and litigation counts about disclosure, and a statement that there were none', () => {
    expect(claimsIn('因政府信息公开引起的行政复议案件9件,行政诉讼案件3件。')).toEqual({ 'appeals.review': 9, 'appeals.litigation': 3 });
    expect(claimsIn('信息公开类行政复议6件,诉讼2件,均获维持。')).toEqual({ 'appeals.review': 6, 'appeals.litigation': 2 });
    expect(claimsIn('全年办理政府信息公开申请8件,未发生因政府信息公开引起的行政复议、行政诉讼。')).toEqual({ 'appeals.review': 0, 'appeals.litigation': 0 });
    // the outcome after the count is not a count of cases
    expect(claimsIn('政府信息公开行政复议12件,其中结果维持8件。')).toEqual({ 'appeals.review': 12 });
    // nothing says these are about disclosure
    expect(claimsIn('全年办理行政复议案件56件。')).toEqual({});
  });

  it('reads regulations and normative documents made or published this year, not those in force or of departments', () => {
    expect(claimsIn('全年主动公开规章4件,行政规范性文件21件,其他文件80件。')).toEqual({ 'proactive.regulations': 4, 'proactive.normativeDocuments': 21 });
    expect(claimsIn('其中新制定行政规范性文件7件、清理并公开现行有效的行政规范性文件88件。')).toEqual({ 'proactive.normativeDocuments': 7 });
    expect(claimsIn('公报刊登政府规章、规范性文件等30件,部门规范性文件12件。')).toEqual({});
    expect(claimsIn('本年度现行有效规范性文件40件。')).toEqual({});
  });

  it('leaves out approximate figures', () => {
    expect(claimsIn('全年答复政府信息公开申请300余件。')).toEqual({});
    expect(claimsIn('全年政府信息公开行政复议约20件。')).toEqual({});
  });

  it('keeps the first statement of a kind, with its line', () => {
    const lines = normaliseText(['一、总体情况', '全年政府信息公开行政复议4件。', '其中市政府办行政复议2件。', '二、主动公开政府信息情况'].join('\n')).lines;
    expect(extractProseClaims(lines)).toEqual([{ key: 'appeals.review', value: 4, line: 2 }]);
  });
});

describe('prose.applications against table 三', () => {
  it('finds a contradiction and names the table cell, the prose figure and its line', () => {
    const check = checkProseApplications({ applications: { received: 17 } }, apps, { 'activity.applications.received': 12 })!;
    expect(check).toMatchObject({ id: 'prose.applications', ok: false, severity: 'soft' });
    expect(check.failures).toEqual([{ table: '三', row: 'newReceived', column: '总计', expected: 17, found: 95, line: 12 }]);
    expect(check.detail).toBe('正文第 12 行：收到申请 17 件；表三：本年新收 95 件（加上年结转为 100 件）');
  });

  it('agrees when the prose counts the carried-over applications in (受理 may include them)', () => {
    expect(checkProseApplications({ applications: { received: 95 } }, apps)).toMatchObject({ ok: true });
    expect(checkProseApplications({ applications: { received: 100 } }, apps)).toMatchObject({ ok: true });
    expect(checkProseApplications({ applications: { received: 96 } }, apps)).toMatchObject({ ok: false });
  });

  it('holds answered, carried over and carried forward against their rows', () => {
    const agree = checkProseApplications({ applications: { carriedOver: 5 } }, apps, {}, [claim('applications.answered', 94), claim('applications.carriedForward', 6)])!;
    expect(agree).toMatchObject({ ok: true });
    const disagree = checkProseApplications({ applications: { carriedOver: 7 } }, apps, {}, [claim('applications.answered', 90, 8), claim('applications.carriedForward', 6)])!;
    expect(disagree.failures).toEqual([
      { table: '三', row: 'carriedOver', column: '总计', expected: 7, found: 5 },
      { table: '三', row: 'total', column: '总计', expected: 90, found: 94, line: 8 },
    ]);
  });

  it('accepts for answered what the balance gives when （七）总计 is misprinted', () => {
    const misprinted = { ...apps, total: row(99) };
    expect(checkProseApplications(undefined, misprinted, {}, [claim('applications.answered', 94)])).toMatchObject({ ok: true });
  });

  it('reads a 总计 printed blank as its row’s sum, and skips a row printed wholly blank', () => {
    const blankTotal = { ...apps, newReceived: [90, 5, null, null, null, null, null] };
    expect(checkProseApplications({ applications: { received: 95 } }, blankTotal)).toMatchObject({ ok: true });
    const blankRow = { ...apps, newReceived: [null, null, null, null, null, null, null] };
    expect(checkProseApplications({ applications: { received: 17 } }, blankRow)).toBeNull();
  });

  it('is left out when the prose states none of the figures, or the table lacks the rows', () => {
    expect(checkProseApplications(undefined, apps)).toBeNull();
    expect(checkProseApplications({ publishedItems: 300 }, apps)).toBeNull();
    expect(checkProseApplications({ applications: { received: 17 } }, { granted: row(3) })).toBeNull();
  });
});

describe('prose.appeals against table 四', () => {
  it('agrees with the printed totals, and flags a different count', () => {
    expect(checkProseAppeals(appeals, [claim('appeals.review', 5), claim('appeals.litigation', 3)])).toMatchObject({ id: 'prose.appeals', ok: true, severity: 'soft' });
    const check = checkProseAppeals(appeals, [claim('appeals.review', 0, 4)])!;
    expect(check.failures).toEqual([{ table: '四', row: 'review', column: '总计', expected: 0, found: 5, line: 4 }]);
  });

  it('accepts the outcome sum when the printed total is wrong (the hard check says so)', () => {
    const misprinted: AppealsTable = { ...appeals, review: [3, 1, 0, 1, 0] };
    expect(checkProseAppeals(misprinted, [claim('appeals.review', 5)])).toMatchObject({ ok: true });
  });

  it('adds up the two litigation groups, and names the direct group when nothing came after review', () => {
    expect(checkProseAppeals(appeals, [claim('appeals.litigation', 2)])!.failures).toEqual([
      { table: '四', row: LITIGATION_ROW, column: '总计', expected: 2, found: 3, line: 3 },
    ]);
    const directOnly: AppealsTable = { ...appeals, litigationAfterReview: [0, 0, 0, 0, 0] };
    expect(checkProseAppeals(directOnly, [claim('appeals.litigation', 1)])!.failures).toEqual([
      { table: '四', row: 'litigationDirect', column: '总计', expected: 1, found: 2, line: 3 },
    ]);
  });

  it('is left out without a prose count', () => {
    expect(checkProseAppeals(appeals, [claim('applications.answered', 3)])).toBeNull();
  });
});

describe('prose.proactive against table 二', () => {
  it('reads 新制作 or 新公开 in the 2019 table, 制发 in the 2021 table', () => {
    const v2019 = { normativeDocuments: { newlyMade: 7, newlyPublished: 9, totalPublished: 120 } };
    expect(checkProseProactive(v2019, [claim('proactive.normativeDocuments', 9)])).toMatchObject({ ok: true });
    expect(checkProseProactive(v2019, [claim('proactive.normativeDocuments', 120)])!.failures).toEqual([
      { table: '二', row: 'normativeDocuments', column: '本年新制作数量', expected: 120, found: 7, line: 3 },
    ]);
    const v2021 = { regulations: { issued: 1, repealed: 0, inForce: 11 } };
    expect(checkProseProactive(v2021, [claim('proactive.regulations', 1)])).toMatchObject({ ok: true });
    expect(checkProseProactive(v2021, [claim('proactive.regulations', 11)])!.failures![0]).toMatchObject({ column: '本年制发件数', found: 1 });
  });

  it('is left out when the row is absent', () => {
    expect(checkProseProactive({ licensing: { decisions: 4 } }, [claim('proactive.regulations', 1)])).toBeNull();
  });
});

describe('wiring', () => {
  it('runs with the other checks, one per table the prose meets, soft', () => {
    const ids = proseTableChecks({ activity: { applications: { received: 95 } }, claims: [claim('appeals.review', 5)], applications: apps, appeals }).map((c) => [c.id, c.severity]);
    expect(ids).toEqual([
      ['prose.applications', 'soft'],
      ['prose.appeals', 'soft'],
    ]);
    expect(runChecks({ appeals, claims: [claim('appeals.review', 2)] }).find((c) => c.id === 'prose.appeals')).toMatchObject({ ok: false });
    expect(runChecks({ claims: [claim('appeals.review', 2)] })).toEqual([]);
  });

  it('flags a parsed report whose prose contradicts table 三, keeping both figures as printed', () => {
    const seed = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;
    const text = renderWithProse(seed, ['2020年,县政府办公室共受理政府信息公开申请17件,答复17件。']);
    const report = parseReportText(text);
    expect(report.applications?.newReceived?.[6]).toBe(183);
    expect(report.activity?.applications?.received).toBe(17);
    const check = report.checks.find((c) => c.id === 'prose.applications')!;
    expect(check).toMatchObject({ ok: false, severity: 'soft' });
    expect(check.failures?.map((f) => [f.row, f.expected, f.found])).toEqual([
      ['newReceived', 17, 183],
      ['total', 17, 183],
    ]);
    // a soft failure is no identity failure
    expect(report.warnings.filter((w) => w.code === 'identity-failed')).toEqual([]);
  });
});
