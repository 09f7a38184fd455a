// The regions list: every region that has a current report (nationwide, or in one province),
// with its place in the hierarchy (province → city → region) and, for each year, what its
// report holds; and the count of regions and reports per province.

import { and, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { selectRows } from '../sql';
import { reports, type RegionRow, type ReportRow } from '../schema';

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

/** Which regions listRegionYears returns: all, those of one province, or those placed in none. */
export type ProvinceFilter = { provinceId: number } | { unplaced: true } | null;

/** the province a report_facts row lies in: its ancestor, or the region itself */
const factProvince = sql`coalesce(f.province_id, case when f.level = 'province' then f.region_id end)`;

export interface ProvinceCount {
  /** null: regions that could not be placed in a province */
  provinceId: number | null;
  code: string | null;
  name: string | null;
  regions: number;
  reports: number;
}

/** Regions with reports and their reports, per province, in code order. */
export async function countByProvince(db: Db): Promise<ProvinceCount[]> {
  const rows = await selectRows<{ province_id: number | null; code: string | null; name: string | null; regions: number; reports: number }>(
    db,
    sql`select p.id as province_id, p.code, p.name, count(distinct f.region_id)::int as regions, count(*)::int as reports
        from report_facts f left join regions p on p.id = ${factProvince}
        group by p.id, p.code, p.name
        order by p.code nulls last, p.name nulls last`,
  );
  return rows.map((r) => ({ provinceId: r.province_id === null ? null : Number(r.province_id), code: r.code, name: r.name, regions: r.regions, reports: r.reports }));
}

/** Every region with a current report of a known year (in one province, with a filter), in geographic order. */
export async function listRegionYears(db: Db, filter: ProvinceFilter = null): Promise<RegionYears[]> {
  const where =
    filter === null ? sql`true` : 'provinceId' in filter ? sql`${factProvince} = ${filter.provinceId}` : sql`${factProvince} is null`;
  const [regionRows, reportRows] = await Promise.all([
    // the regions listed and their ancestors
    selectRows<Record<string, unknown>>(
      db,
      sql`select id, code, name, level, kind, parent_id from regions
          where id in (select unnest(array[f.region_id, f.parent_id, f.city_id, f.province_id]) from report_facts f where ${where})`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select r.id, r.region_id, r.year, r.scope, r.issuer, r.template, r.completeness,
                 (select count(*) from check_results c where c.report_id = r.id and not c.ok and c.severity = 'hard')::int as failed,
                 exists (select 1 from source_files s where s.report_id = r.id and s.bytes is not null) as has_text
          from report_facts f join reports r on r.id = f.report_id
          where ${where}`,
    ),
  ]);
  const asRegion = (r: Record<string, unknown>): RegionRow => ({
    id: Number(r.id),
    code: r.code as string | null,
    name: r.name as string,
    level: r.level as RegionRow['level'],
    kind: r.kind as RegionRow['kind'],
    parentId: r.parent_id === null ? null : Number(r.parent_id),
  });
  const regionList = regionRows.map(asRegion);
  const failed = new Map(reportRows.map((r) => [Number(r.id), Number(r.failed)]));
  const withText = new Set(reportRows.filter((r) => r.has_text).map((r) => Number(r.id)));
  const reportList = reportRows.map((r) => ({
    id: Number(r.id),
    regionId: Number(r.region_id),
    year: Number(r.year),
    scope: r.scope as ReportRow['scope'],
    issuer: r.issuer as string | null,
    template: r.template as ReportRow['template'],
    completeness: r.completeness as ReportRow['completeness'],
  }));

  const byId = new Map(regionList.map((r) => [r.id, r]));

  const rows = new Map<number, RegionYears & { sortKey: string[] }>();
  for (const rep of reportList) {
    const region = byId.get(rep.regionId);
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
      year: rep.year,
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
