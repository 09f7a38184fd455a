// npm run bench (last), or: tsx scripts/bench-pages.ts [--fresh] [--seconds N] [--only-js] [--only-public]
// The dashboard pages as a visitor gets them, at national scale (issue 7):
// - server response: the app's server (`npm run serve`) on PostgreSQL holding the bundled data and 20,000 synthetic
//   reports (lib/synth, seed 1), each page loaded by autocannon from a second process on
//   loopback, one connection at a time: median and p99 latency, and the first request of each
//   address apart (pages keep what they read until the data changes: db/read-cache.ts);
// - first-load JavaScript per route from the build's own diagnostics
//   (<dist>/diagnostics/route-bundle-stats.json), raw and gzip, against the framework's empty
//   page (/_not-found) of the same build;
// - the public page of a region (/public/[region], ISR: the first request renders it, the next
//   ones get Next's cached copy): its cached response with 1 and with 10 connections, on the
//   bundled data in a temporary PGlite directory (always) and on the 20k database (with
//   PostgreSQL); budget median < 100 ms. Its first-load JavaScript, and that of every /public
//   page, must stay within 1.15× the empty page's.
// The database `nianbao_pages_20k` on the server of NIANBAO_BENCH_DATABASE_URL is kept between
// runs (loading it takes minutes) and rebuilt when its contents do not match, or with --fresh.
// Without NIANBAO_BENCH_DATABASE_URL only the JavaScript figures and the public page on PGlite
// are printed. --only-public leaves out the dashboard pages' timings (not the JavaScript table).
// The build is NIANBAO_NEXT_DIR's (default .next), built when older than the sources.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { loadBundle } from '../db/bundle';
import { postgresTarget } from '../db/postgres-url';
import { maskUrl, openDatabase, type Db } from '../db/client';
import { selectRows } from '../db/sql';
import { loadSynthetic } from '../db/synthetic';
import { defaultPoolSize } from '../lib/ingest/parse-pool';
import { SYNTHETIC_PREFIX } from '../lib/synth/index';
import { startNextServer, buildIfStale, DIST_DIR } from '../test/support/next-server';
import { ROOT } from '../test/support/root';
import { clearRuntimeCache, startBundledServer, warmPage } from './bundled-server';

const DATABASE = 'nianbao_pages_20k';
const SYNTHETIC_REPORTS = 20_000;
const SEED = 1;
const RESPONSE_BUDGET_MS = 150;
/** the public region page, served from Next's ISR cache */
const PUBLIC_RESPONSE_BUDGET_MS = 100;
const PUBLIC_CONNECTIONS = [1, 10];
const PUBLIC_REGION_PAGE = '/public/431225';
const EMPTY_ROUTE = '/_not-found';
const isPublicRoute = (route: string) => route === '/public' || route.startsWith('/public/');
const PUBLIC_JS_BUDGET = 1.15;
/** first-load JavaScript (gzip) against the empty page's, at most */
const JS_BUDGETS: { label: string; budget: number; applies: (route: string) => boolean }[] = [
  { label: 'overview', budget: 1.5, applies: (r) => r === '/' },
  { label: 'public page', budget: PUBLIC_JS_BUDGET, applies: isPublicRoute },
];

interface Args {
  fresh: boolean;
  seconds: number;
  onlyJs: boolean;
  onlyPublic: boolean;
}

const USAGE = 'usage: bench-pages [--fresh] [--seconds N] [--only-js] [--only-public]';

function parseArgs(argv: string[]): Args {
  const args: Args = { fresh: false, seconds: 8, onlyJs: false, onlyPublic: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') args.fresh = true;
    else if (a === '--only-js') args.onlyJs = true;
    else if (a === '--only-public') args.onlyPublic = true;
    else if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a !== '--') throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!(args.seconds >= 1)) throw new Error(USAGE);
  return args;
}

// ---- first-load JavaScript

