'use client';
// A bar chart over years (stacked or side by side): the option is built here, in the browser,
// from plain data the server component passes (lib/region-charts/), then drawn by LazyChart.
import LazyChart from '../charts/LazyChart';
import { barChartOption, hasValues, type BarChartInput } from '../../lib/region-charts/bars';
import { NO_DATA } from '../../lib/format/number';
import styles from './region.module.css';

export interface YearBarsProps {
  input: BarChartInput;
  label: string;
  height?: number;
  /** what to say when every figure is 0 */
  allZero?: string;
  /** browser-drawn downloads under the chart (false where the page links the chart's own files) */
  downloads?: boolean;
}

export default function YearBars({ input, label, height = 300, allZero, downloads }: YearBarsProps) {
  const stated = input.series.some((s) => s.values.some((v) => v !== null));
  if (!stated) {
    return (
      <div className={styles.chartNote} role="img" aria-label={`${label}：${NO_DATA}`} style={{ minHeight: 56 }}>
        {NO_DATA}
      </div>
    );
  }
  if (!hasValues(input) && allZero) {
    return (
      <div className={styles.chartNote} role="img" aria-label={`${label}：${allZero}`} style={{ minHeight: 80 }}>
        {allZero}
      </div>
    );
  }
  return <LazyChart option={barChartOption(input)} label={label} height={height} empty={!hasValues(input)} downloads={downloads} />;
}
