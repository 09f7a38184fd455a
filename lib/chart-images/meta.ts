// What an exported chart image says about itself: its title, which regions and years it shows,
// the reports its figures come from, and when and where it was exported. The lines are written
// here once, so the SVG and the PNG (and anything else that labels an export) say the same. Pure.

import { textWidthEm } from './text';

export interface ImageMeta {
  title: string;
  regions: readonly string[];
  years: readonly number[];
  /** report titles, e.g. 会同县2020年政府信息公开工作年度报告 */
  sources: readonly string[];
  exportedAt: Date;
  /** default 年报通 */
  site?: string;
}

export interface MetaLines {
  title: string;
  /** e.g. 会同县 · 2019—2024年 ('' when neither regions nor years are known) */
  subtitle: string;
  /** e.g. 来源：会同县2020年政府信息公开工作年度报告 ('' without sources) */
  source: string;
  /** e.g. 导出于 2026年11月29日 · 年报通 */
  footer: string;
}

export const DEFAULT_SITE = '年报通';

/** Regions named before 等N个地区 takes over. */
export const MAX_REGIONS_NAMED = 3;

/**
 * How long the source line may be, in ems (a CJK character is one em; text.ts textWidthEm):
 * about two lines of a 1200 px image. Longer lists name the first reports that fit and then
 * 等N份报告.
 */
export const MAX_SOURCE_EM = 160;

/** Beijing time is UTC+8 all year (no daylight saving since 1991): no time-zone data needed. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The lines an exported image carries. */
export function metaLines(meta: ImageMeta): MetaLines {
  return {
    title: meta.title.trim(),
    subtitle: subtitleOf(meta.regions, meta.years),
    source: sourceLine(meta.sources),
    footer: `导出于 ${beijingDate(meta.exportedAt)} · ${meta.site?.trim() || DEFAULT_SITE}`,
  };
}

/** 会同县 · 2019—2024年; fewer regions named when maxNamed says so. */
export function subtitleOf(regions: readonly string[], years: readonly number[], maxNamed = MAX_REGIONS_NAMED): string {
  return [regionsText(regions, maxNamed), yearsText(years)].filter(Boolean).join(' · ');
}

/** 会同县; 会同县、靖州县; 会同县、靖州县、通道县等5个地区. */
export function regionsText(regions: readonly string[], maxNamed = MAX_REGIONS_NAMED): string {
  const names = unique(regions.map((r) => r.trim()).filter(Boolean));
  if (names.length <= maxNamed) return names.join('、');
  return `${names.slice(0, Math.max(1, maxNamed)).join('、')}等${names.length}个地区`;
}

/** 2020年; 2019—2024年; 2019、2021年; 2016—2018、2020年 (runs of consecutive years as ranges). */
export function yearsText(years: readonly number[]): string {
  const ys = unique(years.filter((y) => Number.isInteger(y))).sort((a, b) => a - b);
  if (ys.length === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    parts.push(j > i ? `${ys[i]}—${ys[j]}` : String(ys[i]));
    i = j + 1;
  }
  return `${parts.join('、')}年`;
}

/** 来源：A; 来源：A；B; 来源：A；B等7份报告 when the whole list would be longer than MAX_SOURCE_EM. */
export function sourceLine(sources: readonly string[], maxEm = MAX_SOURCE_EM): string {
  const titles = unique(sources.map((s) => s.trim()).filter(Boolean));
  if (titles.length === 0) return '';
  const prefix = '来源：';
  const all = prefix + titles.join('；');
  if (titles.length === 1 || textWidthEm(all) <= maxEm) return all;
  const tail = `等${titles.length}份报告`;
  let named = 1;
  while (named < titles.length - 1 && textWidthEm(prefix + titles.slice(0, named + 1).join('；') + tail) <= maxEm) named++;
  return prefix + titles.slice(0, named).join('；') + tail;
}

/** 2026年11月29日, the calendar date in Beijing at that instant, whatever the server's zone. */
export function beijingDate(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('beijingDate: not a valid date');
  const d = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
