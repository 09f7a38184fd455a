// npm run bench (images): chart image timings, warm, in one process; medians and p90 of many runs.
// - SVG: a realistic chart (application outcomes stacked over 6 years, decal patterns) drawn by
//   ECharts on the server and composed with its title, subtitle, sources and footer;
// - PNG at 1600 px: that image through resvg, split into font (the subset font file for the
//   image's characters, cached), construct (parse, text layout), render (pixels) and encode (PNG,
//   encode.ts; resvg's own asPng timed alongside); svgToPng whole, and svgToPngAsync;
//   then the same with a subset not yet cached, and with the whole font (what every PNG cost
//   before subsetting: resvg-js 2.6.2 re-reads the font file for every run of text).

import { Resvg } from '@resvg/resvg-js';
import { chartBox, chartViewSize, composeChartImage } from '../lib/chart-images/compose';
import { cjkFont } from '../lib/chart-images/font';
import { chartImageSvg } from '../lib/chart-images/image';
import type { ImageMeta } from '../lib/chart-images/meta';
import { encodePng } from '../lib/chart-images/encode';
import { resvgOptions, svgToPng, svgToPngAsync } from '../lib/chart-images/png';
import { renderSvg } from '../lib/charts/ssr';
import { barChartOption } from '../lib/region-charts/bars';
import { outcomesChart } from '../lib/region-charts/region';
import type { OutcomeBreakdown } from '../db/queries/applications';

const RUNS = 40;
const WARMUP = 5;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.ceil(at)] - s[lo]) * (at - lo);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const stats = (xs: number[]) => `median ${ms(quantile(xs, 0.5))}, p90 ${ms(quantile(xs, 0.9))}`;
const cpu = (xs: number[]) => `CPU median ${ms(quantile(xs, 0.5))}`;

/**
 * Wall times of each named stage of `run`, and of the whole ('total') and its CPU time ('cpu':
 * this process's user + system time, which a busy shared machine inflates less than the wall
 * time), over `runs` runs after `warmup`.
 */
function timeStages<K extends string>(run: (lap: (stage: K) => void, i: number) => void, runs = RUNS, warmup = WARMUP): Record<K | 'total' | 'cpu', number[]> {
  const times = {} as Record<K | 'total' | 'cpu', number[]>;
  for (let i = 0; i < warmup + runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let last = start;
    const lap = (stage: K) => {
      const now = performance.now();
      if (i >= warmup) (times[stage] ??= []).push(now - last);
      last = now;
    };
    run(lap, i);
    if (i >= warmup) {
      (times.total ??= []).push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      (times.cpu ??= []).push((used.user + used.system) / 1000);
    }
  }
  return times;
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

function outcomes(): Map<number, OutcomeBreakdown> {
  return new Map(
    YEARS.map((y, i) => {
      const counts = { granted: 96 + 11 * i, partiallyGranted: 14 + i, denied: 6 + (i % 3), unavailable: 21 + 3 * i, notProcessed: i === 1 ? 172 : 9 + i, other: 4 + (i % 2) };
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const shares = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, (100 * v) / total])) as OutcomeBreakdown['shares'];
      return [y, { reports: 1, counts, total, shares, printedTotal: total }];
    }),
  );
}

const OPTION = { ...barChartOption(outcomesChart(YEARS, outcomes())), aria: { enabled: true, decal: { show: true } } };

const meta = (region = '会同县'): ImageMeta => ({
  title: `${region}依申请公开：收到的申请和办理结果`,
  regions: [region],
  years: YEARS,
  sources: YEARS.map((y) => `${region}${y}年政府信息公开工作年度报告`),
  exportedAt: new Date(),
});

const imageSvg = (m: ImageMeta, size: { width: number; height: number }) => chartImageSvg(OPTION, m, size, { fauxBold: true });

/** Regions with characters of their own, so that each image needs a new subset. */
const FRESH_REGIONS = '鹤岗 鸡西 双鸭山 七台河 牡丹江 佳木斯 黑河 绥化 伊春 大兴安岭 齐齐哈尔 哈尔滨 长春 吉林 四平 辽源 通化 白山 松原 白城 延边 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安 锡林郭勒 阿拉善'.split(' ');

