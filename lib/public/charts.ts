// The public page's four charts, each with the table that a screen reader (and a printed page)
// reads instead, the plain sentence under it and the glossary terms it uses. Options are
// built here; the page draws them on the server (lib/charts/ssr.ts). Pure.

import type { AppealFigures } from '../../db/queries/appeals';
import type { OutcomeBreakdown } from '../../db/queries/applications';
import type { ChannelFigures } from '../../db/queries/channels';
import { trendOption } from '../charts/trend';
import { formatNumber, formatPercent, NO_REPORT, NOT_STATED } from '../format/number';
import { OUTCOME_GROUPS } from '../region/outcomes';
import type { DominantCause } from '../region/dominant-cause';
import { barChartOption, hasValues, type BarChartInput } from '../region-charts/bars';
import { appealsChart, outcomesChart } from '../region-charts/region';
import { APPEAL_COLUMNS } from '../report/labels';
import { appealsSentence, applicationsSentence, hotlineSentence, proactiveSentence } from './sentences';
import type { ReportSource } from './sources';

export type PublicChartId = 'proactive' | 'applications' | 'hotline' | 'appeals';

/** A chart's figures with the years across (few) and the measures down, as a phone reads them. */
export interface PublicTable {
  years: number[];
  /** the report of each year; null: no report that year */
  sources: (ReportSource | null)[];
  rows: { label: string; cells: string[] }[];
}

export interface PublicChart {
  id: PublicChartId;
  title: string;
  /** the plain sentence under the chart */
  sentence: string;
  /** null: nothing to draw (the figure says why instead) */
  option: object | null;
  emptyText: string;
  height: number;
  table: PublicTable;
  /** glossary labels the chart uses (lib/public/glossary.ts termFor) */
  terms: string[];
  /** what hovering names: the drawn series in drawing order (the option's own order) */
  points: ChartPoints | null;
}

export interface ChartPoints {
  categories: string[];
  series: { name: string; values: (number | null)[]; unit: string }[];
}

/** The drawn series of an option, for the hover readout; ratios (0–1) become percentages. */
export function pointsOf(option: object | null, unit: string, ratio = false): ChartPoints | null {
  if (!option) return null;
  const o = option as { xAxis?: { data?: unknown[] }; series?: { name?: string; data?: unknown[] }[] };
  const round = (v: number) => (ratio ? Math.round(v * 1000) / 10 : v);
  return {
    categories: (o.xAxis?.data ?? []).map(String),
    series: (o.series ?? []).map((s) => ({
      name: s.name ?? '',
      unit,
      values: (s.data ?? []).map((v) => (typeof v === 'number' ? round(v) : null)),
    })),
  };
}

export interface PublicChartInput {
  /** every year from the first report to the last, gaps included */
  years: number[];
  sources: ReadonlyMap<number, ReportSource>;
  publishedItems: ReadonlyMap<number, number | null>;
  received: ReadonlyMap<number, number | null>;
  outcomes: ReadonlyMap<number, OutcomeBreakdown>;
  hotline: ReadonlyMap<number, ChannelFigures>;
  appeals: ReadonlyMap<number, AppealFigures>;
  causes: ReadonlyMap<number, DominantCause | undefined>;
}

/** Public charts carry decal patterns: told apart without colour, and in black-and-white print. */
export const withDecals = <T extends object>(option: T) => ({ ...option, aria: { enabled: true, decal: { show: true } } });

/** Rates near 100% differ by tenths: each point carries its value. */
function withPointLabels(option: { series: object[]; grid: object }) {
  const label = { show: true, position: 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatPercent(p.value, 1) : '') };
  // room above the top line for a label at 100%
  return { ...option, grid: { ...option.grid, top: 28 }, series: option.series.map((s) => ({ ...s, label })) };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? NOT_STATED : formatNumber(v));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? NOT_STATED : formatPercent(v / 100, 1));

function tableOf(input: PublicChartInput, rows: { label: string; cell: (year: number) => string }[]): PublicTable {
  const sources = input.years.map((y) => input.sources.get(y) ?? null);
  return {
    years: input.years,
    sources,
    rows: rows.map((r) => ({ label: r.label, cells: input.years.map((y, i) => (sources[i] ? r.cell(y) : NO_REPORT)) })),
  };
}

/** The latest year with a report where `has` holds, else the latest year with a report. */
function latestYear(input: PublicChartInput, has: (year: number) => boolean): number | null {
  const reported = input.years.filter((y) => input.sources.has(y));
  return [...reported].reverse().find(has) ?? reported.at(-1) ?? null;
}

/** a year's table 三 figures, when its report prints the table */
const statedOutcomes = (input: PublicChartInput, year: number) => {
  const o = input.outcomes.get(year);
  return o && o.reports > 0 ? o : undefined;
};

/** a year's table 四 figures, when its report prints the table */
const statedAppeals = (input: PublicChartInput, year: number) => {
  const a = input.appeals.get(year);
  return a && a.reports > 0 ? a : undefined;
};

const previousOf = <T>(map: ReadonlyMap<number, T>, year: number) => map.get(year - 1);

