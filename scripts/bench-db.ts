// npm run bench (after the parser benchmarks), or: tsx scripts/bench-db.ts [--sizes 2000,20000] [--only pglite|postgres]
// Storage at national scale: synthetic reports (lib/synth, seed 1) stored through ingestFile,
// first 2,000 then up to 20,000, into PGlite (a temporary directory) and PostgreSQL (a scratch
// database created, then dropped, on the server of NIANBAO_BENCH_DATABASE_URL; skipped when it
// is unset). After each size: every dashboard query's median over repeated runs.
// Starts and stops no server. Budgets (issue 5): 20,000 reports in under 2 min (PostgreSQL) /
// 5 min (PGlite); each query under 50 ms (PostgreSQL) / 200 ms (PGlite).

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { postgresTarget } from '../db/postgres-url';
import { maskUrl, openDatabase, type Database, type Db } from '../db/client';
import { applicantMix, applicationOutcomes } from '../db/queries/applications';
import { appealOutcomes } from '../db/queries/appeals';
import { channelSeries } from '../db/queries/channels';
import { failedChecks } from '../db/queries/checks';
import { coverage } from '../db/queries/coverage';
import { listRegionYears } from '../db/queries/overview';
import { metricSeries, rankRegions } from '../db/queries/series';
import { selectRows } from '../db/sql';
import { loadSynthetic } from '../db/synthetic';
import { defaultPoolSize } from '../lib/ingest/parse-pool';

const SEED = 1;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const BUDGET = {
  pglite: { ingestMs: 5 * 60_000, queryMs: 200 },
  postgres: { ingestMs: 2 * 60_000, queryMs: 50 },
} as const;
const BUDGET_SIZE = 20_000;

type Kind = keyof typeof BUDGET;

interface Targets {
  province: { id: number; name: string };
  city: { id: number; name: string };
}

interface BenchQuery {
  name: string;
  run: (db: Db, t: Targets) => Promise<unknown>;
  /** informational: not a query of this issue */
  info?: boolean;
}

