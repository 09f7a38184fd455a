// Regions ranked by a value: horizontal bars, the first rank on top, each bar labelled with
// its value so the chart reads without hovering.

import { GRID_COLOUR, MUTED_COLOUR, PALETTE, baseOption } from './palette';
import { AXIS_STYLE, axisLabel, valueLabel } from './axis';
import type { RankingSpec } from './spec';

export function rankingOption(spec: RankingSpec) {
  const format = valueLabel(spec.valueKind, spec.unit);
  return {
    ...baseOption({ decals: spec.decals }),
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' as const, formatter: (p: { name: string; value: number }) => `${p.name}：${format(p.value)}` },
    xAxis: {
      type: 'value' as const,
      axisLabel: { formatter: axisLabel(spec.valueKind), color: MUTED_COLOUR },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
      ...(spec.valueKind === 'ratio' ? { max: 1 } : {}),
    },
    yAxis: { type: 'category' as const, inverse: true, data: spec.names, ...AXIS_STYLE, axisLabel: { width: 120, overflow: 'truncate' as const } },
    series: [
      {
        type: 'bar' as const,
        name: spec.label,
        data: spec.values,
        barMaxWidth: 20,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right' as const, formatter: (p: { value: number }) => format(p.value), color: MUTED_COLOUR },
      },
    ],
  };
}
