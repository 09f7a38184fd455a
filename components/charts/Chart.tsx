'use client';
// An ECharts chart (SVG renderer: crisp at any zoom and in print). Loaded through LazyChart, so
// that ECharts arrives after the page's cards and tables.
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { echarts } from './registry';

export interface ChartProps {
  /** an option from a builder in lib/charts/ */
  option: object;
  height?: number;
  /** what the chart shows, for screen readers and tests */
  label: string;
}

export default function Chart({ option, height = 320, label }: ChartProps) {
  return (
    <div className="chart" role="img" aria-label={label} data-chart={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} />
    </div>
  );
}
