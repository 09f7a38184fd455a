// Chart images drawn in the browser from the chart on screen: its SVG (server-drawn or ECharts'
// SVG renderer) composed with a title, regions, years, sources and the date, the same layout as
// the server's images (lib/chart-images/compose.ts, loaded on first use), then as SVG or PNG.

export interface ScreenChartMeta {
  title: string;
  regions: string[];
  years: number[];
  sources: string[];
}

export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 675;

/** The composed SVG image of the first <svg> inside `container`. */
export async function composeFromScreen(container: Element, meta: ScreenChartMeta): Promise<string> {
  const chart = container.querySelector('svg');
  if (!chart) throw new Error('no chart on screen');
  const { composeChartImage } = await import('../../lib/chart-images/compose');
  const copy = chart.cloneNode(true) as SVGSVGElement;
  const box = chart.getBoundingClientRect();
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(box.width)} ${Math.round(box.height)}`);
  return composeChartImage(new XMLSerializer().serializeToString(copy), { ...meta, exportedAt: new Date() }, { width: IMAGE_WIDTH, height: IMAGE_HEIGHT });
}

/** The SVG painted on a canvas at twice its size, on white. */
export async function pngOf(svg: string): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH * 2;
  canvas.height = IMAGE_HEIGHT * 2;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas gave no PNG'))), 'image/png'));
}

export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName.replace(/[\\/:*?"<>|]+/gu, '_');
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
