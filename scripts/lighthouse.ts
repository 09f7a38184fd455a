// npm run -s lighthouse [-- --url BASE] [--pages /public/431225,/public] [--runs N] [--out DIR]
//                          [--form-factors mobile,desktop]
// Lighthouse 12 on the public pages, in Debian's chromium (NIANBAO_CHROMIUM or /usr/bin/chromium),
// mobile (Lighthouse's default: an emulated Moto G on slow 4G, simulated throttling) and desktop
// (lighthouse/core/config/desktop-config.js). Without --url it serves the app itself as the tests
// do: a production build in NIANBAO_NEXT_DIR (default .next-lighthouse), the app's server (`npm run serve`) on a free
// port and a temporary PGlite directory holding the bundled data (scripts/bundled-server.ts).
// Each page is requested first until Next serves it from its ISR cache, so that Lighthouse
// measures the cached response. Prints, per page and form factor, the median over the runs of
// each category's score and of LCP, TBT, CLS and the bytes transferred; then every failed
// accessibility audit with its first offending node. The whole report (JSON) of the last run of
// each page and form factor goes to --out (default: a new temporary directory).
// Lighthouse's scores move by several points from run to run, more so on a busy machine: they are
// for looking at, and no test asserts them.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runIfScript } from '../lib/cli/main';
import { median, startBundledServer, useBuildDir, warmPage, type BundledServer } from './bundled-server';

