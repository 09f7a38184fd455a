'use client';
// Hover and tap on a server-drawn chart: the few-kilobyte ECharts SSR client is fetched only
// when a reader first points at or focuses the chart, and then names the bar or point under the
// pointer. Everything it says is also in the table below the chart.
import { useRef, useState, type ReactNode } from 'react';
import { NOT_STATED } from '../../lib/format/number';
import type { ChartPoints } from '../../lib/public/charts';

function describe(data: ChartPoints, seriesIndex?: number, dataIndex?: number): string {
  if (seriesIndex === undefined || dataIndex === undefined) return '';
  const s = data.series[seriesIndex];
  const category = data.categories[dataIndex];
  if (!s || category === undefined) return '';
  const v = s.values[dataIndex];
  return `${category} · ${s.name}：${v === null || v === undefined ? NOT_STATED : `${v.toLocaleString('zh-CN')}${s.unit}`}`;
}

export default function ChartInteraction({ data, children }: { data: ChartPoints; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  const [readout, setReadout] = useState('');

  function start() {
    if (started.current || !box.current) return;
    started.current = true;
    const dom = box.current;
    import('echarts/ssr/client/index')
      .then(({ hydrate }) =>
        hydrate(dom, {
          on: {
            mouseover: (p) => (p.ssrType === 'chart' ? setReadout(describe(data, p.seriesIndex, p.dataIndex)) : undefined),
            mouseout: () => setReadout(''),
          },
        }),
      )
      .catch(() => {
        started.current = false;
      });
  }

  return (
    <div onPointerEnter={start} onFocus={start}>
      <div ref={box}>{children}</div>
      <p aria-live="polite" className="chart-readout">
        {readout}
      </p>
    </div>
  );
}
