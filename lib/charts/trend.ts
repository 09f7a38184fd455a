// A metric across years. Counts are bars when there are one or two series (totals of a
// level), lines otherwise (several regions); ratios are always lines. A year without a figure
// is a gap, never a zero.

import { GRID_COLOUR, MUTED_COLOUR, baseOption } from './palette';
import { AXIS_STYLE, axisLabel, valueLabel } from './axis';
import type { TrendSpec } from './spec';
import { tooltipList } from './tooltip';

export function trendOption(spec: TrendSpec) {
  const asBars = spec.valueKind === 'count' && spec.series.length <= 2;
  const format = valueLabel(spec.valueKind, spec.unit);
  const categories = spec.years.map(String);
  return {
    ...baseOption({ decals: spec.decals }),
    grid: { left: 8, right: 16, top: spec.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    legend: { show: spec.series.length > 1, top: 0, type: 'scroll' as const, textStyle: { color: MUTED_COLOUR } },
    tooltip: {
      trigger: 'axis' as const,
      formatter: (items: unknown) => tooltipList(items, (i) => format(spec.series[i.seriesIndex]?.values[i.dataIndex] ?? null)),
    },
    xAxis: { type: 'category' as const, data: categories, ...AXIS_STYLE },
    yAxis: {
      type: 'value' as const,
      axisLabel: { formatter: axisLabel(spec.valueKind), color: MUTED_COLOUR },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
      ...(spec.valueKind === 'ratio' ? { max: (r: { max: number }) => Math.min(1, Math.ceil(r.max * 10) / 10 || 1) } : {}),
    },
    series: spec.series.map((s) =>
      asBars
        ? { type: 'bar' as const, name: s.name, data: s.values, barMaxWidth: 36 }
        : { type: 'line' as const, name: s.name, data: s.values, connectNulls: false, symbolSize: 7, showSymbol: true },
    ),
  };
}
