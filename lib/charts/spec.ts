// What a chart shows, as plain data: the server component describes a chart with a spec (it
// can cross to the client, functions cannot), and the client turns it into an ECharts option
// with the builders of this folder.

export type ValueKind = 'count' | 'ratio';

export interface SeriesData {
  name: string;
  /** one per category; null where there is no figure (a gap, never 0) */
  values: (number | null)[];
}

/** A metric over years: one series per level total or region. Ratios are fractions (0–1). */
export interface TrendSpec {
  kind: 'trend';
  label: string;
  years: number[];
  series: SeriesData[];
  valueKind: ValueKind;
  unit: string;
  decals?: boolean;
}

/** Parts of a whole per category (application outcomes per year), stacked. */
export interface StackedSpec {
  kind: 'stacked';
  label: string;
  categories: string[];
  parts: SeriesData[];
  unit: string;
  decals?: boolean;
}

/** Regions ranked by a value, best first. */
export interface RankingSpec {
  kind: 'ranking';
  label: string;
  names: string[];
  values: number[];
  valueKind: ValueKind;
  unit: string;
  decals?: boolean;
}

export type ChartSpec = TrendSpec | StackedSpec | RankingSpec;

/** Whether a chart has nothing to draw (it then says 暂无数据 instead of showing empty axes). */
export function isEmptySpec(spec: ChartSpec): boolean {
  switch (spec.kind) {
    case 'trend':
      return spec.years.length === 0 || !spec.series.some((s) => s.values.some((v) => v !== null));
    case 'stacked':
      return spec.categories.length === 0 || !spec.parts.some((s) => s.values.some((v) => v !== null && v !== 0));
    case 'ranking':
      return spec.values.length === 0;
  }
}

/** Chart height for a spec: a ranking grows with its rows. */
export function specHeight(spec: ChartSpec): number {
  if (spec.kind === 'ranking') return Math.max(160, 48 + spec.names.length * 28);
  return 300;
}
