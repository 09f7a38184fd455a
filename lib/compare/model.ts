// What the compare page shows, from what the database returned: the regions the URL names (with
// names several regions bear and unknown names set apart), the years and the scope compared, the
// reference level, and one table per metric. Pure: app/(dashboard)/compare/load.ts does the reading.

import type { RegionLookup, RegionSummary } from '../../db/queries/region';
import type { Level, ReportScope } from '../../db/queries/selection';
import { chooseScope, countScopes, type ScopeCount } from '../region/scope';
import { referenceLevel } from './comparability';
import { COMPARE_METRICS, type CompareMetric } from './metrics';
import { comparedYears, rankingYear, type CompareState } from './url-state';
import { compareTable, shownReports, type CompareRegion, type CompareTable, type RegionYearReport } from './table';

export interface NamedRegions {
  /** distinct regions, in the order named */
  regions: CompareRegion[];
  /** names several regions bear: the reader chooses */
  ambiguous: { token: string; candidates: RegionSummary[] }[];
  unknown: string[];
}

export function compareRegion(r: RegionSummary): CompareRegion {
  const within = r.city && r.city !== r.name ? r.city : r.province && r.province !== r.name ? r.province : (r.parent?.name ?? null);
  return { id: r.id, code: r.code, name: r.name, level: r.level, within };
}

/** The lookups of the URL's tokens (same order), sorted into regions, choices and unknown names. */
export function namedRegions(tokens: readonly string[], lookups: readonly RegionLookup[]): NamedRegions {
  const out: NamedRegions = { regions: [], ambiguous: [], unknown: [] };
  const seen = new Set<string>();
  tokens.forEach((token, i) => {
    const lookup = lookups[i];
    if (lookup.kind === 'not-found') out.unknown.push(token);
    else if (lookup.kind === 'ambiguous') out.ambiguous.push({ token, candidates: lookup.candidates });
    else {
      const key = lookup.region.id !== null ? `id:${lookup.region.id}` : `code:${lookup.region.code}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.regions.push(compareRegion(lookup.region));
      }
    }
  });
  return out;
}

export interface Comparison {
  years: number[];
  /** years of the asked range left out (only the latest twelve are compared) */
  clippedYears: number;
  /** the scope compared */
  scope: ReportScope;
  /** the scope asked for, when no compared region has reports of it */
  scopeUnavailable: ReportScope | null;
  /** reports of each scope in the compared years */
  scopes: ScopeCount[];
  level: Level | null;
  rankYear: number | null;
  tables: CompareTable[];
}

export function buildComparison(state: Pick<CompareState, 'years' | 'year' | 'scope'>, regions: readonly CompareRegion[], reports: readonly RegionYearReport[], metrics: readonly CompareMetric[] = COMPARE_METRICS): Comparison {
  const { years, clipped } = comparedYears(
    state.years,
    reports.map((r) => r.year),
  );
  const inYears = reports.filter((r) => years.includes(r.year));
  const scope = chooseScope(inYears, state.scope) ?? state.scope ?? 'jurisdiction';
  const level = referenceLevel(regions.map((r) => r.level));
  const shown = shownReports(inYears, scope);
  const levelOf = new Map(regions.filter((r) => r.id !== null).map((r) => [r.id!, r.level]));
  return {
    years,
    clippedYears: clipped,
    scope,
    scopeUnavailable: state.scope !== null && state.scope !== scope ? state.scope : null,
    scopes: countScopes(inYears),
    level,
    rankYear: rankingYear(state.year, years, { inScope: inYears.filter((r) => r.scope === scope && levelOf.get(r.regionId) === level).map((r) => r.year), any: inYears.map((r) => r.year) }),
    tables: metrics.map((m) => compareTable(m, regions, years, shown, { scope, level })),
  };
}