export const FORM_FACTORS = ['mobile', 'desktop'] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];
export const DEFAULT_PAGES = ['/public/431225', '/public', '/public/glossary'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BUILD_DIR = '.next-lighthouse';
const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface LighthouseArgs {
  /** an already running server to measure, without a trailing slash; null: start one */
  url: string | null;
  /** paths, each starting with / */
  pages: string[];
  runs: number;
  /** where the JSON reports go; null: a new temporary directory */
  out: string | null;
  formFactors: FormFactor[];
}

const USAGE = 'usage: lighthouse [--url BASE] [--pages /a,/b] [--runs N] [--out DIR] [--form-factors mobile,desktop]';

function list(value: string | undefined, name: string): string[] {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new Error(`${name} needs a value\n${USAGE}`);
  return items;
}

/** The command line (after the script's name); throws with the usage on anything else. */
export function parseLighthouseArgs(argv: readonly string[]): LighthouseArgs {
  const args: LighthouseArgs = { url: null, pages: DEFAULT_PAGES, runs: 3, out: null, formFactors: [...FORM_FACTORS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--url') {
      const url = new URL(value() ?? '');
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--url needs an http(s) address\n${USAGE}`);
      args.url = url.origin + url.pathname.replace(/\/+$/u, '');
    } else if (flag === '--pages') {
      args.pages = list(value(), '--pages').map((p) => (p.startsWith('/') ? p : `/${p}`));
    } else if (flag === '--runs') {
      const raw = value();
      args.runs = Number(raw);
      if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error(`--runs needs a whole number ≥ 1, not ${raw}\n${USAGE}`);
    } else if (flag === '--out') {
      const out = value();
      if (!out) throw new Error(`--out needs a directory\n${USAGE}`);
      args.out = out;
    } else if (flag === '--form-factors') {
      const wanted = list(value(), '--form-factors');
      const unknown = wanted.filter((f) => !(FORM_FACTORS as readonly string[]).includes(f));
      if (unknown.length) throw new Error(`unknown form factor ${unknown.join(', ')}: mobile or desktop\n${USAGE}`);
      args.formFactors = FORM_FACTORS.filter((f) => wanted.includes(f));
    } else if (a !== '--') {
      throw new Error(`unknown argument ${a}\n${USAGE}`);
    }
  }
  return args;
}

// ---- reading a Lighthouse result (the parts of LH.Result used here)

interface NodeDetail {
  type?: string;
  selector?: string;
  snippet?: string;
  nodeLabel?: string;
  explanation?: string;
}

export interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: unknown;
}

export interface Lhr {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhrAudit>;
  runWarnings?: string[];
  runtimeError?: { code: string; message: string };
}

export interface RunFigures {
  /** category id → score 0–100, null when Lighthouse could not score it */
  scores: Record<string, number | null>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferBytes: number;
}

export function runFigures(lhr: Lhr): RunFigures {
  const scores: Record<string, number | null> = {};
  for (const c of CATEGORIES) {
    const score = lhr.categories[c]?.score;
    scores[c] = score == null ? null : Math.round(score * 100);
  }
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    scores,
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    transferBytes: value('total-byte-weight'),
  };
}

/** each figure's median over the runs; a score no run could give stays null */
export function medianFigures(runs: readonly RunFigures[]): RunFigures {
  const scores: Record<string, number | null> = {};
  for (const c of CATEGORIES) {
    const given = runs.map((r) => r.scores[c]).filter((s): s is number => s !== null);
    scores[c] = given.length ? Math.round(median(given)) : null;
  }
  return {
    scores,
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    cls: median(runs.map((r) => r.cls)),
    transferBytes: median(runs.map((r) => r.transferBytes)),
  };
}

export interface FailedAudit {
  id: string;
  title: string;
  /** how many nodes (or rows) the audit lists */
  items: number;
  /** the first offending node, when the audit names one */
  node: NodeDetail | null;
}

/** The audits of a category that failed: scored (binary or numeric) and below 1. */
export function failedAudits(lhr: Lhr, category: string): FailedAudit[] {
  const failed: FailedAudit[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1) continue;
    if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric' && audit.scoreDisplayMode !== 'metricSavings') continue;
    const items = (audit.details as { items?: unknown[] } | undefined)?.items ?? [];
    failed.push({ id: audit.id, title: audit.title, items: items.length, node: firstNode(items) });
  }
  return failed;
}

function firstNode(items: readonly unknown[]): NodeDetail | null {
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    for (const v of Object.values(item)) {
      if (v && typeof v === 'object' && (v as NodeDetail).type === 'node') return v as NodeDetail;
    }
  }
  return null;
}

// ---- chromium

interface Chromium {
  port: number;
  stop(): Promise<void>;
}

/**
 * Each chromium has a process group of its own (so that stopping it stops its renderers and
 * helpers too), which Ctrl-C does not reach: whatever is still running when this process exits,
 * however it exits, is killed here, and its profile removed.
 */
const launched = new Map<number, string>();
let exiting = false;
process.on('exit', () => {
  exiting = true;
  for (const [pid, profile] of launched) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true });
  }
});

/** chromium with the remote debugging port Lighthouse connects to, in a profile of its own */
async function launchChromium(): Promise<Chromium> {
  if (exiting || stopping) throw new Error('stopping: no new chromium');
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lighthouse-chromium-'));
  const child: ChildProcess = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  if (child.pid) launched.set(child.pid, profile);
  let stderr = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    if (child.pid) launched.delete(child.pid);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => reject(new Error(`chromium did not open its debugging port within 30 s:\n${stderr}`)), 30_000);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`chromium exited (${code}) before opening its debugging port:\n${stderr}`));
      });
      child.stderr!.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//u.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolvePort(Number(m[1]));
        }
      });
    });
    child.stderr!.removeAllListeners('data').resume();
    return { port, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ---- the runs

interface Measured {
  page: string;
  formFactor: FormFactor;
  runs: RunFigures[];
  /** runs Lighthouse could not complete (runtimeError), with the reason */
  errors: string[];
  last: Lhr | null;
  warnings: Set<string>;
}

/** the chromium of the run in progress, and whether a signal asked this process to stop */
let running: Chromium | null = null;
let stopping = false;

async function runOnce(url: string, formFactor: FormFactor): Promise<Lhr> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromium = await launchChromium();
  running = chromium;
  try {
    const result = await lighthouse(
      url,
      { port: chromium.port, hostname: '127.0.0.1', output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr as unknown as Lhr;
  } finally {
    running = null;
    await chromium.stop();
  }
}

function slug(page: string): string {
  return page.replace(/^\/+/u, '').replace(/[^A-Za-z0-9._-]+/gu, '-').replace(/^-+|-+$/gu, '') || 'root';
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)} KB` : '-');
const ms = (n: number) => (Number.isFinite(n) ? (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`) : '-');
const score = (n: number | null | undefined) => (n == null ? '-' : String(n));

function printTable(measured: readonly Measured[]): void {
  const pageWidth = Math.max(6, ...measured.map((m) => m.page.length));
  console.log(
    `  ${'page'.padEnd(pageWidth)}  ${'form'.padEnd(7)}  ${pad('perf', 4)} ${pad('(range)', 9)}  ${pad('a11y', 4)}  ${pad('best', 4)}  ${pad('seo', 4)}  ${pad('LCP', 8)}  ${pad('TBT', 7)}  ${pad('CLS', 6)}  ${pad('transfer', 9)}  runs`,
  );
  for (const m of measured) {
    const f = medianFigures(m.runs);
    const perf = m.runs.map((r) => r.scores.performance).filter((s): s is number => s !== null);
    const range = perf.length ? `(${Math.min(...perf)}–${Math.max(...perf)})` : '';
    console.log(
      `  ${m.page.padEnd(pageWidth)}  ${m.formFactor.padEnd(7)}  ${pad(score(f.scores.performance), 4)} ${pad(range, 9)}  ${pad(score(f.scores.accessibility), 4)}  ${pad(score(f.scores['best-practices']), 4)}  ${pad(score(f.scores.seo), 4)}  ${pad(ms(f.lcpMs), 8)}  ${pad(ms(f.tbtMs), 7)}  ${pad(Number.isFinite(f.cls) ? f.cls.toFixed(3) : '-', 6)}  ${pad(kb(f.transferBytes), 9)}  ${m.runs.length}${m.errors.length ? ` (+${m.errors.length} failed)` : ''}`,
    );
  }
}

function printFailures(measured: readonly Measured[]): void {
  console.log('\n== failed accessibility audits (last run of each page and form factor)');
  let any = false;
  for (const m of measured) {
    if (!m.last) continue;
    const failed = failedAudits(m.last, 'accessibility');
    if (failed.length === 0) continue;
    any = true;
    console.log(`  ${m.page} ${m.formFactor}:`);
    for (const f of failed) {
      console.log(`    ${f.id}: ${f.title} (${f.items} ${f.items === 1 ? 'item' : 'items'})`);
      if (f.node) {
        if (f.node.selector) console.log(`      selector: ${f.node.selector}`);
        if (f.node.snippet) console.log(`      snippet:  ${f.node.snippet.replace(/\s+/gu, ' ').slice(0, 300)}`);
        if (f.node.explanation) console.log(`      why:      ${f.node.explanation.replace(/\s+/gu, ' ').slice(0, 400)}`);
      }
    }
  }
  if (!any) console.log('  none');
  console.log('\n== other failed audits: best practices and SEO (last run)');
  any = false;
  for (const m of measured) {
    if (!m.last) continue;
    const failed = [...failedAudits(m.last, 'best-practices'), ...failedAudits(m.last, 'seo')];
    if (failed.length === 0) continue;
    any = true;
    for (const f of failed) {
      const where = f.node?.selector ? ` (first: ${f.node.selector})` : '';
      console.log(`  ${m.page} ${m.formFactor}: ${f.id}: ${f.title}${where}`);
    }
  }
  if (!any) console.log('  none');
  const warnings = measured.flatMap((m) => [...m.warnings].map((w) => `  ${m.page} ${m.formFactor}: ${w.replace(/\s+/gu, ' ')}`));
  const errors = measured.flatMap((m) => m.errors.map((e) => `  ${m.page} ${m.formFactor}: ${e}`));
  if (warnings.length) console.log(`\n== Lighthouse's run warnings\n${warnings.join('\n')}`);
  if (errors.length) console.log(`\n== runs that failed (left out of the medians)\n${errors.join('\n')}`);
}

function lighthouseVersion(): string {
  const path = createRequire(import.meta.url).resolve('lighthouse/package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return (out.stdout || '').trim() || CHROMIUM;
}

async function main(): Promise<void> {
  const args = parseLighthouseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM}: apt-get install -y chromium (or set NIANBAO_CHROMIUM)`);
  const out = resolve(args.out ?? mkdtempSync(join(tmpdir(), 'nianbao-lighthouse-')));
  mkdirSync(out, { recursive: true });

  let server: BundledServer | null = null;
  let base: string;
  let what: string;
  if (args.url) {
    base = args.url;
    what = `${base} (already running)`;
  } else {
    const buildDir = useBuildDir(BUILD_DIR);
    process.stderr.write(`starting the app: build ${buildDir} when stale, PGlite with the bundled data, npm run serve…\n`);
    server = await startBundledServer();
    base = server.base;
    what = `${base}: npm run serve, build ${buildDir}, bundled data on PGlite (${server.summary})`;
  }
  const stopServer = () => server?.stop();
  const onSignal = () => {
    stopping = true;
    void Promise.all([running?.stop(), stopServer()]).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(`== Lighthouse ${lighthouseVersion()}, ${chromiumVersion()}, on ${what}`);
    console.log(`   ${args.runs} run${args.runs === 1 ? '' : 's'} per page and form factor, each in a fresh chromium; the median of each figure`);
    console.log(`   mobile: Lighthouse's default (emulated Moto G Power, slow 4G, 4× CPU, simulated); desktop: desktop-config.js (simulated)`);
    console.log('\n== warming the ISR cache (each page requested until Next serves it from its cache)');
    for (const page of args.pages) {
      const w = await warmPage(base + page);
      console.log(`  ${page.padEnd(24)} HTTP ${w.status}  first request ${w.firstMs.toFixed(0)} ms (x-nextjs-cache ${w.firstCache}), ${w.cache} after ${w.requests} request${w.requests === 1 ? '' : 's'}`);
      if (w.status !== 200) throw new Error(`${base + page} answers HTTP ${w.status}`);
    }

    const measured: Measured[] = [];
    for (const page of args.pages) {
      for (const formFactor of args.formFactors) {
        const m: Measured = { page, formFactor, runs: [], errors: [], last: null, warnings: new Set() };
        for (let run = 1; run <= args.runs && !stopping; run++) {
          process.stderr.write(`  lighthouse ${page} ${formFactor} run ${run}/${args.runs}…\n`);
          try {
            const lhr = await runOnce(base + page, formFactor);
            for (const w of lhr.runWarnings ?? []) m.warnings.add(w);
            if (lhr.runtimeError) {
              m.errors.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
            } else {
              m.runs.push(runFigures(lhr));
            }
            m.last = lhr;
          } catch (err) {
            m.errors.push(err instanceof Error ? err.message.split('\n')[0] : String(err));
          }
        }
        if (m.last) writeFileSync(join(out, `${slug(page)}.${formFactor}.json`), JSON.stringify(m.last, null, 2));
        measured.push(m);
      }
    }

    console.log(`\n== scores 0–100 (median of ${args.runs}; performance's range in brackets), and the median LCP, TBT, CLS and bytes transferred`);
    printTable(measured);
    printFailures(measured);
    console.log(`\n== the whole report of the last run of each page and form factor: ${out}/<page>.<form factor>.json`);
    if (measured.some((m) => m.runs.length === 0)) process.exitCode = 1;
  } finally {
    await stopServer();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// Lighthouse may leave a handle open after its last run: exit once everything is printed
runIfScript(import.meta.url, main);
