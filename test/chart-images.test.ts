// Chart images (lib/chart-images/): what an image says about itself, its bounded size, the
// composed SVG (well-formed, escaped, wrapped within its width) and the PNG (its header and
// pixels decoded here, drawn with a subset of the CJK font and identical to the whole font's).

import { Resvg } from '@resvg/resvg-js';
import { Parser } from 'htmlparser2';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutcomeBreakdown } from '../db/queries/applications';
import { chartBox, composeChartImage, escapeXml, IMAGE_FONT_FAMILY } from '../lib/chart-images/compose';
import { chartImagePng, chartImageSvg } from '../lib/chart-images/image';
import { cjkFont, CJK_FONT_CANDIDATES, findCjkFont, fontCandidates, MissingFontError, requireCjkFont } from '../lib/chart-images/font';
import { MAX_SOURCE_EM, metaLines, type ImageMeta } from '../lib/chart-images/meta';
import { encodePng } from '../lib/chart-images/encode';
import { fontFileFor, removeSubsets, resvgOptions, SUBSET_CACHE_SIZE, svgToPng, svgToPngAsync } from '../lib/chart-images/png';
import { MAX_PIXELS, parseImageSize } from '../lib/chart-images/size';
import { openTrueType, subsetTrueType, svgCodePoints } from '../lib/chart-images/subset';
import { textWidthEm, wrapText } from '../lib/chart-images/text';
import { trendOption } from '../lib/charts/trend';
import { barChartOption } from '../lib/region-charts/bars';
import { outcomesChart } from '../lib/region-charts/region';

const meta = (over: Partial<ImageMeta> = {}): ImageMeta => ({
  title: '会同县依申请公开：收到的申请和办理结果',
  regions: ['会同县'],
  years: [2020],
  sources: ['会同县2020年政府信息公开工作年度报告'],
  exportedAt: new Date('2026-11-29T04:00:00Z'),
  ...over,
});

const reports = (n: number, from = 2013) => Array.from({ length: n }, (_, i) => `湖南省怀化市会同县${from + i}年政府信息公开工作年度报告`);

describe('metaLines', () => {
  it('names one report, one region and one year', () => {
    expect(metaLines(meta())).toEqual({
      title: '会同县依申请公开：收到的申请和办理结果',
      subtitle: '会同县 · 2020年',
      source: '来源：会同县2020年政府信息公开工作年度报告',
      footer: '导出于 2026年11月29日 · 年报通',
    });
  });

  it('joins a few reports with ；and cuts many to the first few and 等N份报告', () => {
    expect(metaLines(meta({ sources: reports(2) })).source).toBe(`来源：${reports(2).join('；')}`);
    const many = metaLines(meta({ sources: reports(12) })).source;
    expect(many).toMatch(/^来源：湖南省怀化市会同县2013年政府信息公开工作年度报告；.*等12份报告$/);
    expect(many).not.toContain('2024年');
    expect(textWidthEm(many)).toBeLessThanOrEqual(MAX_SOURCE_EM);
    // duplicates count once
    expect(metaLines(meta({ sources: [...reports(1), ...reports(1)] })).source).toBe(`来源：${reports(1)[0]}`);
    expect(metaLines(meta({ sources: [] })).source).toBe('');
  });

  it('joins several regions with 、and names at most three, then 等N个地区', () => {
    expect(metaLines(meta({ regions: ['会同县', '靖州苗族侗族自治县'] })).subtitle).toBe('会同县、靖州苗族侗族自治县 · 2020年');
    expect(metaLines(meta({ regions: ['会同县', '靖州县', '通道县', '洪江市', '芷江县'] })).subtitle).toBe('会同县、靖州县、通道县等5个地区 · 2020年');
    expect(metaLines(meta({ regions: [] })).subtitle).toBe('2020年');
  });

  it('writes years as a range, a list, or both', () => {
    const years = (ys: number[]) => metaLines(meta({ years: ys })).subtitle;
    expect(years([2019, 2020, 2021, 2022, 2023, 2024])).toBe('会同县 · 2019—2024年');
    expect(years([2021, 2019])).toBe('会同县 · 2019、2021年');
    expect(years([2020])).toBe('会同县 · 2020年');
    expect(years([2020, 2016, 2017, 2018, 2017])).toBe('会同县 · 2016—2018、2020年');
    expect(metaLines(meta({ years: [], regions: [] })).subtitle).toBe('');
  });

  it('dates the export in Beijing time, across midnight UTC', () => {
    const footer = (iso: string) => metaLines(meta({ exportedAt: new Date(iso) })).footer;
    expect(footer('2026-11-28T15:59:59Z')).toBe('导出于 2026年11月28日 · 年报通');
    expect(footer('2026-11-28T16:00:00Z')).toBe('导出于 2026年11月29日 · 年报通');
    expect(footer('2026-12-31T17:30:00Z')).toBe('导出于 2027年1月1日 · 年报通');
    expect(metaLines(meta({ site: 'nianbao.example' })).footer).toBe('导出于 2026年11月29日 · nianbao.example');
  });
});

