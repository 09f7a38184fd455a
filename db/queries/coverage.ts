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
