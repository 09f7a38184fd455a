// What every dashboard query is asked about: regions, years and a scope, and the one way
// figures are added up over them (report_facts, alias f).
//
// Counts only add up over reports of one scope AND one region level: a city's report covers
// its counties, so a city is never added to them. Every aggregate is therefore grouped by
// (year, level); a selection that mixes levels gets one total per level.

import { sql, type SQL } from 'drizzle-orm';
import type { FactColumn } from '../../lib/report/facts';
import type { Db } from '../client';
import { selectRows } from '../sql';
import type { RegionRow, ReportRow } from '../schema';

export type Level = RegionRow['level'];
export type ReportScope = ReportRow['scope'];

export interface RegionSelection {
  /** every region, of every level (each level is still totalled apart) */
  all?: true;
  /** these regions */
  regionIds?: readonly number[];
  /** or every region of `level` inside `regionId` (a province, city or county); nationwide without `regionId` */
  within?: { regionId?: number | null; level: Level };
}

export interface Selection extends RegionSelection {
  years: readonly number[];
  /** default `jurisdiction` */
  scope?: ReportScope;
}

export interface RegionLabel {
  id: number;
  code: string | null;
  name: string;
  level: Level;
}

export class SelectionError extends Error {}

export const DEFAULT_SCOPE: ReportScope = 'jurisdiction';

export const col = (c: FactColumn): SQL => sql.raw(`f.${c}`);

/** a + b + … over the stated columns; null when none is stated */
export function columnSum(columns: readonly FactColumn[]): SQL {
  if (columns.length === 1) return col(columns[0]);
  const stated = sql.join(
    columns.map((c) => sql`${col(c)} is not null`),
    sql` or `,
  );
  const total = sql.join(
    columns.map((c) => sql`coalesce(${col(c)}, 0)`),
    sql` + `,
  );
  return sql`(case when ${stated} then ${total} end)`;
}

const list = (values: readonly (number | string)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The condition on f for the selected regions, or null when the selection is empty. */
export async function regionCondition(db: Db, selection: RegionSelection): Promise<SQL | null> {
  if (selection.all) return sql`true`;
  if (selection.regionIds) {
    const ids = [...new Set(selection.regionIds)];
    return ids.length ? sql`f.region_id in (${list(ids)})` : null;
  }
  if (!selection.within) throw new SelectionError('select regions by all, regionIds or within');
  const { regionId, level } = selection.within;
  const sameLevel = sql`f.level = ${level}`;
  if (regionId === undefined || regionId === null) return sameLevel;
  const [outer] = await selectRows<{ level: Level }>(db, sql`select level from regions where id = ${regionId}`);
  if (!outer) return null;
  const ancestor = outer.level === 'province' ? sql`f.province_id` : outer.level === 'city' ? sql`f.city_id` : sql`f.parent_id`;
  return sql`${ancestor} = ${regionId} and ${sameLevel}`;
}

export const yearCondition = (years: readonly number[]) => sql`f.year in (${list([...new Set(years)])})`;

/** scope, years and regions; null when nothing can match */
export async function selectionCondition(db: Db, selection: Selection, years = selection.years): Promise<SQL | null> {
  if (years.length === 0) return null;
  const regions = await regionCondition(db, selection);
  if (!regions) return null;
  return sql`f.scope = ${selection.scope ?? DEFAULT_SCOPE} and ${yearCondition(years)} and ${regions}`;
}

/** A figure summed over the reports `when` admits; its contributors are counted. */
export interface Measure {
  key: string;
  value: SQL;
  when?: SQL;
}

export interface GroupRow {
  year: number;
  level: Level;
  /** null for the total of the level */
  regionId: number | null;
  reports: number;
  sums: Record<string, number | null>;
  /** reports that contributed to each measure */
  counts: Record<string, number>;
  /** extra counts (`tallies`) */
  tallies: Record<string, number>;
}

export interface AggregateOptions {
  /** also one row per region and year, not only per level and year */
  perRegion: boolean;
  /** reports counted under a condition, e.g. those a metric is not defined for */
  tallies?: Record<string, SQL>;
}

/**
 * Sums of the measures per (year, level), and per (year, level, region) when asked, in one
 * query (GROUPING SETS).
 */
export async function aggregate(db: Db, condition: SQL, measures: readonly Measure[], options: AggregateOptions): Promise<GroupRow[]> {
  const tallies = Object.entries(options.tallies ?? {});
  const selects = [
    ...measures.flatMap((m, i) => {
      const filter = m.when ? sql`${m.value} is not null and (${m.when})` : sql`${m.value} is not null`;
      return [sql`sum(${m.value}) filter (where ${filter}) as ${sql.raw(`s${i}`)}`, sql`count(*) filter (where ${filter})::int as ${sql.raw(`n${i}`)}`];
    }),
    ...tallies.map(([, when], i) => sql`count(*) filter (where ${when})::int as ${sql.raw(`t${i}`)}`),
  ];
  const grouping = options.perRegion ? sql`grouping sets ((f.year, f.level), (f.year, f.level, f.region_id))` : sql`f.year, f.level`;
  const regionId = options.perRegion ? sql`case when grouping(f.region_id) = 0 then f.region_id end` : sql`null::int`;
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select f.year, f.level, ${regionId} as region_id, count(*)::int as reports, ${sql.join(selects, sql`, `)}
        from report_facts f where ${condition} group by ${grouping}`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    level: r.level as Level,
    regionId: r.region_id === null ? null : Number(r.region_id),
    reports: Number(r.reports),
    sums: Object.fromEntries(measures.map((m, i) => [m.key, r[`s${i}`] === null ? null : Number(r[`s${i}`])])),
    counts: Object.fromEntries(measures.map((m, i) => [m.key, Number(r[`n${i}`])])),
    tallies: Object.fromEntries(tallies.map(([k], i) => [k, Number(r[`t${i}`])])),
  }));
}

export async function regionLabels(db: Db, ids: readonly number[]): Promise<Map<number, RegionLabel>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<RegionLabel>(db, sql`select id, code, name, level from regions where id in (${list([...new Set(ids)])})`);
  return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
}

/** Geographic order: GB/T 2260 code first, unlisted names after. */
export function compareRegions(a: RegionLabel, b: RegionLabel): number {
  const ka = a.code ?? `~${a.name}`;
  const kb = b.code ?? `~${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
}

export const LEVEL_ORDER: Record<Level, number> = { province: 0, city: 1, county: 2, body: 3 };

export interface Grouped<T> {
  /** per level and year: what adds up */
  totals: (T & { level: Level; year: number })[];
  /** per region and year (when asked) */
  regions: (T & { region: RegionLabel; year: number })[];
}

/** Splits aggregate rows into level totals and region rows, ordered, each mapped by `shape`. */
export async function grouped<T>(db: Db, rows: GroupRow[], shape: (row: GroupRow) => T): Promise<Grouped<T>> {
  const labels = await regionLabels(
    db,
    rows.filter((r) => r.regionId !== null).map((r) => r.regionId!),
  );
  const totals = rows
    .filter((r) => r.regionId === null)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.year - b.year)
    .map((r) => ({ ...shape(r), level: r.level, year: r.year }));
  const regions = rows
    .filter((r) => r.regionId !== null && labels.has(r.regionId))
    .map((r) => ({ ...shape(r), region: labels.get(r.regionId!)!, year: r.year }))
    .sort((a, b) => compareRegions(a.region, b.region) || a.year - b.year);
  return { totals, regions };
}
