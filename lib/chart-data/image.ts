// A chart model drawn as one standalone SVG image (lib/chart-images/): the chart in the box the
// title, regions, years, sources and export date leave it, or a line saying there is nothing
// to draw.
import { chartImageSvg } from '../chart-images/image';
import { chartBox, chartViewSize, composeChartImage, escapeXml, IMAGE_FONT_FAMILY, type ComposeOptions, type ImageBox } from '../chart-images/compose';
import type { ImageMeta } from '../chart-images/meta';
import type { ChartModel } from './model';

export const NOTHING_TO_DRAW = '所选地区和年份没有可画的数字';

function nothingToDraw({ width, height }: ImageBox): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><text x="${width / 2}" y="${height / 2}" text-anchor="middle" font-size="16" fill="#636c76" font-family="${IMAGE_FONT_FAMILY}">${escapeXml(NOTHING_TO_DRAW)}</text></svg>`;
}

/** The image's SVG; pass { fauxBold: true } for one that resvg will draw as a PNG. */
export function chartModelSvg(model: ChartModel, meta: ImageMeta, size: ImageBox, options: ComposeOptions = {}): string {
  if (model.option) return chartImageSvg(model.option, meta, size, options);
  return composeChartImage(nothingToDraw(chartViewSize(chartBox(meta, size))), meta, size, options);
}
