// The compare page's state in its URL, in the overview's conventions (lib/dashboard/url-state.ts):
//   regions=会同县~320813~r12   two to twelve regions: GB/T 2260 code, name, alias or r<id>
//   years=2020..2025           the years compared (absent: every year the regions have reports)
//   year=2024                  the year of the rankings (absent: the latest with reports)
//   scope=government           the scope compared (absent: 全域 where the regions have it)
//   decals=1                   patterned fills
// The plain form (no JavaScript) sends r=…&r=…&from=…&to=…; formTarget turns that into this URL.
// Parsing never throws: what cannot be read is left out.

import { parseRegions, parseYear, parseYearRange, SCOPES, type Scope, type SearchParams, type YearRange } from '../dashboard/url-state';

export const MAX_COMPARE_REGIONS = 12;
export const MAX_COMPARE_YEARS = 12;
export const COMPARE_PATH = '/compare';

export interface CompareState {
  /** region tokens, at most MAX_COMPARE_REGIONS */
  regions: string[];
  /** tokens named beyond the first MAX_COMPARE_REGIONS */
  dropped: string[];
  years: YearRange | null;
  year: number | null;
  /** null: not asked (the page chooses) */
  scope: Scope | null;
  decals: boolean;
}

function all(params: SearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const first = (params: SearchParams, key: string): string | undefined => all(params, key)[0];

const isScope = (s: string | undefined): s is Scope => (SCOPES as readonly string[]).includes(s ?? '');

export function parseCompareState(params: SearchParams): CompareState {
  const tokens = parseRegions(first(params, 'regions'));
  const scope = first(params, 'scope');
  return {
    regions: tokens.slice(0, MAX_COMPARE_REGIONS),
    dropped: tokens.slice(MAX_COMPARE_REGIONS),
    years: parseYearRange(first(params, 'years')),
    year: parseYear(first(params, 'year')),
    scope: isScope(scope) ? scope : null,
    decals: first(params, 'decals') === '1',
  };
}

/** The page's address for a state (defaults left out, `~` and `..` kept readable). */
export function compareHref(state: Omit<CompareState, 'dropped'> & { dropped?: string[] }): string {
  const params = new URLSearchParams();
  const regions = parseRegions(state.regions.join('~'));
  if (regions.length) params.set('regions', regions.join('~'));
  if (state.years) params.set('years', state.years.from === state.years.to ? String(state.years.from) : `${state.years.from}..${state.years.to}`);
  if (state.year !== null) params.set('year', String(state.year));
  if (state.scope !== null) params.set('scope', state.scope);
  if (state.decals) params.set('decals', '1');
  const query = params.toString().replace(/%7E/giu, '~');
  return query ? `${COMPARE_PATH}?${query}` : COMPARE_PATH;
}

/** How a region is written in the URL: its code, else r<id> (a name may be ambiguous). */
export function regionToken(region: { id: number | null; code: string | null; name: string }): string {
  return region.code ?? (region.id !== null ? `r${region.id}` : region.name);
}

/** Several regions typed into one field: 会同县、洪泽区 / 会同县,洪泽区 / 会同县 洪泽区. */
export const splitRegionField = (text: string): string[] =>
  text
    .split(/[~、，,;；\s]+/u)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The URL the plain form asks for (r=…&r=…&from=…&to=…&scope=…&decals=1), or null when the request
 * is not a form submission. Empty fields are dropped; a reversed year range is put in order.
 */
export function formTarget(params: SearchParams): string | null {
  const fields = all(params, 'r');
  if (fields.length === 0 && first(params, 'from') === undefined && first(params, 'to') === undefined) return null;
  const regions = [...parseRegions(first(params, 'regions')), ...fields.flatMap(splitRegionField)];
  const from = parseYear(first(params, 'from'));
  const to = parseYear(first(params, 'to'));
  const ends = [from, to].filter((y): y is number => y !== null).sort((a, b) => a - b);
  const years = ends.length ? { from: ends[0], to: ends[ends.length - 1] } : null;
  const scope = first(params, 'scope');
  return compareHref({ regions, years, year: null, scope: isScope(scope) ? scope : null, decals: first(params, 'decals') === '1' });
}

export interface ComparedYears {
  years: number[];
  /** years of the range left out (only the latest MAX_COMPARE_YEARS are compared) */
  clipped: number;
}

/** The years compared: the range asked for, else every year with reports; the latest MAX_COMPARE_YEARS of them. */
export function comparedYears(range: YearRange | null, withReports: readonly number[]): ComparedYears {
  const known = [...new Set(withReports)].sort((a, b) => a - b);
  const from = range?.from ?? known[0];
  const to = range?.to ?? known[known.length - 1];
  if (from === undefined || to === undefined) return { years: [], clipped: 0 };
  const span = to - from + 1;
  const start = Math.max(from, to - MAX_COMPARE_YEARS + 1);
  return { years: Array.from({ length: to - start + 1 }, (_, i) => start + i), clipped: span - (to - start + 1) };
}

/**
 * The year the rankings are for: the one asked for when it is compared; else the latest compared
 * year with a report of the compared scope (and level), else with any report, else the last year.
 */
export function rankingYear(asked: number | null, years: readonly number[], reportYears: { inScope: readonly number[]; any: readonly number[] }): number | null {
  if (years.length === 0) return null;
  if (asked !== null && years.includes(asked)) return asked;
  const latest = (list: readonly number[]) => [...years].reverse().find((y) => list.includes(y));
  return latest(reportYears.inScope) ?? latest(reportYears.any) ?? years[years.length - 1];
}
