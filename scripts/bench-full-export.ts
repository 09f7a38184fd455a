// npm run bench (after bench-pages), or: tsx scripts/bench-full-export.ts [--sizes 2000,all] [--no-http] [--xlsx]
// The full export of every figure (db/queries/export.ts, GET /api/export/figures.csv) at
// national scale, on the PostgreSQL database `nianbao_pages_20k` that bench-pages keeps on the
// server of NIANBAO_BENCH_DATABASE_URL (the bundled reports and 20,000 synthetic ones):
// - in process: the CSV stream consumed as a client would (bytes counted, then dropped), for
//   about 2,000 reports (the first regions in code order) and for all of them: rows, seconds,
//   rows/s, MB, and the process's RSS and heap (V8's and Buffers') sampled at every chunk, as
//   growth over the baseline taken after a GC, which must not grow with the size of the export;
//   and the live heap (after a forced GC every 250 chunks, i.e. 250,000 rows), which shows what
//   is retained apart from garbage not yet collected;
// - over HTTP (unless --no-http): the app's server (`npm run serve`) on the same database (the build of
//   NIANBAO_NEXT_DIR, built when older than the sources), the route read by fetch without
//   compression, and the server's RSS (its process tree, from /proc) sampled likewise;
// - with --xlsx, the XLSX export in process as well (ExcelJS's streaming writer is much slower).
// Skipped, saying so, when NIANBAO_BENCH_DATABASE_URL is unset or the database is not there yet.

import { readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { maskUrl, openDatabase, type Db } from '../db/client';
import { allFigureRows, TIDY_COLUMNS, type FigureFilter } from '../db/queries/export';
import { postgresTarget } from '../db/postgres-url';
import { selectRows } from '../db/sql';
import { csvStream } from '../lib/export/csv';
import { writeXlsxStream } from '../lib/export/xlsx';
import { startNextServer, DIST_DIR } from '../test/support/next-server';

const DATABASE = 'nianbao_pages_20k';
const USAGE = 'usage: bench-full-export [--sizes 2000,all] [--no-http] [--xlsx]';

interface Args {
  /** reports; Infinity: all */
  sizes: number[];
  http: boolean;
  xlsx: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [2000, Infinity], http: true, xlsx: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-http') args.http = false;
    else if (a === '--xlsx') args.xlsx = true;
    else if (a === '--sizes') args.sizes = String(argv[++i]).split(',').map((n) => (n === 'all' ? Infinity : Number(n)));
    else if (a !== '--') throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (args.sizes.some((n) => !(n >= 1))) throw new Error(USAGE);
  return args;
}

// ---- memory ---------------------------------------------------------------------------

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Memory {
  rss: number;
  heap: number;
}

/** Peaks of what `read` returns, over a baseline read when it starts. */
class Sampler {
  readonly baseline: Memory;
  peak: Memory;
  /** heap in use right after a forced GC, at its highest */
  livePeak = 0;
  samples = 0;
  private timer: NodeJS.Timeout;
  constructor(private read: () => Memory) {
    this.baseline = read();
    this.peak = { ...this.baseline };
    // also on a timer, for the time spent inside a query or a consumer that does not call sample()
    this.timer = setInterval(() => this.sample(), 100);
  }
  sample(): void {
    const m = this.read();
    this.samples++;
    if (m.rss > this.peak.rss) this.peak.rss = m.rss;
    if (m.heap > this.peak.heap) this.peak.heap = m.heap;
  }
  /** after a forced GC: what is retained */
  live(): void {
    gc();
    this.livePeak = Math.max(this.livePeak, this.read().heap);
  }
  stop(): { rssGrowth: number; heapGrowth: number; liveGrowth: number | null } {
    clearInterval(this.timer);
    this.sample();
    const liveGrowth = this.livePeak ? this.livePeak - this.baseline.heap : null;
    return { rssGrowth: this.peak.rss - this.baseline.rss, heapGrowth: this.peak.heap - this.baseline.heap, liveGrowth };
  }
}

/** RSS, and the V8 heap with the memory of Buffers and ArrayBuffers outside it */
const ownMemory = (): Memory => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external };
};

