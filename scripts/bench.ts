// npm run bench: parse timings, warm; medians of many runs.
// - text: every .txt report of the corpus (and the seed fixture), median per report;
// - PDF: our whole parse against pdf.js alone extracting the text of the same file;
// - HTML: our whole parse against parse5 alone parsing the same page.
// Each section runs in a process of its own (`--section NAME` runs one): what one section leaves
// behind (pdf.js's heap, code optimised for other inputs) would otherwise weigh on the next.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parse5 } from 'parse5';
import { extractText } from '../lib/formats/index';
import { parseReportBytes } from '../lib/parse/file';
import { parseReportText } from '../lib/parse/report';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const SEED = fileURLToPath(new URL('../test/fixtures/huitong-2020.txt', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timeIt(run: () => unknown, { warmup = 20, runs = 200, maxMs = 4000 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < runs && performance.now() - start < maxMs) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Two contenders timed in alternation (a, b, a, b…) after both are warm, so that a change of
 * machine load during the run weighs on both alike. Medians.
 */
async function timePair(a: () => unknown, b: () => unknown, { warmup = 20, rounds = 200, maxMs = 8000 } = {}): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const start = performance.now();
  while (ta.length < rounds && (ta.length < 5 || performance.now() - start < maxMs)) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  return [median(ta), median(tb)];
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

async function pdfjsText(bytes: Uint8Array): Promise<number> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  let items = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    items += (await page.getTextContent()).items.length;
  }
  await doc.destroy();
  return items;
}

const SECTIONS = ['text', 'pdf', 'html'] as const;
type Section = (typeof SECTIONS)[number];

async function benchText(): Promise<void> {
  const texts: [string, string][] = [['huitong-2020.txt (seed fixture)', readFileSync(SEED, 'utf8')]];
  if (existsSync(CORPUS)) {
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort()) texts.push([f, readFileSync(join(CORPUS, f), 'utf8')]);
  } else {
    console.log('../shared/corpus is absent: only the seed fixture is timed');
  }
  console.log('== text reports: parseReportText, warm, median of up to 200 runs each');
  const perReport: number[] = [];
  for (const [name, text] of texts) {
    const t = await timeIt(() => parseReportText(text));
    perReport.push(t);
    if (name.startsWith('huitong-2020')) console.log(`  ${name}: ${ms(t)}`);
  }
  console.log(`  ${texts.length} reports: median ${ms(median(perReport))} per report, slowest ${ms(Math.max(...perReport))} (budget: median under 2 ms)`);
}

async function benchPdf(): Promise<void> {
  for (const pdf of readdirSync(CORPUS).filter((n) => n.endsWith('.pdf')).sort()) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, pdf)));
    const [alone, ours] = await timePair(() => pdfjsText(bytes), () => parseReportBytes(bytes, pdf), { warmup: 3, rounds: 15, maxMs: 15000 });
    console.log(`== PDF ${pdf}: pdf.js text alone ${ms(alone)}, Nianbao parse ${ms(ours)}, ratio ${(ours / alone).toFixed(2)} (budget: at most 1.3)`);
  }
}

async function benchHtml(): Promise<void> {
  for (const html of readdirSync(CORPUS).filter((n) => n.endsWith('.html')).sort()) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, html)));
    const source = new TextDecoder('utf-8').decode(bytes);
    const { text } = await extractText(bytes, html);
    const [alone, ours] = await timePair(() => parse5(source), () => parseReportBytes(bytes, html), { warmup: 200, rounds: 500 });
    const textOnly = await timeIt(() => parseReportText(text), { warmup: 200, runs: 500 });
    console.log(`== HTML ${html}: parse5 alone ${ms(alone)}, Nianbao parse ${ms(ours)}, ratio ${(ours / alone).toFixed(2)} (budget: at most 1.5)`);
    console.log(`   of which the text parser (parseReportText on the page's text) ${ms(textOnly)}, ${(textOnly / alone).toFixed(2)} × parse5`);
  }
}

const RUN: Record<Section, () => Promise<void>> = { text: benchText, pdf: benchPdf, html: benchHtml };

async function main() {
  const at = process.argv.indexOf('--section');
  if (at !== -1) {
    const section = process.argv[at + 1] as Section;
    if (!SECTIONS.includes(section)) throw new Error(`--section takes one of ${SECTIONS.join(', ')}`);
    return RUN[section]();
  }
  for (const section of SECTIONS) {
    if (section !== 'text' && !existsSync(CORPUS)) break;
    // the same node, with the same loader (tsx), on this file
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--section', section], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`the ${section} section failed (exit ${child.status ?? child.signal})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
