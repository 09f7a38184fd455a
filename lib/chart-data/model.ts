// A chart as every export needs it: its title, the ECharts option (drawn as SVG or PNG) and the
// data behind it as plain tables (CSV, XLSX), from figures the dashboard queries already add
// up. Pure: db/queries/chart-data.ts reads, this shapes.

import type { AppealFigures } from '../../db/queries/appeals';
import type { ApplicantKey, Breakdown, OutcomeBreakdown } from '../../db/queries/applications';
import type { ChannelFigures } from '../../db/queries/channels';
import { APPLICANT_FACT_COLUMNS, type Metric } from '../../db/queries/metrics';
import { rankingOption } from '../charts/ranking';
import { trendOption } from '../charts/trend';
import type { DataTable, Row } from '../export/table';
import { publicCharts, withDecals, type PublicChartInput } from '../public/charts';
import { barChartOption, hasValues } from '../region-charts/bars';
import { applicantsChart } from '../region-charts/region';
import { APPLICANT_LABELS, OUTCOME_GROUPS } from '../region/outcomes';
import { APPEAL_COLUMNS } from '../report/labels';
import type { ChartId } from './request';

export interface ChartModel {
  chart: ChartId;
  title: string;
  /** null: nothing to draw */
  option: object | null;
  tables: DataTable[];
}

export interface ReportRef {
  region: string;
  code: string | null;
  year: number;
  title: string;
  /** the government's own page, when known */
  url: string | null;
}


/** one year's figures of the summed charts, with how many reports they add up */
export interface YearFigures {
  year: number;
  reports: number;
  received: number | null;
  outcomes?: OutcomeBreakdown;
  applicants?: Breakdown<ApplicantKey>;
  hotline?: ChannelFigures;
  appeals?: AppealFigures;
  publishedItems: number | null;
}

/** the data sheets' names of the summed charts (and the applicants chart's title) */
const TITLES: Record<Exclude<ChartId, 'trend' | 'ranking'>, string> = {
  outcomes: '依申请公开办理结果',
  applicants: '申请人构成',
  hotline: '政务热线办结率',
  appeals: '行政复议和行政诉讼结果',
  proactive: '主动公开的政府信息',
};

const sheetName = (title: string) => title.slice(0, 31);

function summedInput(figures: readonly YearFigures[]): PublicChartInput {
  const years = figures.map((f) => f.year);
  const byYear = <T>(pick: (f: YearFigures) => T | undefined) => new Map(figures.flatMap((f) => (pick(f) === undefined ? [] : [[f.year, pick(f)!] as const])));
  // the public builders only ask whether a year has a report
  const sources = new Map(figures.filter((f) => f.reports > 0).map((f) => [f.year, { reportId: 0, year: f.year, title: '', href: null, mirrorOnly: false }]));
  return {
    years,
    sources,
    publishedItems: byYear((f) => f.publishedItems),
    received: byYear((f) => f.received),
    outcomes: byYear((f) => (f.outcomes && f.outcomes.reports > 0 ? f.outcomes : undefined)),
    hotline: byYear((f) => f.hotline),
    appeals: byYear((f) => (f.appeals && f.appeals.reports > 0 ? f.appeals : undefined)),
    causes: new Map(),
  };
}

const nul = (v: number | null | undefined) => (v === undefined ? null : v);
const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

function summedTable(chart: ChartId, figures: readonly YearFigures[]): DataTable {
  const head = ['年度', '报告数'];
  switch (chart) {
    case 'outcomes':
      return {
        name: TITLES.outcomes,
        columns: [...head, '本年新收申请', ...OUTCOME_GROUPS.map((g) => g.label), '办理结果合计'],
        rows: figures.map((f) => [f.year, f.reports, f.received, ...OUTCOME_GROUPS.map((g) => nul(f.outcomes?.counts[g.key])), nul(f.outcomes?.total)]),
      };
    case 'applicants': {
      const keys = Object.keys(APPLICANT_FACT_COLUMNS) as ApplicantKey[];
      return {
        name: TITLES.applicants,
        columns: [...head, ...APPLICANT_LABELS, '合计'],
        rows: figures.map((f) => [f.year, f.reports, ...APPLICANT_LABELS.map((_, i) => nul(f.applicants?.counts[keys[i]])), nul(f.applicants?.total)]),
      };
    }
    case 'hotline':
      return {
        name: '政务热线',
        columns: [...head, '受理（件）', '办结（件）', '办结率（%）', '满意率（%）'],
        rows: figures.map((f) => [f.year, f.reports, nul(f.hotline?.received), nul(f.hotline?.resolved), rate(f.hotline?.resolvedRate), rate(f.hotline?.satisfactionRate)]),
      };
    case 'appeals': {
      const parts = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
      return {
        name: TITLES.appeals,
        columns: [...head, ...APPEAL_COLUMNS.map((c) => `行政复议${c}`), ...APPEAL_COLUMNS.map((c) => `行政诉讼${c}`)],
        rows: figures.map((f) => [f.year, f.reports, ...parts.map((p) => nul(f.appeals?.review[p])), ...parts.map((p) => nul(f.appeals?.litigation[p]))]),
      };
    }
    default:
      return { name: TITLES.proactive, columns: [...head, '主动公开信息（条）'], rows: figures.map((f) => [f.year, f.reports, f.publishedItems]) };
  }
}