interface RouteStats {
  route: string;
  firstLoadUncompressedJsBytes: number;
  firstLoadChunkPaths: string[];
}

function firstLoadJs(): { route: string; raw: number; gzip: number }[] {
  const stats = JSON.parse(readFileSync(join(ROOT, DIST_DIR, 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as RouteStats[];
  const gzipped = new Map<string, number>();
  const gzipOf = (path: string) => {
    // the paths start with the build directory, relative to the project
    const file = join(ROOT, path);
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
    return gzipped.get(file)!;
  };
  return stats.map((s) => ({ route: s.route, raw: s.firstLoadUncompressedJsBytes, gzip: s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipOf(p), 0) }));
}

function reportJs(): void {
  const routes = firstLoadJs();
  const empty = routes.find((r) => r.route === EMPTY_ROUTE);
  if (!empty) throw new Error(`no ${EMPTY_ROUTE} in the build's route-bundle-stats.json`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`== first-load JavaScript per route (${DIST_DIR}/diagnostics), against the framework's empty page ${EMPTY_ROUTE}: ${kb(empty.raw)} raw, ${kb(empty.gzip)} gzip`);
  for (const r of routes.sort((a, b) => a.route.localeCompare(b.route))) {
    const ratio = r.gzip / empty.gzip;
    const rule = JS_BUDGETS.find((b) => b.applies(r.route));
    const budget = rule ? `  ${rule.label} budget ≤ ${rule.budget}×: ${ratio <= rule.budget ? 'ok' : 'OVER BUDGET'}` : '';
    console.log(`  ${r.route.padEnd(28)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(9)} gzip  ${ratio.toFixed(2)}×${budget}`);
  }
  const publicRoutes = routes.filter((r) => isPublicRoute(r.route));
  if (publicRoutes.length === 0) console.log('  (no /public route in this build)');
  else {
    const over = publicRoutes.filter((r) => r.gzip / empty.gzip > PUBLIC_JS_BUDGET);
    const largest = publicRoutes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    console.log(
      `  public pages: ${over.length ? `OVER BUDGET: ${over.map((r) => r.route).join(', ')}` : 'all within'} ${PUBLIC_JS_BUDGET}× the empty page (the largest, ${largest.route}: ${kb(largest.gzip)} gzip, ${kb(largest.gzip - empty.gzip)} more than ${EMPTY_ROUTE})`,
    );
  }
}

// ---- the database

async function ensureDatabase(server: string, fresh: boolean): Promise<string> {
  const url = new URL(server);
  url.pathname = `/${DATABASE}`;
  const target = postgresTarget(server);
  const admin = postgres(target.url, { host: target.host, max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    if (exists && !fresh && (await holdsWhatWeNeed(url.toString()))) return url.toString();
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = await openDatabase({ url: url.toString() });
  try {
    const started = performance.now();
    const bundled = await loadBundle(database.db);
    process.stderr.write(`    bundled data loaded (${bundled.results.length} files)\n`);
    const every = SYNTHETIC_REPORTS / 10;
    await loadSynthetic(database.db, {
      seed: SEED,
      reports: SYNTHETIC_REPORTS,
      concurrency: 4,
      parseWorkers: defaultPoolSize(),
      onProgress: (n) => n % every === 0 && process.stderr.write(`    ${n}/${SYNTHETIC_REPORTS} synthetic reports stored\n`),
    });
    await database.db.execute(sql`analyze`);
    process.stderr.write(`    ${DATABASE} loaded in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  } finally {
    await database.close();
  }
  return url.toString();
}

async function holdsWhatWeNeed(url: string): Promise<boolean> {
  const database = await openDatabase({ url });
  try {
    const [row] = await selectRows<{ synthetic: number; bundled: number }>(
      database.db,
      sql`select count(*) filter (where name like ${`${SYNTHETIC_PREFIX}%`})::int as synthetic, count(*) filter (where bundled)::int as bundled from source_files`,
    );
    return row.synthetic === SYNTHETIC_REPORTS && row.bundled > 0;
  } finally {
    await database.close();
  }
}

// ---- the pages

interface PageTarget {
  label: string;
  path: string;
  /** autocannon's connections, one run each (default [1]) */
  connections?: number[];
  /** median budget (default RESPONSE_BUDGET_MS) */
  budgetMs?: number;
  /** an ISR page: warm it until Next serves it from its cache, and measure that */
  isr?: boolean;
}

const PUBLIC_TARGET: PageTarget = {
  label: 'public 会同县 (ISR cached)',
  path: PUBLIC_REGION_PAGE,
  connections: PUBLIC_CONNECTIONS,
  budgetMs: PUBLIC_RESPONSE_BUDGET_MS,
  isr: true,
};

async function pageTargets(url: string): Promise<PageTarget[]> {
  const database = await openDatabase({ url, migrate: false });
  try {
    const db: Db = database.db;
    const [report] = await selectRows<{ id: number }>(db, sql`select r.id from reports r join regions g on g.id = r.region_id where g.code = '431225' and r.year = 2020 and r.is_current`);
    const [county] = await selectRows<{ code: string }>(
      db,
      sql`select g.code from regions g join regions b on b.parent_id = g.id and b.level = 'body' where g.code is not null group by g.code order by count(*) desc, g.code limit 1`,
    );
    const targets: PageTarget[] = [
      { label: 'overview (default)', path: '/' },
      { label: 'overview, one region and year', path: '/?regions=431225&year=2020' },
      { label: 'regions list', path: '/regions' },
      { label: 'region 会同县', path: '/regions/431225' },
      { label: 'report 会同县 2020', path: `/reports/${report?.id ?? 1}` },
      { label: 'compare 3 regions 2020..2025', path: '/compare?regions=431225~431202~431226&years=2020..2025' },
      { label: 'compare 12 regions', path: '/compare?regions=431225~431202~431226~431221~431222~431223~431224~431227~431228~431229~431230~431281&years=2019..2025' },
      { label: 'quality (default)', path: '/quality' },
      { label: 'search page huitong', path: '/search?q=huitong' },
      { label: 'search API huitong', path: '/api/search?q=huitong' },
    ];
    if (county) targets.splice(4, 0, { label: `bodies of ${county.code}`, path: `/regions/${county.code}/bodies` });
    targets.push(PUBLIC_TARGET);
    return targets;
  } finally {
    await database.close();
  }
}

interface Run {
  connections: number;
  p50: number;
  p99: number;
  requests: number;
  /** requests per second */
  rate: number;
  errors: number;
}

interface Measured {
  status: number;
  /** the first request of this address since the server started: no cached read to serve it */
  firstMs: number;
  /** an ISR page: Next's x-nextjs-cache on the first request (MISS: rendered; STALE: a copy an earlier run left in the build) and once warm (HIT) */
  firstCache?: string;
  warmCache?: string;
  runs: Run[];
}

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { total: number; average: number };
  errors: number;
  non2xx: number;
}

function runAutocannon(url: string, seconds: number, connections = 1): Promise<AutocannonResult> {
  const bin = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--json', '--connections', String(connections), '--duration', String(seconds), url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

async function measure(base: string, target: PageTarget, seconds: number): Promise<Measured> {
  const url = base + target.path;
  let firstMs: number;
  let firstCache: string | undefined;
  let warmCache: string | undefined;
  if (target.isr) {
    const first = await warmPage(url);
    if (first.status !== 200) return { status: first.status, firstMs: first.firstMs, runs: [] };
    ({ firstMs, firstCache } = first);
    warmCache = first.cache;
  } else {
    const started = performance.now();
    const first = await fetch(url);
    await first.arrayBuffer();
    firstMs = performance.now() - started;
    if (first.status !== 200) return { status: first.status, firstMs, runs: [] };
  }
  const runs: Run[] = [];
  for (const connections of target.connections ?? [1]) {
    // a cached entry older than `revalidate` is served STALE once and regenerated: warm it again
    if (target.isr) warmCache = (await warmPage(url)).cache;
    else for (let i = 0; i < 5; i++) await (await fetch(url)).arrayBuffer();
    const result = await runAutocannon(url, seconds, connections);
    runs.push({
      connections,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      rate: result.requests.average,
      errors: result.errors + result.non2xx,
    });
  }
  return { status: 200, firstMs, firstCache, warmCache, runs };
}

async function measureAll(base: string, targets: readonly PageTarget[], seconds: number): Promise<void> {
  for (const t of targets) {
    const m = await measure(base, t, seconds);
    if (m.status !== 200) {
      console.log(`  ${t.label.padEnd(34)} HTTP ${m.status} (${t.path})`);
      continue;
    }
    const budget = t.budgetMs ?? RESPONSE_BUDGET_MS;
    const cache = t.isr ? `  cache: first ${m.firstCache}, then ${m.warmCache}` : '';
    for (const [i, r] of m.runs.entries()) {
      const first = i === 0 ? `first ${m.firstMs.toFixed(0).padStart(5)} ms` : ' '.repeat(14);
      const conns = (t.connections ?? [1]).length > 1 || r.connections !== 1 ? `${String(r.connections).padStart(2)} conn  ` : '';
      const verdict = r.p50 < budget ? 'ok' : 'OVER BUDGET';
      const rule = budget === RESPONSE_BUDGET_MS ? '' : ` (budget < ${budget} ms)`;
      console.log(
        `  ${(i === 0 ? t.label : '').padEnd(34)} ${first}  ${conns}median ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${String(r.requests).padStart(6)} requests (${r.rate.toFixed(0)}/s)  ${r.errors} errors  ${verdict}${rule}${i === 0 ? cache : ''}`,
      );
    }
  }
}

/** the public region page on the bundled data in a temporary PGlite directory */
async function benchPublicOnBundled(args: Args): Promise<void> {
  const app = await startBundledServer();
  try {
    console.log(
      `== public page's server response: npm run serve on the bundled data in a temporary PGlite directory (${app.summary}), autocannon from a second process, ${PUBLIC_CONNECTIONS.join(' and ')} connections, ${args.seconds} s each; budget median < ${PUBLIC_RESPONSE_BUDGET_MS} ms`,
    );
    await measureAll(app.base, [PUBLIC_TARGET], args.seconds);
  } finally {
    await app.stop();
  }
}

async function benchPages(server: string, args: Args): Promise<void> {
  const url = await ensureDatabase(server, args.fresh);
  const targets = args.onlyPublic ? [PUBLIC_TARGET] : await pageTargets(url);
  await buildIfStale();
  clearRuntimeCache(DIST_DIR); // the public page as rendered on this database, not a copy the PGlite server left
  const next = await startNextServer({ ...process.env, DATABASE_URL: url });
  try {
    console.log(
      `== server response: npm run serve on ${maskUrl(url)} (bundled data + ${SYNTHETIC_REPORTS} synthetic reports), autocannon from a second process, 1 connection (the public page also 10), ${args.seconds} s per page and connection count; budget median < ${RESPONSE_BUDGET_MS} ms (public page < ${PUBLIC_RESPONSE_BUDGET_MS} ms)`,
    );
    await measureAll(next.base, targets, args.seconds);
  } finally {
    await next.stop();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await buildIfStale();
  reportJs();
  if (args.onlyJs) return;
  await benchPublicOnBundled(args);
  const server = process.env.NIANBAO_BENCH_DATABASE_URL;
  if (!server) {
    console.log('== server response at national scale: NIANBAO_BENCH_DATABASE_URL is unset: skipped (set it to a PostgreSQL server where this run may create the database nianbao_pages_20k)');
    return;
  }
  await benchPages(server, args);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
