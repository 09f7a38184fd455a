'use client';
// An ECharts chart (SVG renderer: crisp at any zoom and in print). Loaded through LazyChart, so
// that ECharts arrives after the page's cards and tables.
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useRef } from 'react';
import ScreenChartDownloads from '../export/ScreenChartDownloads';
import { echarts } from './registry';

export interface ChartProps {
  /** an option from a builder in lib/charts/ */
  option: object;
  height?: number;
  /** what the chart shows, for screen readers and tests */
  label: string;
  /**
   * PNG and SVG of the chart as drawn, made in the browser (default); false where the page
   * offers the chart's own download addresses instead (components/export/ChartDownloads.tsx)
   */
  downloads?: boolean;
}

export default function Chart({ option, height = 320, label, downloads = true }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <>
      <div ref={box} className="chart" role="img" aria-label={label} data-chart={label}>
        <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} />
      </div>
      {downloads && <ScreenChartDownloads chart={box} label={label} />}
    </>
  );
}
