// Prose against tables (soft checks): what section 一 says about applications, review and
// litigation, and documents made this year, against what tables 三, 四 and 二 print. A report
// may speak of another scope in its prose (区政府办受理17件 while table 三 covers the whole
// district: 95), so a disagreement is worth a look, not an error; neither figure is corrected.
//
// One check per table: prose.applications (三), prose.appeals (四), prose.proactive (二), left
// out when no prose figure meets a printed row. A failure names the table cell the prose
// contradicts: `found` is what the cell prints, `expected` what the prose states, and `line`
// the prose's line (the cell's own line is in `sources`).
//
// Tolerance: counts must be equal, but every reading the national format allows passes.
// - received (收到/受理 N 件): 一、本年新收, or 新收 + 二、上年结转 (受理 may include them).
// - answered (答复/办结 N 件): （七）总计, or 一 + 二 − 四 (what the balance gives).
// - carried over / carried forward: 二、上年结转 / 四、结转下年度继续办理.
// - review (行政复议 N 件): 行政复议 总计, or 维持+纠正+其他+尚未审结 (a misprinted total is
//   the hard check's business, not this one's); litigation: the two litigation groups added.
// - regulations / normative documents made: 新制作 or 新公开 (2019 table), 制发 (2021 table).
// A 总计 printed blank is read as the sum of its row's printed cells; a row printed wholly blank
// is not compared. Approximate prose figures (5500余条) are never claims (prose-claims.ts).

import type { Activity, AppealsTable, ApplicationsTable, CheckFailure, CheckResult, ProactiveTable } from '../report/contract';
import { APPEAL_COLUMNS, APPEAL_TOTAL_INDEX, APPLICANT_COLUMNS, APPLICANT_TOTAL_INDEX, PROACTIVE_COLUMNS, type ApplicationRowKey } from '../report/labels';
import type { ProseClaim, ProseClaimKey } from './prose-claims';

/** The row of a failure that stands for table 四's two litigation groups together. */
export const LITIGATION_ROW = '行政诉讼（两类合计）';

type Cell = number | null | undefined;

/** One prose figure held against one table cell. */
interface Comparison {
  stated: number;
  line: number | undefined;
  /** what the prose says, for the detail: 收到申请 */
  what: string;
  /** every table reading the prose figure may equal */
  readings: number[];
  cell: Pick<CheckFailure, 'table' | 'row' | 'column'> & { found: number | null; label: string };
  /** more about the table's readings, for the detail: （加上年结转为 183 件） */
  note?: string;
}

const sum = (cells: readonly Cell[]) => cells.reduce<number>((a, b) => a + (b ?? 0), 0);
const stated = (cells: readonly Cell[]) => cells.some((c) => c !== null && c !== undefined);

/** The 总计 of a table-三 row: as printed, or the sum of its applicant cells when printed blank. */
function applicantTotal(row: readonly Cell[] | undefined): number | null {
  if (!row) return null;
  const total = row[APPLICANT_TOTAL_INDEX];
  if (total !== null && total !== undefined) return total;
  const parts = row.slice(0, APPLICANT_TOTAL_INDEX);
  return stated(parts) ? sum(parts) : null;
}

/** A table-四 group's total as printed and as its outcome columns add up (either may be null). */
function appealReadings(row: readonly Cell[] | undefined): number[] {
  if (!row) return [];
  const parts = row.slice(0, APPEAL_TOTAL_INDEX);
  const total = row[APPEAL_TOTAL_INDEX];
  const readings: number[] = [];
  if (total !== null && total !== undefined) readings.push(total);
  if (stated(parts)) readings.push(sum(parts));
  return readings;
}

const claimOf = (claims: readonly ProseClaim[], key: ProseClaimKey) => claims.find((c) => c.key === key);

function result(id: string, comparisons: Comparison[]): CheckResult | null {
  if (comparisons.length === 0) return null;
  const failures: CheckFailure[] = [];
  const details: string[] = [];
  for (const c of comparisons) {
    const where = c.line ? `正文第 ${c.line} 行` : '正文';
    const printed = c.cell.found === null ? '空' : `${c.cell.found} 件`;
    details.push(`${where}：${c.what} ${c.stated} 件；表${c.cell.table}：${c.cell.label} ${printed}${c.note ?? ''}`);
    if (c.readings.includes(c.stated)) continue;
    const { table, row, column, found } = c.cell;
    failures.push({ table, row, column, expected: c.stated, found, ...(c.line ? { line: c.line } : {}) });
  }
  const detail = details.join('；');
  return failures.length ? { id, ok: false, severity: 'soft', detail, failures } : { id, ok: true, severity: 'soft', detail };
}

function applicationsCell(apps: ApplicationsTable, row: ApplicationRowKey, label: string): Comparison['cell'] {
  return { table: '三', row, column: APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX], found: apps[row]?.[APPLICANT_TOTAL_INDEX] ?? null, label };
}

/**
 * The prose's application figures against table 三: received (from the contract's
 * activity.applications), carried over, answered and carried forward.
 */
