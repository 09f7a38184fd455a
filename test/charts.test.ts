// Chart option builders: pure functions from a spec to an ECharts option.
import { describe, expect, it } from 'vitest';
import { buildOption } from '../lib/charts/option';
import { PALETTE, baseOption } from '../lib/charts/palette';
import { rankingOption } from '../lib/charts/ranking';
import { isEmptySpec, specHeight, type RankingSpec, type StackedSpec, type TrendSpec } from '../lib/charts/spec';
import { categoryTotals, stackedOption } from '../lib/charts/stacked';
import { trendOption } from '../lib/charts/trend';

const trend = (over: Partial<TrendSpec> = {}): TrendSpec => ({
  kind: 'trend',
  label: '主动公开信息：历年',
  years: [2020, 2021, 2022],
  series: [{ name: '会同县', values: [1226, 2954, null] }],
  valueKind: 'count',
  unit: '条',
  ...over,
});

type Fmt = (v: number) => string;

describe('trend', () => {
  it('draws counts of one or two series as bars, with gaps (null) for missing years', () => {
    const o = trendOption(trend());
    expect(o.xAxis.data).toEqual(['2020', '2021', '2022']);
    expect(o.series).toEqual([expect.objectContaining({ type: 'bar', name: '会同县', data: [1226, 2954, null] })]);
    expect(o.legend.show).toBe(false);
    expect(o.color).toEqual([...PALETTE]);
  });

  it('draws several regions, and ratios, as lines', () => {
    const three = trend({ series: ['a', 'b', 'c'].map((name) => ({ name, values: [1, 2, 3] })) });
    expect(trendOption(three).series.map((s) => s.type)).toEqual(['line', 'line', 'line']);
    expect(trendOption(three).legend.show).toBe(true);
    const ratio = trendOption(trend({ valueKind: 'ratio', unit: '%', series: [{ name: '会同县', values: [0.9992, null, 0.95] }] }));
    expect(ratio.series[0]).toMatchObject({ type: 'line', connectNulls: false });
    expect((ratio.yAxis.axisLabel.formatter as Fmt)(0.5)).toBe('50%');
  });

  it('formats axes in 万 and 亿', () => {
    const f = trendOption(trend()).yAxis.axisLabel.formatter as Fmt;
    expect(f(20000)).toBe('2万');
    expect(f(150_000_000)).toBe('1.5亿');
    expect(f(7352)).toBe('7,352');
  });

  it('formats the tooltip with units and 暂无数据 for a gap', () => {
    const o = trendOption(trend());
    const text = o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, seriesName: '会同县', axisValueLabel: '2020', marker: '' }]);
    expect(text).toBe('2020<br/>会同县：1,226 条');
    expect(o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 2, seriesName: '会同县', axisValueLabel: '2022' }])).toContain('暂无数据');
  });

  it('escapes names in tooltips', () => {
    const o = trendOption(trend({ series: [{ name: '<b>', values: [1, 2, 3] }] }));
    expect(o.tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, seriesName: '<b>', axisValueLabel: '2020' }])).not.toContain('<b>');
  });

  it('turns decals on when asked', () => {
    expect(trendOption(trend({ decals: true })).aria.decal.show).toBe(true);
    expect(trendOption(trend()).aria.decal.show).toBe(false);
    expect(baseOption({ decals: true }).aria).toEqual({ enabled: true, decal: { show: true } });
  });
});

describe('stacked outcomes', () => {
  const spec: StackedSpec = {
    kind: 'stacked',
    label: '办理结果',
    categories: ['2020', '2021'],
    parts: [
      { name: '予以公开', values: [4, null] },
      { name: '不予处理', values: [172, null] },
      { name: '无法提供', values: [4, null] },
    ],
    unit: '件',
  };

  it('stacks every part and totals the stated ones', () => {
    const o = stackedOption(spec);
    expect(o.series.every((s) => s.stack === 'total' && s.type === 'bar')).toBe(true);
    expect(categoryTotals(spec)).toEqual([180, null]);
  });

  it('gives counts and shares in the tooltip', () => {
    const text = stackedOption(spec).tooltip.formatter([{ seriesIndex: 1, dataIndex: 0, seriesName: '不予处理', axisValueLabel: '2020' }]);
    expect(text).toBe('2020<br/>不予处理：172 件（95.6%）');
  });
});

describe('ranking', () => {
  const spec: RankingSpec = { kind: 'ranking', label: '排名', names: ['鹤城区', '芷江侗族自治县'], values: [6003, 5231], valueKind: 'count', unit: '条' };

  it('puts the first rank on top and labels the bars', () => {
    const o = rankingOption(spec);
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['鹤城区', '芷江侗族自治县'] });
    expect(o.series[0].label.formatter({ value: 6003 })).toBe('6,003 条');
  });

  it('caps ratios at 100%', () => {
    const o = rankingOption({ ...spec, valueKind: 'ratio', values: [0.9992, 0.5] });
    expect(o.xAxis).toMatchObject({ max: 1 });
    expect(o.series[0].label.formatter({ value: 0.9992 })).toBe('99.92%');
  });
});

describe('empty charts and sizes', () => {
  it('says a chart is empty when nothing is stated', () => {
    expect(isEmptySpec(trend({ series: [{ name: 'a', values: [null, null, null] }] }))).toBe(true);
    expect(isEmptySpec(trend({ years: [], series: [] }))).toBe(true);
    expect(isEmptySpec(trend())).toBe(false);
    // a stated 0 is a figure, not a gap: the trend draws it
    expect(isEmptySpec(trend({ series: [{ name: 'a', values: [0, null, null] }] }))).toBe(false);
    expect(isEmptySpec({ kind: 'ranking', label: '', names: [], values: [], valueKind: 'count', unit: '件' })).toBe(true);
    expect(isEmptySpec({ kind: 'stacked', label: '', categories: ['2020'], parts: [{ name: 'a', values: [null] }], unit: '件' })).toBe(true);
  });

  it('grows a ranking with its rows', () => {
    expect(specHeight(trend())).toBe(300);
    expect(specHeight({ kind: 'ranking', label: '', names: Array(20).fill('x'), values: Array(20).fill(1), valueKind: 'count', unit: '件' })).toBe(48 + 20 * 28);
  });

  it('dispatches by kind', () => {
    expect(buildOption(trend())).toEqual(expect.objectContaining({ xAxis: expect.objectContaining({ type: 'category' }) }));
  });
});
