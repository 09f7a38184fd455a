// Everything the overview shows, read from the database for one URL state. Server only.
// Figures come from the shared queries (db/queries/), which add up only within one scope and
// one level; this module shapes them into cards, chart specs and tables.

import { appealOutcomes } from '../../db/queries/appeals';
import { applicationOutcomes, type OutcomeKey } from '../../db/queries/applications';
import { channelSeries } from '../../db/queries/channels';
import {
  notProcessedReasons,
  regionOptions,
  reportIdsFor,
  reportKey,
  resolveRegions,
  scopeCounts,
  selectionReports,
  shareByLevel,
  statedByLevel,
  templateCounts,
  yearCoverage,
  type DashboardSelection,
  type Reason,
  type RegionOption,
  type ReportList,
  type Stated,
  type StatedSource,
} from '../../db/queries/dashboard';
import { metricById, type Metric } from '../../db/queries/metrics';
import type { Level, RegionLabel, RegionSelection } from '../../db/queries/selection';
import { metricSeries, rankRegions, type RankRow, type SeriesPoint } from '../../db/queries/series';
import type { Db } from '../../db/client';
import type { RankingSpec, StackedSpec, TrendSpec } from '../../lib/charts/spec';
import { defaultYear } from '../../lib/dashboard/default-year';
import { exclusionText, explainExclusions } from '../../lib/dashboard/exclusions';
import { fromQueryChange, kpi, percentToFraction, sumStated, type Kpi, type KpiFigure, type YearChange } from '../../lib/dashboard/kpi';
import { LEVEL_LABEL } from '../../lib/dashboard/labels';
import { trendYears, type DashboardState, type Scope } from '../../lib/dashboard/url-state';

/** Up to this many selected regions get a series each in the trend; more are added up per level. */
export const MAX_REGION_SERIES = 8;
const RANK_LIMIT = 20;

export interface KpiCardData extends Kpi {
  /** how the value is made up, in words */
  detail: string | null;
  /** the one report the figure comes from */
  reportId: number | null;
}

export interface KpiGroup {
  level: Level;
  reports: number;
  cards: KpiCardData[];
  /** 不予处理 by reason, largest first (for a selection of at most a few hundred reports) */
  reasons: Reason[];
}

export interface TrendCell extends YearChange {
  value: number | null;
  reports: number;
  reportId: number | null;
}

export interface TrendRow {
  name: string;
  region: RegionLabel | null;
  cells: TrendCell[];
}

export interface RankingTable {
  level: Level;
  rows: (RankRow & { reportId: number | null })[];
  ranked: number;
  note: string | null;
  spec: RankingSpec;
}

export interface OutcomeTable {
  level: Level;
  spec: StackedSpec;
  /** per year: counts by outcome and the total of the parts */
  rows: { year: number; counts: Record<OutcomeKey, number | null>; total: number | null; reports: number }[];
}

export interface OverviewData {
  state: DashboardState;
  empty: boolean;
  year: number | null;
  defaultYear: number | null;
  yearsAvailable: number[];
  trendYears: number[];
  options: RegionOption[];
  selected: RegionLabel[];
  unknown: string[];
  metric: Metric;
  kpiGroups: KpiGroup[];
  otherScopes: { scope: Scope; reports: number }[];
  trend: { spec: TrendSpec; rows: TrendRow[]; note: string | null };
  outcomes: OutcomeTable[];
  rankings: RankingTable[];
  sources: ReportList;
}

export const OUTCOME_LABEL: Record<OutcomeKey, string> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  denied: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
};

const point = (points: SeriesPoint[] | undefined, year: number) => points?.find((p) => p.year === year);

