// Bar charts over years for the region pages: stacked (outcomes, applicant mix, appeal results)
// or side by side (hotline and mailbox volumes). Pure option builders; the chart component
// (components/region/YearBars.tsx) calls them in the browser, where formatters may be functions.

import { baseOption, GRID_COLOUR, MUTED_COLOUR } from '../charts/palette';
import { formatAxis, formatNumber } from '../format/number';

export interface BarSeries {
  name: string;
  /** one value per category; null where the figure is not stated (drawn as a gap, never 0) */
  values: (number | null)[];
  /** series with the same stack are stacked; none: side by side */
  stack?: string;
  colour?: string;
}

export interface BarChartInput {
  /** x-axis categories, e.g. years as text */
  categories: string[];
  series: BarSeries[];
  /** unit for tooltips: 件, 条 … */
  unit: string;
}

/** Whether the chart has anything to draw. */
export const hasValues = (input: BarChartInput) => input.series.some((s) => s.values.some((v) => v !== null && v !== 0));

/** Series whose values are all null or 0 clutter a stacked legend: drop them. */
export function withoutEmptySeries(series: readonly BarSeries[]): BarSeries[] {
  return series.filter((s) => s.values.some((v) => v !== null && v !== 0));
}

/** The option; series with nothing but gaps and zeros are left out (they would only crowd the legend). */
export function barChartOption(input: BarChartInput) {
  const { categories, unit } = input;
  const series = withoutEmptySeries(input.series);
  const stacked = series.some((s) => s.stack);
  return {
    ...baseOption(),
    legend: { top: 0, left: 0, type: 'scroll', itemWidth: 14, itemHeight: 10, textStyle: { color: MUTED_COLOUR } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)} ${unit}` : '暂无数据'),
    },
    xAxis: { type: 'category', data: categories, axisTick: { show: false }, axisLine: { lineStyle: { color: GRID_COLOUR } }, axisLabel: { color: MUTED_COLOUR } },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatAxis(v), color: MUTED_COLOUR },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      ...(s.stack ? { stack: s.stack } : {}),
      barMaxWidth: stacked ? 44 : 28,
      emphasis: { focus: 'series' },
      ...(s.colour ? { itemStyle: { color: s.colour } } : {}),
    })),
  };
}
