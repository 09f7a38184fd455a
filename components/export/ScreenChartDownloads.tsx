'use client';
// Under a dashboard chart that has no download address of its own: PNG and SVG of the chart on
// screen, drawn by the browser, titled with the chart's label and naming the page it came from.
import { useState, type RefObject } from 'react';
import { composeFromScreen, pngOf, saveBlob } from './draw';

export default function ScreenChartDownloads({ chart, label }: { chart: RefObject<HTMLDivElement | null>; label: string }) {
  const [failed, setFailed] = useState(false);
  async function download(format: 'png' | 'svg') {
    try {
      if (!chart.current) throw new Error('no chart on screen');
      const meta = { title: label, regions: [], years: [], sources: [`${document.title}（${window.location.href}）`] };
      const svg = await composeFromScreen(chart.current, meta);
      saveBlob(format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await pngOf(svg), `${label}.${format}`);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }
  return (
    <p className="chart-downloads" data-screen-downloads>
      <span>下载图片：</span>
      <button type="button" className="link-button" onClick={() => download('png')}>
        PNG
      </button>
      <button type="button" className="link-button" onClick={() => download('svg')}>
        SVG
      </button>
      {failed && <span role="status">浏览器绘制失败</span>}
    </p>
  );
}