function figureOf(p: { value: number | null; reports: number } | undefined, asFraction = false): KpiFigure | undefined {
  if (!p) return undefined;
  return { value: asFraction ? percentToFraction(p.value) : p.value, reports: p.reports };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

export async function loadOverview(db: Db, state: DashboardState): Promise<OverviewData> {
  const [options, resolved] = await Promise.all([regionOptions(db), resolveRegions(db, state.regions)]);
  const selected = resolved.regions;
  const scope = state.scope;
  // no region named in the URL can be found: nothing is selected, rather than everything
  const nothingFound = state.regions.length > 0 && selected.length === 0;
  const regionIds = state.regions.length ? selected.map((r) => r.id) : options.filter((o) => (o.scopes[scope] ?? 0) > 0).map((o) => o.id);
  const selection: DashboardSelection = { scope, regionIds: state.regions.length ? regionIds : undefined };
  // all regions as a condition, not as a list of thousands of ids (the scope filter does the rest)
  const regions: RegionSelection = state.regions.length ? { regionIds } : { all: true };

  const coverage = await yearCoverage(db, selection);
  const yearsAvailable = coverage.years.map((y) => y.year);
  const fallback = defaultYear(coverage.years, coverage.regionsWithTables);
  const year = state.year ?? fallback;
  const years = trendYears(state.years, yearsAvailable);
  const metric = metricById(state.metric);

  const base = {
    state,
    empty: options.length === 0,
    year,
    defaultYear: fallback,
    yearsAvailable,
    trendYears: years,
    options,
    selected,
    unknown: resolved.unknown,
    metric,
  };
  const scopesAll = year === null ? {} : await scopeCounts(db, year, state.regions.length ? regionIds : undefined);
  const otherScopes = (Object.entries(scopesAll) as [Scope, number][]).filter(([s, n]) => s !== scope && n > 0).map(([s, n]) => ({ scope: s, reports: n }));

  if (year === null || regionIds.length === 0 || nothingFound) {
    return {
      ...base,
      kpiGroups: [],
      otherScopes,
      trend: { spec: trendSpec(metric, years, [], state.decals), rows: [], note: null },
      outcomes: [],
      rankings: [],
      sources: { rows: [], total: 0 },
    };
  }

  const [kpis, reasons, trend, outcomes, rankings, sources] = await Promise.all([
    loadKpis(db, selection, regions, year),
    loadReasons(db, selection, year),
    loadTrend(db, state, selection, regions, selected, metric, years),
    loadOutcomes(db, selection, regions, years, state.decals),
    loadRankings(db, state, selection, regionIds, options, selected, metric, year),
    selectionReports(db, selection, [year], 100),
  ]);
  const kpiGroups = kpis.map((g) => ({ ...g, reasons: reasons.get(g.level) ?? [] }));
  return { ...base, kpiGroups, otherScopes, trend, outcomes, rankings, sources };
}

async function loadReasons(db: Db, selection: DashboardSelection, year: number): Promise<Map<Level, Reason[]>> {
  const reports = await selectionReports(db, selection, [year], 200);
  const out = new Map<Level, Reason[]>();
  // the reasons are read from figures rows: only for a selection of a few hundred reports
  if (reports.total > reports.rows.length) return out;
  const levels = [...new Set(reports.rows.map((r) => r.region.level))];
  const reasons = await Promise.all(
    levels.map((level) =>
      notProcessedReasons(
        db,
        reports.rows.filter((r) => r.region.level === level && r.stated.outcomes).map((r) => r.reportId),
      ),
    ),
  );
  levels.forEach((level, i) => out.set(level, reasons[i]));
  return out;
}

async function loadKpis(db: Db, selection: DashboardSelection, regions: RegionSelection, year: number): Promise<KpiGroup[]> {
  const years = [year - 1, year];
  const common = { ...regions, years, scope: selection.scope, perRegion: false };
  const [apps, disclosed, published, notProcessed, hotline, appeals, stated] = await Promise.all([
    metricSeries(db, { ...common, metric: 'applications.newReceived' }),
    metricSeries(db, { ...common, metric: 'applications.disclosedRate' }),
    metricSeries(db, { ...common, metric: 'activity.publishedItems' }),
    shareByLevel(db, selection, years, ['app_not_processed'], ['app_total']),
    channelSeries(db, { ...common, channel: 'hotline' }),
    appealOutcomes(db, common),
    statedByLevel(db, selection, year),
  ]);

  const levels = [...stated.keys()].sort((a, b) => ORDER[a] - ORDER[b]);
  return levels.map((level) => {
    const sources = stated.get(level)!;
    const totalsOf = <T extends { level: Level }>(rows: T[]) => rows.filter((r) => r.level === level);
    const series = (s: typeof apps) => s.totals.find((t) => t.level === level)?.points;
    const card = (k: Kpi, detail: string | null, source: StatedSource): KpiCardData => ({ ...k, detail, reportId: source.reportId });

    const a = series(apps);
    const d = series(disclosed);
    const p = series(published);
    const np = totalsOf(notProcessed);
    const npNow = np.find((r) => r.year === year);
    const h = totalsOf(hotline.totals);
    const hNow = h.find((r) => r.year === year);
    const ap = totalsOf(appeals.totals);
    const apNow = ap.find((r) => r.year === year);
    const dNow = point(d, year);
    const corrected = (r: (typeof ap)[number] | undefined): KpiFigure | undefined =>
      r && { value: sumStated([r.review.corrected, r.litigation.corrected]), reports: r.reports };

    const cards: KpiCardData[] = [
      card(kpi('applications', '本年新收申请', 'count', '件', figureOf(point(a, year)), figureOf(point(a, year - 1))), null, sources.applications),
      card(
        kpi('disclosed', '予以公开与部分公开', 'ratio', '', figureOf(dNow, true), figureOf(point(d, year - 1), true)),
        dNow?.numerator != null ? `${num(dNow.numerator)} / 总计 ${num(dNow.denominator)} 件` : null,
        sources.outcomes,
      ),
      card(
        kpi('notProcessed', '不予处理', 'ratio', '', figureOf(npNow, true), figureOf(np.find((r) => r.year === year - 1), true)),
        npNow?.numerator != null ? `${num(npNow.numerator)} / 总计 ${num(npNow.denominator)} 件` : null,
        sources.outcomes,
      ),
      card(kpi('published', '主动公开信息', 'count', '条', figureOf(point(p, year)), figureOf(point(p, year - 1))), null, sources.published),
      card(
        kpi('hotline', '热线办结率', 'ratio', '', hNow && { value: percentToFraction(hNow.resolvedRate), reports: hNow.reports }, (() => {
          const prev = h.find((r) => r.year === year - 1);
          return prev && { value: percentToFraction(prev.resolvedRate), reports: prev.reports };
        })()),
        hNow?.received != null ? `来电 ${num(hNow.received)} 件${hNow.resolved != null ? `，办结 ${num(hNow.resolved)} 件` : ''}` : null,
        sources.hotline,
      ),
      card(
        kpi('corrected', '复议、诉讼被纠正', 'count', '件', corrected(apNow), corrected(ap.find((r) => r.year === year - 1))),
        apNow && apNow.reports > 0
          ? `行政复议 ${num(apNow.review.corrected) ?? '—'} / ${num(apNow.review.total) ?? '—'} 件，行政诉讼 ${num(apNow.litigation.corrected) ?? '—'} / ${num(apNow.litigation.total) ?? '—'} 件`
          : null,
        sources.appeals,
      ),
    ];
    const reports = Math.max(...Object.values(sources).map((s) => s.reports), 0);
    return { level, reports, cards, reasons: [] as Reason[] };
  });
}

const ORDER: Record<Level, number> = { province: 0, city: 1, county: 2, body: 3 };

function trendSpec(metric: Metric, years: number[], series: { name: string; values: (number | null)[] }[], decals: boolean): TrendSpec {
  return {
    kind: 'trend',
    label: `${metric.label}：历年`,
    years,
    series,
    valueKind: metric.kind === 'ratio' ? 'ratio' : 'count',
    unit: metric.unit,
    decals,
  };
}

async function loadTrend(db: Db, state: DashboardState, selection: DashboardSelection, regions: RegionSelection, selected: RegionLabel[], metric: Metric, years: number[]) {
  const perRegion = state.regions.length > 0 && selected.length <= MAX_REGION_SERIES;
  const [series, templates, reportIds] = await Promise.all([
    metricSeries(db, { metric: metric.id, ...regions, years, scope: selection.scope, perRegion }),
    templateCounts(db, selection, years),
    perRegion ? reportIdsFor(db, selection.scope, years, selected.map((r) => r.id)) : Promise.resolve(new Map<string, number>()),
  ]);
  const asValue = (p: SeriesPoint | undefined) => (p ? (metric.kind === 'ratio' ? percentToFraction(p.value) : p.value) : null);
  const kind = metric.kind === 'ratio' ? 'ratio' : 'count';
  const cells = (points: SeriesPoint[], regionId: number | null): TrendCell[] =>
    years.map((y) => {
      const p = point(points, y);
      // the change comes from the query, which reads the year before even outside the range
      return { value: asValue(p), reports: p?.reports ?? 0, reportId: regionId === null ? null : (reportIds.get(reportKey(regionId, y)) ?? null), ...fromQueryChange(p ?? null, kind) };
    });
  const rows: TrendRow[] = perRegion
    ? series.regions.map((r) => ({ name: r.region.name, region: r.region, cells: cells(r.points, r.region.id) }))
    : series.totals.map((t) => ({ name: `${LEVEL_LABEL[t.level]}合计`, region: null, cells: cells(t.points, null) }));
  // selected regions without any figure still get a (empty) row, so "暂无数据" is said
  if (perRegion) {
    for (const r of selected) if (!rows.some((row) => row.region?.id === r.id)) rows.push({ name: r.name, region: r, cells: cells([], r.id) });
  }
  const exclusions = explainExclusions(metric, templates);
  const unstated = [...series.totals.flatMap((t) => t.points)].reduce((n, p) => n + p.unstated, 0);
  const notes = [exclusionText(exclusions), unstated ? `另有 ${unstated} 份报告未载明此项。` : null].filter(Boolean);
  return {
    spec: trendSpec(
      metric,
      years,
      rows.map((r) => ({ name: r.name, values: r.cells.map((c) => c.value) })),
      state.decals,
    ),
    rows,
    note: notes.length ? notes.join('') : null,
  };
}

async function loadOutcomes(db: Db, selection: DashboardSelection, regions: RegionSelection, years: number[], decals: boolean): Promise<OutcomeTable[]> {
  const outcomes = await applicationOutcomes(db, { ...regions, years, scope: selection.scope, perRegion: false });
  const keys = Object.keys(OUTCOME_LABEL) as OutcomeKey[];
  const levels = [...new Set(outcomes.totals.filter((t) => t.reports > 0).map((t) => t.level))];
  return levels.map((level) => {
    const rows = years.map((year) => {
      const t = outcomes.totals.find((r) => r.level === level && r.year === year && r.reports > 0);
      return { year, counts: Object.fromEntries(keys.map((k) => [k, t?.counts[k] ?? null])) as Record<OutcomeKey, number | null>, total: t?.total ?? null, reports: t?.reports ?? 0 };
    });
    return {
      level,
      rows,
      spec: {
        kind: 'stacked',
        label: `${LEVEL_LABEL[level]}：依申请公开办理结果`,
        categories: years.map(String),
        parts: keys.map((k) => ({ name: OUTCOME_LABEL[k], values: rows.map((r) => r.counts[k]) })),
        unit: '件',
        decals,
      },
    };
  });
}

async function loadRankings(db: Db, state: DashboardState, selection: DashboardSelection, regionIds: number[], options: RegionOption[], selected: RegionLabel[], metric: Metric, year: number): Promise<RankingTable[]> {
  const labels = state.regions.length ? selected : options.filter((o) => regionIds.includes(o.id));
  const byLevel = new Map<Level, number[]>();
  for (const r of labels) byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), r.id]);
  const levels = [...byLevel.keys()].sort((a, b) => ORDER[a] - ORDER[b]);
  const [rankings, templates] = await Promise.all([
    Promise.all(
      levels.map((level) =>
        rankRegions(db, {
          metric: metric.id,
          year,
          scope: selection.scope,
          // all regions: every region of the level, as a condition rather than a list of ids
          ...(state.regions.length ? { regionIds: byLevel.get(level)! } : { within: { level } }),
          limit: RANK_LIMIT,
          minDenominator: 1,
        }),
      ),
    ),
    templateCounts(db, selection, [year]),
  ]);
  const ids = rankings.flatMap((r) => r.rows.map((row) => row.region.id));
  const reportIds = await reportIdsFor(db, selection.scope, [year], ids);
  const ratio = metric.kind === 'ratio';
  return levels
    .map((level, i) => {
      const ranking = rankings[i];
      const exclusions = exclusionText(explainExclusions(metric, templates.filter((t) => t.level === level)));
      const notes = [exclusions, ranking.unstated ? `${ranking.unstated} 份报告未载明此项。` : null].filter(Boolean);
      const rows = ranking.rows.map((r) => ({ ...r, value: ratio ? r.value / 100 : r.value, reportId: reportIds.get(reportKey(r.region.id, year)) ?? null }));
      return {
        level,
        rows,
        ranked: ranking.ranked,
        note: notes.length ? notes.join('') : null,
        spec: {
          kind: 'ranking' as const,
          label: `${year}年度${LEVEL_LABEL[level]}排名：${metric.label}`,
          names: rows.map((r) => r.region.name),
          values: rows.map((r) => r.value),
          valueKind: ratio ? ('ratio' as const) : ('count' as const),
          unit: metric.unit,
          decals: state.decals,
        },
      };
    })
    .filter((r) => r.ranked > 0 || r.note !== null);
}

export type { Stated };
