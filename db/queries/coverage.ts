// Which region-years have a report of the scope, and what it holds: complete (three tables,
// checks hold), partial (some tables, or prose only), failed (a hard check fails, accounting
// identities or across years) or missing. The regions expected are the selected ones, or every
// division of the level in the national list inside the `within` region, plus any region of
// that level with a report there (unlisted places, departments, townships).

import { sql, type SQL } from 'drizzle-orm';
import { allPlaces, type Place } from '../../lib/geo/gazetteer';
import type { Db } from '../client';
import type { ReportRow } from '../schema';
import { selectRows } from '../sql';
import { DEFAULT_SCOPE, compareRegions, regionLabels, selectionCondition, type Level, type RegionLabel, type ReportScope, type Selection } from './selection';

export type CoverageStatus = 'complete' | 'partial' | 'failed' | 'missing';

export interface CoverageCell {
  year: number;
  status: CoverageStatus;
  reportId?: number;
  completeness?: ReportRow['completeness'];
  /** hard checks that fail */
  failedChecks?: number;
}

export interface CoverageRow {
  /** null for a division no report has named yet */
  regionId: number | null;
  code: string | null;
  name: string;
  level: Level;
  cells: CoverageCell[];
}

export interface CoverageCounts extends Record<CoverageStatus, number> {
  year: number;
  /** partial reports by kind */
  tablesOnly: number;
  proseOnly: number;
}

export interface Coverage {
  scope: ReportScope;
  years: number[];
  /** every expected region (omitted with `detail: false`) */
  rows: CoverageRow[];
  counts: CoverageCounts[];
}

export interface CoverageParams extends Selection {
  /** the per-region rows; counts only when false (default true) */
  detail?: boolean;
}

interface Found {
  regionId: number;
  year: number;
  reportId: number;
  completeness: ReportRow['completeness'];
  failed: number;
}

export function cellStatus(found: Pick<Found, 'completeness' | 'failed'> | undefined): CoverageStatus {
  if (!found) return 'missing';
  if (found.failed > 0) return 'failed';
  return found.completeness === 'complete' ? 'complete' : 'partial';
}

/** Divisions of `level` in the national list inside the place with this code (nationwide without one). */
export function listedWithin(level: Level, code: string | null): Place[] {
  if (level === 'body') return [];
  return allPlaces().filter((p) => {
    if (p.level !== level) return false;
    if (code === null) return true;
    return p.provinceCode === code || p.cityCode === code;
  });
}

async function expectedRegions(db: Db, params: Selection, found: Found[]): Promise<{ id: number | null; label: RegionLabel | null; place: Place | null }[]> {
  if (params.regionIds) {
    const labels = await regionLabels(db, params.regionIds);
    return [...labels.values()].map((label) => ({ id: label.id, label, place: null }));
  }
  const { regionId = null, level } = params.within!;
  let code: string | null = null;
  if (regionId !== null) {
    const [outer] = await selectRows<{ code: string | null }>(db, sql`select code from regions where id = ${regionId}`);
    if (!outer) return [];
    if (outer.code === null) return withReports(db, found);
    code = outer.code;
  }
  const listed = listedWithin(level, code);
  const codes = code === null ? sql`code is not null` : listed.length ? sql`code in (${sql.join(listed.map((p) => sql`${p.code}`), sql`, `)})` : sql`false`;
  const stored = await selectRows<RegionLabel>(db, sql`select id, code, name, level from regions where level = ${level} and ${codes}`);
  const byCode = new Map(stored.map((r) => [r.code!, { ...r, id: Number(r.id) }]));
  const out = listed.map((place) => {
    const label = byCode.get(place.code) ?? null;
    return { id: label?.id ?? null, label, place };
  });
  const listedIds = new Set(out.map((o) => o.id).filter((id) => id !== null));
  return [...out, ...(await withReports(db, found.filter((f) => !listedIds.has(f.regionId))))];
}

async function withReports(db: Db, found: Found[]) {
  const labels = await regionLabels(db, [...new Set(found.map((f) => f.regionId))]);
  return [...labels.values()].map((label) => ({ id: label.id, label, place: null }));
}