export function sourcesTable(reports: readonly ReportRef[]): DataTable {
  return { name: '来源', columns: ['地区', '区划代码', '年度', '报告', '网址'], rows: reports.map((r): Row => [r.region, r.code, r.year, r.title, r.url]) };
}

/** outcomes, applicants, hotline, appeals, proactive: the regions added up, one row per year */
export function summedChart(chart: ChartId, figures: readonly YearFigures[], reports: readonly ReportRef[]): ChartModel {
  const table = summedTable(chart, figures);
  const tables = [table, sourcesTable(reports)];
  if (chart === 'applicants') {
    const input = applicantsChart(
      figures.map((f) => f.year),
      new Map(figures.flatMap((f) => (f.applicants ? [[f.year, f.applicants] as const] : []))),
    );
    return { chart, title: TITLES.applicants, option: hasValues(input) ? withDecals(barChartOption(input)) : null, tables };
  }
  const id = chart === 'outcomes' ? 'applications' : chart;
  const drawn = publicCharts(summedInput(figures)).find((c) => c.id === id)!;
  return { chart, title: drawn.title, option: drawn.option, tables };
}

export interface RegionSeries {
  name: string;
  code: string | null;
  points: { year: number; value: number | null; reports: number }[];
}

const scaled = (metric: Metric, v: number | null) => (v === null ? null : metric.kind === 'ratio' ? v / 100 : v);

/** a metric over years, one line (or bar) per region */
export function trendChart(metric: Metric, years: readonly number[], regions: readonly RegionSeries[], reports: readonly ReportRef[]): ChartModel {
  const series = regions.map((r) => ({ name: r.name, values: years.map((y) => scaled(metric, r.points.find((p) => p.year === y)?.value ?? null)) }));
  const any = series.some((s) => s.values.some((v) => v !== null));
  const option = any
    ? withDecals(trendOption({ kind: 'trend', label: metric.label, years: [...years], series, valueKind: metric.kind === 'ratio' ? 'ratio' : 'count', unit: metric.unit }))
    : null;
  const table: DataTable = {
    name: sheetName(metric.label),
    columns: ['地区', '区划代码', '年度', metric.label, '单位', '报告数'],
    rows: regions.flatMap((r) => years.map((y): Row => {
      const p = r.points.find((x) => x.year === y);
      return [r.name, r.code, y, p?.value === null || p?.value === undefined ? null : metric.kind === 'ratio' ? rate(p.value) : p.value, metric.unit, p?.reports ?? 0];
    })),
  };
  return { chart: 'trend', title: metric.label, option, tables: [table, sourcesTable(reports)] };
}

export interface RankedRegion {
  rank: number;
  name: string;
  code: string | null;
  city: string | null;
  province: string | null;
  value: number;
}

/** regions ranked by a metric in one year, best first */
export function rankingChart(metric: Metric, year: number, rows: readonly RankedRegion[], reports: readonly ReportRef[]): ChartModel {
  const option = rows.length
    ? withDecals(
        rankingOption({
          kind: 'ranking',
          label: metric.label,
          names: rows.map((r) => r.name),
          values: rows.map((r) => (metric.kind === 'ratio' ? r.value / 100 : r.value)),
          valueKind: metric.kind === 'ratio' ? 'ratio' : 'count',
          unit: metric.unit,
        }),
      )
    : null;
  const table: DataTable = {
    name: sheetName(`${year}年${metric.label}排名`),
    columns: ['名次', '地区', '区划代码', '所属市', '所属省', metric.label, '单位'],
    rows: rows.map((r): Row => [r.rank, r.name, r.code, r.city, r.province, metric.kind === 'ratio' ? rate(r.value) : r.value, metric.unit]),
  };
  return { chart: 'ranking', title: `${year}年${metric.label}排名`, option, tables: [table, sourcesTable(reports)] };
}
