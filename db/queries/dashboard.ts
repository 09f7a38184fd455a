// What the overview needs beyond the shared queries: the regions to choose from, the years
// with reports (to pick the default year), the reports behind a year's figures (to link every
// number to its report), a share the metrics do not list (不予处理 over 总计), and the reasons
// of 不予处理.
//
// A selection is a scope, and either some regions (ids) or every region (undefined). Like the
// shared queries these read report_facts, one narrow row per current report.

import { sql, type SQL } from 'drizzle-orm';
import { APPLICANT_TOTAL_INDEX, APPLICATION_ROWS } from '../../lib/report/labels';
import type { FactColumn } from '../../lib/report/facts';
import type { Db } from '../client';
import { selectRows } from '../sql';
import { ratio, tidy } from './arithmetic';
import { LEVEL_ORDER, col, columnSum, compareRegions, yearCondition, type Level, type RegionLabel, type ReportScope } from './selection';

export interface DashboardSelection {
  scope: ReportScope;
  /** undefined: every region */
  regionIds?: readonly number[];
}

const list = (values: readonly (number | string)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

function where(selection: DashboardSelection, years?: readonly number[]): SQL {
  const parts: SQL[] = [sql`f.scope = ${selection.scope}`];
  if (selection.regionIds !== undefined) parts.push(selection.regionIds.length ? sql`f.region_id in (${list([...new Set(selection.regionIds)])})` : sql`false`);
  if (years !== undefined) parts.push(years.length ? yearCondition(years) : sql`false`);
  return sql.join(parts, sql` and `);
}

export interface RegionOption extends RegionLabel {
  /** the city (or, without one, the province) it lies in, to tell namesakes apart */
  within: string | null;
  /** report counts by scope */
  scopes: Partial<Record<ReportScope, number>>;
}

/** Every region with a current report of any scope, in geographic order. */
export async function regionOptions(db: Db): Promise<RegionOption[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select g.id, g.code, g.name, g.level, coalesce(c.name, p.name) as within, f.scope, count(*)::int as n
        from report_facts f join regions g on g.id = f.region_id
        left join regions c on c.id = f.city_id left join regions p on p.id = f.province_id
        group by g.id, g.code, g.name, g.level, c.name, p.name, f.scope`,
  );
  const byId = new Map<number, RegionOption>();
  for (const r of rows) {
    const id = Number(r.id);
    let option = byId.get(id);
    if (!option) byId.set(id, (option = { id, code: r.code as string | null, name: r.name as string, level: r.level as Level, within: r.within as string | null, scopes: {} }));
    option.scopes[r.scope as ReportScope] = Number(r.n);
  }
  return [...byId.values()].sort(compareRegions);
}

/** The region of each token (a GB/T 2260 code, a name or an alias); tokens that name none are returned apart. */
export async function resolveRegions(db: Db, tokens: readonly string[]): Promise<{ regions: RegionLabel[]; unknown: string[] }> {
  if (tokens.length === 0) return { regions: [], unknown: [] };
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select t.token, g.id, g.code, g.name, g.level
        from unnest(${sql`array[${list(tokens)}]::text[]`}) as t(token)
        join lateral (
          select g.* from regions g
          where g.code = t.token or g.name = t.token
             or exists (select 1 from region_aliases a where a.region_id = g.id and a.alias = t.token)
          order by (g.code = t.token) desc nulls last, (g.name = t.token) desc, g.id
          limit 1) g on true`,
  );
  const found = new Map(rows.map((r) => [r.token as string, { id: Number(r.id), code: r.code as string | null, name: r.name as string, level: r.level as Level }]));
  const regions = new Map<number, RegionLabel>();
  for (const t of tokens) {
    const r = found.get(t);
    if (r) regions.set(r.id, r);
  }
  return { regions: [...regions.values()], unknown: tokens.filter((t) => !found.has(t)) };
}

export interface YearCoverage {
  years: { year: number; regions: number; withTables: number }[];
  /** regions with table figures in any year */
  regionsWithTables: number;
}