describe('parseImageSize', () => {
  it('fills in defaults: 1200 wide, 16:9, at least 320 high, scale 1', () => {
    expect(parseImageSize({})).toEqual({ ok: true, width: 1200, height: 675, scale: 1 });
    expect(parseImageSize(new URLSearchParams('width=320'))).toEqual({ ok: true, width: 320, height: 320, scale: 1 });
    expect(parseImageSize(new URLSearchParams('width=1600&scale=2'))).toEqual({ ok: true, width: 1600, height: 900, scale: 2 });
    expect(parseImageSize({ width: '', height: undefined })).toEqual({ ok: true, width: 1200, height: 675, scale: 1 });
    expect(parseImageSize({}, { width: 800, aspect: 0.5 })).toEqual({ ok: true, width: 800, height: 400, scale: 1 });
  });

  it('accepts the bounds', () => {
    expect(parseImageSize({ width: '320', height: '200', scale: '1' })).toEqual({ ok: true, width: 320, height: 200, scale: 1 });
    expect(parseImageSize({ width: '1600', height: '900', scale: '2' })).toEqual({ ok: true, width: 1600, height: 900, scale: 2 });
    expect(parseImageSize({ width: '4000', height: '2250', scale: '1' })).toEqual({ ok: true, width: 4000, height: 2250, scale: 1 });
    expect(parseImageSize({ width: '800', height: '450', scale: '4' })).toEqual({ ok: true, width: 800, height: 450, scale: 4 });
    expect(parseImageSize({ width: '1000', height: '3000', scale: '1.5' })).toEqual({ ok: true, width: 1000, height: 3000, scale: 1.5 });
  });

  it.each([
    ['width=100000', 'width', 'width 必须是 320 到 4000 之间的整数（收到 100000）'],
    ['width=abc', 'width', '（收到 abc）'],
    ['width=1200.5', 'width', '320 到 4000'],
    ['width=319', 'width', '320 到 4000'],
    ['scale=0', 'scale', 'scale 必须是 1 到 4 之间的数（收到 0）'],
    ['scale=5', 'scale', 'scale must be a number from 1 to 4 (got 5)'],
    ['height=-1', 'height', 'height 必须是 200 到 3000 之间的整数（收到 -1）'],
    ['height=1e3', 'height', 'height must be a whole number from 200 to 3000'],
  ])('refuses %s, naming the parameter', (query, name, message) => {
    const r = parseImageSize(new URLSearchParams(query));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.startsWith(`${name} `)).toBe(true);
    expect(r.error).toContain(message);
  });

  it('refuses an image of too many pixels', () => {
    const r = parseImageSize({ width: '4000', height: '3000', scale: '4' });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain(MAX_PIXELS.toLocaleString('en-US'));
  });
});

describe('wrapText', () => {
  it('wraps CJK anywhere, keeps ASCII words whole and closing punctuation off the line start', () => {
    expect(wrapText('会同县2020年政府', 4)).toEqual(['会同县', '2020年', '政府']);
    expect(wrapText('会同县2020年政府信息公开工作年度报告', 8)).toEqual(['会同县2020年政', '府信息公开工作年', '度报告']);
    for (const line of wrapText('来源：甲；乙；丙；丁；戊；己', 3)) expect(line[0]).not.toBe('；');
    expect(wrapText('一二三四五六七八九十', 4, 2)).toEqual(['一二三四', '五六七…']);
  });
});

