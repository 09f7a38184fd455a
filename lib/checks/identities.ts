// Every accounting identity a report can be held to (report-json.md "Checks"). Printed
// figures are never corrected: a failure names table, row, column, expected and found.
// A blank (null) cell inside a printed table counts as 0.

import type { Activity, AppealsTable, ApplicationsTable, CheckFailure, CheckResult, Channel, ProactiveTable } from '../report/contract';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPEAL_TOTAL_INDEX,
  APPLICANT_COLUMNS,
  APPLICANT_TOTAL_INDEX,
  APPLICATION_ROWS,
  applicationRowLabel,
  type ApplicationRowKey,
} from '../report/labels';
import type { ProseClaim } from './prose-claims';
import { proseTableChecks } from './prose-tables';

export { checkProseApplications } from './prose-tables';

const n = (v: number | null | undefined) => v ?? 0;
const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + n(b), 0);

export interface CheckInput {
  proactive?: ProactiveTable;
  applications?: ApplicationsTable;
  appeals?: AppealsTable;
  activity?: Activity;
  /** prose figures outside the contract, for the prose-versus-tables checks */
  claims?: readonly ProseClaim[];
  sources?: Record<string, number>;
}

function result(id: string, severity: CheckResult['severity'], detail: string, failures: CheckFailure[]): CheckResult {
  return failures.length ? { id, ok: false, severity, detail, failures } : { id, ok: true, severity, detail };
}

export function checkApplicationsBalance(apps: ApplicationsTable, sources: Record<string, number> = {}): CheckResult | null {
  const { newReceived, carriedOver, total, carriedForward } = apps;
  if (!newReceived || !carriedOver || !total || !carriedForward) return null;
  const failures: CheckFailure[] = [];
  APPLICANT_COLUMNS.forEach((column, c) => {
    const expected = n(newReceived[c]) + n(carriedOver[c]) - n(carriedForward[c]);
    if (n(total[c]) !== expected) {
      failures.push({ table: '三', row: 'total', column, expected, found: total[c], line: sources[`applications.total[${c}]`] });
    }
  });
  return result('applications.balance', 'hard', '一+二 = （七）总计+四, per column', failures);
}

export function checkApplicationsTotal(apps: ApplicationsTable, sources: Record<string, number> = {}): CheckResult | null {
  const outcomeKeys = APPLICATION_ROWS.filter((r) => r.outcome && apps[r.key]).map((r) => r.key);
  if (!apps.total || outcomeKeys.length === 0) return null;
  const failures: CheckFailure[] = [];
  APPLICANT_COLUMNS.forEach((column, c) => {
    const expected = outcomeKeys.reduce((acc, k) => acc + n(apps[k]![c]), 0);
    if (n(apps.total![c]) !== expected) {
      failures.push({ table: '三', row: 'total', column, expected, found: apps.total![c], line: sources[`applications.total[${c}]`] });
    }
  });
  return result('applications.total', 'hard', '（七）总计 = sum of all outcome rows, per column', failures);
}

export function checkApplicationsRowSums(apps: ApplicationsTable, sources: Record<string, number> = {}): CheckResult | null {
  const rows = Object.entries(apps) as [ApplicationRowKey, (number | null)[]][];
  if (rows.length === 0) return null;
  const failures: CheckFailure[] = [];
  for (const [key, values] of rows) {
    const expected = sum(values.slice(0, APPLICANT_TOTAL_INDEX));
    if (n(values[APPLICANT_TOTAL_INDEX]) !== expected) {
      failures.push({
        table: '三',
        row: key,
        column: APPLICANT_COLUMNS[APPLICANT_TOTAL_INDEX],
        expected,
        found: values[APPLICANT_TOTAL_INDEX],
        line: sources[`applications.${key}[${APPLICANT_TOTAL_INDEX}]`],
      });
    }
  }
  return result('applications.rowSums', 'hard', '总计 = sum of the six applicant columns, per row', failures);
}

export function checkAppealGroups(appeals: AppealsTable, sources: Record<string, number> = {}): CheckResult[] {
  return APPEAL_GROUPS.map(({ key, label }) => {
    const row = appeals[key];
    const expected = sum(row.slice(0, APPEAL_TOTAL_INDEX));
    const found = row[APPEAL_TOTAL_INDEX];
    const failures: CheckFailure[] =
      n(found) === expected
        ? []
        : [{ table: '四', row: key, column: APPEAL_COLUMNS[APPEAL_TOTAL_INDEX], expected, found, line: sources[`appeals.${key}[${APPEAL_TOTAL_INDEX}]`] }];
    return result(`appeals.${key}.total`, 'hard', `${label}：总计 ${found ?? '空'} vs 维持+纠正+其他+尚未审结 = ${expected}`, failures);
  });
}

/** resolved / received, at the printed precision of the rate (rounded or truncated). */
export function rateMatches(resolved: number, received: number, printedRate: number): boolean {
  if (received <= 0) return false;
  const exact = (resolved / received) * 100;
  const decimals = (String(printedRate).split('.')[1] ?? '').length;
  const scale = 10 ** decimals;
  const eps = 1e-9;
  return Math.abs(Math.round(exact * scale) / scale - printedRate) < eps || Math.abs(Math.floor(exact * scale + eps) / scale - printedRate) < eps;
}

export function checkHotlineRates(activity: Activity, sources: Record<string, number> = {}): CheckResult | null {
  const channels: [string, Channel, number][] = [
    ...(activity.hotlines ?? []).map((c, i) => ['hotlines', c, i] as [string, Channel, number]),
    ...(activity.mailboxes ?? []).map((c, i) => ['mailboxes', c, i] as [string, Channel, number]),
  ].filter(([, c]) => c.received !== undefined && c.resolved !== undefined && c.resolutionRate !== undefined);
  if (channels.length === 0) return null;
  const failures: CheckFailure[] = [];
  const details: string[] = [];
  for (const [list, c, i] of channels) {
    const exact = (c.resolved! / c.received!) * 100;
    details.push(`${c.name}: ${exact.toFixed(4)}% computed vs ${c.resolutionRate} printed`);
    if (!rateMatches(c.resolved!, c.received!, c.resolutionRate!)) {
      failures.push({ table: '正文', row: c.name, column: '办结率', expected: Number(exact.toFixed(2)), found: c.resolutionRate!, line: sources[`activity.${list}[${i}].resolutionRate`] });
    }
  }
  return result('hotline.rates', 'soft', details.join('; '), failures);
}

export function runChecks(input: CheckInput): CheckResult[] {
  const { proactive, applications, appeals, activity, claims, sources = {} } = input;
  const out: (CheckResult | null)[] = [];
  if (applications) {
    out.push(checkApplicationsBalance(applications, sources), checkApplicationsTotal(applications, sources), checkApplicationsRowSums(applications, sources));
  }
  if (appeals) out.push(...checkAppealGroups(appeals, sources));
  if (activity) out.push(checkHotlineRates(activity, sources));
  out.push(...proseTableChecks({ activity, claims, proactive, applications, appeals, sources }));
  return out.filter((c): c is CheckResult => c !== null);
}

/** One line per failed cell, in Chinese, for warnings and the CLI. */
export function describeFailure(check: CheckResult, f: CheckFailure): string {
  const row = f.table === '三' && APPLICATION_ROWS.some((r) => r.key === f.row) ? applicationRowLabel(f.row as ApplicationRowKey) : (APPEAL_GROUPS.find((g) => g.key === f.row)?.label ?? f.row);
  return `表${f.table}「${row}」${f.column}：印为 ${f.found ?? '空'}，按 ${check.id} 应为 ${f.expected}`;
}
