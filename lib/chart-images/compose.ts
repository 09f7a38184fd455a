// One standalone SVG image of a chart: white ground, the title and what the chart shows at the
// top, the chart itself, and at the bottom where its figures come from and when it was exported.
// The chart is ECharts' SVG (lib/charts/ssr.ts) nested as an inner <svg> with its own viewBox,
// so it scales into its box; its <style> classes and pattern ids (decals) are left as they are,
// unique within the document. Every text from outside (region names and report titles come from
// the database) is escaped. Pure.

import { MUTED_COLOUR, TEXT_COLOUR } from '../charts/palette';
import { MAX_REGIONS_NAMED, metaLines, sourceLine, subtitleOf, type ImageMeta } from './meta';
import { ellipsize, textWidthEm, wrapText } from './text';

export const IMAGE_FONT_FAMILY = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const SUBTITLE_COLOUR = '#424a53';

export interface ImageBox {
  width: number;
  height: number;
}

/** Where the chart goes in an image, and how much the image's text is scaled (1 at 1200 px wide). */
export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * The text scale of the image. Draw the chart at (width / textScale) × (height / textScale)
   * (chartViewSize): its 12 px labels then come out at the same scale as the title.
   */
  textScale: number;
}

interface TextLine {
  text: string;
  /** baseline */
  y: number;
}

interface Layout {
  chart: ChartBox;
  pad: number;
  title: { size: number; lines: TextLine[] };
  subtitle: { size: number; lines: TextLine[] };
  source: { size: number; lines: TextLine[] };
  footer: { size: number; lines: TextLine[] };
}

/** The text scale: width ÷ 1200, but not below 0.8, so a narrow image stays legible. */
export const textScaleFor = (width: number) => Math.max(0.8, width / 1200);

/** The chart's part of the image. */
export function chartBox(meta: ImageMeta, size: ImageBox): ChartBox {
  return layout(meta, size).chart;
}

/** The size to draw the chart at (renderSvg) so that it fills its box at the image's text scale. */
export function chartViewSize(box: ChartBox): ImageBox {
  return { width: Math.max(1, Math.round(box.width / box.textScale)), height: Math.max(1, Math.round(box.height / box.textScale)) };
}

/** Baseline of a line of text of this size centred in a line box (CJK faces: ascent ≈ 0.88 em, descent ≈ 0.12 em). */
const baseline = (top: number, lineHeight: number, size: number) => top + (lineHeight - size) / 2 + size * 0.88;

/** The least share of the image's height the chart keeps; the title and the source give way first. */
const MIN_CHART_SHARE = 0.45;

function layout(meta: ImageMeta, { width, height }: ImageBox): Layout {
  const lines = metaLines(meta);
  const s = textScaleFor(width);
  const pad = Math.round(Math.min(96, Math.max(12, 24 * (width / 1200))));
  const inner = width - 2 * pad;
  const titleSize = 22 * s;
  const subtitleSize = 15 * s;
  const sourceSize = 13 * s;
  const footerSize = 12 * s;
  const titleLine = titleSize * 1.35;
  const smallLine = (size: number) => size * 1.5;
  const gap = 12 * s;
  const minChart = MIN_CHART_SHARE * height;

  // the bottom first: the footer, and at least one line of source
  const footerTop = height - pad - smallLine(footerSize);
  const footer = [{ text: ellipsize(lines.footer, inner / footerSize), y: baseline(footerTop, smallLine(footerSize), footerSize) }];
  const leastBottom = footerTop - (lines.source ? smallLine(sourceSize) : 0) - gap;

  // the top: the title in two lines only when the chart keeps its share, then the subtitle, with
  // fewer regions named (等N个地区) before it is cut
  const subtitleText = fitSubtitle(meta, inner / subtitleSize);
  const subtitleHeight = subtitleText ? 2 * s + smallLine(subtitleSize) : 0;
  const topWith = (titleLines: number) => pad + titleLines * titleLine + subtitleHeight + gap;
  const wrappedTitle = wrapText(lines.title, inner / titleSize, 2);
  const titleLines = wrappedTitle.length > 1 && leastBottom - topWith(2) >= minChart ? wrappedTitle : wrapText(lines.title, inner / titleSize, 1);
  let y = pad;
  const title = titleLines.map((text) => {
    const line = { text, y: baseline(y, titleLine, titleSize) };
    y += titleLine;
    return line;
  });
  const subtitle = subtitleText ? [{ text: subtitleText, y: baseline(y + 2 * s, smallLine(subtitleSize), subtitleSize) }] : [];
  y += subtitleHeight;
  const chartTop = y + gap;

  // the source in as many lines as leave the chart its share; a list that needs more names fewer
  // reports (等N份报告) before the last line is cut
  const perLine = inner / sourceSize;
  const room = footerTop - gap - chartTop - minChart;
  const maxSourceLines = Math.max(1, Math.floor(room / smallLine(sourceSize)));
  const wrapped = lines.source ? fitSource(meta.sources, lines.source, perLine, maxSourceLines) : [];
  const sourceTop = footerTop - wrapped.length * smallLine(sourceSize);
  const source = wrapped.map((text, i) => ({ text, y: baseline(sourceTop + i * smallLine(sourceSize), smallLine(sourceSize), sourceSize) }));
  const chartBottom = sourceTop - gap;

  return {
    chart: { x: pad, y: round(chartTop), width: inner, height: Math.max(1, round(chartBottom - chartTop)), textScale: s },
    pad,
    title: { size: titleSize, lines: title },
    subtitle: { size: subtitleSize, lines: subtitle },
    source: { size: sourceSize, lines: source },
    footer: { size: footerSize, lines: footer },
  };
}