// ---- composed SVG ----

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

function outcomesOption() {
  const byYear = new Map<number, OutcomeBreakdown>(
    YEARS.map((y, i) => {
      const counts = { granted: 30 + 5 * i, partiallyGranted: 8 + i, denied: 3 + (i % 3), unavailable: 10 + 2 * i, notProcessed: i === 1 ? 172 : 4 + i, other: 2 + i };
      return [y, { reports: 1, counts, total: null, shares: counts, printedTotal: null }];
    }),
  );
  return { ...barChartOption(outcomesChart(YEARS, byYear)), aria: { enabled: true, decal: { show: true } } };
}

const composed = (m: ImageMeta, size: { width: number; height: number }, option: object = outcomesOption(), fauxBold = false) => chartImageSvg(option, m, size, { fauxBold });

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
  depth: number;
  /** inside the nested chart <svg> */
  inChart: boolean;
}

/** Elements in document order, with their text; throws on a tag closed out of order or left open. */
function parseXml(xml: string): Element[] {
  const elements: Element[] = [];
  const stack: Element[] = [];
  const problems: string[] = [];
  let ending = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el = { name, attrs, text: '', depth: stack.length, inChart: stack.some((e) => e.name === 'svg' && e.depth > 0) || (name === 'svg' && stack.length > 0) };
        elements.push(el);
        stack.push(el);
      },
      ontext(text) {
        if (stack.length) stack[stack.length - 1].text += text;
        else if (text.trim()) problems.push(`text outside the root: ${text.slice(0, 40)}`);
      },
      // `implied` is true for a self-closing tag too; at the end it means a tag left open
      onclosetag(name, implied) {
        const open = stack.pop();
        if (open?.name !== name || (implied && ending)) problems.push(`<${open?.name}> closed by </${name}>${implied ? ' (left open)' : ''}`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  ending = true;
  parser.end();
  if (stack.length) problems.push(`left open: ${stack.map((e) => e.name).join(' ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  return elements;
}

describe('composeChartImage', () => {
  it('is one SVG document of exactly the requested size, the chart nested in it', () => {
    const svg = composed(meta({ years: YEARS }), { width: 1200, height: 675 });
    const els = parseXml(svg);
    expect(els[0]).toMatchObject({ name: 'svg', attrs: { xmlns: 'http://www.w3.org/2000/svg', width: '1200', height: '675', viewBox: '0 0 1200 675' } });
    expect(els.filter((e) => e.depth === 0)).toHaveLength(1);
    expect(els[1]).toMatchObject({ name: 'rect', attrs: { fill: '#ffffff' } });
    const inner = els.find((e) => e.name === 'svg' && e.depth > 0)!;
    expect(inner.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
    // not clipped: a clipped nested viewport doubles resvg's time
    expect(inner.attrs.overflow).toBe('visible');
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(inner.attrs[k]));
    expect(x).toBeGreaterThan(0);
    expect(x + w).toBeLessThanOrEqual(1200);
    expect(y + h).toBeLessThan(675);
    // the decal patterns' ids are kept, and every url(#…) points at one
    const ids = new Set(els.map((e) => e.attrs.id).filter(Boolean));
    const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ids.has(ref)).toBe(true);
    // our text in the image font, quoted as the brief asks
    expect(svg).toContain(`font-family="${IMAGE_FONT_FAMILY}"`);
    // a bold title; stroked as well only for resvg, which cannot embolden
    const title = (x: string) => parseXml(x).find((e) => e.name === 'text' && !e.inChart)!.attrs;
    expect(title(svg)).toMatchObject({ 'font-weight': 'bold' });
    expect(title(svg).stroke).toBeUndefined();
    expect(title(composed(meta(), { width: 1200, height: 675 }, outcomesOption(), true)).stroke).toBe('#1f2328');
    // strict XML (resvg parses with roxmltree)
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBe(1200);
  });

  it('says its title, subtitle, source and footer, escaped', () => {
    const m = meta({
      title: '申请结果 <b>&</b> "比较"',
      regions: ['<script>alert(1)</script>县', '靖州县'],
      years: [2019, 2021],
      sources: ['会同县2020年报告 & <i>附件</i>\u0007'],
    });
    const svg = composed(m, { width: 1200, height: 675 });
    const texts = parseXml(svg).filter((e) => e.name === 'text' && !e.inChart);
    expect(texts.map((t) => t.text)).toEqual([
      '申请结果 <b>&</b> "比较"',
      '<script>alert(1)</script>县、靖州县 · 2019、2021年',
      '来源：会同县2020年报告 & <i>附件</i>',
      '导出于 2026年11月29日 · 年报通',
    ]);
    expect(parseXml(svg).some((e) => ['script', 'b', 'i'].includes(e.name))).toBe(false);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml('a\u0000b\ud800c')).toBe('abc');
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBe(1200);
  });

  it('wraps a long source list onto lines within the width', () => {
    const width = 800;
    const svg = composed(meta({ sources: reports(5) }), { width, height: 600 });
    const sources = parseXml(svg).filter((e) => e.name === 'text' && !e.inChart && e.attrs.fill === '#6e7781').slice(0, -1);
    expect(sources.length).toBeGreaterThan(1);
    expect(sources.map((s) => s.text).join('')).toBe(`来源：${reports(5).join('；')}`);
    for (const line of sources) {
      const x = Number(line.attrs.x);
      expect(x + textWidthEm(line.text) * Number(line.attrs['font-size'])).toBeLessThanOrEqual(width - x);
    }
  });

  it('strips an XML prolog and doctype from the chart, and takes a chart sized by width and height', () => {
    const chart = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="red"/></svg>';
    const svg = composeChartImage(chart, meta(), { width: 640, height: 400 });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).not.toContain('<?xml');
    expect(svg).not.toContain('DOCTYPE');
    const inner = parseXml(svg).find((e) => e.name === 'svg' && e.depth > 0)!;
    expect(inner.attrs.viewBox).toBe('0 0 400 200');
    expect(inner.attrs.width).not.toBe('400');
  });
});

// ---- PNG ----

interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, 4 bytes a pixel */
  rgba: Uint8Array;
  rawLength: number;
}

/** A PNG decoded: chunks, IHDR, IDAT inflated and unfiltered (8-bit RGB or RGBA). */
function decodePng(png: Buffer): DecodedPng {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  expect(ihdr).toBeDefined();
  const width = ihdr!.readUInt32BE(0);
  const height = ihdr!.readUInt32BE(4);
  const bitDepth = ihdr![8];
  const colourType = ihdr![9];
  expect(bitDepth).toBe(8);
  expect(ihdr![12]).toBe(0); // not interlaced
  const channels = ({ 2: 3, 6: 4 } as Record<number, number>)[colourType];
  expect(channels).toBeDefined();
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  expect(raw.length).toBe(height * (1 + stride));
  const rgba = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    if (filter > 4) throw new Error(`row ${y}: filter ${filter}`);
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = 4 * (y * width + x);
      rgba[o] = line[x * channels];
      rgba[o + 1] = line[x * channels + 1];
      rgba[o + 2] = line[x * channels + 2];
      rgba[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    prev = line;
  }
  return { width, height, colourType, rgba, rawLength: raw.length };
}

const font = cjkFont();
if (!font && !process.env.CI) console.warn('chart-images.test: no CJK font (apt-get install -y fonts-wqy-microhei): PNG tests skipped');
const withFont = font || process.env.CI ? it : it.skip;

describe('svgToPng', () => {
  // vitest ends its workers without an 'exit' event
  afterAll(removeSubsets);

  withFont('draws a composed chart at width × scale pixels, on white, with its decal patterns', () => {
    const m = meta({ years: YEARS, sources: YEARS.map((y) => `会同县${y}年政府信息公开工作年度报告`) });
    const size = { width: 800, height: 450 };
    const svg = composed(m, size, outcomesOption(), true);
    const png = svgToPng(svg, { width: size.width, scale: 2 });
    mkdirSync(new URL('./screenshots/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./screenshots/chart-image-sample.png', import.meta.url), png);

    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([1600, 900]);
    const pixel = (x: number, y: number) => [...img.rgba.subarray(4 * (y * img.width + x), 4 * (y * img.width + x) + 4)];
    expect(pixel(1, 1)).toEqual([255, 255, 255, 255]);
    // the right margin is blank from top to bottom: no text runs past the width
    const margin = Math.round(chartBox(m, size).x * 2 * 0.5);
    let inked = 0;
    for (let y = 0; y < img.height; y++) for (let x = img.width - margin; x < img.width; x++) if (img.rgba[4 * (y * img.width + x)] !== 255 || img.rgba[4 * (y * img.width + x) + 2] !== 255) inked++;
    expect(margin).toBeGreaterThan(10);
    expect(inked).toBe(0);
    // bars in Okabe–Ito blue, and the decal pattern's marks on them (20% black over the blue)
    let blue = 0;
    let marks = 0;
    let dark = 0;
    for (let i = 0; i < img.rgba.length; i += 4) {
      const [r, g, b] = [img.rgba[i], img.rgba[i + 1], img.rgba[i + 2]];
      if (r === 0x00 && g === 0x72 && b === 0xb2) blue++;
      if (r <= 2 && Math.abs(g - 91) <= 2 && Math.abs(b - 142) <= 2) marks++;
      if (r < 80 && g < 80 && b < 80) dark++;
    }
    expect(blue).toBeGreaterThan(1000);
    expect(marks).toBeGreaterThan(500);
    // text was drawn (title and labels in dark grey), not dropped for want of a font
    expect(dark).toBeGreaterThan(2000);
  });

  withFont('draws a trend chart too, 1:1 at the image width', () => {
    const option = { ...trendOption({ kind: 'trend', label: '主动公开信息', years: YEARS, series: [{ name: '会同县', values: [1226, 2954, null, 3100, 2800, 3300] }], valueKind: 'count', unit: '条' }), aria: { enabled: true, decal: { show: true } } };
    const img = decodePng(chartImagePng(option, meta({ title: '会同县主动公开的政府信息', years: YEARS }), { width: 640, height: 360 }));
    expect([img.width, img.height]).toEqual([640, 360]);
    expect(img.rawLength).toBe(360 * (1 + 640 * (img.colourType === 6 ? 4 : 3)));
  });

  withFont('draws the same pixels with the subset font as with the whole font', () => {
    const svg = composed(meta({ regions: ['鄂伦春自治旗'], title: '鄂伦春自治旗依申请公开' }), { width: 600, height: 340 });
    const options = resvgOptions(svg, { width: 600 });
    expect(options.font?.fontFiles?.[0]).not.toBe(font!.path);
    const subset = new Resvg(svg, options).render().pixels;
    const whole = new Resvg(svg, { ...options, font: { ...options.font, fontFiles: [font!.path] } }).render().pixels;
    expect(Buffer.compare(subset, whole)).toBe(0);
  });

  withFont('keeps a subset for the next image with the same characters', () => {
    const svg = composed(meta(), { width: 600, height: 340 });
    expect(fontFileFor(svg, font!)).toBe(fontFileFor(svg.replace('会同县依申请', '县同会依申请'), font!));
    expect(fontFileFor(svg, font!)).not.toBe(fontFileFor(svg.replace('会同县', '鹤岗市'), font!));
  });

  withFont('draws the same PNG on the thread pool (svgToPngAsync)', async () => {
    const svg = composed(meta(), { width: 500, height: 300 });
    const [sync, async] = [svgToPng(svg, { width: 500, scale: 1.5 }), await svgToPngAsync(svg, { width: 500, scale: 1.5 })];
    expect(Buffer.compare(sync, async)).toBe(0);
    expect(decodePng(async).width).toBe(750);
    await expect(svgToPngAsync(svg, { width: 500, font: null })).rejects.toThrow(MissingFontError);
  });

  withFont('keeps at most SUBSET_CACHE_SIZE subsets on disk, the newest among them', () => {
    // each with a character of its own
    const regions = Array.from({ length: SUBSET_CACHE_SIZE + 6 }, (_, i) => `${String.fromCodePoint(0x5e00 + i)}县`);
    const base = composeChartImage('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>', meta(), { width: 400, height: 300 });
    const files = regions.map((r) => fontFileFor(base.replace('会同县', r), font!));
    expect(new Set(files).size).toBe(regions.length);
    const kept = files.filter((f) => existsSync(f));
    expect(kept.length).toBeLessThanOrEqual(SUBSET_CACHE_SIZE);
    expect(existsSync(files.at(-1)!)).toBe(true);
    expect(existsSync(files[0])).toBe(false);
    // and one that was dropped is made again when asked for
    expect(existsSync(fontFileFor(base.replace('会同县', regions[0]), font!))).toBe(true);
  });

  it('encodes RGBA pixels as a PNG that decodes to the same pixels', () => {
    const [w, h] = [7, 5];
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 37) & 255);
    const img = decodePng(encodePng(rgba, w, h));
    expect([img.width, img.height, img.colourType]).toEqual([w, h, 6]);
    expect(Buffer.compare(Buffer.from(img.rgba), Buffer.from(rgba))).toBe(0);
    expect(() => encodePng(rgba, w + 1, h)).toThrow(RangeError);
  });

  it('refuses without a CJK font, naming what to install', () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', { width: 10, font: null })).toThrow(MissingFontError);
    expect(() => requireCjkFont(null)).toThrow(/No CJK font found: apt-get install -y fonts-wqy-microhei \(or fonts-noto-cjk\), or set NIANBAO_CJK_FONT to a \.ttf\/\.ttc\/\.otf file/);
  });
});

describe('font lookup', () => {
  it('tries NIANBAO_CJK_FONT first, and finds nothing when it names a missing file and nothing else is there', () => {
    const candidates = fontCandidates({ NIANBAO_CJK_FONT: '/nonexistent/font.ttf' }, []);
    expect(candidates).toEqual([{ path: '/nonexistent/font.ttf' }]);
    expect(findCjkFont(candidates)).toBeNull();
    expect(fontCandidates({ NIANBAO_CJK_FONT: '/x.ttf' })[0]).toEqual({ path: '/x.ttf' });
    expect(fontCandidates({}).length).toBe(CJK_FONT_CANDIDATES.length);
  });

  it('passes over files that are not fonts', () => {
    expect(findCjkFont([{ path: new URL('../package.json', import.meta.url).pathname }, { path: '/nonexistent/a.ttc' }])).toBeNull();
  });

  withFont('names the family of the font it finds, read from the file', () => {
    expect(findCjkFont([{ path: font!.path }])?.family).toBe(font!.family);
    expect(font!.family).not.toBe('');
  });
});

describe('font subset', () => {
  withFont('holds just the characters asked for, and .notdef', () => {
    if (!font!.trueType) return;
    const full = openTrueType(new Uint8Array(readFileSync(font!.path)), font!.index);
    const sub = openTrueType(subsetTrueType(full, svgCodePoints('<text>会同县 2020</text>')), 0);
    for (const ch of '会同县2020<>') expect(sub.glyphIndex(ch.codePointAt(0)!)).toBeGreaterThan(0);
    expect(sub.glyphIndex('鹤'.codePointAt(0)!)).toBe(0);
    expect(sub.numGlyphs).toBeLessThan(120);
    expect(svgCodePoints('&#x9e64;&#40548;')).toContain(0x9e64);
  });
});

describe('PNG render limiter', () => {
  it('runs two at a time, queues a few, refuses the rest as busy, and hands slots on in order', async () => {
    const { limiter, RenderBusyError } = await import('../lib/chart-images/limit');
    const limit = limiter(2, 2);
    const gates: (() => void)[] = [];
    const order: number[] = [];
    const task = (n: number) => () => new Promise<number>((resolve) => gates.push(() => (order.push(n), resolve(n))));
    const runs = [1, 2, 3, 4].map((n) => limit.run(task(n)));
    await expect(limit.run(task(5))).rejects.toBeInstanceOf(RenderBusyError);
    expect(limit.load).toEqual({ running: 2, waiting: 2 });
    while (order.length < 4) {
      await new Promise((r) => setTimeout(r, 0));
      gates.shift()?.();
    }
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4]);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(limit.load).toEqual({ running: 0, waiting: 0 });
  });
});