export function checkProseApplications(
  activity: Activity | undefined,
  apps: ApplicationsTable,
  sources: Record<string, number> = {},
  claims: readonly ProseClaim[] = [],
): CheckResult | null {
  const newReceived = applicantTotal(apps.newReceived);
  const carriedOver = applicantTotal(apps.carriedOver);
  const total = applicantTotal(apps.total);
  const carriedForward = applicantTotal(apps.carriedForward);
  const comparisons: Comparison[] = [];
  const received = activity?.applications?.received;
  if (received !== undefined && newReceived !== null) {
    comparisons.push({
      stated: received,
      line: sources['activity.applications.received'],
      what: '收到申请',
      readings: [newReceived, newReceived + (carriedOver ?? 0)],
      cell: applicationsCell(apps, 'newReceived', '本年新收'),
      ...(carriedOver ? { note: `（加上年结转为 ${newReceived + carriedOver} 件）` } : {}),
    });
  }
  const proseCarried = activity?.applications?.carriedOver;
  if (proseCarried !== undefined && carriedOver !== null) {
    comparisons.push({
      stated: proseCarried,
      line: sources['activity.applications.carriedOver'],
      what: '上年结转',
      readings: [carriedOver],
      cell: applicationsCell(apps, 'carriedOver', '上年结转'),
    });
  }
  const answered = claimOf(claims, 'applications.answered');
  if (answered && total !== null) {
    const balance = newReceived !== null && carriedOver !== null && carriedForward !== null ? [newReceived + carriedOver - carriedForward] : [];
    comparisons.push({ stated: answered.value, line: answered.line, what: '答复（办结）申请', readings: [total, ...balance], cell: applicationsCell(apps, 'total', '（七）总计') });
  }
  const forward = claimOf(claims, 'applications.carriedForward');
  if (forward && carriedForward !== null) {
    comparisons.push({ stated: forward.value, line: forward.line, what: '结转下年度', readings: [carriedForward], cell: applicationsCell(apps, 'carriedForward', '结转下年度继续办理') });
  }
  return result('prose.applications', comparisons);
}

/** The prose's counts of review and litigation cases against table 四. */
export function checkProseAppeals(appeals: AppealsTable, claims: readonly ProseClaim[]): CheckResult | null {
  const column = APPEAL_COLUMNS[APPEAL_TOTAL_INDEX];
  const comparisons: Comparison[] = [];
  const review = claimOf(claims, 'appeals.review');
  const reviewReadings = appealReadings(appeals.review);
  if (review && reviewReadings.length) {
    comparisons.push({
      stated: review.value,
      line: review.line,
      what: '行政复议',
      readings: reviewReadings,
      cell: { table: '四', row: 'review', column, found: appeals.review[APPEAL_TOTAL_INDEX] ?? null, label: '行政复议总计' },
    });
  }
  const litigation = claimOf(claims, 'appeals.litigation');
  const direct = appealReadings(appeals.litigationDirect);
  const afterReview = appealReadings(appeals.litigationAfterReview);
  if (litigation && (direct.length || afterReview.length)) {
    const readings = (direct.length ? direct : [0]).flatMap((d) => (afterReview.length ? afterReview : [0]).map((a) => d + a));
    const directTotal = appeals.litigationDirect?.[APPEAL_TOTAL_INDEX] ?? null;
    const afterTotal = appeals.litigationAfterReview?.[APPEAL_TOTAL_INDEX] ?? null;
    // with nothing after review, the direct group's cell is the one the prose speaks of
    const cell: Comparison['cell'] = afterReview.every((a) => a === 0)
      ? { table: '四', row: 'litigationDirect', column, found: directTotal, label: '行政诉讼总计' }
      : { table: '四', row: LITIGATION_ROW, column, found: (directTotal ?? 0) + (afterTotal ?? 0), label: '行政诉讼两类总计之和' };
    comparisons.push({ stated: litigation.value, line: litigation.line, what: '行政诉讼', readings, cell });
  }
  return result('prose.appeals', comparisons);
}

const MADE_THIS_YEAR = ['newlyMade', 'newlyPublished', 'issued'] as const;

/** The prose's counts of regulations and normative documents made this year against table 二. */
export function checkProseProactive(proactive: ProactiveTable, claims: readonly ProseClaim[]): CheckResult | null {
  const comparisons: Comparison[] = [];
  for (const [key, what] of [
    ['regulations', '制发规章'],
    ['normativeDocuments', '制发规范性文件'],
  ] as const) {
    const claim = claimOf(claims, `proactive.${key}`);
    const row = proactive[key];
    if (!claim || !row) continue;
    const columns = MADE_THIS_YEAR.filter((c) => row[c] !== undefined);
    if (columns.length === 0 || !stated(columns.map((c) => row[c]))) continue;
    const first = columns[0];
    const version = first === 'issued' ? '2021' : '2019';
    const label = PROACTIVE_COLUMNS[version]['一'].find((c) => c.key === first)!.label;
    comparisons.push({
      stated: claim.value,
      line: claim.line,
      what,
      readings: columns.map((c) => row[c] ?? 0),
      cell: { table: '二', row: key, column: label, found: row[first] ?? null, label: `${key === 'regulations' ? '规章' : '规范性文件'}${label}` },
    });
  }
  return result('prose.proactive', comparisons);
}

export interface ProseTablesInput {
  activity?: Activity;
  claims?: readonly ProseClaim[];
  proactive?: ProactiveTable;
  applications?: ApplicationsTable;
  appeals?: AppealsTable;
  sources?: Record<string, number>;
}

/** Every prose-versus-table check the report's figures allow, in table order 三, 四, 二. */
export function proseTableChecks(input: ProseTablesInput): CheckResult[] {
  const { activity, claims = [], proactive, applications, appeals, sources = {} } = input;
  const out: (CheckResult | null)[] = [];
  if (applications) out.push(checkProseApplications(activity, applications, sources, claims));
  if (appeals) out.push(checkProseAppeals(appeals, claims));
  if (proactive) out.push(checkProseProactive(proactive, claims));
  return out.filter((c): c is CheckResult => c !== null);
}