/**
 * Reports of the selection with failed hard checks, and how many. Driven from the failures (a
 * few per cent of check rows, on a partial index), each joined to its report's facts by primary
 * key: a plan that stays linear without table statistics (PGlite never analyzes on its own).
 */
async function failedReports(db: Db, condition: SQL): Promise<{ reportId: number; year: number; completeness: Found['completeness']; failed: number }[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select d.report_id, d.n, f.year, f.completeness
        from (select c.report_id, count(*)::int as n from check_results c where not c.ok and c.severity = 'hard' group by c.report_id) d
        cross join lateral (select f.year, f.completeness from report_facts f where f.report_id = d.report_id and ${condition} offset 0) f`,
  );
  return rows.map((r) => ({ reportId: Number(r.report_id), year: Number(r.year), completeness: r.completeness as Found['completeness'], failed: Number(r.n) }));
}

/** How many regions are expected: the selected ones, or the listed divisions plus unlisted regions with a report. */
async function expectedCount(db: Db, params: Selection, condition: SQL): Promise<number> {
  if (params.regionIds) return (await regionLabels(db, params.regionIds)).size;
  const { regionId = null, level } = params.within!;
  let code: string | null = null;
  if (regionId !== null) {
    const [outer] = await selectRows<{ code: string | null }>(db, sql`select code from regions where id = ${regionId}`);
    code = outer?.code ?? null;
  }
  const listed = regionId !== null && code === null ? 0 : listedWithin(level, code).length;
  const unlisted = listed === 0 ? sql`true` : sql`exists (select 1 from regions g where g.id = f.region_id and g.code is null)`;
  const [{ n }] = await selectRows<{ n: number }>(db, sql`select count(distinct f.region_id)::int as n from report_facts f where ${condition} and ${unlisted}`);
  return listed + Number(n);
}

/** The counts alone, added up in the database. */
async function coverageCounts(db: Db, params: Selection, condition: SQL, years: number[]): Promise<CoverageCounts[]> {
  const [rows, failed, expected] = await Promise.all([
    selectRows<{ year: number; completeness: Found['completeness']; n: number }>(
      db,
      sql`select f.year, f.completeness, count(*)::int as n from report_facts f where ${condition} group by f.year, f.completeness`,
    ),
    failedReports(db, condition),
    expectedCount(db, params, condition),
  ]);
  return years.map((year) => {
    const stored = (c: Found['completeness']) => Number(rows.find((r) => Number(r.year) === year && r.completeness === c)?.n ?? 0);
    const failing = (c: Found['completeness']) => failed.filter((f) => f.year === year && f.completeness === c).length;
    const [complete, tablesOnly, proseOnly] = (['complete', 'tables', 'prose'] as const).map((c) => stored(c) - failing(c));
    const failedCount = failed.filter((f) => f.year === year).length;
    const partial = tablesOnly + proseOnly;
    return { year, complete, partial, failed: failedCount, missing: expected - complete - partial - failedCount, tablesOnly, proseOnly };
  });
}

export async function coverage(db: Db, params: CoverageParams): Promise<Coverage> {
  const years = [...new Set(params.years)].sort((a, b) => a - b);
  const result: Coverage = { scope: params.scope ?? DEFAULT_SCOPE, years, rows: [], counts: [] };
  const condition = await selectionCondition(db, params);
  if (!condition) return result;
  if (params.detail === false) return { ...result, counts: await coverageCounts(db, params, condition, years) };
  const [stored, failed] = await Promise.all([
    selectRows<Record<string, unknown>>(db, sql`select f.region_id, f.year, f.report_id, f.completeness from report_facts f where ${condition}`),
    failedReports(db, condition),
  ]);
  const failures = new Map(failed.map((f) => [f.reportId, f.failed]));
  const found: Found[] = stored.map((r) => ({
    regionId: Number(r.region_id),
    year: Number(r.year),
    reportId: Number(r.report_id),
    completeness: r.completeness as Found['completeness'],
    failed: failures.get(Number(r.report_id)) ?? 0,
  }));
  const byRegionYear = new Map(found.map((f) => [`${f.regionId}|${f.year}`, f]));

  const expected = await expectedRegions(db, params, found);
  const rows: CoverageRow[] = expected.map(({ id, label, place }) => ({
    regionId: id,
    code: label?.code ?? place?.code ?? null,
    name: label?.name ?? place!.name,
    level: label?.level ?? (place!.level as Level),
    cells: years.map((year) => {
      const f = id === null ? undefined : byRegionYear.get(`${id}|${year}`);
      const cell: CoverageCell = { year, status: cellStatus(f) };
      if (f) Object.assign(cell, { reportId: f.reportId, completeness: f.completeness, failedChecks: f.failed });
      return cell;
    }),
  }));
  result.counts = years.map((year, i) => {
    const counts: CoverageCounts = { year, complete: 0, partial: 0, failed: 0, missing: 0, tablesOnly: 0, proseOnly: 0 };
    for (const row of rows) {
      const cell = row.cells[i];
      counts[cell.status]++;
      if (cell.status === 'partial') counts[cell.completeness === 'prose' ? 'proseOnly' : 'tablesOnly']++;
    }
    return counts;
  });
  result.rows = rows.sort((a, b) => compareRegions({ id: a.regionId ?? 0, ...a }, { id: b.regionId ?? 0, ...b }));
  return result;
}

// ---- One page of the matrix, for national scale -----------------------------------------

export interface CoveragePageParams extends Selection {
  /**
   * `reported`: only the regions with a report in the selection; `expected`: every expected
   * region (the listed divisions, then unlisted regions with a report). Selected regionIds
   * are always all shown.
   */
  rows: 'reported' | 'expected';
  limit: number;
  offset: number;
}

export interface CoveragePage {
  scope: ReportScope;
  years: number[];
  /** rows of the whole selection, before limit and offset */
  total: number;
  rows: CoverageRow[];
}

interface Slot {
  id: number | null;
  code: string | null;
  name: string;
  level: Level;
}

const toSlot = (r: Record<string, unknown>): Slot => ({ id: Number(r.id), code: r.code as string | null, name: r.name as string, level: r.level as Level });

/**
 * Regions of `level` with a report in the selection (those without a code only, with
 * `unlistedOnly`), in geographic order, one page of them, and how many there are. Driven from
 * the regions, each probed by its report_facts index (region, scope, year): linear in the
 * regions of the level, not in the reports, whatever the planner guesses (`offset 0` keeps the
 * probe from becoming a hash join over every report).
 */
async function reportedRegions(db: Db, condition: SQL, level: Level, unlistedOnly: boolean, limit: number, offset: number): Promise<{ total: number; slots: Slot[] }> {
  const which = sql`g.level = ${level}${unlistedOnly ? sql` and g.code is null` : sql``}
    and exists (select 1 from report_facts f where f.region_id = g.id and ${condition} offset 0)`;
  const count = async () => Number((await selectRows<{ n: number }>(db, sql`select count(*)::int as n from regions g where ${which}`))[0].n);
  if (limit <= 0) return { total: await count(), slots: [] };
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select g.id, g.code, g.name, g.level, count(*) over ()::int as total from regions g where ${which}
        order by g.code is null, g.code, g.name, g.id limit ${limit} offset ${offset}`,
  );
  // past the last row the window counts nothing: count apart
  const total = rows.length ? Number(rows[0].total) : offset > 0 ? await count() : 0;
  return { total, slots: rows.map(toSlot) };
}

