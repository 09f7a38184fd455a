// The report page's tables laid out from contract objects: table 三 with 23 rows (2019, one
// （六）其他处理 row) or 25 (2021, three), table 二 per template version, table 四's 15 cells,
// the prose figures, and every failed check marked in the cell it points at.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  activityLayout,
  appealsLayout,
  applicationsLayout,
  applicationsShape,
  indexFailures,
  OUTCOMES_HEADING,
  proactiveLayout,
  proactiveVersion,
  type CheckLike,
} from '../components/report/layout';
import { failureRowLabel } from '../components/report/ChecksList';
import { exact, exactSigned, statedPercent } from '../components/report/format';
import { readBundle } from '../db/bundle';
import type { Report } from '../lib/report/contract';
import { APPLICANT_COLUMNS } from '../lib/report/labels';

const huitong = JSON.parse(readFileSync(new URL('./fixtures/huitong-2020.report.json', import.meta.url), 'utf8')) as Report;
const hongze = readBundle().find((e) => e.name === 'hongze-2023.pdf')!.report;

const asChecks = (report: Report): CheckLike[] => report.checks.map((c) => ({ checkId: c.id, ok: c.ok, severity: c.severity, failures: c.failures }));

/** 会同 2020 reprinted in the 2021 form: （六） in three rows, table 二 with the 2021 columns. */
function as2021(report: Report): Report {
  const { other, ...apps } = report.applications!;
  const zero = [0, 0, 0, 0, 0, 0, 0];
  return {
    ...report,
    template: '2021',
    applications: { ...apps, 'other.overdueCorrection': [1, 0, 0, 0, 0, 0, 1], 'other.overdueFee': zero, 'other.other': other },
    proactive: {
      regulations: { issued: 0, repealed: 0, inForce: 3 },
      normativeDocuments: { issued: 15, repealed: 2, inForce: 126 },
      licensing: { decisions: 13185 },
      penalties: { decisions: 1023 },
      enforcement: { decisions: 2009 },
      fees: { amountWan: 25.1 },
    },
    sources: { ...report.sources, 'applications.other.overdueCorrection[0]': 470, 'proactive.fees.amountWan': 121 },
  };
}

