// Report files written for storage tests: the seed report and its mirror copies, a
// republished version, damaged and foreign files, and many distinct generated reports.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseReportBytes } from '../../lib/parse/file';
import type { Report } from '../../lib/report/contract';
import { reportFigures } from '../../lib/report/figures';
import { mirrorText, seededPick } from '../../lib/render/mirror';
import { renderText, type TextLayout } from '../../lib/render/report';
import { normaliseText } from '../../lib/text/normalise';
import { ROOT } from './root';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

export const SEED_PATH = join(ROOT, 'test/fixtures/huitong-2020.txt');
export const seedBytes = () => new Uint8Array(readFileSync(SEED_PATH));
const seedReport = () => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/huitong-2020.report.json'), 'utf8')) as Report;

/** The seed as a plain simplified-character page would print it (no glosses). */
export const simplifiedSeed = () => normaliseText(new TextDecoder().decode(seedBytes())).lines.join('\n');

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** The seed as other sites carry it: same report, same figures, other bytes. */
export function mirrorCopies(): ReportFile[] {
  const text = simplifiedSeed();
  const page = `<!DOCTYPE html><html><head><meta charset="gbk"><title>会同县2020年政府信息公开工作年度报告</title></head><body>\n${text
    .split('\n')
    .map((l) => `<p>${escape(l)}</p>`)
    .join('\n')}\n</body></html>`;
  return [
    { name: 'huitong-2020-simplified.txt', bytes: Buffer.from(text) },
    { name: 'huitong-2020-gbk.html', bytes: iconv.encode(page, 'gbk') },
    { name: 'huitong-2020-mirror.txt', bytes: Buffer.from(mirrorText(text, seededPick(7))) },
  ];
}

export const HOTLINE_PATH = 'activity.hotlines[0].received';

/** The seed republished with one figure changed: 7352 calls became 7353. */
export function republishedSeed(): ReportFile {
  const text = simplifiedSeed();
  if (!text.includes('来电7352次')) throw new Error('the seed no longer reads 来电7352次');
  return { name: 'huitong-2020-republished.txt', bytes: Buffer.from(text.replace('来电7352次', '来电7353次')) };
}

/** A PDF whose header promises a report and whose body is noise. */
export function corruptPdf(): ReportFile {
  const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
  return { name: 'broken.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), noise]) };
}

/** A county's news page: it names a place and a year, but it is no annual report. */
export function newsPage(): ReportFile {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>会同县召开2020年春季农业生产工作会议</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; 新闻动态</div><h1>会同县召开2020年春季农业生产工作会议</h1>
<p>3月5日，会同县召开春季农业生产工作会议，全县各乡镇负责人参加会议。</p>
<p>会议强调，要抓好粮食生产，确保全年粮食播种面积稳定在30万亩以上。</p></body></html>`;
  return { name: 'news.html', bytes: Buffer.from(html) };
}

const COUNTIES = ['会同县', '中方县', '沅陵县', '辰溪县', '溆浦县', '麻阳苗族自治县', '新晃侗族自治县', '芷江侗族自治县', '靖州苗族侗族自治县', '通道侗族自治县'];
const LAYOUTS: TextLayout[] = ['cellPerLine', 'cellBar', 'pipe', 'spaced'];

/** Distinct complete reports (a county of 怀化市 and a year each), in the layouts real reports use. */
export function generatedReports(count: number): ReportFile[] {
  const seed = seedReport();
  const files: ReportFile[] = [];
  for (let i = 0; files.length < count; i++) {
    const name = COUNTIES[i % COUNTIES.length];
    const year = 2015 + Math.floor(i / COUNTIES.length);
    const report: Report = { ...seed, region: { name, city: '怀化市', province: '湖南省' }, issuer: `${name}人民政府`, year, activity: undefined };
    files.push({ name: `${year}-${name}.txt`, bytes: Buffer.from(renderText(report, LAYOUTS[i % LAYOUTS.length])) });
  }
  return files;
}

export function writeFiles(dir: string, files: ReportFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

/** How many figure rows a file gives when parsed now. */
export async function figureCount(bytes: Uint8Array, name: string): Promise<number> {
  return reportFigures((await parseReportBytes(bytes, name)).report).length;
}