const QUERIES: BenchQuery[] = [
  { name: 'series: newReceived, a city’s counties × 7 years', run: (db, t) => metricSeries(db, { metric: 'applications.newReceived', within: { regionId: t.city.id, level: 'county' }, years: YEARS, perRegion: true }) },
  { name: 'series: grantedRate, all counties × 7 years', run: (db) => metricSeries(db, { metric: 'applications.grantedRate', within: { level: 'county' }, years: YEARS }) },
  { name: 'series: fees items (2019 format), a province × 7 years', run: (db, t) => metricSeries(db, { metric: 'proactive.fees.priorItems', within: { regionId: t.province.id, level: 'county' }, years: YEARS }) },
  { name: 'ranking: newReceived 2023, all counties, top 20', run: (db) => rankRegions(db, { metric: 'applications.newReceived', year: 2023, within: { level: 'county' } }) },
  { name: 'ranking: review correctedRate 2023, a province', run: (db, t) => rankRegions(db, { metric: 'appeals.review.correctedRate', year: 2023, within: { regionId: t.province.id, level: 'county' }, minDenominator: 3 }) },
  { name: 'outcomes: all counties × 7 years', run: (db) => applicationOutcomes(db, { within: { level: 'county' }, years: YEARS }) },
  { name: 'applicant mix: a province’s counties × 7 years, per county', run: (db, t) => applicantMix(db, { within: { regionId: t.province.id, level: 'county' }, years: YEARS, perRegion: true }) },
  { name: 'hotlines: a province × 7 years', run: (db, t) => channelSeries(db, { channel: 'hotline', within: { regionId: t.province.id, level: 'county' }, years: YEARS }) },
  { name: 'mailboxes: all counties × 7 years', run: (db) => channelSeries(db, { channel: 'mailbox', within: { level: 'county' }, years: YEARS }) },
  { name: 'review/litigation: all counties × 7 years', run: (db) => appealOutcomes(db, { within: { level: 'county' }, years: YEARS }) },
  { name: 'coverage: a province’s counties × 7 years', run: (db, t) => coverage(db, { within: { regionId: t.province.id, level: 'county' }, years: YEARS }) },
  { name: 'coverage: all counties × 7 years, counts', run: (db) => coverage(db, { within: { level: 'county' }, years: YEARS, detail: false }) },
  { name: 'failed checks: first page, everywhere', run: (db) => failedChecks(db, { limit: 50 }) },
  { name: 'failed checks: one check, a province, 2 years', run: (db, t) => failedChecks(db, { checkIds: ['crossYear.carriedOver'], within: { regionId: t.province.id, level: 'county' }, years: [2022, 2023] }) },
  { name: 'overview.listRegionYears (home page)', run: (db) => listRegionYears(db), info: true },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timeQuery(run: () => Promise<unknown>, { warmup = 2, runs = 25, maxMs = 5000 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < runs && (times.length < 5 || performance.now() - start < maxMs)) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The province with most counties stored, and its city with most. */
async function targets(db: Db): Promise<Targets> {
  const [province] = await selectRows<{ id: number; name: string }>(
    db,
    sql`select g.id, g.name from report_facts f join regions g on g.id = f.province_id
        where f.level = 'county' group by g.id, g.name order by count(distinct f.region_id) desc, g.id limit 1`,
  );
  const [city] = await selectRows<{ id: number; name: string }>(
    db,
    sql`select g.id, g.name from report_facts f join regions g on g.id = f.city_id
        where f.level = 'county' and f.province_id = ${province.id} group by g.id, g.name order by count(distinct f.region_id) desc, g.id limit 1`,
  );
  return { province: { id: Number(province.id), name: province.name }, city: { id: Number(city.id), name: city.name } };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

interface SizeResult {
  size: number;
  ingestMs: number;
  factsMs: number;
  queries: Map<string, number>;
  targets: Targets;
}

async function benchDatabase(kind: Kind, database: Database, sizes: number[]): Promise<SizeResult[]> {
  const out: SizeResult[] = [];
  let loaded = 0;
  let ingestMs = 0;
  let factsMs = 0;
  let fixed: Targets | null = null;
  for (const size of sizes) {
    const progressEvery = Math.max(500, Math.round((size - loaded) / 10));
    const before = loaded;
    const result = await loadSynthetic(database.db, {
      seed: SEED,
      reports: size,
      skip: loaded,
      concurrency: kind === 'postgres' ? 4 : 1,
      // parsing a synthetic report takes under 1 ms: worth a thread only beside a server that works in parallel
      parseWorkers: kind === 'postgres' ? defaultPoolSize() : 0,
      onProgress: (n) => {
        if (n % progressEvery === 0) process.stderr.write(`    ${before + n}/${size} reports stored (load ${load()})\n`);
      },
    });
    loaded = size;
    ingestMs += result.ingestMs;
    factsMs += result.factsMs;
    fixed ??= await targets(database.db);
    const t = fixed;
    const queries = new Map<string, number>();
    for (const q of QUERIES) queries.set(q.name, await timeQuery(() => q.run(database.db, t), q.info ? { warmup: 1, runs: 5, maxMs: 3000 } : undefined));
    out.push({ size, ingestMs, factsMs, queries, targets: t });
    process.stderr.write(`    ${size} reports: ingest ${fmtMs(ingestMs)} in all; queries timed (load ${load()})\n`);
  }
  return out;
}

function report(kind: Kind, location: string, results: SizeResult[]): void {
  const budget = BUDGET[kind];
  const first = results[0];
  const last = results[results.length - 1];
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');
  console.log(`== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (${location}); province: ${last.targets.province.name}, city: ${last.targets.city.name}`);
  for (const r of results) {
    const perReport = r.ingestMs / r.size;
    const line = `  ingest ${String(r.size).padStart(6)} reports: ${fmtMs(r.ingestMs)} (${perReport.toFixed(1)} ms/report; report_facts catch-up ${fmtMs(r.factsMs)})`;
    const budgetNote = r.size === BUDGET_SIZE ? `  budget < ${budget.ingestMs / 60_000} min: ${verdict(r.ingestMs + r.factsMs < budget.ingestMs)}` : '';
    console.log(line + budgetNote);
  }
  const header = ['query'.padEnd(58), ...results.map((r) => `${r.size}`.padStart(10)), 'growth'.padStart(8), `  budget < ${budget.queryMs} ms`];
  console.log(`  ${header.join(' ')}`);
  for (const q of QUERIES) {
    const values = results.map((r) => r.queries.get(q.name)!);
    const growth = results.length > 1 ? `${(values[values.length - 1] / values[0]).toFixed(1)}×` : '';
    const ok = q.info ? '(not in this issue)' : verdict(values[values.length - 1] < budget.queryMs);
    console.log(`  ${q.name.padEnd(58)} ${values.map((v) => fmtMs(v).padStart(10)).join(' ')} ${growth.padStart(8)}  ${ok}`);
  }
  if (results.length > 1) {
    const slowest = Math.max(...QUERIES.filter((q) => !q.info).map((q) => last.queries.get(q.name)!));
    console.log(`  slowest query at ${last.size}: ${fmtMs(slowest)}; ingest grew ${(last.ingestMs / last.size / (first.ingestMs / first.size)).toFixed(2)}× per report from ${first.size} to ${last.size}`);
  }
}

async function withScratchPostgres<T>(server: string, work: (database: Database) => Promise<T>): Promise<T> {
  const name = `nianbao_bench_${randomBytes(5).toString('hex')}`;
  const target = postgresTarget(server);
  const admin = postgres(target.url, { host: target.host, max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  }
}

async function withTempPglite<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): { sizes: number[]; only: Kind | null } {
  let sizes = [2_000, 20_000];
  let only: Kind | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') sizes = argv[++i].split(',').map(Number);
    else if (argv[i] === '--only') only = argv[++i] as Kind;
    else if (argv[i] !== '--') throw new Error(`unknown argument ${argv[i]}`);
  }
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || (only && !(only in BUDGET))) throw new Error('usage: bench-db [--sizes 2000,20000] [--only pglite|postgres]');
  return { sizes: [...sizes].sort((a, b) => a - b), only };
}

async function main() {
  const { sizes, only } = parseArgs(process.argv.slice(2));
  console.log(`== database: synthetic reports (seed ${SEED}) through ingestFile, ${sizes.join(' then ')}, parsed ahead in ${defaultPoolSize()} worker thread(s) for PostgreSQL, on ${availableParallelism()} cores; query medians, warm (load average at start: ${load()})`);
  const server = process.env.NIANBAO_BENCH_DATABASE_URL;
  if (only !== 'pglite') {
    if (!server) {
      console.log('== PostgreSQL: NIANBAO_BENCH_DATABASE_URL is unset: PostgreSQL figures are skipped (set it to a server where this run may create and drop a scratch database)');
    } else {
      const results = await withScratchPostgres(server, (database) => benchDatabase('postgres', database, sizes));
      report('postgres', `scratch database on ${maskUrl(server)}, 4 ingests in flight`, results);
    }
  }
  if (only !== 'postgres') {
    const results = await withTempPglite((database) => benchDatabase('pglite', database, sizes));
    report('pglite', 'temporary directory', results);
  }
  console.log(`(load average at end: ${load()})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