/** RSS of a process and its descendants, from /proc (Linux); heap unknown (0). */
function treeMemory(root: number): Memory {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  let rss = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) rss += Number(m[1]) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return { rss, heap: 0 };
}

// ---- measuring ----------------------------------------------------------------------------

interface Measured {
  label: string;
  reports: number;
  rows: number;
  seconds: number;
  bytes: number;
  rssGrowth: number;
  heapGrowth: number | null;
  liveGrowth: number | null;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function print(m: Measured, expectedRows: number): void {
  const check = m.rows === expectedRows ? 'rows = figures' : `ROWS ≠ FIGURES (${expectedRows} figures)`;
  console.log(
    `  ${m.label.padEnd(34)} ${String(m.reports).padStart(6)} reports ${String(m.rows).padStart(9)} rows ${m.seconds.toFixed(1).padStart(6)} s ` +
      `${Math.round(m.rows / m.seconds).toLocaleString('en').padStart(9)} rows/s ${mb(m.bytes).padStart(7)} MB  ` +
      `RSS +${mb(m.rssGrowth)} MB${m.heapGrowth === null ? '' : `, heap +${mb(m.heapGrowth)} MB`}${m.liveGrowth === null ? '' : `, live heap +${mb(m.liveGrowth)} MB`}  (${check})`,
  );
}

/** Data lines of a CSV body (records hold no line break in this data): LF count less the header's. */
function lineCounter() {
  let lines = 0;
  return {
    add(chunk: Uint8Array) {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    },
    get rows() {
      return lines - 1;
    },
  };
}

const LIVE_EVERY = 250;

async function consume(body: ReadableStream<Uint8Array>, sampler: Sampler, { live = false } = {}): Promise<{ bytes: number; rows: number }> {
  const reader = body.getReader();
  const lines = lineCounter();
  let bytes = 0;
  for (let chunks = 1; ; chunks++) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    lines.add(value);
    sampler.sample();
    if (live && chunks % LIVE_EVERY === 0) sampler.live();
  }
  return { bytes, rows: lines.rows };
}

async function csvInProcess(db: Db, filter: FigureFilter, label: string, reports: number): Promise<Measured> {
  gc();
  const sampler = new Sampler(ownMemory);
  const started = performance.now();
  const { bytes, rows } = await consume(csvStream(TIDY_COLUMNS, allFigureRows(db, filter)), sampler, { live: true });
  const seconds = (performance.now() - started) / 1000;
  return { label, reports, rows, seconds, bytes, ...sampler.stop() };
}

async function xlsxInProcess(db: Db, filter: FigureFilter, label: string, reports: number): Promise<Measured> {
  gc();
  const sampler = new Sampler(ownMemory);
  let bytes = 0;
  let rows = 0;
  const counted = async function* () {
    for await (const row of allFigureRows(db, filter)) {
      rows++;
      yield row;
    }
  };
  let writes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      sampler.sample();
      if (++writes % (LIVE_EVERY * 10) === 0) sampler.live();
      callback();
    },
  });
  const started = performance.now();
  await writeXlsxStream([{ name: '数据', columns: TIDY_COLUMNS, rows: counted() }], { title: 'bench', exportedAt: new Date() }, sink);
  const seconds = (performance.now() - started) / 1000;
  return { label, reports, rows, seconds, bytes, ...sampler.stop() };
}

async function csvOverHttp(base: string, serverPid: number, query: string, label: string, reports: number): Promise<Measured> {
  const sampler = new Sampler(() => treeMemory(serverPid));
  const started = performance.now();
  const response = await fetch(`${base}/api/export/figures.csv${query}`, { headers: { 'accept-encoding': 'identity' } });
  if (response.status !== 200) throw new Error(`GET /api/export/figures.csv${query}: ${response.status} ${await response.text()}`);
  const { bytes, rows } = await consume(response.body!, sampler);
  const seconds = (performance.now() - started) / 1000;
  const { rssGrowth } = sampler.stop();
  return { label, reports, rows, seconds, bytes, rssGrowth, heapGrowth: null, liveGrowth: null };
}

// ---- the dataset ----------------------------------------------------------------------------

interface Subset {
  filter: FigureFilter;
  reports: number;
  figures: number;
}