function fitSubtitle(meta: ImageMeta, maxEm: number): string {
  for (let named = MAX_REGIONS_NAMED; named >= 1; named--) {
    const text = subtitleOf(meta.regions, meta.years, named);
    if (textWidthEm(text) <= maxEm) return text;
  }
  return ellipsize(subtitleOf(meta.regions, meta.years, 1), maxEm);
}

function fitSource(sources: readonly string[], full: string, perLine: number, maxLines: number): string[] {
  const wrapped = wrapText(full, perLine, Infinity);
  if (wrapped.length <= maxLines) return wrapped;
  // a budget a little under the lines' room: wrapping at word breaks loses some of each line
  for (let budget = maxLines * perLine * 0.9; budget >= perLine * 0.5; budget -= perLine * 0.25) {
    const shorter = wrapText(sourceLine(sources, budget), perLine, Infinity);
    if (shorter.length <= maxLines) return shorter;
  }
  // not even one title fits whole: cut it, and keep how many reports there are
  const titles = [...new Set(sources.map((t) => t.trim()).filter(Boolean))];
  const prefix = '来源：';
  const tail = titles.length > 1 ? `等${titles.length}份报告` : '';
  const room = maxLines * perLine * 0.9 - textWidthEm(prefix + tail);
  return wrapText(prefix + ellipsize(titles[0] ?? '', room) + tail, perLine, maxLines);
}

export interface ComposeOptions {
  /**
   * Draw the bold title with a hairline stroke as well: for resvg (the PNG), which has no
   * synthetic bold and WenQuanYi Micro Hei no bold face. Not for an SVG download: browsers and
   * viewers embolden (or have a bold face) themselves, and the stroke would make it heavier.
   */
  fauxBold?: boolean;
}

/**
 * The chart SVG (ECharts SSR output, any XML prolog) with the image's title, subtitle, source and
 * footer, as one SVG document of exactly width × height.
 */
export function composeChartImage(chartSvg: string, meta: ImageMeta, size: ImageBox, { fauxBold = false }: ComposeOptions = {}): string {
  const { width, height } = size;
  const l = layout(meta, size);
  const text = (lines: TextLine[], fontSize: number, fill: string, extra = '') =>
    lines
      .map((line) => `<text x="${l.pad}" y="${round(line.y)}" font-size="${round(fontSize)}" fill="${fill}"${extra}>${escapeXml(line.text)}</text>`)
      .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="${IMAGE_FONT_FAMILY}">`,
    text(l.title.lines, l.title.size, TEXT_COLOUR, ` font-weight="bold"${fauxBold ? ` stroke="${TEXT_COLOUR}" stroke-width="${round(l.title.size * 0.03)}" stroke-linejoin="round"` : ''}`),
    text(l.subtitle.lines, l.subtitle.size, SUBTITLE_COLOUR),
    `</g>`,
    nestedSvg(chartSvg, l.chart),
    `<g font-family="${IMAGE_FONT_FAMILY}">`,
    text(l.source.lines, l.source.size, MUTED_COLOUR),
    text(l.footer.lines, l.footer.size, MUTED_COLOUR),
    `</g>`,
    `</svg>`,
  ].join('\n');
}

/**
 * The chart's root <svg> placed at the box: its own x, y, width and height replaced, its viewBox
 * kept (made from its width and height when it has none), its preserveAspectRatio kept.
 */
function nestedSvg(chartSvg: string, box: ChartBox): string {
  const body = chartSvg
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(<\?xml[\s\S]*?\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>\s*)?(<!--[\s\S]*?-->\s*)*/i, '');
  const open = /^<svg\b([^>]*)>/.exec(body);
  if (!open) throw new Error('composeChartImage: the chart is not an SVG document (no <svg> root)');
  const attrs = open[1];
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];
  let viewBox = attr('viewBox');
  if (!viewBox) {
    const w = parseFloat(attr('width') ?? '');
    const h = parseFloat(attr('height') ?? '');
    if (!(w > 0 && h > 0)) throw new Error('composeChartImage: the chart SVG has neither a viewBox nor a width and height');
    viewBox = `0 0 ${w} ${h}`;
  }
  const rest = attrs.replace(/\s(x|y|width|height|viewBox|preserveAspectRatio|overflow)\s*=\s*(["']).*?\2/g, '').replace(/\/\s*$/, '');
  const aspect = attr('preserveAspectRatio') ?? 'xMidYMid meet';
  const selfClosing = /\/\s*$/.test(attrs);
  // overflow visible: a clipped nested viewport costs resvg an offscreen layer of the whole image
  // (twice the time of the rest of a PNG); ECharts draws inside its own canvas anyway
  const head = `<svg${rest} x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="${viewBox}" preserveAspectRatio="${aspect}" overflow="visible"${selfClosing ? '/' : ''}>`;
  return head + body.slice(open[0].length);
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Text for XML content or a double-quoted attribute: & < > " escaped; characters XML 1.0 does not
 * allow (control characters, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
