// Small multiples: one small bar panel per region, all with the same years and the same value
// range, in one ECharts option with a grid per panel. Comparable figures are solid bars; a figure
// with a mark (口径不同, 范围不同, 层级不同, 检查未通过) is a hatched bar with a dashed outline, its
// marks named in the tooltip, so it is never read as one of the others. Missing figures are gaps;
// a zero keeps a hairline bar, so that it does not look missing.
// Pure: the spec is plain data from the server; the option (with formatter functions) is built in
// the browser for the width the chart has.

import { AXIS_STYLE, axisLabel, valueLabel } from '../charts/axis';
import { GRID_COLOUR, MUTED_COLOUR, PALETTE, TEXT_COLOUR, baseOption } from '../charts/palette';
import { MARKS, isComparable } from './comparability';
import { titleWithUnit } from './metrics';
import type { CompareTable } from './table';

export interface Panel {
  /** the region, with its level mark when it has one */
  title: string;
  /** one per year; null: no figure */
  values: (number | null)[];
  /** per year: the marks of a marked figure (null: comparable or no figure) */
  marks: (string | null)[];
}

export interface SmallMultiplesSpec {
  label: string;
  years: number[];
  kind: 'count' | 'ratio';
  unit: string;
  panels: Panel[];
  decals?: boolean;
}

export function chartSpec(table: CompareTable, decals = false): SmallMultiplesSpec {
  const { metric, reference } = table;
  return {
    label: `${titleWithUnit(metric)}：各地区分年度小图，坐标相同`,
    years: table.years,
    kind: metric.kind,
    unit: metric.unit,
    decals,
    panels: table.rows.map((row) => ({
      title: reference.level !== null && row.region.level !== reference.level ? `${row.region.name}（${MARKS.level.label}）` : row.region.name,
      values: row.cells.map((c) => c.value),
      marks: row.cells.map((c) => (c.value === null || isComparable(c) ? null : c.marks.map((m) => MARKS[m].label).join('、'))),
    })),
  };
}

export const hasFigures = (spec: SmallMultiplesSpec) => spec.panels.some((p) => p.values.some((v) => v !== null));

/**
 * The top of the shared value axis: the smallest round number (1, 2, 3, 4, 5, 6, 8 × 10^k) not
 * below the largest value, whose half is a whole number for counts (the axis has ticks at 0, half
 * and top).
 */
export function sharedMax(values: readonly (number | null)[], kind: 'count' | 'ratio'): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (max === 0) return kind === 'ratio' ? 1 : 2;
  const steps = [1, 2, 3, 4, 5, 6, 8, 10];
  for (let k = Math.floor(Math.log10(max)); ; k++) {
    for (const m of steps) {
      const top = Number((m * 10 ** k).toPrecision(12));
      if (top >= max && (kind === 'ratio' || Number.isInteger(top / 2))) return top;
    }
  }
}

export interface PanelBox {
  left: number;
  top: number;
  width: number;
  height: number;
  column: number;
  row: number;
}

export interface PanelLayout {
  columns: number;
  rows: number;
  /** the chart's height in pixels */
  height: number;
  boxes: PanelBox[];
}

export const LAYOUT = {
  minPanelWidth: 135,
  maxColumns: 4,
  /** the plot area of a panel */
  plotHeight: 96,
  /** above a plot: the region's name */
  titleHeight: 26,
  /** below a plot: the years */
  axisHeight: 24,
  legendHeight: 30,
  gap: 14,
  /** left of the first column: the shared value labels */
  labelWidth: 46,
  right: 8,
} as const;

/** Panels in rows of as many columns as the width allows (at most four), left to right. */
export function panelLayout(count: number, width: number, l = LAYOUT): PanelLayout {
  const usable = Math.max(0, width - l.labelWidth - l.right);
  const fit = Math.floor((usable + l.gap) / (l.minPanelWidth + l.gap));
  const columns = Math.max(1, Math.min(l.maxColumns, count, fit));
  const rows = Math.ceil(count / columns);
  const panelWidth = Math.max(40, (usable - (columns - 1) * l.gap) / columns);
  const rowHeight = l.titleHeight + l.plotHeight + l.axisHeight;
  const boxes = Array.from({ length: count }, (_, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    return { left: l.labelWidth + column * (panelWidth + l.gap), top: l.legendHeight + row * rowHeight + l.titleHeight, width: panelWidth, height: l.plotHeight, column, row };
  });
  return { columns, rows, height: l.legendHeight + rows * rowHeight + 4, boxes };
}

const COMPARABLE = '可比较的数字';
const MARKED = '不可直接比较的数字（斜线）';
const HATCH = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: 'rgba(31, 35, 40, 0.55)' };

const escape = (s: string) => s.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);

interface BarDatum {
  value: number | null;
  panel: string;
  marks: string | null;
}

/** The option for a chart `width` pixels wide (its height: panelLayout(spec.panels.length, width).height). */
export function smallMultiplesOption(spec: SmallMultiplesSpec, width: number) {
  const layout = panelLayout(spec.panels.length, width);
  const top = sharedMax(
    spec.panels.flatMap((p) => p.values),
    spec.kind,
  );
  const format = valueLabel(spec.kind, spec.unit);
  const categories = spec.years.map(String);
  const datum = (p: Panel, keep: (i: number) => boolean) => p.values.map((v, i): BarDatum => ({ value: keep(i) ? v : null, panel: p.title, marks: p.marks[i] }));
  return {
    ...baseOption({ decals: spec.decals }),
    legend: { top: 0, left: 0, itemWidth: 16, itemHeight: 10, data: [COMPARABLE, MARKED], textStyle: { color: MUTED_COLOUR } },
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { name: string; data: BarDatum }) =>
        [`${escape(p.data.panel)} · ${escape(p.name)}年`, escape(format(p.data.value)), p.data.marks ? escape(p.data.marks) : null].filter(Boolean).join('<br/>'),
    },
    grid: layout.boxes.map((b) => ({ left: b.left, top: b.top, width: b.width, height: b.height, containLabel: false })),
    xAxis: layout.boxes.map((b, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: categories,
      ...AXIS_STYLE,
      axisLabel: { color: MUTED_COLOUR, fontSize: 10, hideOverlap: true },
    })),
    yAxis: layout.boxes.map((b, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min: 0,
      max: top,
      interval: top / 2,
      name: spec.panels[i].title,
      nameLocation: 'end' as const,
      nameGap: 8,
      nameTextStyle: { align: 'left' as const, color: TEXT_COLOUR, fontSize: 13, fontWeight: 600, width: b.width, overflow: 'truncate' as const },
      axisLabel: { show: b.column === 0, formatter: axisLabel(spec.kind), color: MUTED_COLOUR, fontSize: 10 },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    })),
    series: spec.panels.flatMap((p, i) => [
      { type: 'bar' as const, name: COMPARABLE, xAxisIndex: i, yAxisIndex: i, data: datum(p, (j) => p.marks[j] === null), barMaxWidth: 22, barMinHeight: 1, barGap: '-100%', itemStyle: { color: PALETTE[0] } },
      {
        type: 'bar' as const,
        name: MARKED,
        xAxisIndex: i,
        yAxisIndex: i,
        data: datum(p, (j) => p.marks[j] !== null),
        barMaxWidth: 22,
        barMinHeight: 1,
        barGap: '-100%',
        itemStyle: { color: '#c9d6e3', borderColor: '#44546a', borderWidth: 1, borderType: 'dashed' as const, decal: HATCH },
      },
    ]),
  };
}