/** The expected regions of a `within` selection, one page: the listed divisions (by code), then unlisted regions with a report. */
async function expectedPage(db: Db, params: CoveragePageParams, condition: SQL): Promise<{ total: number; slots: Slot[] }> {
  const { regionId = null, level } = params.within!;
  let code: string | null = null;
  if (regionId !== null) {
    const [outer] = await selectRows<{ code: string | null }>(db, sql`select code from regions where id = ${regionId}`);
    code = outer?.code ?? null;
    if (code === null) return reportedRegions(db, condition, level, false, params.limit, params.offset);
  }
  const listed = listedWithin(level, code).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const onPage = listed.slice(params.offset, params.offset + params.limit);
  const stored = onPage.length
    ? await selectRows<Record<string, unknown>>(db, sql`select id, code, name, level from regions where level = ${level} and code in (${sql.join(onPage.map((p) => sql`${p.code}`), sql`, `)})`)
    : [];
  const byCode = new Map(stored.map((r) => [r.code as string, toSlot(r)]));
  const slots: Slot[] = onPage.map((p) => byCode.get(p.code) ?? { id: null, code: p.code, name: p.name, level: p.level as Level });
  const unlisted = await reportedRegions(db, condition, level, listed.length > 0, params.limit - onPage.length, Math.max(0, params.offset - listed.length));
  return { total: listed.length + unlisted.total, slots: [...slots, ...unlisted.slots] };
}

