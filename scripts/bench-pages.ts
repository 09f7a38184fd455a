// npm run bench (last), or: tsx scripts/bench-pages.ts [--fresh] [--seconds N] [--only-js]
// The dashboard pages as a visitor gets them, at national scale (issue 7):
// - server response: `next start` on PostgreSQL holding the bundled data and 20,000 synthetic
//   reports (lib/synth, seed 1), each page loaded by autocannon from a second process on
//   loopback, one connection at a time: median and p99 latency, and the first request of each
//   address apart (pages keep what they read until the data changes: db/read-cache.ts);
// - first-load JavaScript per route from the build's own diagnostics
//   (<dist>/diagnostics/route-bundle-stats.json), raw and gzip, against the framework's empty
//   page (/_not-found) of the same build.
// The database `nianbao_pages_20k` on the server of NIANBAO_BENCH_DATABASE_URL is kept between
// runs (loading it takes minutes) and rebuilt when its contents do not match, or with --fresh.
// Without NIANBAO_BENCH_DATABASE_URL only the JavaScript figures are printed.

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

const DATABASE = 'nianbao_pages_20k';
const SYNTHETIC_REPORTS = 20_000;
const SEED = 1;
const RESPONSE_BUDGET_MS = 150;
const JS_BUDGET = 1.5;
const EMPTY_ROUTE = '/_not-found';

interface Args {
  fresh: boolean;
  seconds: number;
  onlyJs: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { fresh: false, seconds: 8, onlyJs: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--fresh') args.fresh = true;
    else if (a === '--only-js') args.onlyJs = true;
    else if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a !== '--') throw new Error(`unknown argument ${a}`);
  }
  if (!(args.seconds >= 1)) throw new Error('usage: bench-pages [--fresh] [--seconds N] [--only-js]');
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
    const budget = r.route === '/' ? `  overview budget ≤ ${JS_BUDGET}×: ${ratio <= JS_BUDGET ? 'ok' : 'OVER BUDGET'}` : '';
    console.log(`  ${r.route.padEnd(28)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(9)} gzip  ${ratio.toFixed(2)}×${budget}`);
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
}

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
    return targets;
  } finally {
    await database.close();
  }
}

interface Measured {
  status: number;
  /** the first request of this address since the server started: no cached read to serve it */
  firstMs: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

function runAutocannon(url: string, seconds: number): Promise<{ latency: { p50: number; p99: number }; requests: { total: number }; errors: number; non2xx: number }> {
  const bin = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--json', '--connections', '1', '--duration', String(seconds), url], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const started = performance.now();
  const first = await fetch(url);
  await first.arrayBuffer();
  const firstMs = performance.now() - started;
  if (first.status !== 200) return { status: first.status, firstMs, p50: NaN, p99: NaN, requests: 0, errors: 0 };
  for (let i = 0; i < 5; i++) await (await fetch(url)).arrayBuffer();
  const result = await runAutocannon(url, seconds);
  return { status: 200, firstMs, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: result.errors + result.non2xx };
}

async function benchPages(server: string, args: Args): Promise<void> {
  const url = await ensureDatabase(server, args.fresh);
  const targets = await pageTargets(url);
  const next = await startNextServer({ ...process.env, DATABASE_URL: url });
  try {
    console.log(`== server response: next start on ${maskUrl(url)} (bundled data + ${SYNTHETIC_REPORTS} synthetic reports), autocannon from a second process, 1 connection, ${args.seconds} s per page; budget median < ${RESPONSE_BUDGET_MS} ms`);
    for (const t of targets) {
      const m = await measure(next.base, t, args.seconds);
      if (m.status !== 200) {
        console.log(`  ${t.label.padEnd(34)} HTTP ${m.status} (${t.path})`);
        continue;
      }
      const verdict = m.p50 < RESPONSE_BUDGET_MS ? 'ok' : 'OVER BUDGET';
      console.log(
        `  ${t.label.padEnd(34)} first ${m.firstMs.toFixed(0).padStart(5)} ms  median ${String(m.p50).padStart(5)} ms  p99 ${String(m.p99).padStart(5)} ms  ${String(m.requests).padStart(5)} requests  ${m.errors} errors  ${verdict}`,
      );
    }
  } finally {
    await next.stop();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await buildIfStale();
  reportJs();
  if (args.onlyJs) return;
  const server = process.env.NIANBAO_BENCH_DATABASE_URL;
  if (!server) {
    console.log('== server response: NIANBAO_BENCH_DATABASE_URL is unset: page timings are skipped (set it to a PostgreSQL server where this run may create the database nianbao_pages_20k)');
    return;
  }
  await benchPages(server, args);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