async function main() {
  const font = cjkFont();
  if (!font) {
    console.log('== chart images: no CJK font (apt-get install -y fonts-wqy-microhei): PNG timings skipped');
  }
  const size = { width: 1600, height: 900 };

  console.log(`== chart image SVG (outcomes stacked over 6 years, decals, composed), ${size.width}×${size.height}, warm, ${RUNS} runs`);
  const svgTimes = timeStages<'chart' | 'compose'>((lap) => {
    const m = meta();
    const chart = renderSvg(OPTION, chartViewSize(chartBox(m, size)));
    lap('chart');
    composeChartImage(chart, m, size, { fauxBold: true });
    lap('compose');
  });
  console.log(`  ECharts SSR ${stats(svgTimes.chart)}; compose ${stats(svgTimes.compose)}`);
  console.log(`  SVG ${stats(svgTimes.total)} (${cpu(svgTimes.cpu)}) (budget: under 50 ms)`);
  if (!font) return;

  const svg = imageSvg(meta(), size);
  const png = svgToPng(svg, { width: size.width });
  console.log(`== chart image PNG at ${size.width} px (${(png.length / 1024).toFixed(0)} KB), warm, ${RUNS} runs; font: ${font.family} (${font.path})`);
  const pngTimes = timeStages<'font' | 'construct' | 'render' | 'encode' | 'asPng'>((lap) => {
    const options = resvgOptions(svg, { width: size.width });
    lap('font');
    const resvg = new Resvg(svg, options);
    lap('construct');
    const image = resvg.render();
    lap('render');
    encodePng(image.pixels, image.width, image.height);
    lap('encode');
    image.asPng();
    lap('asPng');
  });
  for (const stage of ['font', 'construct', 'render', 'encode'] as const) console.log(`  ${stage.padEnd(9)} ${stats(pngTimes[stage])}`);
  console.log(`  (resvg's own asPng instead of encode: ${stats(pngTimes.asPng)})`);
  const png1600 = pngTimes.total.map((t, i) => t - pngTimes.asPng[i]);
  console.log(`  PNG ${stats(png1600)} (budget: under 150 ms)`);

  const pngWhole = timeStages<'png'>((lap) => {
    svgToPng(svg, { width: size.width });
    lap('png');
  });
  console.log(`  svgToPng ${stats(pngWhole.total)} (${cpu(pngWhole.cpu)})`);
  const asyncTimes: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    await svgToPngAsync(svg, { width: size.width });
    if (i >= WARMUP) asyncTimes.push(performance.now() - t0);
  }
  console.log(`  svgToPngAsync ${stats(asyncTimes)} (on the thread pool)`);

  const e2e = timeStages<'svg' | 'png'>((lap) => {
    const s = imageSvg(meta(), size);
    lap('svg');
    svgToPng(s, { width: size.width });
    lap('png');
  });
  console.log(`  SVG + PNG end to end ${stats(e2e.total)} (${cpu(e2e.cpu)})`);

  // a subset not yet cached: every image a region with new characters
  const fresh = FRESH_REGIONS.map((r) => imageSvg(meta(`${r}市`), size));
  const cold = timeStages<'font' | 'png'>(
    (lap, i) => {
      const s = fresh[i % fresh.length];
      resvgOptions(s, { width: size.width });
      lap('font');
      svgToPng(s, { width: size.width });
      lap('png');
    },
    Math.min(RUNS, fresh.length - 2),
    2,
  );
  console.log(`  with a new subset each time: subset ${stats(cold.font)}, PNG in all ${stats(cold.total)} (${cpu(cold.cpu)})`);

  // the whole font, as resvg-js reads it without subsetting (fewer runs: it is slow)
  const whole = { ...resvgOptions(svg, { width: size.width }) };
  whole.font = { ...whole.font, fontFiles: [font.path] };
  const wholeTimes = timeStages<'construct' | 'render' | 'encode'>(
    (lap) => {
      const resvg = new Resvg(svg, whole);
      lap('construct');
      const image = resvg.render();
      lap('render');
      image.asPng();
      lap('encode');
    },
    15,
    2,
  );
  console.log(
    `  whole font instead (${font.path.split('/').pop()}): construct ${stats(wholeTimes.construct)}, render ${ms(quantile(wholeTimes.render, 0.5))}, encode ${ms(quantile(wholeTimes.encode, 0.5))}, PNG ${stats(wholeTimes.total)} (${cpu(wholeTimes.cpu)})`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
