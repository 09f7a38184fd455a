'use client';
// A PNG of the chart on screen, drawn by the browser (components/export/draw.ts): needs no font
// on the server. Hidden, its space kept, until JavaScript can make it work.
import { useEffect, useState } from 'react';
import { composeFromScreen, pngOf, saveBlob, type ScreenChartMeta } from './draw';

interface Props {
  svgSelector: string;
  meta: ScreenChartMeta;
}

export default function BrowserPng({ svgSelector, meta }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  async function download() {
    setState('busy');
    try {
      const container = document.querySelector(svgSelector);
      if (!container) throw new Error('no chart on screen');
      saveBlob(await pngOf(await composeFromScreen(container, meta)), `${meta.regions.slice(0, 3).join('、')}-${meta.title}.png`);
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <button type="button" className="link-button" onClick={download} disabled={state === 'busy'} data-browser-png style={ready ? undefined : { visibility: 'hidden' }}>
      {state === 'failed' ? '浏览器绘制失败' : '浏览器绘制 PNG'}
    </button>
  );
}
