'use client';
// Charts load after the first paint: the page renders its cards and tables, and the chart code
// follows. A chart with nothing to show says so without loading ECharts at all.
import dynamic from 'next/dynamic';
import { NO_DATA } from '../../lib/format/number';
import type { ChartProps } from './Chart';

const Chart = dynamic(() => import('./Chart'), {
  ssr: false,
  loading: () => <div className="chart chart-loading" aria-hidden="true" />,
});

export default function LazyChart({ empty = false, ...props }: ChartProps & { empty?: boolean }) {
  if (empty) {
    return (
      <div className="chart chart-empty" role="img" aria-label={`${props.label}：${NO_DATA}`} style={{ height: props.height ?? 320 }}>
        {NO_DATA}
      </div>
    );
  }
  return <Chart {...props} />;
}