describe('table 三', () => {
  it('lays out the 2019 form: 23 rows × 7 columns with 会同县 2020’s figures and lines', () => {
    const layout = applicationsLayout(huitong, indexFailures(asChecks(huitong)))!;
    expect(layout.shape).toBe('otherSingle');
    expect(layout.columns).toEqual(APPLICANT_COLUMNS);
    const rows = layout.rows.filter((r) => !r.heading);
    expect(rows).toHaveLength(23);
    expect(rows.every((r) => r.cells.length === 7)).toBe(true);
    expect(rows[0]).toMatchObject({ key: 'newReceived', label: '一、本年新收政府信息公开申请数量', depth: 0 });
    expect(rows[0].cells[0]).toMatchObject({ path: 'applications.newReceived[0]', value: 183, line: huitong.sources['applications.newReceived[0]'], failures: [] });
    const mass = rows.find((r) => r.key === 'notProcessed.massRepeated')!;
    expect(mass).toMatchObject({ label: '4.无正当理由大量反复申请', depth: 2 });
    expect(mass.cells[6].value).toBe(172);
    expect(mass.cells[0].line).toBe(459);
    expect(rows.find((r) => r.key === 'other')).toMatchObject({ label: '（六）其他处理', depth: 1 });
    // headings: 三、本年度办理结果 and the groups of several leaves
    expect(layout.rows.filter((r) => r.heading).map((r) => r.label)).toEqual([OUTCOMES_HEADING, '（三）不予公开', '（四）无法提供', '（五）不予处理']);
    expect(new Set(layout.rows.map((r) => r.key)).size).toBe(layout.rows.length);
  });

  it('lays out the 2021 form: 25 rows, （六） as a heading over three leaves', () => {
    const report = as2021(huitong);
    expect(applicationsShape(report)).toBe('otherSplit');
    const layout = applicationsLayout(report, new Map())!;
    const rows = layout.rows.filter((r) => !r.heading);
    expect(rows).toHaveLength(25);
    expect(layout.rows.filter((r) => r.heading).map((r) => r.label)).toEqual([OUTCOMES_HEADING, '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    expect(rows.find((r) => r.key === 'other.overdueCorrection')!.label).toMatch(/^1\.申请人无正当理由逾期不补正/u);
    expect(rows.find((r) => r.key === 'other.overdueCorrection')!.cells[0]).toMatchObject({ value: 1, line: 470 });
  });

  it('keeps the form the report prints (a 2021 report with （六） in one row) and leaves rows it lacks empty', () => {
    expect(applicationsShape(hongze)).toBe('otherSingle');
    expect(applicationsShape({ template: '2021', applications: {} })).toBe('otherSplit');
    const { granted: _, ...apps } = huitong.applications!;
    const layout = applicationsLayout({ ...huitong, applications: apps }, new Map())!;
    expect(layout.rows.find((r) => r.key === 'granted')!.cells.every((c) => c.value === undefined)).toBe(true);
    expect(applicationsLayout({ ...huitong, applications: undefined }, new Map())).toBeNull();
  });

  it('marks the cells a failed check points at, with expected and found', () => {
    const broken: Report = {
      ...huitong,
      applications: { ...huitong.applications!, total: [184, 0, 0, 0, 0, 0, 183] },
      checks: [
        { id: 'applications.total', ok: false, severity: 'hard', failures: [{ table: '三', row: 'total', column: '自然人', expected: 183, found: 184 }] },
        { id: 'applications.rowSums', ok: false, severity: 'hard', failures: [{ table: '三', row: 'total', column: '总计', expected: 184, found: 183 }] },
        { id: 'applications.balance', ok: true, severity: 'hard' },
      ],
    };
    const layout = applicationsLayout(broken, indexFailures(asChecks(broken)))!;
    const total = layout.rows.find((r) => r.key === 'total')!;
    expect(total.cells[0].failures).toEqual([{ checkId: 'applications.total', severity: 'hard', expected: 183, found: 184 }]);
    expect(total.cells[6].failures).toEqual([{ checkId: 'applications.rowSums', severity: 'hard', expected: 184, found: 183 }]);
    expect(total.cells.slice(1, 6).every((c) => c.failures.length === 0)).toBe(true);
    const marked = layout.rows.flatMap((r) => r.cells).filter((c) => c.failures.length > 0);
    expect(marked.map((c) => c.path)).toEqual(['applications.total[0]', 'applications.total[6]']);
  });
});

describe('table 四', () => {
  it('has 15 cells, and marks hongze 2023’s 行政复议 total (10 + 1 printed as 0)', () => {
    const layout = appealsLayout(hongze, indexFailures(asChecks(hongze)))!;
    expect(layout.groups.map((g) => g.label)).toEqual(['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉']);
    const cells = layout.groups.flatMap((g) => g.cells);
    expect(cells).toHaveLength(15);
    const review = layout.groups[0].cells;
    expect(review.map((c) => c.value)).toEqual([10, 1, 0, 0, 0]);
    expect(review[4]).toMatchObject({ path: 'appeals.review[4]', value: 0, line: 98 });
    expect(review[4].failures).toEqual([{ checkId: 'appeals.review.total', severity: 'hard', expected: 11, found: 0 }]);
    expect(layout.groups[2].cells[4].failures).toEqual([{ checkId: 'appeals.litigationAfterReview.total', severity: 'hard', expected: 5, found: 0 }]);
    expect(cells.filter((c) => c.failures.length).map((c) => c.path)).toEqual(['appeals.review[4]', 'appeals.litigationAfterReview[4]']);
  });
});

describe('table 二', () => {
  it('lays out the 2019 version: five blocks, signed changes, money', () => {
    const layout = proactiveLayout(huitong, new Map())!;
    expect(layout.version).toBe('2019');
    expect(layout.blocks.map((b) => [b.title, b.rows.map((r) => r.label)])).toEqual([
      ['第二十条第（一）项', ['规章', '规范性文件']],
      ['第二十条第（五）项', ['行政许可', '其他对外管理服务事项']],
      ['第二十条第（六）项', ['行政处罚', '行政强制']],
      ['第二十条第（八）项', ['行政事业性收费']],
      ['第二十条第（九）项', ['政府集中采购']],
    ]);
    const penalties = layout.blocks[2].rows[0].cells;
    expect(penalties.map((c) => [c.value, c.signed ?? false])).toEqual([
      [1815, false],
      [-181, true],
      [1023, false],
    ]);
    expect(layout.blocks[4].rows[0].cells[1]).toMatchObject({ path: 'proactive.procurement.amountWan', value: 26966.28, money: true, line: 137 });
  });

  it('lays out the 2021 version: no 其他对外管理服务事项, no 采购, fees in 万元; marks a cross-year failure', () => {
    const report = as2021(huitong);
    const failures = indexFailures([
      { checkId: 'crossYear.inForce', ok: false, severity: 'soft', failures: [{ table: '二', row: 'normativeDocuments', column: '现行有效件数', expected: 130, found: 126 }] },
    ]);
    const layout = proactiveLayout(report, failures)!;
    expect(layout.version).toBe('2021');
    expect(layout.blocks.map((b) => b.rows.map((r) => r.label))).toEqual([['规章', '行政规范性文件'], ['行政许可'], ['行政处罚', '行政强制'], ['行政事业性收费']]);
    expect(layout.blocks[3].rows[0].cells[0]).toMatchObject({ value: 25.1, money: true, line: 121 });
    const inForce = layout.blocks[0].rows[1].cells[2];
    expect(inForce).toMatchObject({ value: 126, failures: [{ checkId: 'crossYear.inForce', severity: 'soft', expected: 130, found: 126 }] });
    expect(proactiveVersion({ template: null, proactive: { licensing: { decisions: 3 } } })).toBe('2019');
    expect(proactiveVersion({ template: null, proactive: { fees: { amountWan: 3 } } })).toBe('2021');
  });
});

describe('prose figures', () => {
  it('lays out 会同县 2020’s hotline (7352 calls, 99.92% resolved) with their lines', () => {
    const layout = activityLayout(huitong, new Map())!;
    expect(layout.publishedItems).toMatchObject({ value: 1226, line: 13 });
    expect(layout.channels.map((c) => [c.kind, c.name])).toEqual([
      ['hotlines', '县长热线'],
      ['mailboxes', '县长信箱'],
    ]);
    expect(layout.channels[0].cells.received).toMatchObject({ path: 'activity.hotlines[0].received', value: 7352, line: 13 });
    expect(layout.channels[0].cells.resolutionRate.value).toBe(99.92);
    expect(layout.channels[1].cells.resolved.value).toBeUndefined();
  });

  it('marks a hotline rate that does not match its counts', () => {
    const failures = indexFailures([{ checkId: 'hotline.rates', ok: false, severity: 'soft', failures: [{ table: '正文', row: '县长热线', column: '办结率', expected: 99.92, found: 99.5 }] }]);
    const layout = activityLayout(huitong, failures)!;
    expect(layout.channels[0].cells.resolutionRate.failures).toEqual([{ checkId: 'hotline.rates', severity: 'soft', expected: 99.92, found: 99.5 }]);
    expect(layout.channels[1].cells.resolutionRate.failures).toEqual([]);
  });
});

describe('labels and numbers on the page', () => {
  it('names the row a failure points at, and prints figures exactly', () => {
    expect(failureRowLabel({ table: '三', row: 'total' })).toBe('（七）总计');
    expect(failureRowLabel({ table: '四', row: 'review' })).toBe('行政复议');
    expect(failureRowLabel({ table: '二', row: 'normativeDocuments' })).toBe('行政规范性文件');
    expect(failureRowLabel({ table: '正文', row: '县长热线' })).toBe('县长热线');
    expect(exact(123456)).toBe('123,456');
    expect(exact(-181)).toBe('−181');
    expect(exactSigned(58)).toBe('+58');
    expect(exact(26966.28)).toBe('26,966.28');
    expect(statedPercent(99.92)).toBe('99.92%');
  });
});
