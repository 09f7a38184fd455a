// The departments and townships (乡镇、街道) of a region, side by side: which years each
// reported, and the key figures of each body's own report in one year. Bodies are regions of
// level `body` whose parent is the region; their reports have scope department or township.
// Nothing here adds bodies up, and nothing reads the region's own reports.
//
// Bounded: at most `limit` bodies (a county has a few hundred at most), one row per body report.

import { sql } from 'drizzle-orm';
import { BODY_METRICS, type BodyMetricId } from '../../lib/bodies/metrics';
import type { BodyKind } from '../../lib/bodies/state';
import { pickYear } from '../../lib/bodies/view';
import type { Db } from '../client';
import type { ReportRow } from '../schema';
import { selectRows } from '../sql';
import { columnSum } from './selection';

export const MAX_BODIES = 500;

const BODY_SCOPES = sql`('department', 'township')`;

export interface BodyReportMark {
  year: number;
  reportId: number;
  scope: BodyKind;
  /** hard checks that failed (identities and cross-year) */
  failedHard: number;
  /** soft checks that failed (heuristics) */
  failedSoft: number;
}

export interface Body {
  id: number;
  code: string | null;
  name: string;
  kind: BodyKind;
  /** its department and township reports, by year */
  reports: BodyReportMark[];
}

export interface BodyYearRow extends BodyReportMark {
  bodyId: number;
  template: ReportRow['template'];
  completeness: ReportRow['completeness'];
  /** null where the report does not state the figure */
  values: Record<BodyMetricId, number | null>;
}

export interface RegionBodies {
  bodies: Body[];
  /** more bodies than `limit`: only the first are listed */
  truncated: boolean;
  /** every year some body reported, ascending */
  years: number[];
  /** the year of `rows`: the one asked for when bodies reported then, else the latest; null without bodies */
  year: number | null;
  /** the reports of `year` */
  rows: BodyYearRow[];
}

const failedCount = (severity: 'hard' | 'soft') =>
  sql`(select count(*)::int from check_results c where c.report_id = f.report_id and not c.ok and c.severity = ${severity})`;

/** The bodies under `parentId` with their reports, and the figures of one year's reports. */
export async function regionBodies(db: Db, parentId: number, askedYear: number | null, { limit = MAX_BODIES } = {}): Promise<RegionBodies> {
  const presence = await selectRows<Record<string, unknown>>(
    db,
    sql`with b as (
          select g.id, g.code, g.name, g.kind from regions g
          where g.parent_id = ${parentId} and g.level = 'body'
            and exists (select 1 from report_facts f where f.region_id = g.id and f.scope in ${BODY_SCOPES})
          order by g.id limit ${limit + 1})
        select b.id, b.code, b.name, b.kind, f.year, f.report_id, f.scope,
          ${failedCount('hard')} as failed_hard, ${failedCount('soft')} as failed_soft
        from b join report_facts f on f.region_id = b.id and f.scope in ${BODY_SCOPES}
        order by b.id, f.year, f.scope`,
  );
  const byId = new Map<number, Body>();
  for (const r of presence) {
    const id = Number(r.id);
    const mark: BodyReportMark = {
      year: Number(r.year),
      reportId: Number(r.report_id),
      scope: r.scope as BodyKind,
      failedHard: Number(r.failed_hard),
      failedSoft: Number(r.failed_soft),
    };
    const body = byId.get(id);
    if (body) body.reports.push(mark);
    else byId.set(id, { id, code: (r.code as string | null) ?? null, name: r.name as string, kind: (r.kind as BodyKind | null) ?? mark.scope, reports: [mark] });
  }
  const all = [...byId.values()];
  const truncated = all.length > limit;
  const bodies = all.slice(0, limit);
  const years = [...new Set(bodies.flatMap((b) => b.reports.map((m) => m.year)))].sort((a, b) => a - b);
  const year = pickYear(years, askedYear);
  if (year === null) return { bodies, truncated, years, year, rows: [] };

  const listed = new Set(bodies.map((b) => b.id));
  const figures = await selectRows<Record<string, unknown>>(
    db,
    sql`select f.region_id, f.report_id, f.year, f.scope, f.template, f.completeness,
          ${failedCount('hard')} as failed_hard, ${failedCount('soft')} as failed_soft,
          ${sql.join(
            BODY_METRICS.map((m, i) => sql`${columnSum(m.columns)} as ${sql.raw(`m${i}`)}`),
            sql`, `,
          )}
        from report_facts f
        where f.parent_id = ${parentId} and f.level = 'body' and f.scope in ${BODY_SCOPES} and f.year = ${year}
        order by f.region_id, f.scope`,
  );
  const rows = figures
    .filter((r) => listed.has(Number(r.region_id)))
    .map((r) => ({
      bodyId: Number(r.region_id),
      reportId: Number(r.report_id),
      year: Number(r.year),
      scope: r.scope as BodyKind,
      template: (r.template as ReportRow['template']) ?? null,
      completeness: r.completeness as ReportRow['completeness'],
      failedHard: Number(r.failed_hard),
      failedSoft: Number(r.failed_soft),
      values: Object.fromEntries(BODY_METRICS.map((m, i) => [m.id, r[`m${i}`] === null ? null : Number(r[`m${i}`])])) as Record<BodyMetricId, number | null>,
    }));
  return { bodies, truncated, years, year, rows };
}

export interface ChildRegion {
  id: number;
  code: string | null;
  name: string;
  level: 'city' | 'county';
  /** bodies with department or township reports inside it */
  bodies: number;
}

/**
 * The cities and counties directly under a province or city, each with the number of bodies
 * that report inside it (a county's own bodies; for a city, those of the city and its counties).
 */
export async function childRegionsWithBodies(db: Db, regionId: number): Promise<ChildRegion[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select g.id, g.code, g.name, g.level,
          case when g.level = 'city'
            then (select count(distinct f.region_id)::int from report_facts f where f.city_id = g.id and f.scope in ${BODY_SCOPES} and f.level = 'body')
            else (select count(distinct f.region_id)::int from report_facts f where f.parent_id = g.id and f.scope in ${BODY_SCOPES} and f.level = 'body')
          end as bodies
        from regions g
        where g.parent_id = ${regionId} and g.level in ('city', 'county')
        order by coalesce(g.code, '~' || g.name), g.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    code: (r.code as string | null) ?? null,
    name: r.name as string,
    level: r.level as ChildRegion['level'],
    bodies: Number(r.bodies),
  }));
}
