// A chart option to an exported image in one call, for the routes: the chart drawn by ECharts on
// the server at the size its box in the image calls for (so its labels scale with the title),
// composed with the image's title and sources, and for a PNG drawn by resvg.

import { renderSvg } from '../charts/ssr';
import { chartBox, chartViewSize, composeChartImage, type ComposeOptions, type ImageBox } from './compose';
import type { ImageMeta } from './meta';
import { svgToPng, svgToPngAsync, type PngOptions } from './png';

/** The standalone SVG image of a chart option (for a download; the PNG's is drawn with fauxBold). */
export function chartImageSvg(option: object, meta: ImageMeta, size: ImageBox, options: ComposeOptions = {}): string {
  return composeChartImage(renderSvg(option, chartViewSize(chartBox(meta, size))), meta, size, options);
}

/** The PNG image of a chart option, round(width × scale) pixels wide. Throws MissingFontError without a CJK font. */
export function chartImagePng(option: object, meta: ImageMeta, size: ImageBox & { scale?: number; font?: PngOptions['font'] }): Buffer {
  return svgToPng(chartImageSvg(option, meta, size, { fauxBold: true }), { width: size.width, scale: size.scale, font: size.font });
}

/** chartImagePng drawn and encoded on the thread pool (the chart's SVG is still made on the event loop). */
export function chartImagePngAsync(option: object, meta: ImageMeta, size: ImageBox & { scale?: number; font?: PngOptions['font'] }): Promise<Buffer> {
  return svgToPngAsync(chartImageSvg(option, meta, size, { fauxBold: true }), { width: size.width, scale: size.scale, font: size.font });
}
