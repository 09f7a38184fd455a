// Everything the data-quality page shows for one URL state, read with bounded queries: the
// coverage counts per year (added up in the database), one page of the coverage matrix, and one
// page of the failed checks with their counts per check. Server only.
import type { Db } from '../../../db/client';
import { failedChecks, type FailedChecks } from '../../../db/queries/checks';
import { coverage, coveragePage, coverageYears, withinOptions, type CoverageCounts, type CoveragePage } from '../../../db/queries/coverage';
import { resolveRegions } from '../../../db/queries/dashboard';
import type { RegionLabel, RegionSelection } from '../../../db/queries/selection';
import { pageWindow, type PageWindow } from '../../../lib/quality/paging';
import { groupPlaces, type PlaceGroup } from '../../../lib/quality/places';
import { regionTokens, shownYears, type QualityState } from '../../../lib/quality/url-state';

export const MATRIX_PAGE_SIZE = 50;
export const FAILURES_PAGE_SIZE = 50;

export interface QualityPageData {
  years: number[];
  yearsAvailable: number[];
  places: PlaceGroup<RegionLabel>[];
  /** the province or city of `within`, when the database holds it */
  within: RegionLabel | null;
  /** the regions `region` names (empty: the whole selection) */
  regions: RegionLabel[];
  /** what the URL asked for that names nothing */
  unknown: string[];
  /** which rows the matrix lists: regions with reports, or every expected one */
  rows: 'reported' | 'expected' | 'selected';
  counts: CoverageCounts[];
  matrix: CoveragePage;
  matrixWindow: PageWindow;
  failures: FailedChecks;
  failuresWindow: PageWindow;
}

async function pageOf<T extends { total: number }>(requested: number, size: number, read: (offset: number) => Promise<T>): Promise<{ result: T; window: PageWindow }> {
  let result = await read((requested - 1) * size);
  let window = pageWindow(result.total, requested, size);
  // past the last page: show the last one
  if (window.page !== requested) {
    result = await read(window.offset);
    window = pageWindow(result.total, window.page, size);
  }
  return { result, window };
}

export async function loadQualityPage(db: Db, state: QualityState): Promise<QualityPageData> {
  const [yearsAvailable, options, resolved] = await Promise.all([
    coverageYears(db, state.scope),
    withinOptions(db),
    resolveRegions(db, regionTokens(state.region)),
  ]);
  const years = shownYears(state.years, yearsAvailable);
  const within = state.within ? (options.find((o) => o.code === state.within) ?? null) : null;
  const regions = resolved.regions;
  const unknown = [...resolved.unknown, ...(state.within && !within ? [state.within] : [])];
  const selection: RegionSelection = regions.length ? { regionIds: regions.map((r) => r.id) } : { within: { regionId: within?.id ?? null, level: state.level } };
  const rows = regions.length ? 'selected' : within ? 'expected' : 'reported';
  const base = { ...selection, years, scope: state.scope };
  const [counts, matrix, failures] = await Promise.all([
    coverage(db, { ...base, detail: false }).then((c) => c.counts),
    pageOf(state.page, MATRIX_PAGE_SIZE, (offset) => coveragePage(db, { ...base, rows: rows === 'expected' ? 'expected' : 'reported', limit: MATRIX_PAGE_SIZE, offset })),
    pageOf(state.fpage, FAILURES_PAGE_SIZE, (offset) =>
      failedChecks(db, {
        ...selection,
        years,
        scope: state.scope,
        checkIds: state.check ? [state.check] : undefined,
        severity: state.severity ?? undefined,
        limit: FAILURES_PAGE_SIZE,
        offset,
      }),
    ),
  ]);
  return {
    years,
    yearsAvailable,
    places: groupPlaces(options),
    within,
    regions,
    unknown,
    rows,
    counts,
    matrix: matrix.result,
    matrixWindow: matrix.window,
    failures: failures.result,
    failuresWindow: failures.window,
  };
}