/**
 * One page of the coverage matrix: a bounded number of regions, each with a cell per year.
 * Only the page's regions are read (their reports and their failed hard checks), so a page
 * costs the same nationwide (2,800 counties × 7 years) as for one city.
 */
export async function coveragePage(db: Db, params: CoveragePageParams): Promise<CoveragePage> {
  const years = [...new Set(params.years)].sort((a, b) => a - b);
  const page: CoveragePage = { scope: params.scope ?? DEFAULT_SCOPE, years, total: 0, rows: [] };
  const condition = await selectionCondition(db, params);
  if (!condition) return page;
  let total: number;
  let slots: Slot[];
  if (params.regionIds) {
    const all = [...(await regionLabels(db, params.regionIds)).values()].sort(compareRegions);
    total = all.length;
    slots = all.slice(params.offset, params.offset + params.limit);
  } else if (params.rows === 'reported') {
    ({ total, slots } = await reportedRegions(db, condition, params.within!.level, false, params.limit, params.offset));
  } else {
    ({ total, slots } = await expectedPage(db, params, condition));
  }
  const ids = slots.map((s) => s.id).filter((id): id is number => id !== null);
  const stored = ids.length
    ? await selectRows<Record<string, unknown>>(
        db,
        sql`select f.region_id, f.year, f.report_id, f.completeness from report_facts f
            where ${condition} and f.region_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
      )
    : [];
  const reportIds = stored.map((r) => Number(r.report_id));
  const failed = reportIds.length
    ? await selectRows<{ report_id: number; n: number }>(
        db,
        sql`select c.report_id, count(*)::int as n from check_results c
            where not c.ok and c.severity = 'hard' and c.report_id in (${sql.join(reportIds.map((id) => sql`${id}`), sql`, `)})
            group by c.report_id`,
      )
    : [];
  const failures = new Map(failed.map((f) => [Number(f.report_id), Number(f.n)]));
  const byRegionYear = new Map(
    stored.map((r) => {
      const found: Found = {
        regionId: Number(r.region_id),
        year: Number(r.year),
        reportId: Number(r.report_id),
        completeness: r.completeness as Found['completeness'],
        failed: failures.get(Number(r.report_id)) ?? 0,
      };
      return [`${found.regionId}|${found.year}`, found];
    }),
  );
  page.total = total;
  page.rows = slots.map((slot) => ({
    regionId: slot.id,
    code: slot.code,
    name: slot.name,
    level: slot.level,
    cells: years.map((year) => {
      const f = slot.id === null ? undefined : byRegionYear.get(`${slot.id}|${year}`);
      const cell: CoverageCell = { year, status: cellStatus(f) };
      if (f) Object.assign(cell, { reportId: f.reportId, completeness: f.completeness, failedChecks: f.failed });
      return cell;
    }),
  }));
  return page;
}

/** The years with reports of the scope, ascending. */
export async function coverageYears(db: Db, scope: ReportScope): Promise<number[]> {
  const rows = await selectRows<{ year: number }>(db, sql`select f.year from report_facts f where f.scope = ${scope} group by f.year order by f.year`);
  return rows.map((r) => Number(r.year));
}

/** Provinces and cities of the database that have a GB/T 2260 code: what coverage can be asked `within` (a few hundred at most). */
export async function withinOptions(db: Db): Promise<RegionLabel[]> {
  const rows = await selectRows<Record<string, unknown>>(db, sql`select id, code, name, level from regions where level in ('province', 'city') and code is not null order by code`);
  return rows.map((r) => ({ id: Number(r.id), code: r.code as string, name: r.name as string, level: r.level as Level }));
}
