// The bodies page's state in its URL: ?year=2020&kind=township&metric=applications.granted.
// Every control is a plain link or a GET form, so the page works without JavaScript; a value
// that cannot be read falls back to its default (latest year, every kind, the chart's default
// metric).

import { parseYear, type SearchParams } from '../dashboard/url-state';
import { isBodyMetricId, type BodyMetricId } from './metrics';

export const BODY_KINDS = ['department', 'township'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export type BodyKindFilter = 'all' | BodyKind;

export interface BodiesState {
  /** null: the latest year with body reports */
  year: number | null;
  kind: BodyKindFilter;
  /** the chart's metric; null: chosen from the year's figures */
  metric: BodyMetricId | null;
}

export const DEFAULT_BODIES_STATE: BodiesState = { year: null, kind: 'all', metric: null };

function first(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseBodiesState(params: SearchParams): BodiesState {
  const kind = first(params, 'kind');
  const metric = first(params, 'metric');
  return {
    year: parseYear(first(params, 'year')),
    kind: (BODY_KINDS as readonly string[]).includes(kind ?? '') ? (kind as BodyKind) : 'all',
    metric: isBodyMetricId(metric) ? metric : null,
  };
}

/** The page's address for a state; defaults are left out. */
export function bodiesHref(path: string, state: BodiesState): string {
  const params = new URLSearchParams();
  if (state.year !== null) params.set('year', String(state.year));
  if (state.kind !== 'all') params.set('kind', state.kind);
  if (state.metric !== null) params.set('metric', state.metric);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The bodies page of a region page's address: /regions/431222 → /regions/431222/bodies */
export const bodiesPath = (regionPath: string) => `${regionPath}/bodies`;
