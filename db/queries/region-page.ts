// Everything the region page shows for one region and one scope, read with the dashboard
// queries (db/queries/*) over that region's reports.
import type { Db } from '../client';
import { appealOutcomes, type AppealFigures } from './appeals';
import { applicantMix, applicationOutcomes, type ApplicantKey, type Breakdown, type OutcomeBreakdown } from './applications';
import { channelSeries, type ChannelFigures } from './channels';
import { failedChecks, type FailedCheck } from './checks';
import { metricById, type Metric } from './metrics';
import { regionApplications, regionReports, subRegionsWithReports, type RegionReport, type RegionSummary, type SubRegion } from './region';
import { metricSeries, type SeriesPoint } from './series';
import { YOY_SECTIONS, yoyTable, type YoyTableSection } from '../../lib/region/yoy';
import { dominantCauses, type DominantCause } from '../../lib/region/dominant-cause';
import { chooseScope, countScopes, type ScopeCount } from '../../lib/region/scope';
import type { Scope } from '../../lib/report/contract';

export interface RegionPageData {
  region: RegionSummary;
  /** every current report of the region, all scopes */
  allReports: RegionReport[];
  scopes: ScopeCount[];
  /** the scope shown (null: the region has no reports) */
  scope: Scope | null;
  /** reports of the scope shown */
  reports: RegionReport[];
  years: number[];
  outcomes: Map<number, OutcomeBreakdown>;
  applicants: Map<number, Breakdown<ApplicantKey>>;
  hotline: Map<number, ChannelFigures>;
  mailbox: Map<number, ChannelFigures>;
  appeals: Map<number, AppealFigures>;
  publishedItems: Map<number, SeriesPoint>;
  yoy: YoyTableSection[];
  failures: FailedCheck[];
  causes: { year: number; reportId: number; causes: DominantCause[] }[];
  subRegions: SubRegion[];
}

function byYear<T>(rows: readonly (T & { year: number })[]): Map<number, T> {
  return new Map(rows.map((r) => [r.year, r]));
}

export async function loadRegionPage(db: Db, region: RegionSummary, askedScope: string | null): Promise<RegionPageData> {
  const id = region.id!;
  const [allReports, subRegions] = await Promise.all([regionReports(db, id), subRegionsWithReports(db, id)]);
  const scope = chooseScope(allReports, askedScope);
  const reports = allReports.filter((r) => r.scope === scope);
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
  const empty: RegionPageData = {
    region,
    allReports,
    scopes: countScopes(allReports),
    scope,
    reports,
    years,
    outcomes: new Map(),
    applicants: new Map(),
    hotline: new Map(),
    mailbox: new Map(),
    appeals: new Map(),
    publishedItems: new Map(),
    yoy: [],
    failures: [],
    causes: [],
    subRegions,
  };
  if (scope === null || years.length === 0) return empty;

  const selection = { regionIds: [id], years, scope, perRegion: true };
  const metricIds = [...new Set(YOY_SECTIONS.flatMap((s) => s.metrics))];
  const [outcomes, applicants, hotline, mailbox, appeals, failed, applications, ...series] = await Promise.all([
    applicationOutcomes(db, selection),
    applicantMix(db, selection),
    channelSeries(db, { ...selection, channel: 'hotline' }),
    channelSeries(db, { ...selection, channel: 'mailbox' }),
    appealOutcomes(db, selection),
    failedChecks(db, { regionIds: [id], years, scope, limit: 500 }),
    regionApplications(
      db,
      reports.map((r) => r.id),
    ),
    ...metricIds.map((metric) => metricSeries(db, { metric, regionIds: [id], years, scope, perRegion: true })),
  ]);
  const seriesById = new Map<string, { metric: Metric; points: SeriesPoint[] }>(
    series.map((s, i) => [metricIds[i], { metric: s.metric ?? metricById(metricIds[i]), points: s.regions[0]?.points ?? [] }]),
  );
  const causes = reports
    .map((r) => ({ year: r.year, reportId: r.id, causes: dominantCauses(applications.get(r.id)) }))
    .filter((c) => c.causes.length > 0);
  return {
    ...empty,
    outcomes: byYear(outcomes.regions),
    applicants: byYear(applicants.regions),
    hotline: byYear(hotline.regions),
    mailbox: byYear(mailbox.regions),
    appeals: byYear(appeals.regions),
    publishedItems: new Map((seriesById.get('activity.publishedItems')?.points ?? []).map((p) => [p.year, p])),
    yoy: yoyTable(seriesById, years),
    failures: failed.rows,
    causes,
  };
}
