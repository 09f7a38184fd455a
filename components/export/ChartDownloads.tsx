// Under a chart: its image and its data as files, from the same parameters as the page
// (/api/charts/…), and a PNG drawn by the browser from the chart on screen, which works even
// where the server has no Chinese font.
import { chartHref, type ChartId, type ChartRequest } from '../../lib/chart-data/request';
import BrowserPng from './BrowserPng';

export type ChartParams = Pick<ChartRequest, 'regions' | 'years' | 'scope' | 'metric' | 'year'>;

export interface ChartDownloadsProps {
  chart: ChartId;
  params: ChartParams;
  /** CSS selector of the element holding the chart's <svg> on this page */
  svgSelector: string;
  /** what the browser-drawn PNG says about itself */
  meta: { title: string; regions: string[]; years: number[]; sources: string[] };
}

export default function ChartDownloads({ chart, params, svgSelector, meta }: ChartDownloadsProps) {
  const link = (format: 'png' | 'svg' | 'csv' | 'xlsx', label: string, extra: Record<string, string | number> = {}) => (
    <a href={chartHref(chart, format, params, { ...extra, ...(format === 'png' || format === 'svg' ? { download: 1 } : {}) })} data-download={format} download>
      {label}
    </a>
  );
  return (
    <p className="chart-downloads" data-chart-downloads={chart}>
      <span>下载：</span>
      {link('png', '图片 PNG', { width: 1600 })}
      {link('svg', 'SVG')}
      {link('csv', '数据 CSV')}
      {link('xlsx', 'Excel')}
      <BrowserPng svgSelector={svgSelector} meta={meta} />
    </p>
  );
}
