// The data-quality page's state in its URL (GET forms, so that it works without JavaScript):
//   scope=government      which reports (absent: 全域 jurisdiction reports)
//   level=city            the level of the regions listed (absent: county)
//   within=431200         a province or city by GB/T 2260 code (absent: nationwide)
//   region=会同县          regions by name or code, several separated by ~ (or 、 , ，) as the
//                         compare page writes them (absent: every region of the selection)
//   years=2019..2024      the years (absent: every year with reports)
//   page=2                the page of the coverage matrix
//   check=applications.balance, severity=hard, fpage=3   the failed checks' filter and page
// Parsing never throws: a value that cannot be read is ignored and its default used.

import { parseYearRange, SCOPES, DEFAULT_SCOPE, type Scope, type SearchParams, type YearRange } from '../dashboard/url-state';

export const QUALITY_LEVELS = ['county', 'city', 'province', 'body'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];
export const SEVERITIES = ['hard', 'soft'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface QualityState {
  scope: Scope;
  level: QualityLevel;
  /** GB/T 2260 code of a province or city */
  within: string | null;
  /** regions' names or codes, as typed (several separated by ~, 、 or commas) */
  region: string | null;
  years: YearRange | null;
  /** 1-based page of the coverage matrix */
  page: number;
  check: string | null;
  severity: Severity | null;
  /** 1-based page of the failed checks */
  fpage: number;
}

export const DEFAULT_QUALITY_STATE: QualityState = {
  scope: DEFAULT_SCOPE,
  level: 'county',
  within: null,
  region: null,
  years: null,
  page: 1,
  check: null,
  severity: null,
  fpage: 1,
};

const MAX_PAGE = 100_000;
// twelve names with their separators
const MAX_REGION_LENGTH = 240;

function first(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

const oneOf = <T extends string>(values: readonly T[], text: string | undefined, fallback: T): T => ((values as readonly string[]).includes(text ?? '') ? (text as T) : fallback);

function parsePage(text: string | undefined): number {
  if (!text || !/^\d{1,6}$/u.test(text.trim())) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(text.trim())));
}

function parseText(text: string | undefined, pattern: RegExp): string | null {
  const value = text?.normalize('NFKC').trim();
  return value && value.length <= MAX_REGION_LENGTH && pattern.test(value) ? value : null;
}

/** At most this many regions are named in `region`. */
export const MAX_QUALITY_REGIONS = 12;

/** The regions `region` names, each once, in order, at most MAX_QUALITY_REGIONS. */
export function regionTokens(region: string | null): string[] {
  if (!region) return [];
  const tokens = region.split(/[~、,，]/u).map((t) => t.trim()).filter(Boolean);
  return [...new Set(tokens)].slice(0, MAX_QUALITY_REGIONS);
}

export function parseQualityState(params: SearchParams): QualityState {
  return {
    scope: oneOf(SCOPES, first(params, 'scope'), DEFAULT_SCOPE),
    level: oneOf(QUALITY_LEVELS, first(params, 'level'), 'county'),
    within: parseText(first(params, 'within'), /^\d{6}$/u),
    region: parseText(first(params, 'region'), /^[^<>]+$/u),
    years: parseYearRange(first(params, 'years')),
    page: parsePage(first(params, 'page')),
    check: parseText(first(params, 'check'), /^[A-Za-z][A-Za-z.]*$/u),
    severity: (SEVERITIES as readonly string[]).includes(first(params, 'severity') ?? '') ? (first(params, 'severity') as Severity) : null,
    fpage: parsePage(first(params, 'fpage')),
  };
}

export const formatYears = (years: YearRange) => (years.from === years.to ? String(years.from) : `${years.from}..${years.to}`);

/** The query string (without `?`), defaults left out, keys in a fixed order. */
export function serializeQualityState(state: QualityState): string {
  const params = new URLSearchParams();
  if (state.scope !== DEFAULT_SCOPE) params.set('scope', state.scope);
  if (state.level !== 'county') params.set('level', state.level);
  if (state.within) params.set('within', state.within);
  if (state.region) params.set('region', state.region);
  if (state.years) params.set('years', formatYears(state.years));
  if (state.page > 1) params.set('page', String(state.page));
  if (state.check) params.set('check', state.check);
  if (state.severity) params.set('severity', state.severity);
  if (state.fpage > 1) params.set('fpage', String(state.fpage));
  return params.toString();
}

export function qualityHref(state: QualityState, anchor?: string): string {
  const query = serializeQualityState(state);
  return `/quality${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** The state with `change` applied; a change of what is selected starts both lists at their first page. */
export function withChange(state: QualityState, change: Partial<QualityState>): QualityState {
  const next = { ...state, ...change };
  const reselects = (['scope', 'level', 'within', 'region', 'years'] as const).some((k) => k in change);
  if (reselects) Object.assign(next, { page: change.page ?? 1, fpage: change.fpage ?? 1 });
  if ('check' in change || 'severity' in change) next.fpage = change.fpage ?? 1;
  return next;
}

/** The years shown: the range asked for, else every year with reports (a range cut to at most `max` years, the latest). */
export function shownYears(range: YearRange | null, available: readonly number[], max = 12): number[] {
  const sorted = [...new Set(available)].sort((a, b) => a - b);
  const from = range?.from ?? sorted[0];
  const to = range?.to ?? sorted[sorted.length - 1];
  if (from === undefined || to === undefined) return [];
  const start = Math.max(from, to - max + 1);
  return Array.from({ length: to - start + 1 }, (_, i) => start + i);
}
