// Checks between consecutive years of the same body and scope (report-json.md "Checks"):
// crossYear.carriedOver (hard): 二、上年结转 (Y) = 四、结转下年度 (Y−1), per column;
// crossYear.inForce (soft, 2021 format): 现行有效 (Y) = 现行有效 (Y−1) + 制发 (Y) − 废止 (Y).

import type { CheckFailure, CheckResult, Report } from '../report/contract';
import { APPLICANT_COLUMNS } from '../report/labels';

type YearReport = Pick<Report, 'applications' | 'proactive' | 'template' | 'year'>;

const n = (v: number | null | undefined) => v ?? 0;

export function checkCarriedOver(previous: YearReport, current: YearReport): CheckResult | null {
  const before = previous.applications?.carriedForward;
  const now = current.applications?.carriedOver;
  if (!before || !now) return null;
  const failures: CheckFailure[] = [];
  APPLICANT_COLUMNS.forEach((column, c) => {
    if (n(now[c]) !== n(before[c])) failures.push({ table: '三', row: 'carriedOver', column, expected: n(before[c]), found: now[c] });
  });
  const detail = `${current.year}年上年结转 ${now[6] ?? '空'} vs ${previous.year}年结转下年度 ${before[6] ?? '空'}`;
  return failures.length ? { id: 'crossYear.carriedOver', ok: false, severity: 'hard', detail, failures } : { id: 'crossYear.carriedOver', ok: true, severity: 'hard', detail };
}

const IN_FORCE_ROWS = ['regulations', 'normativeDocuments'] as const;

export function checkInForce(previous: YearReport, current: YearReport): CheckResult | null {
  if (previous.template !== '2021' || current.template !== '2021') return null;
  const failures: CheckFailure[] = [];
  let compared = 0;
  for (const row of IN_FORCE_ROWS) {
    const before = previous.proactive?.[row];
    const now = current.proactive?.[row];
    if (!before || !now || before.inForce === undefined || now.inForce === undefined) continue;
    compared++;
    const expected = n(before.inForce) + n(now.issued) - n(now.repealed);
    if (n(now.inForce) !== expected) failures.push({ table: '二', row, column: '现行有效件数', expected, found: now.inForce ?? null });
  }
  if (compared === 0) return null;
  const detail = `现行有效(${current.year}) = 现行有效(${previous.year}) + 制发 − 废止`;
  return failures.length ? { id: 'crossYear.inForce', ok: false, severity: 'soft', detail, failures } : { id: 'crossYear.inForce', ok: true, severity: 'soft', detail };
}

export function crossYearChecks(previous: YearReport, current: YearReport): CheckResult[] {
  if (previous.year === null || current.year === null || current.year - previous.year !== 1) return [];
  return [checkCarriedOver(previous, current), checkInForce(previous, current)].filter((c): c is CheckResult => c !== null);
}
