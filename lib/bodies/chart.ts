// The bodies of one year compared on one metric: horizontal bars on one value axis, largest
// first, departments and townships told apart by colour, by a striped pattern and by the
// legend's words. Bodies whose report does not state the figure are not drawn as 0: they are
// listed beside the chart. Pure: the input is plain data the server passes; the option (with
// its formatter functions) is built in the browser.

import type { BodyYearRow } from '../../db/queries/bodies';
import { AXIS_STYLE } from '../charts/axis';
import { baseOption, GRID_COLOUR, MUTED_COLOUR, PALETTE } from '../charts/palette';
import { formatAxis, formatNumber } from '../format/number';
import { SCOPE_LABELS } from '../region/scope';
import { BODY_METRIC_IDS, bodyMetric, type BodyMetricId } from './metrics';
import type { BodyKind } from './state';
import type { BodyTableRow } from './view';

/** Bars drawn at most: a county may have hundreds of bodies; the table lists them all. */
export const CHART_LIMIT = 30;

export interface BodyBar {
  name: string;
  kind: BodyKind;
  value: number;
}

export interface BodiesChartInput {
  metric: BodyMetricId;
  /** what the chart shows, for screen readers and tests */
  label: string;
  unit: string;
  /** largest first, at most CHART_LIMIT */
  bars: BodyBar[];
  /** bodies that state the figure (drawn or not) */
  stated: number;
  /** names of the bodies whose report does not state it */
  unstated: string[];
}

/** The first metric some body states a figure other than 0 for; else the first stated; else the first. */
export function defaultChartMetric(rows: readonly Pick<BodyYearRow, 'values'>[]): BodyMetricId {
  const some = (test: (v: number | null) => boolean) => BODY_METRIC_IDS.find((id) => rows.some((r) => test(r.values[id])));
  return some((v) => v !== null && v !== 0) ?? some((v) => v !== null) ?? BODY_METRIC_IDS[0];
}

const collator = new Intl.Collator('zh-CN');

export function bodiesChartInput(rows: readonly BodyTableRow[], metric: BodyMetricId, year: number, nameOf: (row: BodyTableRow) => string, limit = CHART_LIMIT): BodiesChartInput {
  const m = bodyMetric(metric);
  const stated = rows
    .filter((r) => r.report.values[metric] !== null)
    .map((r) => ({ name: nameOf(r), kind: r.body.kind, value: r.report.values[metric]! }))
    .sort((a, b) => b.value - a.value || collator.compare(a.name, b.name));
  return {
    metric,
    label: `${year}年各部门、乡镇（街道）${m.label}（${m.unit}）`,
    unit: m.unit,
    bars: stated.slice(0, limit),
    stated: stated.length,
    unstated: rows.filter((r) => r.report.values[metric] === null).map(nameOf),
  };
}

export const chartHeight = (input: BodiesChartInput) => 56 + input.bars.length * 26;

const KIND_STYLE: Record<BodyKind, { color: string; decal?: object }> = {
  department: { color: PALETTE[0] },
  township: { color: PALETTE[1], decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: Math.PI / 4, color: 'rgba(0, 0, 0, 0.28)' } },
};

export function bodiesChartOption(input: BodiesChartInput) {
  const kinds = (['department', 'township'] as const).filter((k) => input.bars.some((b) => b.kind === k));
  const label = (v: number) => `${formatNumber(v)} ${input.unit}`;
  return {
    ...baseOption(),
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { color: MUTED_COLOUR } },
    grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { name: string; seriesName: string; value: number }) => `${p.name} · ${p.seriesName}：${label(p.value)}` },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatAxis(v), color: MUTED_COLOUR }, splitLine: { lineStyle: { color: GRID_COLOUR } } },
    yAxis: { type: 'category', inverse: true, data: input.bars.map((b) => b.name), ...AXIS_STYLE, axisLabel: { width: 150, overflow: 'truncate', color: '#1f2328' } },
    // one series per kind, stacked on one band so that each body's bar sits on its own row
    series: kinds.map((kind) => ({
      type: 'bar',
      name: SCOPE_LABELS[kind],
      stack: 'bodies',
      barMaxWidth: 18,
      data: input.bars.map((b) => (b.kind === kind ? b.value : null)),
      itemStyle: KIND_STYLE[kind],
      label: { show: true, position: 'right', color: MUTED_COLOUR, formatter: (p: { value: number | null }) => (p.value === null ? '' : label(p.value)) },
    })),
  };
}
