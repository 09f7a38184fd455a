// One region: found by its GB/T 2260 code, its name or any alias (会同, 會同縣, 会同县人民政府),
// with the homonyms of the national list (鼓楼区 is four districts) reported as a choice; its
// place in the hierarchy; and its reports with what each holds.

import { sql, type SQL } from 'drizzle-orm';
import { lookupPlace, placeByCode, type Place } from '../../lib/geo/gazetteer';
import type { ApplicationsTable } from '../../lib/report/contract';
import type { Db } from '../client';
import type { RegionRow, ReportRow } from '../schema';
import { selectRows } from '../sql';
import { reportUrl } from './source-url';

export type ReportScope = ReportRow['scope'];

export interface RegionSummary {
  /** null for a place of the national list that has no row in the database (no report yet) */
  id: number | null;
  code: string | null;
  name: string;
  level: RegionRow['level'];
  kind: RegionRow['kind'];
  province: string | null;
  city: string | null;
  /** for a department or township: the county (or city) it belongs to */
  parent: { id: number; code: string | null; name: string } | null;
  /** current reports of the region itself */
  reports: number;
}

export type RegionLookup =
  | { kind: 'found'; region: RegionSummary }
  | { kind: 'ambiguous'; key: string; candidates: RegionSummary[] }
  | { kind: 'not-found'; key: string };

/** Internal address of a region without a code: r123 (no printed name is ASCII). */
const INTERNAL_ID = /^r(\d{1,9})$/u;
const CODE = /^\d{6}(?:\d{3}|\d{6})?$/u;

interface RegionDbRow {
  id: number;
  code: string | null;
  name: string;
  level: RegionRow['level'];
  kind: RegionRow['kind'];
  parent_id: number | null;
  parent_code: string | null;
  parent_name: string | null;
  province: string | null;
  city: string | null;
  reports: number;
}

/**
 * The regions with these ids (or matching `where`), with their nearest province and city
 * (the region itself counts when it is one) and their current reports.
 */
