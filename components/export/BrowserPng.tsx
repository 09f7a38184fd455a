'use client';
// A PNG of the chart on screen, drawn by the browser: the chart's SVG composed with its title,
// regions, years, sources and the date (the same layout as the server's images), painted on a
// canvas at twice its size. Needs no font on the server. The composing code loads on click.
import { useEffect, useState } from 'react';

interface Props {
  svgSelector: string;
  meta: { title: string; regions: string[]; years: number[]; sources: string[] };
}

const WIDTH = 1200;
const HEIGHT = 675;

async function drawPng(svgSelector: string, meta: Props['meta']): Promise<Blob> {
  const chart = document.querySelector(`${svgSelector} svg`);
  if (!chart) throw new Error('no chart on screen');
  const { composeChartImage } = await import('../../lib/chart-images/compose');
  const copy = chart.cloneNode(true) as SVGSVGElement;
  const box = chart.getBoundingClientRect();
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(box.width)} ${Math.round(box.height)}`);
  const svg = composeChartImage(new XMLSerializer().serializeToString(copy), { ...meta, exportedAt: new Date() }, { width: WIDTH, height: HEIGHT });
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * 2;
  canvas.height = HEIGHT * 2;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas gave no PNG'))), 'image/png'));
}

export default function BrowserPng({ svgSelector, meta }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  // without JavaScript it could not work: kept hidden (its space kept) until it can
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  async function download() {
    setState('busy');
    try {
      const blob = await drawPng(svgSelector, meta);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${meta.regions.slice(0, 3).join('、')}-${meta.title}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
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
