// The compare page's one read of report_facts: every current report of a few regions (at most a
// dozen), of every year and scope, with the parts of the asked metrics and the hard checks it
// fails. The page needs each report on its own, not sums: which scope, template and checks stand
// behind each figure decides whether it may be compared (lib/compare/comparability.ts).
//
// Why not metricSeries: it adds up over one scope and says how many reports were left out, but
// not which report, scope or template a region's figure came from. A region has one report per
// (year, scope), so this reads at most regions × years × scopes narrow rows through the
// (region_id, scope, year) index, and the failures through the partial index on failed checks.

import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { selectRows } from '../sql';
import { tidy } from './arithmetic';
import { metricById } from './metrics';
import { metricParts } from './series';
import type { Level, ReportScope } from './selection';

export interface MetricParts {
  /** the count, or a ratio's numerator; null when the report does not state it */
  numerator: number | null;
  /** a ratio's denominator (null for counts, or when not stated) */
  denominator: number | null;
}

export interface CompareFact {
  reportId: number;
  regionId: number;
  year: number;
  scope: ReportScope;
  level: Level;
  template: '2019' | '2021' | 'pre2019' | null;
  completeness: 'complete' | 'tables' | 'prose';
  /** ids of the hard checks the report fails */
  failedChecks: string[];
  /** per metric id */
  parts: Record<string, MetricParts>;
}

export const MAX_COMPARE_FACT_REGIONS = 50;

const number = (v: unknown): number | null => (v === null || v === undefined ? null : tidy(Number(v)));

/** Every current report of these regions (all years and scopes), with the parts of these metrics. */
export async function compareFacts(db: Db, regionIds: readonly number[], metricIds: readonly string[]): Promise<CompareFact[]> {
  const ids = [...new Set(regionIds)];
  if (ids.length === 0) return [];
  if (ids.length > MAX_COMPARE_FACT_REGIONS) throw new RangeError(`compareFacts reads at most ${MAX_COMPARE_FACT_REGIONS} regions`);
  const metrics = [...new Set(metricIds)].map(metricById);
  const columns = metrics.flatMap((m, i) => {
    const { numerator, denominator } = metricParts(m);
    return [sql`${numerator} as ${sql.raw(`n${i}`)}`, sql`${denominator ?? sql`null::float8`} as ${sql.raw(`d${i}`)}`];
  });
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select f.report_id, f.region_id, f.year, f.scope, f.level, f.template, f.completeness,
          array(select distinct c.check_id from check_results c where c.report_id = f.report_id and not c.ok and c.severity = 'hard' order by c.check_id) as failed
          ${columns.length ? sql`, ${sql.join(columns, sql`, `)}` : sql``}
        from report_facts f
        where f.region_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by f.region_id, f.year, f.scope`,
  );
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    regionId: Number(r.region_id),
    year: Number(r.year),
    scope: r.scope as ReportScope,
    level: r.level as Level,
    template: (r.template as CompareFact['template']) ?? null,
    completeness: r.completeness as CompareFact['completeness'],
    failedChecks: ((r.failed as unknown[] | null) ?? []).map(String),
    parts: Object.fromEntries(metrics.map((m, i) => [m.id, { numerator: number(r[`n${i}`]), denominator: number(r[`d${i}`]) }])),
  }));
}