async function summaries(db: Db, where: SQL): Promise<RegionSummary[]> {
  const rows = await selectRows<RegionDbRow>(
    db,
    sql`with recursive picked as (select * from regions g where ${where}),
        chain as (
          select p.id as start_id, p.id, p.name, p.level, p.parent_id, 0 as depth from picked p
          union all
          select c.start_id, r.id, r.name, r.level, r.parent_id, c.depth + 1 from chain c join regions r on r.id = c.parent_id where c.depth < 8)
        select g.id, g.code, g.name, g.level, g.kind, g.parent_id, par.code as parent_code, par.name as parent_name,
          (select name from chain where start_id = g.id and level = 'province' order by depth limit 1) as province,
          (select name from chain where start_id = g.id and level = 'city' order by depth limit 1) as city,
          (select count(*)::int from reports rep where rep.region_id = g.id and rep.is_current) as reports
        from picked g left join regions par on par.id = g.parent_id
        order by coalesce(g.code, '~' || g.name), g.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: r.code,
    name: r.name,
    level: r.level,
    kind: r.kind,
    province: r.province,
    city: r.city,
    parent: r.level === 'body' && r.parent_id !== null ? { id: Number(r.parent_id), code: r.parent_code, name: r.parent_name ?? '' } : null,
    reports: Number(r.reports),
  }));
}

export async function regionById(db: Db, id: number): Promise<RegionSummary | null> {
  const [row] = await summaries(db, sql`g.id = ${id}`);
  return row ?? null;
}

/** A place of the national list that the database does not hold. */
function placeSummary(place: Place): RegionSummary {
  const isMunicipalCity = place.level === 'province';
  return {
    id: null,
    code: place.code,
    name: place.name,
    level: place.level,
    kind: null,
    province: isMunicipalCity ? place.name : place.province,
    city: place.level === 'city' ? place.name : place.city,
    parent: null,
    reports: 0,
  };
}

/**
 * The region a URL names: a GB/T 2260 code, `r<id>` for a region without one, or a name or
 * alias. A name that several regions bear, in the database or in the national list, is
 * ambiguous and comes back with every candidate (database regions first, with their reports).
 */
export async function lookupRegion(db: Db, rawKey: string): Promise<RegionLookup> {
  const key = rawKey.normalize('NFKC').trim();
  if (!key) return { kind: 'not-found', key };

  const internal = INTERNAL_ID.exec(key);
  if (internal) {
    const region = await regionById(db, Number(internal[1]));
    return region ? { kind: 'found', region } : { kind: 'not-found', key };
  }

  if (CODE.test(key)) {
    const [region] = await summaries(db, sql`g.code = ${key}`);
    if (region) return { kind: 'found', region };
    const place = placeByCode(key);
    return place && place.code === key.slice(0, 6) ? { kind: 'found', region: placeSummary(place) } : { kind: 'not-found', key };
  }

  // a union, not `name = … or id in (…)`: PostgreSQL estimates that OR at half the table, and the
  // recursive query's cost then passes the JIT threshold (half a second to compile, per lookup)
  const byName = await summaries(db, sql`g.id in (select id from regions where name = ${key} union select region_id from region_aliases where alias = ${key})`);
  // places of the national list the name means (会同 → 会同县), the stored ones as stored
  const places = (lookupPlace(key)?.places ?? []).filter((p) => !byName.some((r) => r.code === p.code));
  const byCode = places.length
    ? await summaries(
        db,
        sql`g.code in (${sql.join(
          places.map((p) => sql`${p.code}`),
          sql`, `,
        )})`,
      )
    : [];
  const stored = [...byName, ...byCode];
  const listed = places.filter((p) => !byCode.some((r) => r.code === p.code)).map(placeSummary);
  // regions with reports first, then the other stored regions, then places known only from the list
  const candidates = [...stored.sort((a, b) => Number(b.reports > 0) - Number(a.reports > 0)), ...listed];
  if (candidates.length === 0) return { kind: 'not-found', key };
  if (candidates.length === 1) return { kind: 'found', region: candidates[0] };
  return { kind: 'ambiguous', key, candidates };
}

export interface RegionReport {
  id: number;
  year: number;
  scope: ReportScope;
  issuer: string | null;
  template: ReportRow['template'];
  completeness: ReportRow['completeness'];
  version: number;
  /** hard checks that failed (identities and cross-year) */
  failedHard: number;
  /** soft checks that failed (heuristics) */
  failedSoft: number;
  warnings: number;
  /** the report's text is stored */
  hasText: boolean;
  /** where the report was published, when known */
  url: string | null;
}

/** Current reports of a region (of a known year), by year then scope. */
export async function regionReports(db: Db, regionId: number): Promise<RegionReport[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select r.id, r.year, r.scope, r.issuer, r.template, r.completeness, r.version,
          (select count(*)::int from check_results c where c.report_id = r.id and not c.ok and c.severity = 'hard') as failed_hard,
          (select count(*)::int from check_results c where c.report_id = r.id and not c.ok and c.severity = 'soft') as failed_soft,
          (select count(*)::int from report_warnings w where w.report_id = r.id) as warnings,
          exists (select 1 from source_files s where s.report_id = r.id and s.text is not null) as has_text,
          ${reportUrl(sql`r.id`)} as url
        from reports r
        where r.region_id = ${regionId} and r.is_current and r.year is not null
        order by r.year, r.scope, r.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    year: Number(r.year),
    scope: r.scope as ReportScope,
    issuer: (r.issuer as string | null) ?? null,
    template: (r.template as ReportRow['template']) ?? null,
    completeness: r.completeness as ReportRow['completeness'],
    version: Number(r.version),
    failedHard: Number(r.failed_hard),
    failedSoft: Number(r.failed_soft),
    warnings: Number(r.warnings),
    hasText: Boolean(r.has_text),
    url: (r.url as string | null) ?? null,
  }));
}

export interface SubRegion {
  id: number;
  code: string | null;
  name: string;
  level: RegionRow['level'];
  kind: RegionRow['kind'];
  reports: number;
  years: number[];
}

/** Regions directly under this one (its counties, departments, townships) that have current reports. */
export async function subRegionsWithReports(db: Db, regionId: number): Promise<SubRegion[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select g.id, g.code, g.name, g.level, g.kind, count(r.id)::int as reports,
          array_agg(distinct r.year order by r.year) as years
        from regions g join reports r on r.region_id = g.id and r.is_current and r.year is not null
        where g.parent_id = ${regionId}
        group by g.id, g.code, g.name, g.level, g.kind
        order by g.level, coalesce(g.code, '~' || g.name), g.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: (r.code as string | null) ?? null,
    name: r.name as string,
    level: r.level as RegionRow['level'],
    kind: (r.kind as RegionRow['kind']) ?? null,
    reports: Number(r.reports),
    years: (r.years as unknown[]).map(Number),
  }));
}

/** Table 三 of each of these reports, as printed (for per-report findings such as a dominant cause). */
export async function regionApplications(db: Db, reportIds: readonly number[]): Promise<Map<number, ApplicationsTable>> {
  if (reportIds.length === 0) return new Map();
  const rows = await selectRows<{ id: number; applications: unknown }>(
    db,
    sql`select id, coalesce(effective, document)->'applications' as applications from reports
        where id in (${sql.join(
          [...new Set(reportIds)].map((id) => sql`${id}`),
          sql`, `,
        )}) and coalesce(effective, document)->'applications' is not null`,
  );
  return new Map(rows.map((r) => [Number(r.id), (typeof r.applications === 'string' ? JSON.parse(r.applications) : r.applications) as ApplicationsTable]));
}

/** When the newest current report of the region was stored (its data's "last updated" date). */
export async function regionUpdatedAt(db: Db, regionId: number): Promise<Date | null> {
  const rows = await selectRows<{ at: unknown }>(db, sql`select max(created_at) as at from reports where region_id = ${regionId} and is_current`);
  const at = rows[0]?.at;
  return at === null || at === undefined ? null : new Date(at as string);
}