/** Per year: regions with a report, and regions whose report has table figures. */
export async function yearCoverage(db: Db, selection: DashboardSelection): Promise<YearCoverage> {
  const condition = where(selection);
  const tables = sql`f.completeness in ('complete', 'tables')`;
  const [years, [all]] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`select f.year, count(distinct f.region_id)::int as regions, count(distinct f.region_id) filter (where ${tables})::int as with_tables
          from report_facts f where ${condition} group by f.year order by f.year`,
    ),
    selectRows<{ n: number }>(db, sql`select count(distinct f.region_id)::int as n from report_facts f where ${condition} and ${tables}`),
  ]);
  return {
    years: years.map((r) => ({ year: Number(r.year), regions: Number(r.regions), withTables: Number(r.with_tables) })),
    regionsWithTables: Number(all?.n ?? 0),
  };
}

/** Reports per scope in a year, for the selected regions (to say what another scope holds). */
export async function scopeCounts(db: Db, year: number, regionIds?: readonly number[]): Promise<Partial<Record<ReportScope, number>>> {
  const regions = regionIds === undefined ? sql`true` : regionIds.length ? sql`f.region_id in (${list(regionIds)})` : sql`false`;
  const rows = await selectRows<{ scope: ReportScope; n: number }>(db, sql`select f.scope, count(*)::int as n from report_facts f where f.year = ${year} and ${regions} group by f.scope`);
  return Object.fromEntries(rows.map((r) => [r.scope, Number(r.n)]));
}

/** What a report states, for telling which reports a figure comes from. */
export const STATED = {
  applications: 'app_new',
  outcomes: 'app_total',
  published: 'published_items',
  hotline: 'hotline_received',
  appeals: 'review_total',
} as const satisfies Record<string, FactColumn>;
export type Stated = keyof typeof STATED;

export interface StatedSource {
  /** reports of the level that state the figure */
  reports: number;
  /** the report, when exactly one states it */
  reportId: number | null;
}

/** Per level, for each kind of figure: how many reports of the year state it, and which when one does. */
export async function statedByLevel(db: Db, selection: DashboardSelection, year: number): Promise<Map<Level, Record<Stated, StatedSource>>> {
  const keys = Object.keys(STATED) as Stated[];
  const cond = (k: Stated) => (k === 'appeals' ? sql`coalesce(f.review_total, f.lit_direct_total, f.lit_after_total) is not null` : sql`${col(STATED[k])} is not null`);
  const selects = keys.map((k) => sql`count(*) filter (where ${cond(k)})::int as n_${sql.raw(k)}, min(f.report_id) filter (where ${cond(k)}) as r_${sql.raw(k)}`);
  const rows = await selectRows<Record<string, unknown>>(db, sql`select f.level, ${sql.join(selects, sql`, `)} from report_facts f where ${where(selection, [year])} group by f.level`);
  return new Map(
    rows.map((r) => [
      r.level as Level,
      Object.fromEntries(
        keys.map((k) => {
          const n = Number(r[`n_${k}`]);
          return [k, { reports: n, reportId: n === 1 ? Number(r[`r_${k}`]) : null }];
        }),
      ) as Record<Stated, StatedSource>,
    ]),
  );
}

/** Reports per (year, level, template), to explain what a metric leaves out. */
export async function templateCounts(db: Db, selection: DashboardSelection, years: readonly number[]): Promise<{ year: number; level: Level; template: string | null; reports: number }[]> {
  const rows = await selectRows<Record<string, unknown>>(db, sql`select f.year, f.level, f.template, count(*)::int as n from report_facts f where ${where(selection, years)} group by f.year, f.level, f.template`);
  return rows.map((r) => ({ year: Number(r.year), level: r.level as Level, template: r.template as string | null, reports: Number(r.n) }));
}

/** The report of each region in a year (one per region, year and scope). */
export async function reportIdsFor(db: Db, scope: ReportScope, years: readonly number[], regionIds: readonly number[]): Promise<Map<string, number>> {
  if (regionIds.length === 0 || years.length === 0) return new Map();
  const rows = await selectRows<{ region_id: number; year: number; report_id: number }>(
    db,
    sql`select f.region_id, f.year, f.report_id from report_facts f where ${where({ scope, regionIds }, years)}`,
  );
  return new Map(rows.map((r) => [reportKey(Number(r.region_id), Number(r.year)), Number(r.report_id)]));
}