/** Current reports and their figures (the figures table: what the export must give, one row each). */
async function counts(db: Db, where = sql`true`): Promise<{ reports: number; figures: number }> {
  const [row] = await selectRows<{ reports: number; figures: number }>(
    db,
    sql`select count(distinct r.id)::int as reports, count(f.report_id)::int as figures from reports r left join figures f on f.report_id = r.id where r.is_current and ${where}`,
  );
  return { reports: Number(row.reports), figures: Number(row.figures) };
}

/** About `size` reports: whole regions in code order until there are that many (every report when size ≥ all). */
async function subset(db: Db, size: number): Promise<Subset> {
  const all = await counts(db);
  if (size >= all.reports) return { filter: {}, ...all };
  const regions = await selectRows<{ id: number; reports: number }>(
    db,
    sql`select g.id, count(*)::int as reports from reports r join regions g on g.id = r.region_id
        where r.is_current group by g.id order by coalesce(g.code, '~' || g.name) collate "C", g.id`,
  );
  const ids: number[] = [];
  let reports = 0;
  for (const r of regions) {
    if (reports >= size) break;
    ids.push(Number(r.id));
    reports += Number(r.reports);
  }
  return { filter: { regionIds: ids }, ...(await counts(db, sql`r.region_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)) };
}

async function databaseUrl(server: string): Promise<string | null> {
  const url = new URL(server);
  url.pathname = `/${DATABASE}`;
  const target = postgresTarget(server);
  const admin = postgres(target.url, { host: target.host, max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${DATABASE}`;
    return exists ? url.toString() : null;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const server = process.env.NIANBAO_BENCH_DATABASE_URL;
  if (!server) {
    console.log('== full export of figures: NIANBAO_BENCH_DATABASE_URL is unset: skipped (set it to the PostgreSQL server where bench-pages keeps nianbao_pages_20k)');
    return;
  }
  const url = await databaseUrl(server);
  if (!url) {
    console.log(`== full export of figures: no database ${DATABASE} on ${maskUrl(server)}: skipped (tsx scripts/bench-pages.ts creates it)`);
    return;
  }
  const database = await openDatabase({ url, migrate: false });
  const subsets: Subset[] = [];
  let oneYear: { reports: number; figures: number };
  let all: { reports: number; figures: number };
  try {
    for (const size of args.sizes) subsets.push(await subset(database.db, size));
    // the route takes at most 50 regions, so over HTTP the smaller export is one year's
    oneYear = await counts(database.db, sql`r.year = 2019`);
    all = await counts(database.db);
    console.log(
      `== full export of figures (CSV, tidy rows) on ${maskUrl(url)}: the stream consumed in process (bytes counted, then dropped); ` +
        'memory = peak − baseline after a GC, sampled at every chunk',
    );
    // a first short run loads the code and warms the server's cache, so the first size is not penalised
    await csvInProcess(database.db, { years: [2019], regionIds: subsets[0].filter.regionIds?.slice(0, 20) ?? [] }, 'warm-up', 0);
    for (const s of subsets) print(await csvInProcess(database.db, s.filter, `in process, ${s.reports} reports`, s.reports), s.figures);
    if (args.xlsx) {
      console.log('== the same as XLSX (ExcelJS streaming writer, into a sink that drops the bytes)');
      for (const s of subsets) print(await xlsxInProcess(database.db, s.filter, `XLSX in process, ${s.reports} reports`, s.reports), s.figures);
    }
  } finally {
    await database.close();
  }

  if (!args.http) return;
  const next = await startNextServer({ ...process.env, DATABASE_URL: url });
  try {
    console.log(
      `== GET /api/export/figures.csv: npm run serve (${DIST_DIR}) on the same database, read by fetch without compression; ` +
        "memory = the server's RSS (its process tree) over its RSS before the request",
    );
    await (await fetch(`${next.base}/api/export/figures.csv?years=2019&regions=431225`)).arrayBuffer(); // opens the database, loads the route
    print(await csvOverHttp(next.base, next.process.pid!, '?years=2019', 'HTTP, years=2019', oneYear.reports), oneYear.figures);
    print(await csvOverHttp(next.base, next.process.pid!, '', 'HTTP, every report', all.reports), all.figures);
  } finally {
    await next.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
