// One metric for the compared regions: regions × years, each cell the figure of the report the
// page shows for that region and year (the compared scope's, else another scope's, marked), with
// its marks. The charts, rankings and tables of the page are all read from this.

import type { Version } from '../../db/queries/metrics';
import type { Level, ReportScope } from '../../db/queries/selection';
import { markFigure, pickReport, referenceVersion, type MarkedFigure, type Reference, type ReportFigures } from './comparability';
import type { CompareMetric } from './metrics';

export interface CompareRegion {
  /** null for a place of the national list the database does not hold */
  id: number | null;
  code: string | null;
  name: string;
  level: Level;
  /** its city (or province), to tell namesakes apart */
  within: string | null;
}

/** A stored report of a region and year, as db/queries/compare.ts reads it. */
export interface RegionYearReport extends ReportFigures {
  regionId: number;
  year: number;
}

export interface CompareCell extends MarkedFigure {
  year: number;
  /** scope of the report read (null: no report) */
  scope: ReportScope | null;
}

export interface CompareRow {
  region: CompareRegion;
  cells: CompareCell[];
}

export interface CompareTable {
  metric: CompareMetric;
  reference: Reference;
  years: number[];
  rows: CompareRow[];
}

/** The report shown for each region and year: the compared scope's, else another's. */
export function shownReports<R extends RegionYearReport>(reports: readonly R[], scope: ReportScope): Map<string, R> {
  const byKey = new Map<string, R[]>();
  for (const r of reports) {
    const key = cellKey(r.regionId, r.year);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const out = new Map<string, R>();
  for (const [key, list] of byKey) out.set(key, pickReport(list, scope)!);
  return out;
}

export const cellKey = (regionId: number, year: number) => `${regionId}|${year}`;

export function compareTable(
  metric: CompareMetric,
  regions: readonly CompareRegion[],
  years: readonly number[],
  shown: ReadonlyMap<string, RegionYearReport>,
  base: { scope: ReportScope; level: Level | null },
): CompareTable {
  const reportAt = (region: CompareRegion, year: number) => (region.id === null ? null : (shown.get(cellKey(region.id, year)) ?? null));
  const inView = regions.flatMap((region) => years.map((y) => reportAt(region, y)).filter((r): r is RegionYearReport => r !== null));
  const version: Version | null = referenceVersion(metric, inView);
  const reference: Reference = { ...base, version };
  return {
    metric,
    reference,
    years: [...years],
    rows: regions.map((region) => ({
      region,
      cells: years.map((year) => {
        const report = reportAt(region, year);
        return { ...markFigure(metric, report, region.level, reference), year, scope: report?.scope ?? null };
      }),
    })),
  };
}
