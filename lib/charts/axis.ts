// Value formatting shared by the builders: counts in 万/亿, ratios (fractions) as percentages.

import { formatAxis, formatNumber, formatPercent } from '../format/number';
import type { ValueKind } from './spec';

export function axisLabel(kind: ValueKind): (value: number) => string {
  return kind === 'ratio' ? (v) => formatPercent(v, 0) : formatAxis;
}

export function valueLabel(kind: ValueKind, unit: string): (value: number | null) => string {
  if (kind === 'ratio') return (v) => formatPercent(v);
  return (v) => (v === null ? formatNumber(v) : `${formatNumber(v)} ${unit}`);
}

export const AXIS_STYLE = {
  axisLine: { lineStyle: { color: '#9aa4ae' } },
  axisTick: { show: false },
} as const;
