// The overview's state in its URL, so that every view can be bookmarked and shared:
//   year=2020            the year of the cards and the ranking (absent: the default year)
//   years=2019..2024     the years of the trend charts (absent: every year with reports)
//   regions=431225~会同县 regions by GB/T 2260 code or name (absent: all regions)
//   metric=…             the metric of the trend and the ranking (an id of METRICS)
//   scope=government     which reports (absent: 全域 jurisdiction reports)
//   decals=1             patterned fills in the charts
// Parsing never throws: a value that cannot be read is ignored and its default used.

import { METRICS, type MetricId } from '../../db/queries/metrics';

export const SCOPES = ['jurisdiction', 'government', 'department', 'township', 'unknown'] as const;
export type Scope = (typeof SCOPES)[number];

export interface YearRange {
  from: number;
  to: number;
}

export interface DashboardState {
  /** null: the default year (lib/dashboard/default-year.ts) */
  year: number | null;
  /** null: every year with reports */
  years: YearRange | null;
  /** codes or names as written in the URL; empty: all regions */
  regions: string[];
  metric: MetricId;
  scope: Scope;
  decals: boolean;
}

export const DEFAULT_METRIC: MetricId = 'activity.publishedItems';
export const DEFAULT_SCOPE: Scope = 'jurisdiction';
export const DEFAULT_STATE: DashboardState = { year: null, years: null, regions: [], metric: DEFAULT_METRIC, scope: DEFAULT_SCOPE, decals: false };

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const MAX_REGIONS = 50;
const MAX_REGION_LENGTH = 60;
const REGION_SEPARATOR = '~';

export type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/u.test(text.trim())) return null;
  const year = Number(text.trim());
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** `2019..2024` or a single `2020`; a reversed or unreadable range is ignored. */
export function parseYearRange(text: string | undefined): YearRange | null {
  const m = /^\s*(\d{4})(?:\s*\.\.\s*(\d{4}))?\s*$/u.exec(text ?? '');
  if (!m) return null;
  const from = parseYear(m[1]);
  const to = m[2] === undefined ? from : parseYear(m[2]);
  if (from === null || to === null || from > to) return null;
  return { from, to };
}

export function parseRegions(text: string | undefined): string[] {
  if (!text) return [];
  const tokens = text
    .split(REGION_SEPARATOR)
    .map((t) => t.trim())
    .filter((t) => t.length > 0 && t.length <= MAX_REGION_LENGTH);
  return [...new Set(tokens)].slice(0, MAX_REGIONS);
}

const METRIC_IDS = new Set<string>(METRICS.map((m) => m.id));

export function isMetricId(text: string | undefined): text is MetricId {
  return text !== undefined && METRIC_IDS.has(text);
}

export function parseState(params: SearchParams): DashboardState {
  const metric = first(params, 'metric');
  const scope = first(params, 'scope');
  return {
    year: parseYear(first(params, 'year')),
    years: parseYearRange(first(params, 'years')),
    regions: parseRegions(first(params, 'regions')),
    metric: isMetricId(metric) ? metric : DEFAULT_METRIC,
    scope: (SCOPES as readonly string[]).includes(scope ?? '') ? (scope as Scope) : DEFAULT_SCOPE,
    decals: first(params, 'decals') === '1',
  };
}

/** The query string (without `?`), defaults left out, keys in a fixed order. */
export function serializeState(state: DashboardState): string {
  const params = new URLSearchParams();
  if (state.year !== null) params.set('year', String(state.year));
  if (state.years) params.set('years', state.years.from === state.years.to ? String(state.years.from) : `${state.years.from}..${state.years.to}`);
  const regions = parseRegions(state.regions.join(REGION_SEPARATOR));
  if (regions.length) params.set('regions', regions.join(REGION_SEPARATOR));
  if (state.metric !== DEFAULT_METRIC) params.set('metric', state.metric);
  if (state.scope !== DEFAULT_SCOPE) params.set('scope', state.scope);
  if (state.decals) params.set('decals', '1');
  // `~` and `..` need no escaping; keep them readable
  return params.toString().replace(/%7E/giu, '~');
}

export function stateHref(state: DashboardState, path = '/'): string {
  const query = serializeState(state);
  return query ? `${path}?${query}` : path;
}

/** The years of the trend charts: the range asked for, within the years that have reports. */
export function trendYears(range: YearRange | null, available: readonly number[]): number[] {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  if (!range) return sorted.length ? span(sorted[0], sorted[sorted.length - 1]) : [];
  return span(range.from, range.to);
}

function span(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