export const reportKey = (regionId: number, year: number) => `${regionId}|${year}`;

export interface ReportRef {
  reportId: number;
  year: number;
  region: RegionLabel;
  template: string | null;
  completeness: 'complete' | 'tables' | 'prose';
  stated: Record<Stated, boolean>;
}

export interface ReportList {
  /** in geographic order, at most `limit` */
  rows: ReportRef[];
  total: number;
}

/** The reports of the selection in these years (the sources of the figures). */
export async function selectionReports(db: Db, selection: DashboardSelection, years: readonly number[], limit = 500): Promise<ReportList> {
  const keys = Object.keys(STATED) as Stated[];
  const appeals = sql`coalesce(f.review_total, f.lit_direct_total, f.lit_after_total) is not null`;
  const statedSql = keys.map((k) => (k === 'appeals' ? sql`${appeals} as s_${sql.raw(k)}` : sql`${col(STATED[k])} is not null as s_${sql.raw(k)}`));
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select f.report_id, f.year, f.template, f.completeness, g.id, g.code, g.name, g.level, count(*) over ()::int as total, ${sql.join(statedSql, sql`, `)}
        from report_facts f join regions g on g.id = f.region_id
        where ${where(selection, years)}
        order by f.year, g.code nulls last, g.name, g.id limit ${limit}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      reportId: Number(r.report_id),
      year: Number(r.year),
      region: { id: Number(r.id), code: r.code as string | null, name: r.name as string, level: r.level as Level },
      template: r.template as string | null,
      completeness: r.completeness as ReportRef['completeness'],
      stated: Object.fromEntries(keys.map((k) => [k, r[`s_${k}`] === true])) as Record<Stated, boolean>,
    })),
  };
}

export interface SharePoint {
  level: Level;
  year: number;
  numerator: number | null;
  denominator: number | null;
  /** Σ numerator / Σ denominator × 100, over the reports that state both */
  value: number | null;
  reports: number;
}

/** A share of sums per (year, level), e.g. 不予处理 over 总计, over the reports that state both parts. */
export async function shareByLevel(db: Db, selection: DashboardSelection, years: readonly number[], numerator: readonly FactColumn[], denominator: readonly FactColumn[]): Promise<SharePoint[]> {
  const num = columnSum(numerator);
  const den = columnSum(denominator);
  const both = sql`${num} is not null and ${den} is not null`;
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select f.year, f.level, sum(${num}) filter (where ${both}) as num, sum(${den}) filter (where ${both}) as den, count(*) filter (where ${both})::int as n
        from report_facts f where ${where(selection, years)} group by f.year, f.level`,
  );
  return rows
    .map((r) => {
      const n = r.num === null ? null : tidy(Number(r.num));
      const d = r.den === null ? null : tidy(Number(r.den));
      return { level: r.level as Level, year: Number(r.year), numerator: n, denominator: d, value: ratio(n, d), reports: Number(r.n) };
    })
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.year - b.year);
}

export interface Reason {
  key: string;
  label: string;
  value: number;
}

/** 不予处理 by reason (the total column), added up over these reports; reasons with a figure only. */
export async function notProcessedReasons(db: Db, reportIds: readonly number[]): Promise<Reason[]> {
  const rows = APPLICATION_ROWS.filter((r) => r.key.startsWith('notProcessed.'));
  if (reportIds.length === 0 || rows.length === 0) return [];
  const paths = rows.map((r) => `applications.${r.key}[${APPLICANT_TOTAL_INDEX}]`);
  const sums = await selectRows<{ path: string; v: number | null }>(
    db,
    sql`select path, sum(value) as v from figures where report_id in (${list(reportIds)}) and path in (${list(paths)}) group by path`,
  );
  const byPath = new Map(sums.map((s) => [s.path, s.v === null ? null : Number(s.v)]));
  return rows
    .map((r, i): { key: string; label: string; value: number | null } => ({ key: r.key, label: r.label.replace(/^（五）\d+[.、]\s*/u, ''), value: byPath.get(paths[i]) ?? null }))
    .filter((r): r is Reason => r.value !== null)
    .sort((a, b) => b.value - a.value);
}
