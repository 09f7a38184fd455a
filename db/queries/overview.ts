// The home page's overview: every region that has a current report, with its place in the
// hierarchy (province → city → region) and, for each year, what its report holds.

import { and, count, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { checkResults, regions, reports, sourceFiles, type RegionRow, type ReportRow } from '../schema';

export interface ReportMarker {
  reportId: number;
  year: number;
  scope: ReportRow['scope'];
  issuer: string | null;
  template: ReportRow['template'];
  /** complete: all three tables; tables: some tables; prose: prose figures only */
  completeness: ReportRow['completeness'];
  /** hard checks (accounting identities, cross-year) that failed */
  failedChecks: number;
  /** whether the report's source file is stored (a bundled report has its figures only) */
  hasText: boolean;
}

export interface RegionYears {
  regionId: number;
  code: string | null;
  name: string;
  level: RegionRow['level'];
  kind: RegionRow['kind'];
  /** names of the ancestors; null where the region has none at that level */
  province: string | null;
  city: string | null;
  /** for a department or township: the county (or city) it belongs to */
  parent: string | null;
  /** distinct years, ascending */
  years: number[];
  /** current reports, by year then scope */
  reports: ReportMarker[];
}

export interface CityGroup {
  /** null for regions directly under the province (a municipality's counties, the province itself) */
  city: string | null;
  rows: RegionYears[];
}

export interface ProvinceGroup {
  /** null for regions that could not be placed in a province */
  province: string | null;
  cities: CityGroup[];
}

interface Ancestry {
  province: RegionRow | null;
  city: RegionRow | null;
  parent: RegionRow | null;
}

function ancestry(region: RegionRow, byId: Map<number, RegionRow>): Ancestry {
  const out: Ancestry = { province: null, city: null, parent: null };
  if (region.level === 'body' && region.parentId !== null) out.parent = byId.get(region.parentId) ?? null;
  const seen = new Set<number>();
  for (let r: RegionRow | undefined = region; r && !seen.has(r.id); r = r.parentId === null ? undefined : byId.get(r.parentId)) {
    seen.add(r.id);
    if (r.level === 'province' && !out.province) out.province = r;
    if (r.level === 'city' && !out.city) out.city = r;
  }
  return out;
}

/** Geographic order: by GB/T 2260 code where there is one, unlisted names after their listed siblings. */
const key = (r: RegionRow | null) => (r === null ? '' : r.code ?? `~${r.name}`);

/** Every region with a current report of a known year, in geographic order. */
export async function listRegionYears(db: Db): Promise<RegionYears[]> {
  const [regionRows, reportRows, failedRows, textRows] = await Promise.all([
    db.select().from(regions),
    db
      .select({
        id: reports.id,
        regionId: reports.regionId,
        year: reports.year,
        scope: reports.scope,
        issuer: reports.issuer,
        template: reports.template,
        completeness: reports.completeness,
      })
      .from(reports)
      .where(and(eq(reports.isCurrent, true), isNotNull(reports.regionId), isNotNull(reports.year))),
    db
      .select({ reportId: checkResults.reportId, n: count() })
      .from(checkResults)
      .where(and(eq(checkResults.ok, false), eq(checkResults.severity, 'hard')))
      .groupBy(checkResults.reportId),
    db
      .select({ reportId: sourceFiles.reportId })
      .from(sourceFiles)
      .where(and(isNotNull(sourceFiles.reportId), isNotNull(sourceFiles.bytes)))
      .groupBy(sourceFiles.reportId),
  ]);

  const byId = new Map(regionRows.map((r) => [r.id, r]));
  const failed = new Map(failedRows.map((r) => [r.reportId, Number(r.n)]));
  const withText = new Set(textRows.map((r) => r.reportId));

  const rows = new Map<number, RegionYears & { sortKey: string[] }>();
  for (const rep of reportRows) {
    const region = byId.get(rep.regionId!);
    if (!region) continue;
    let row = rows.get(region.id);
    if (!row) {
      const a = ancestry(region, byId);
      const isBody = region.level === 'body';
      row = {
        regionId: region.id,
        code: region.code,
        name: region.name,
        level: region.level,
        kind: region.kind,
        province: a.province?.name ?? null,
        city: a.city?.name ?? null,
        parent: a.parent?.name ?? null,
        years: [],
        reports: [],
        sortKey: [
          a.province ? key(a.province) : '~~',
          a.city ? key(a.city) : '',
          region.level === 'province' || region.level === 'city' ? '' : key(isBody ? a.parent : region),
          isBody ? region.name : '',
        ],
      };
      rows.set(region.id, row);
    }
    row.reports.push({
      reportId: rep.id,
      year: rep.year!,
      scope: rep.scope,
      issuer: rep.issuer,
      template: rep.template,
      completeness: rep.completeness,
      failedChecks: failed.get(rep.id) ?? 0,
      hasText: withText.has(rep.id),
    });
  }

  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if ((a[i] ?? '') !== (b[i] ?? '')) return (a[i] ?? '') < (b[i] ?? '') ? -1 : 1;
    }
    return 0;
  };
  return [...rows.values()]
    .sort((a, b) => compare(a.sortKey, b.sortKey) || a.regionId - b.regionId)
    .map(({ sortKey: _, ...row }) => {
      row.reports.sort((x, y) => x.year - y.year || (x.scope < y.scope ? -1 : x.scope > y.scope ? 1 : x.reportId - y.reportId));
      return { ...row, years: [...new Set(row.reports.map((r) => r.year))] };
    });
}

/** Current reports whose region or year could not be told. */
export async function countUnplacedReports(db: Db): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(reports)
    .where(and(eq(reports.isCurrent, true), or(isNull(reports.regionId), isNull(reports.year))));
  return Number(n);
}

/** Current reports in all. */
export async function countReports(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(reports).where(eq(reports.isCurrent, true));
  return n;
}

/** The rows (already in order) grouped by province, then city. */
export function groupByProvince(rows: RegionYears[]): ProvinceGroup[] {
  const groups: ProvinceGroup[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.province !== row.province) groups.push((group = { province: row.province, cities: [] }));
    let city = group.cities.at(-1);
    if (!city || city.city !== row.city) group.cities.push((city = { city: row.city, rows: [] }));
    city.rows.push(row);
  }
  return groups;
}
