// Failed checks of current reports, filtered by check, severity, regions, years and scope,
// newest first, with the number of failures per check for the same filter.

import { sql, type SQL } from 'drizzle-orm';
import type { CheckFailure } from '../../lib/report/contract';
import type { Db } from '../client';
import type { ReportRow } from '../schema';
import { selectRows } from '../sql';
import { regionCondition, yearCondition, type Level, type RegionLabel, type RegionSelection, type ReportScope } from './selection';

export interface FailedCheckParams extends RegionSelection {
  checkIds?: readonly string[];
  severity?: 'hard' | 'soft';
  years?: readonly number[];
  /** every scope when absent */
  scope?: ReportScope;
  limit?: number;
  offset?: number;
}

export interface FailedCheck {
  reportId: number;
  region: RegionLabel;
  year: number;
  scope: ReportScope;
  template: ReportRow['template'];
  checkId: string;
  severity: 'hard' | 'soft';
  detail: string | null;
  failures: CheckFailure[];
  /** cross-year checks: the other year's report */
  otherReportId: number | null;
}

export interface FailedChecks {
  /** failures matching the filter (before limit and offset) */
  total: number;
  rows: FailedCheck[];
  /** per check id and severity, for the same filter */
  byCheck: { checkId: string; severity: 'hard' | 'soft'; failed: number }[];
}

const EMPTY: FailedChecks = { total: 0, rows: [], byCheck: [] };

export async function failedChecks(db: Db, params: FailedCheckParams = {}): Promise<FailedChecks> {
  const conditions: SQL[] = [sql`not c.ok`];
  if (params.regionIds || params.within) {
    const regions = await regionCondition(db, params);
    if (!regions) return EMPTY;
    conditions.push(regions);
  }
  if (params.years) {
    if (params.years.length === 0) return EMPTY;
    conditions.push(yearCondition(params.years));
  }
  if (params.scope) conditions.push(sql`f.scope = ${params.scope}`);
  if (params.severity) conditions.push(sql`c.severity = ${params.severity}`);
  const filterWithoutCheck = sql.join(conditions, sql` and `);
  if (params.checkIds) {
    if (params.checkIds.length === 0) return EMPTY;
    conditions.push(
      sql`c.check_id in (${sql.join(
        params.checkIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  const filter = sql.join(conditions, sql` and `);
  // failures are a few per cent of check rows: select them first (partial index), each joined
  // to its report's facts by primary key (`offset 0` keeps the planner from turning that into a
  // scan of every report for a hash join), then sort and page them, then read the details
  // (jsonb failures) of the page only
  const failed = (where: SQL) =>
    sql`select c.id, c.check_id, c.severity, f.year, f.scope, f.template, f.region_id
        from check_results c
        cross join lateral (select * from report_facts f where f.report_id = c.report_id offset 0) f
        where ${where}`;
  const [rows, byCheck] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`with failed as materialized (${failed(filter)}),
          page as (
            select failed.*, g.code, g.name, g.level from failed join regions g on g.id = failed.region_id
            order by failed.year desc, g.code, g.name, failed.check_id, failed.id
            limit ${params.limit ?? 100} offset ${params.offset ?? 0})
          select page.*, c.report_id, c.detail, c.failures, c.other_report_id
          from page join check_results c on c.id = page.id
          order by page.year desc, page.code, page.name, page.check_id, page.id`,
    ),
    selectRows<{ check_id: string; severity: 'hard' | 'soft'; failed: number }>(
      db,
      sql`with failed as materialized (${failed(params.checkIds ? filterWithoutCheck : filter)})
          select check_id, severity, count(*)::int as failed from failed group by check_id, severity order by failed desc, check_id`,
    ),
  ]);
  const counted = byCheck.filter((b) => !params.checkIds || params.checkIds.includes(b.check_id));
  return {
    total: counted.reduce((a, b) => a + Number(b.failed), 0),
    rows: rows.map((r) => ({
      reportId: Number(r.report_id),
      region: { id: Number(r.region_id), code: r.code as string | null, name: r.name as string, level: r.level as Level },
      year: Number(r.year),
      scope: r.scope as ReportScope,
      template: r.template as ReportRow['template'],
      checkId: r.check_id as string,
      severity: r.severity as 'hard' | 'soft',
      detail: (r.detail as string | null) ?? null,
      failures: (r.failures as CheckFailure[] | null) ?? [],
      otherReportId: r.other_report_id === null ? null : Number(r.other_report_id),
    })),
    byCheck: byCheck.map((b) => ({ checkId: b.check_id, severity: b.severity, failed: Number(b.failed) })),
  };
}