function barsOrNull(input: BarChartInput): object | null {
  return hasValues(input) ? withDecals(barChartOption(input)) : null;
}

function proactiveChart(input: PublicChartInput): PublicChart {
  const values = input.years.map((y) => input.publishedItems.get(y) ?? null);
  const year = latestYear(input, (y) => (input.publishedItems.get(y) ?? null) !== null);
  const option = barsOrNull({ categories: input.years.map(String), unit: '条', series: [{ name: '主动公开信息', values }] });
  return {
    id: 'proactive',
    title: '主动公开的政府信息',
    sentence: year === null ? '' : proactiveSentence(year, input.publishedItems.get(year) ?? null, previousOf(input.publishedItems, year)),
    option,
    emptyText: '各年报告都没有载明主动公开信息的条数。',
    height: 260,
    table: tableOf(input, [{ label: '主动公开信息（条）', cell: (y) => num(input.publishedItems.get(y)) }]),
    terms: ['主动公开'],
    points: pointsOf(option, '条'),
  };
}

function applicationsChart(input: PublicChartInput): PublicChart {
  const year = latestYear(input, (y) => statedOutcomes(input, y) !== undefined || (input.received.get(y) ?? null) !== null);
  const option = barsOrNull(outcomesChart(input.years, input.outcomes));
  return {
    id: 'applications',
    title: '依申请公开：收到的申请和办理结果',
    sentence: year === null ? '' : applicationsSentence(year, input.received.get(year) ?? null, statedOutcomes(input, year), input.causes.get(year)),
    option,
    emptyText: '各年报告都没有可提取的申请办理统计（表三）。',
    height: 300,
    table: tableOf(input, [
      { label: '收到申请', cell: (y) => num(input.received.get(y)) },
      ...OUTCOME_GROUPS.map((g) => ({ label: g.label, cell: (y: number) => num(statedOutcomes(input, y)?.counts[g.key]) })),
    ]),
    terms: ['依申请公开', ...OUTCOME_GROUPS.map((g) => g.label)],
    points: pointsOf(option, '件'),
  };
}

function hotlineChart(input: PublicChartInput): PublicChart {
  const rates = input.years.map((y) => input.hotline.get(y)?.resolvedRate ?? null);
  const received = input.years.map((y) => input.hotline.get(y)?.received ?? null);
  const year = latestYear(input, (y) => (input.hotline.get(y)?.received ?? input.hotline.get(y)?.resolvedRate ?? null) !== null);
  const isRate = rates.some((r) => r !== null);
  const option = isRate
    ? withPointLabels(withDecals(trendOption({ kind: 'trend', label: '政务热线办结率', years: input.years, series: [{ name: '办结率', values: rates.map((r) => (r === null ? null : r / 100)) }], valueKind: 'ratio', unit: '%' })))
    : barsOrNull({ categories: input.years.map(String), unit: '件', series: [{ name: '热线受理', values: received }] });
  return {
    id: 'hotline',
    title: '政务热线：受理和办结',
    sentence: year === null ? '' : hotlineSentence(year, input.hotline.get(year), previousOf(input.hotline, year)?.resolvedRate),
    option,
    emptyText: '各年报告都没有载明政务热线的数字。',
    height: 260,
    table: tableOf(input, [
      { label: '受理（件）', cell: (y) => num(input.hotline.get(y)?.received) },
      { label: '办结（件）', cell: (y) => num(input.hotline.get(y)?.resolved) },
      { label: '办结率', cell: (y) => pct(input.hotline.get(y)?.resolvedRate) },
      { label: '满意率', cell: (y) => pct(input.hotline.get(y)?.satisfactionRate) },
    ]),
    terms: ['政务热线', '办结率', '满意率'],
    points: pointsOf(option, isRate ? '%' : '件', isRate),
  };
}

function appealsChartOf(input: PublicChartInput): PublicChart {
  const year = latestYear(input, (y) => statedAppeals(input, y) !== undefined);
  const parts = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
  const option = barsOrNull(appealsChart(input.years, input.appeals));
  return {
    id: 'appeals',
    title: '行政复议和行政诉讼',
    sentence: year === null ? '' : appealsSentence(year, statedAppeals(input, year)),
    option,
    emptyText: '各年因政府信息公开引起的行政复议、行政诉讼均为 0 件，或报告没有载明。',
    height: 300,
    table: tableOf(input, [
      ...parts.map((p, i) => ({ label: `行政复议${APPEAL_COLUMNS[i]}`, cell: (y: number) => num(statedAppeals(input, y)?.review[p]) })),
      ...parts.map((p, i) => ({ label: `行政诉讼${APPEAL_COLUMNS[i]}`, cell: (y: number) => num(statedAppeals(input, y)?.litigation[p]) })),
    ]),
    terms: ['行政复议', '行政诉讼', ...APPEAL_COLUMNS.slice(0, 4)],
    points: pointsOf(option, '件'),
  };
}

export function publicCharts(input: PublicChartInput): PublicChart[] {
  return [applicationsChart(input), hotlineChart(input), appealsChartOf(input), proactiveChart(input)];
}
