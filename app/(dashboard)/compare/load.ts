// The compare page's reads: each named region looked up (a code, name or alias; shared names come
// back with their candidates), then one read of report_facts for the regions found. Server only.
import type { Db } from '../../../db/client';
import { compareFacts } from '../../../db/queries/compare';
import { lookupRegion } from '../../../db/queries/region';
import { compareMetricIds } from '../../../lib/compare/metrics';
import { buildComparison, namedRegions, type Comparison, type NamedRegions } from '../../../lib/compare/model';
import type { CompareState } from '../../../lib/compare/url-state';

export interface ComparePageData extends NamedRegions {
  /** null when fewer than two regions are found */
  comparison: Comparison | null;
}

export async function loadCompare(db: Db, state: CompareState): Promise<ComparePageData> {
  const lookups = await Promise.all(state.regions.map((token) => lookupRegion(db, token)));
  const named = namedRegions(state.regions, lookups);
  if (named.regions.length < 2) return { ...named, comparison: null };
  const ids = named.regions.map((r) => r.id).filter((id): id is number => id !== null);
  const reports = await compareFacts(db, ids, compareMetricIds());
  return { ...named, comparison: buildComparison(state, named.regions, reports) };
}
