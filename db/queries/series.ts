// A metric over years, for regions and for their totals, with year-over-year change; and
// regions ranked by a metric in one year.

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { selectRows } from '../sql';
import { ratio, tidy, yearOverYear, type Change } from './arithmetic';
import { metricById, type Metric } from './metrics';
import {
  DEFAULT_SCOPE,
  LEVEL_ORDER,
  aggregate,
  columnSum,
  compareRegions,
  regionCondition,
  regionLabels,
  yearCondition,
  type GroupRow,
  type Level,
  type RegionLabel,
  type RegionSelection,
  type ReportScope,
  type Selection,
} from './selection';

/** The reports a metric is defined for: those whose tables follow one of its template versions. */
export function definedCondition(metric: Metric): SQL {
  if (metric.definedBy === 'prose') return sql`true`;
  return sql`f.template in (${sql.join(
    metric.definedBy.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** A report's value (count) or its numerator and denominator (ratio), null when it states none. */
export function metricParts(metric: Metric): { numerator: SQL; denominator: SQL | null } {
  if (metric.kind !== 'ratio') return { numerator: columnSum(metric.columns), denominator: null };
  const numerator = columnSum(metric.numerator);
  const denominator = columnSum(metric.denominator);
  // both stated, or neither counts: a ratio is only ever computed over the same reports
  const both = sql`${numerator} is not null and ${denominator} is not null`;
  return { numerator: sql`(case when ${both} then ${numerator} end)`, denominator: sql`(case when ${both} then ${denominator} end)` };
}

export interface MetricValue {
  /** the sum (count metrics) or Σ numerator / Σ denominator × 100 (ratio metrics) */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** reports whose figures are in the value */
  reports: number;
  /** reports of the selection whose template version defines this figure differently (left out) */
  excluded: number;
  /** reports of a defining version that do not state the figure */
  unstated: number;
}

export interface SeriesPoint extends MetricValue, Change {
  year: number;
}

export interface MetricSeries {
  metric: Metric;
  scope: ReportScope;
  /** one series per level in the selection: the regions of that level added up */
  totals: { level: Level; points: SeriesPoint[] }[];
  regions: { region: RegionLabel; points: SeriesPoint[] }[];
}

function valueOf(metric: Metric, row: GroupRow | undefined): MetricValue {
  if (!row) return { value: null, reports: 0, excluded: 0, unstated: 0 };
  const reports = row.counts.value;
  const base = { reports, excluded: row.tallies.excluded, unstated: row.reports - row.tallies.excluded - reports };
  if (metric.kind !== 'ratio') return { ...base, value: tidy(row.sums.value) };
  const numerator = tidy(row.sums.value);
  const denominator = tidy(row.sums.denominator);
  return { ...base, value: ratio(numerator, denominator), numerator, denominator };
}

function groupRows<K>(rows: GroupRow[], key: (r: GroupRow) => K): Map<K, GroupRow[]> {
  const out = new Map<K, GroupRow[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

function pointsOf(metric: Metric, rows: GroupRow[], years: readonly number[]): SeriesPoint[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return years.map((year) => {
    const current = valueOf(metric, byYear.get(year));
    const previous = byYear.has(year - 1) ? valueOf(metric, byYear.get(year - 1)).value : null;
    return { year, ...current, ...yearOverYear(current.value, previous) };
  });
}

export interface SeriesParams extends Selection {
  metric: string;
  /** one series per region too (default: when regions are given by id) */
  perRegion?: boolean;
}

/**
 * The metric for each selected year, per region and added up per level, with the change from
 * the year before (read even when that year is not asked for). Only reports whose template
 * version defines the metric are counted; the others are reported as `excluded`.
 */
export async function metricSeries(db: Db, params: SeriesParams): Promise<MetricSeries> {
  const metric = metricById(params.metric);
  const scope = params.scope ?? DEFAULT_SCOPE;
  const years = [...new Set(params.years)].sort((a, b) => a - b);
  const regions = await regionCondition(db, params);
  if (!regions || years.length === 0) return { metric, scope, totals: [], regions: [] };
  const withPrevious = [...new Set([...years, ...years.map((y) => y - 1)])];
  const { numerator, denominator } = metricParts(metric);
  const defined = definedCondition(metric);
  const measures = [{ key: 'value', value: numerator, when: defined }];
  if (denominator) measures.push({ key: 'denominator', value: denominator, when: defined });
  const rows = await aggregate(
    db,
    sql`f.scope = ${scope} and ${yearCondition(withPrevious)} and ${regions}`,
    measures,
    { perRegion: params.perRegion ?? params.regionIds !== undefined, tallies: { excluded: sql`not (${defined})` } },
  );
  const asked = new Set(years);
  const totals = groupRows(rows.filter((r) => r.regionId === null), (r) => r.level);
  const perRegion = groupRows(rows.filter((r) => r.regionId !== null), (r) => r.regionId!);
  const labels = await regionLabels(db, [...perRegion.keys()]);
  const result: MetricSeries = { metric, scope, totals: [], regions: [] };
  for (const [level, group] of [...totals].sort((a, b) => LEVEL_ORDER[a[0]] - LEVEL_ORDER[b[0]])) {
    if (group.some((r) => asked.has(r.year))) result.totals.push({ level, points: pointsOf(metric, group, years) });
  }
  for (const [id, group] of perRegion) {
    const region = labels.get(id);
    if (region && group.some((r) => asked.has(r.year))) result.regions.push({ region, points: pointsOf(metric, group, years) });
  }
  result.regions.sort((a, b) => compareRegions(a.region, b.region));
  return result;
}

export interface RankParams extends RegionSelection {
  metric: string;
  year: number;
  scope?: ReportScope;
  order?: 'desc' | 'asc';
  limit?: number;
  offset?: number;
  /** ratio metrics: leave out regions whose denominator is smaller (a 100% of 1 case) */
  minDenominator?: number;
}

export interface RankRow {
  rank: number;
  region: RegionLabel;
  city: string | null;
  province: string | null;
  value: number;
  numerator?: number;
  denominator?: number;
}

export interface Ranking {
  metric: Metric;
  year: number;
  scope: ReportScope;
  rows: RankRow[];
  /** regions ranked (before limit and offset) */
  ranked: number;
  /** reports of a version that defines the metric differently */
  excluded: number;
  /** reports that do not state it (or, for a ratio, whose denominator is too small) */
  unstated: number;
}

/**
 * Regions of one level ranked by a metric in one year (equal values share a rank). A ratio is
 * each region's own Σ numerator / Σ denominator.
 */
export async function rankRegions(db: Db, params: RankParams): Promise<Ranking> {
  const metric = metricById(params.metric);
  const scope = params.scope ?? DEFAULT_SCOPE;
  const result: Ranking = { metric, year: params.year, scope, rows: [], ranked: 0, excluded: 0, unstated: 0 };
  const regions = await regionCondition(db, params);
  if (!regions) return result;
  const { numerator, denominator } = metricParts(metric);
  const value = denominator ? sql`(case when ${denominator} > 0 then ${numerator} * 100.0 / ${denominator} end)` : numerator;
  const enough = denominator ? sql`coalesce(${denominator}, 0) >= ${Math.max(params.minDenominator ?? 0, 0)}` : sql`true`;
  const direction = params.order === 'asc' ? sql`asc` : sql`desc`;
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`with v as (
          select f.region_id, f.city_id, f.province_id, ${definedCondition(metric)} as defined, ${value} as value,
                 ${numerator} as numerator, ${denominator ?? sql`null::float8`} as denominator, ${enough} as enough
          from report_facts f where f.scope = ${scope} and f.year = ${params.year} and ${regions}),
        counts as (
          select count(*) filter (where defined and value is not null and enough)::int as ranked,
                 count(*) filter (where not defined)::int as excluded,
                 count(*) filter (where defined and (value is null or not enough))::int as unstated
          from v),
        top as (
          select v.*, rank() over (order by value ${direction}) as rank from v
          where defined and value is not null and enough
          order by value ${direction}, region_id limit ${params.limit ?? 20} offset ${params.offset ?? 0})
        select counts.*, top.rank, top.region_id, top.value, top.numerator, top.denominator,
               g.code, g.name, g.level, c.name as city, p.name as province
        from counts left join top on true
        left join regions g on g.id = top.region_id
        left join regions c on c.id = top.city_id
        left join regions p on p.id = top.province_id
        order by top.rank, g.code, top.region_id`,
  );
  if (rows.length === 0) return result;
  result.ranked = Number(rows[0].ranked);
  result.excluded = Number(rows[0].excluded);
  result.unstated = Number(rows[0].unstated);
  for (const r of rows) {
    if (r.region_id === null) continue;
    const row: RankRow = {
      rank: Number(r.rank),
      region: { id: Number(r.region_id), code: r.code as string | null, name: r.name as string, level: r.level as Level },
      city: r.city as string | null,
      province: r.province as string | null,
      value: tidy(Number(r.value))!,
    };
    if (denominator) {
      row.numerator = tidy(Number(r.numerator))!;
      row.denominator = tidy(Number(r.denominator))!;
    }
    result.rows.push(row);
  }
  return result;
}
