// Everything the public region page shows, from the region page's data (db/queries/region-page.ts):
// the latest year's headline figures, the four charts with their tables and sentences, every
// report as a source, and what is missing (years with no report, figures that failed a check).
// Pure, so that it is tested without a database.

import type { RegionPageData } from '../../db/queries/region-page';
import type { Scope } from '../report/contract';
import { keyFigures, type KeyFigure } from './key-figures';
import { publicCharts, type PublicChart } from './charts';
import { reportSource, type ReportSource } from './sources';

/** the most years a public page spans (older years stay on the dashboard) */
export const MAX_PUBLIC_YEARS = 12;

export interface PublicRegionModel {
  name: string;
  /** 湖南省 · 怀化市 */
  place: string;
  code: string | null;
  /** how the chart and data downloads name the region: its code, else r<id> */
  token: string;
  /** the scope of the reports shown (全域 when the region has such reports) */
  scope: Scope;
  /** the year of the headline figures; null: no report at all */
  latestYear: number | null;
  years: number[];
  missingYears: number[];
  keyFigures: KeyFigure[];
  charts: PublicChart[];
  /** one per year with a report, latest first */
  sources: ReportSource[];
  /** years whose report has figures that do not add up */
  failedYears: { year: number; failures: number }[];
  /** when the newest of these reports was stored (ISO) */
  updatedAt: string | null;
}

function span(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const last = Math.max(...years);
  const first = Math.max(Math.min(...years), last - MAX_PUBLIC_YEARS + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function publicRegionModel(data: RegionPageData, updatedAt: Date | null): PublicRegionModel {
  const { region } = data;
  const years = span(data.years);
  const sources = new Map<number, ReportSource>();
  for (const report of data.reports) {
    if (!years.includes(report.year) || sources.has(report.year)) continue;
    sources.set(report.year, reportSource(report, region.name));
  }
  const rowById = new Map(data.yoy.flatMap((s) => s.rows).map((r) => [r.id, r]));
  const valuesOf = (metric: string) => new Map((rowById.get(metric)?.cells ?? []).map((c) => [c.year, c.status === 'value' ? c.value : null]));
  const latestYear = data.years.length ? Math.max(...data.years) : null;
  const failedByYear = new Map<number, number>();
  for (const f of data.failures) if (f.severity === 'hard') failedByYear.set(f.year, (failedByYear.get(f.year) ?? 0) + 1);
  return {
    name: region.name,
    place: [region.province, region.city].filter((x, i, a): x is string => !!x && x !== region.name && a.indexOf(x) === i).join(' · '),
    code: region.code,
    token: region.code ?? `r${region.id}`,
    scope: data.scope ?? 'jurisdiction',
    latestYear,
    years,
    missingYears: years.filter((y) => !sources.has(y)),
    keyFigures: latestYear === null ? [] : keyFigures(data.yoy, data.years, latestYear),
    charts: publicCharts({
      years,
      sources,
      publishedItems: new Map([...data.publishedItems].map(([y, p]) => [y, p.value])),
      received: valuesOf('applications.newReceived'),
      outcomes: data.outcomes,
      hotline: data.hotline,
      appeals: data.appeals,
      causes: new Map(data.causes.map((c) => [c.year, c.causes.find((x) => x.of === 'all') ?? c.causes[0]])),
    }),
    sources: [...sources.values()].sort((a, b) => b.year - a.year),
    failedYears: [...failedByYear].map(([year, failures]) => ({ year, failures })).sort((a, b) => b.year - a.year),
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
  };
}
