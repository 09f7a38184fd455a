// Parts of a whole per category, stacked (application outcomes per year). The tooltip gives
// each part's count and its share of the category's total.

import { formatNumber, formatPercent } from '../format/number';
import { GRID_COLOUR, MUTED_COLOUR, baseOption } from './palette';
import { AXIS_STYLE, axisLabel } from './axis';
import type { StackedSpec } from './spec';
import { tooltipList } from './tooltip';

/** Each category's total over the parts that state a figure; null when none does. */
export function categoryTotals(spec: StackedSpec): (number | null)[] {
  return spec.categories.map((_, i) => {
    const stated = spec.parts.map((p) => p.values[i]).filter((v): v is number => v !== null);
    return stated.length ? stated.reduce((a, b) => a + b, 0) : null;
  });
}

export function stackedOption(spec: StackedSpec) {
  const totals = categoryTotals(spec);
  return {
    ...baseOption({ decals: spec.decals }),
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' as const, textStyle: { color: MUTED_COLOUR } },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'shadow' as const },
      formatter: (items: unknown) =>
        tooltipList(items, (i) => {
          const v = spec.parts[i.seriesIndex]?.values[i.dataIndex] ?? null;
          const total = totals[i.dataIndex];
          return v === null ? formatNumber(null) : `${formatNumber(v)} ${spec.unit}（${formatPercent(total ? v / total : null, 1)}）`;
        }),
    },
    xAxis: { type: 'category' as const, data: spec.categories, ...AXIS_STYLE },
    yAxis: { type: 'value' as const, axisLabel: { formatter: axisLabel('count'), color: MUTED_COLOUR }, splitLine: { lineStyle: { color: GRID_COLOUR } } },
    series: spec.parts.map((p) => ({ type: 'bar' as const, name: p.name, stack: 'total', data: p.values, barMaxWidth: 48 })),
  };
}
