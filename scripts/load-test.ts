// npm run -s load-test [-- --url http://127.0.0.1:PORT --user NAME] [--connections 200] [--seconds 30]
//                         [--path /public/431225]
// Issue 11: the public region page under load while staff upload and publish. autocannon, in a
// second process on loopback, holds N connections on the page for S seconds (each request
// given 10 s); meanwhile this process signs in and sends every file of ../shared/corpus (txt,
// html, pdf, docx) through /api/admin/uploads, two at a time as the upload page does, and
// publishes each one through /api/admin/uploads/ID/publish, one publish at a time, as soon as it
// is parsed (each publish drops the public pages' cached copies: revalidatePath, so the next
// request of the page renders it again); a file the page would not let be published as parsed
// (no region or year) is discarded. The batch is sent again and again until the load ends
// (files stored before come back as 'unchanged'); the first batch is finished after the load if
// it takes longer, so that a whole batch is always checked.
//
// Without --url it serves the app itself: a production build in NIANBAO_NEXT_DIR (default
// .next-load, built when older than the sources), the app's server (`npm run serve`) on a free loopback port and a new
// temporary PGlite directory holding the bundled data and one staff account with a random
// password. With --url (loopback only) it signs in as --user, with the password in
// NIANBAO_ADMIN_PASSWORD.
//
// Prints the requests, throughput (req/s, median and mean over autocannon's one-second samples),
// latency p50/p99/max, non-2xx responses, errors and timeouts, and each corpus file's upload and
// publish statuses. Exits 1 when any request of the load got a non-2xx answer or an error
// (timeouts included), when an upload or publish request failed or a file could not be read,
// when nothing was published while the load ran, or when the page does not answer afterwards.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../test/support/corpus';
import { ROOT } from '../test/support/root';
import type { UploadSummary } from '../lib/upload/preview';
import { runIfScript } from '../lib/cli/main';
import { median, startBundledServer, useBuildDir, warmPage, type Warmed } from './bundled-server';

const BUILD_DIR = '.next-load';
/** the upload page sends two files at a time (components/admin/Uploader.tsx) */
const PARALLEL_UPLOADS = 2;
/** autocannon's timeout per request, in seconds: a request without an answer by then is an error */
const REQUEST_TIMEOUT_S = 10;
const SOURCE = /\.(txt|html|pdf|docx)$/u;
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/u;

export interface LoadArgs {
  /** a running server (loopback), without a trailing slash; null: start one */
  url: string | null;
  /** the staff account to sign in as on --url (password: NIANBAO_ADMIN_PASSWORD) */
  user: string | null;
  connections: number;
  seconds: number;
  path: string;
}

const USAGE = 'usage: load-test [--url http://127.0.0.1:PORT --user NAME] [--connections 200] [--seconds 30] [--path /public/431225]';

function whole(raw: string | undefined, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1, not ${raw}\n${USAGE}`);
  return n;
}

/** The command line (after the script's name); throws with the usage on anything else. */
export function parseLoadArgs(argv: readonly string[]): LoadArgs {
  const args: LoadArgs = { url: null, user: null, connections: 200, seconds: 30, path: '/public/431225' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--url') {
      const raw = value();
      let url: URL;
      try {
        url = new URL(raw ?? '');
      } catch {
        throw new Error(`--url needs an address such as http://127.0.0.1:3000, not ${raw}\n${USAGE}`);
      }
      if (url.protocol !== 'http:') throw new Error(`--url needs an http address\n${USAGE}`);
      if (!LOOPBACK_HOST.test(url.hostname)) throw new Error(`--url must be on this machine (127.0.0.1, localhost or [::1]), not ${url.hostname}: the load test runs on loopback only`);
      args.url = url.origin;
    } else if (flag === '--user') {
      const user = value();
      if (!user) throw new Error(`--user needs an account name\n${USAGE}`);
      args.user = user;
    } else if (flag === '--connections') {
      args.connections = whole(value(), '--connections');
    } else if (flag === '--seconds') {
      args.seconds = whole(value(), '--seconds');
    } else if (flag === '--path') {
      const path = value();
      if (!path?.startsWith('/')) throw new Error(`--path needs a path starting with /, not ${path}\n${USAGE}`);
      args.path = path;
    } else if (a !== '--') {
      throw new Error(`unknown argument ${a}\n${USAGE}`);
    }
  }
  if (args.url && !args.user) throw new Error(`--url needs --user NAME (a staff account there; its password in NIANBAO_ADMIN_PASSWORD)\n${USAGE}`);
  return args;
}

// ---- the server

export interface Account {
  name: string;
  password: string;
}

export interface LoadServer {
  base: string;
  account: Account;
  summary: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm run serve` (building first when the build is stale) on a new PGlite directory holding the
 * bundled data and one staff account, with an empty ISR cache. The build directory is
 * NIANBAO_NEXT_DIR's as it is when this is first called (next-server.ts reads it at import).
 */
export async function startLoadServer(): Promise<LoadServer> {
  const { createAccount } = await import('../db/accounts');
  const { DIST_DIR } = await import('../test/support/next-server');
  const account: Account = { name: 'load-test', password: randomBytes(24).toString('base64url') };
  const server = await startBundledServer({ prefix: 'nianbao-load-', prepare: (db) => createAccount(db, account) });
  return {
    base: server.base,
    account,
    summary: `${server.summary}, build ${DIST_DIR}`,
    output: server.output,
    stop: () => server.stop(),
  };
}

// ---- the load: autocannon in a second process

interface AutocannonHistogram {
  average: number;
  mean: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
}

interface AutocannonResult {
  latency: AutocannonHistogram;
  requests: AutocannonHistogram & { sent: number };
  throughput: AutocannonHistogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}

export interface LoadFigures {
  /** requests answered */
  requests: number;
  /** requests sent (some may have been in flight when the time ran out) */
  sent: number;
  /** requests per second: the median and mean of autocannon's one-second samples */
  rpsMedian: number;
  rpsMean: number;
  /** latency in ms */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** bytes per second, mean */
  bytesPerSecond: number;
  non2xx: number;
  /** socket errors, timeouts included */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
  /** answers, non-2xx answers and errors in each second of the load */
  timeline: Second[];
  /** the most connections seen waiting for the server to accept them (sampled every 250 ms; null: unknown) */
  acceptQueueMax: number | null;
}

/** The child process running autocannon now, so that a signal can stop it. */
let loadProcess: ChildProcess | null = null;

/**
 * The second process: autocannon's programmatic API (so that it can also count, second by
 * second, the answers and errors), printing one JSON object. `node -e` puts its arguments from
 * argv[1].
 */
const LOAD_CHILD = `
const [bin, url, connections, duration, timeout] = process.argv.slice(1);
const autocannon = require(bin);
const started = Date.now();
const seconds = [];
const now = () => (seconds[Math.floor((Date.now() - started) / 1000)] ??= { responses: 0, non2xx: 0, errors: 0 });
const instance = autocannon({ url, connections: Number(connections), duration: Number(duration), timeout: Number(timeout) }, (err, result) => {
  if (err) { console.error(err && err.stack || String(err)); process.exit(2); }
  const timeline = Array.from(seconds, (s) => s || { responses: 0, non2xx: 0, errors: 0 });
  process.stdout.write(JSON.stringify({ result, timeline }), () => process.exit(0));
});
instance.on('response', (client, status) => { const s = now(); s.responses++; if (status < 200 || status > 299) s.non2xx++; });
instance.on('reqError', () => { now().errors++; });
`;

export interface Second {
  responses: number;
  non2xx: number;
  errors: number;
}

function runAutocannon(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  const bin = join(ROOT, 'node_modules', 'autocannon');
  const args = ['-e', LOAD_CHILD, bin, url, String(connections), String(seconds), String(REQUEST_TIMEOUT_S)];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    loadProcess = child;
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    // bounded in time whatever happens: autocannon stops itself after `seconds`
    const guard = setTimeout(() => child.kill('SIGKILL'), (seconds + 60) * 1000);
    child.on('error', (e) => {
      clearTimeout(guard);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      loadProcess = null;
      if (code !== 0) return reject(new Error(`autocannon exited with ${code ?? signal}: ${err.slice(0, 500)}`));
      let parsed: { result: AutocannonResult; timeline: Second[] };
      try {
        parsed = JSON.parse(out) as { result: AutocannonResult; timeline: Second[] };
      } catch {
        return reject(new Error(`autocannon printed no JSON: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
      const r = parsed.result;
      resolvePromise({
        requests: r.requests.total,
        sent: r.requests.sent,
        rpsMedian: r.requests.p50,
        rpsMean: r.requests.average,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        mean: r.latency.average,
        bytesPerSecond: r.throughput.average,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
        durationS: r.duration,
        timeline: parsed.timeline,
        acceptQueueMax: null,
      });
    });
  });
}

/**
 * Connections the kernel has completed but the server has not yet accepted: the listening
 * socket's receive queue in /proc/net/tcp (Linux; null elsewhere, or when the port is not found).
 */
export function acceptQueue(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  let found: number | null = null;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/u);
      // local_address PORT, state 0A (LISTEN), tx_queue:rx_queue
      if (f.length > 4 && f[3] === '0A' && f[1].endsWith(`:${hexPort}`)) found = (found ?? 0) + parseInt(f[4].split(':')[1], 16);
    }
  }
  return found;
}

// ---- the uploads: as the upload page sends them

export interface CorpusFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Every txt, html, pdf and docx file of the corpus folder, by name. */
export function corpusFiles(dir = CORPUS_DIR): CorpusFile[] {
  return readdirSync(dir)
    .filter((n) => SOURCE.test(n))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** The Cookie header of a new session, signing in through the sign-in form's endpoint. */
export async function signIn(base: string, account: Account): Promise<string> {
  const res = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: account.name, password: account.password }),
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-nianbao-session=') && !c.startsWith('__Host-nianbao-session=;'));
  if (res.status !== 303 || !cookie) throw new Error(`signing in as ${account.name} failed: HTTP ${res.status}, to ${res.headers.get('location')}`);
  return cookie.split(';')[0];
}

/** What became of one file in one batch. */
export interface FileOutcome {
  batch: number;
  name: string;
  /** the upload's HTTP status, or 'network' when no answer came */
  upload: number | 'network';
  uploadMs: number;
  /** whether the upload was sent while the load ran */
  uploadUnderLoad: boolean;
  summary: UploadSummary | null;
  /** published: the publish request's status and what it did (text-attached, unchanged …) or its error */
  publish?: { status: number | 'network'; kind?: string; error?: string; ms: number; underLoad: boolean };
  /** not publishable as parsed (no region or year, or unreadable): discarded, as the page leaves it unticked */
  discarded?: { status: number | 'network'; why: string };
}

export interface UploadFigures {
  files: number;
  /** batches begun, and those in which every file was uploaded and then published or discarded */
  batchesStarted: number;
  batchesCompleted: number;
  /** the first batch's time, ms, when it completed */
  firstBatchMs: number | null;
  outcomes: FileOutcome[];
  /** requests that failed (a status other than the expected one, or no answer), and files the server could not read */
  problems: string[];
  /** left waiting when the load ended, then discarded */
  leftOver: number;
}

export const uploadsSent = (u: UploadFigures) => u.outcomes.filter((o) => o.upload === 201).length;
export const publishedCount = (u: UploadFigures) => u.outcomes.filter((o) => o.publish?.status === 200).length;
export const publishedUnderLoad = (u: UploadFigures) => u.outcomes.filter((o) => o.publish?.status === 200 && o.publish.underLoad).length;
export const uploadedUnderLoad = (u: UploadFigures) => u.outcomes.filter((o) => o.upload === 201 && o.uploadUnderLoad).length;

const errorOf = async (res: Response): Promise<string> => {
  const text = await res.text();
  try {
    return ((JSON.parse(text) as { error?: string }).error ?? text).slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
};

/** Why the upload page would not let a file be published as parsed; null when it would. */
const notPublishable = (s: UploadSummary): string | null => (s.error ? `unreadable: ${s.error}` : s.missing.length ? `${s.missing.join('和')} missing` : null);

/** How long the first batch may go on once the load has ended. */
const FIRST_BATCH_GRACE_MS = 120_000;

/**
 * Sends the corpus, batch after batch, through the upload page's endpoints: each file uploaded
 * two at a time (as the page sends them) and, once parsed, published, one publish at a time (as
 * 发布所选 does), or discarded when the page would not let it be published as parsed (no region
 * or year: that is set by hand on its preview). The page publishes after the whole batch is
 * parsed; publishing each file as soon as it is parsed keeps the publishes, and the
 * revalidation each one triggers, inside the load. Later batches begin no request once the load
 * has ended; the first one is finished whatever happens (at most FIRST_BATCH_GRACE_MS after the
 * load), so that a whole batch is always checked. What was left waiting is discarded at the end.
 */
async function uploadWhile(base: string, cookie: string, files: readonly CorpusFile[], running: () => boolean): Promise<UploadFigures> {
  const figures: UploadFigures = { files: files.length, batchesStarted: 0, batchesCompleted: 0, firstBatchMs: null, outcomes: [], problems: [], leftOver: 0 };
  const headers = { Origin: base, Cookie: cookie };
  const waiting = new Set<number>();
  let failuresInARow = 0;
  let loadEnded: number | null = null;
  const failed = (what: string) => {
    figures.problems.push(what);
    failuresInARow++;
  };
  const loadRuns = () => {
    if (running()) return true;
    loadEnded ??= performance.now();
    return false;
  };

  while ((figures.batchesStarted === 0 || loadRuns()) && failuresInARow < 20) {
    const batch = ++figures.batchesStarted;
    const goOn = () => failuresInARow < 20 && (loadRuns() || (batch === 1 && performance.now() - loadEnded! < FIRST_BATCH_GRACE_MS));
    const started = performance.now();
    const mine: FileOutcome[] = [];
    const queue = [...files];
    // 发布所选, one at a time, each file as soon as it is parsed; the others are discarded
    let publishing = Promise.resolve();
    const publish = async (outcome: FileOutcome, summary: UploadSummary) => {
      if (!goOn()) return;
      const why = notPublishable(summary);
      const underLoad = running();
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/admin/uploads/${summary.id}${why ? '' : '/publish'}`, { method: why ? 'DELETE' : 'POST', headers });
        if (why) {
          outcome.discarded = { status: res.status, why };
          await res.arrayBuffer();
          if (res.status === 204) waiting.delete(summary.id);
          else failed(`batch ${batch} discard ${outcome.name}: HTTP ${res.status}`);
        } else if (res.status === 200) {
          const result = (await res.json()) as { kind: string };
          outcome.publish = { status: 200, kind: result.kind, ms: performance.now() - t, underLoad };
          waiting.delete(summary.id);
          failuresInARow = 0;
        } else {
          outcome.publish = { status: res.status, error: await errorOf(res), ms: performance.now() - t, underLoad };
          failed(`batch ${batch} publish ${outcome.name}: HTTP ${res.status} ${outcome.publish.error}`);
        }
      } catch (err) {
        if (why) outcome.discarded = { status: 'network', why };
        else outcome.publish = { status: 'network', error: (err as Error).message, ms: performance.now() - t, underLoad };
        failed(`batch ${batch} ${why ? 'discard' : 'publish'} ${outcome.name}: ${(err as Error).message}`);
      }
    };
    // the uploads, two at a time
    await Promise.all(
      Array.from({ length: PARALLEL_UPLOADS }, async () => {
        for (let file = queue.shift(); file && goOn(); file = queue.shift()) {
          const t = performance.now();
          const outcome: FileOutcome = { batch, name: file.name, upload: 'network', uploadMs: 0, uploadUnderLoad: running(), summary: null };
          mine.push(outcome);
          try {
            const res = await fetch(`${base}/api/admin/uploads`, {
              method: 'POST',
              body: file.bytes,
              headers: { ...headers, 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
            });
            outcome.upload = res.status;
            if (res.status === 201) {
              const summary = (await res.json()) as UploadSummary;
              outcome.summary = summary;
              waiting.add(summary.id);
              failuresInARow = 0;
              // every corpus file reads when the server is idle: one that does not was cut short (parse timeout)
              if (summary.error) figures.problems.push(`batch ${batch} upload ${file.name}: not read: ${summary.error}`);
              publishing = publishing.then(() => publish(outcome, summary));
            } else failed(`batch ${batch} upload ${file.name}: HTTP ${res.status} ${await errorOf(res)}`);
          } catch (err) {
            failed(`batch ${batch} upload ${file.name}: ${(err as Error).message}`);
          }
          outcome.uploadMs = performance.now() - t;
        }
      }),
    );
    await publishing;
    figures.outcomes.push(...mine);
    const complete = mine.length === files.length && mine.every((o) => o.upload === 201 && (o.publish?.status === 200 || o.discarded?.status === 204));
    if (complete) {
      figures.batchesCompleted++;
      if (batch === 1) figures.firstBatchMs = performance.now() - started;
    }
  }
  if (failuresInARow >= 20) figures.problems.push('stopped uploading after 20 failed requests in a row');
  // nothing left waiting for the account: what the load's end interrupted is discarded
  figures.leftOver = waiting.size;
  for (const id of waiting) {
    const res = await fetch(`${base}/api/admin/uploads/${id}`, { method: 'DELETE', headers }).catch(() => null);
    await res?.arrayBuffer();
  }
  return figures;
}

// ---- the run

export interface LoadOptions {
  base: string;
  path: string;
  connections: number;
  seconds: number;
  account: Account;
  files?: readonly CorpusFile[];
  /** progress lines (default: stderr) */
  log?: (line: string) => void;
}

export interface LoadResult {
  url: string;
  connections: number;
  seconds: number;
  warm: Warmed;
  load: LoadFigures;
  uploads: UploadFigures;
  /** the page once the load and the uploads are over */
  after: { status: number; ms: number };
}

/** Warms the page, then loads it from a second process while uploading and publishing the corpus. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const url = options.base + options.path;
  const files = options.files ?? corpusFiles();
  if (files.length === 0) throw new Error(`no txt, html, pdf or docx file in ${CORPUS_DIR}`);
  const warm = await warmPage(url);
  if (warm.status !== 200) throw new Error(`${url} answers HTTP ${warm.status}`);
  log(`warmed ${options.path}: first request ${warm.firstMs.toFixed(0)} ms (x-nextjs-cache ${warm.firstCache}), ${warm.cache} after ${warm.requests}`);
  const cookie = await signIn(options.base, options.account);
  log(`signed in as ${options.account.name}; autocannon: ${options.connections} connections for ${options.seconds} s on ${url}, while uploading ${files.length} corpus files per batch`);

  let running = true;
  const port = Number(new URL(options.base).port || 80);
  let queueMax = acceptQueue(port);
  const sampler = setInterval(() => {
    const waiting = acceptQueue(port);
    if (waiting !== null) queueMax = Math.max(queueMax ?? 0, waiting);
  }, 250);
  const load = runAutocannon(url, options.connections, options.seconds).finally(() => {
    running = false;
    clearInterval(sampler);
  });
  const uploads = uploadWhile(options.base, cookie, files, () => running);
  let figures: LoadFigures;
  try {
    figures = { ...(await load), acceptQueueMax: queueMax };
  } finally {
    running = false;
    clearInterval(sampler);
    await uploads.catch(() => {});
  }
  const started = performance.now();
  const after = await fetch(url).then(
    async (res) => {
      await res.arrayBuffer();
      return res.status;
    },
    () => 0,
  );
  return { url, connections: options.connections, seconds: options.seconds, warm, load: figures, uploads: await uploads, after: { status: after, ms: performance.now() - started } };
}

/** Why the run failed; empty when it held. */
export function loadFailures(r: LoadResult): string[] {
  const failures: string[] = [];
  if (r.load.non2xx > 0) failures.push(`${r.load.non2xx} non-2xx responses (${JSON.stringify(r.load.statusCodes)})`);
  if (r.load.errors > 0 || r.load.timeouts > 0) failures.push(`${r.load.errors} errors, ${r.load.timeouts} of them timeouts (> ${REQUEST_TIMEOUT_S} s)`);
  if (publishedUnderLoad(r.uploads) === 0) failures.push('no upload was published while the load ran');
  for (const p of r.uploads.problems) failures.push(p);
  if (r.after.status !== 200) failures.push(`after the load, ${r.url} answers ${r.after.status || 'nothing'}`);
  return failures;
}

const ms = (n: number) => `${Math.round(n)} ms`;

function count<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

/** One line with the figures (for CI logs). */
export function summaryLine(r: LoadResult): string {
  const u = r.uploads;
  const l = r.load;
  return (
    `load test ${r.url}: ${r.connections} connections ${r.seconds} s: ${l.requests} requests, ${l.rpsMedian} req/s median (${l.rpsMean.toFixed(0)} mean), ` +
    `latency p50 ${l.p50} ms p99 ${l.p99} ms max ${l.max} ms, ${l.non2xx} non-2xx, ${l.errors} errors (${l.timeouts} timeouts), accept queue max ${l.acceptQueueMax ?? '?'}; ` +
    `uploads: ${uploadsSent(u)} uploaded (${uploadedUnderLoad(u)} under load), ${publishedCount(u)} published (${publishedUnderLoad(u)} under load; ${count(u.outcomes.filter((o) => o.publish?.status === 200), (o) => o.publish!.kind!)}), ` +
    `${u.outcomes.filter((o) => o.discarded).length} not publishable and discarded, ${u.batchesCompleted} of ${u.batchesStarted} batches of ${u.files} files complete${u.firstBatchMs === null ? '' : ` (the first in ${(u.firstBatchMs / 1000).toFixed(1)} s)`}, ${u.problems.length} upload problems; after: HTTP ${r.after.status}`
  );
}

/** Everything, for a person. */
export function report(r: LoadResult): string {
  const l = r.load;
  const u = r.uploads;
  const lines: string[] = [];
  lines.push(`== load: autocannon (a second process) on ${r.url}, ${r.connections} connections, ${l.durationS.toFixed(1)} s, request timeout ${REQUEST_TIMEOUT_S} s`);
  lines.push(`  requests      ${l.requests} answered (${l.sent} sent), ${(l.bytesPerSecond / 1024 / 1024).toFixed(1)} MB/s`);
  lines.push(`  throughput    ${l.rpsMedian} req/s median, ${l.rpsMean.toFixed(1)} mean (one-second samples)`);
  lines.push(`  latency       p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms (mean ${l.mean.toFixed(0)} ms)`);
  lines.push(`  status codes  ${Object.entries(l.statusCodes).map(([c, n]) => `${c}: ${n}`).join(', ') || 'none'}`);
  lines.push(`  non-2xx       ${l.non2xx}`);
  lines.push(`  errors        ${l.errors} (timeouts ${l.timeouts})`);
  const bad = l.timeline.map((s, i) => ({ ...s, at: i })).filter((s) => s.errors || s.non2xx);
  if (bad.length) lines.push(`  when          ${bad.map((s) => `${s.at}–${s.at + 1} s: ${[s.errors && `${s.errors} errors`, s.non2xx && `${s.non2xx} non-2xx`].filter(Boolean).join(', ')}`).join('; ')}`);
  lines.push(`  answers/s     ${l.timeline.map((s) => s.responses).join(' ')}`);
  if (l.acceptQueueMax !== null) lines.push(`  accept queue  at most ${l.acceptQueueMax} connections waiting for the server to accept them (the listening socket's queue, sampled every 250 ms; it keeps those the load generator gave up on until the server accepts and drops them)`);
  if (l.timeouts > 0 && (l.acceptQueueMax ?? 0) > 0)
    lines.push('                a request sent on a connection the server has not yet accepted waits in that queue: past the timeout it counts as an error (Node ≥ 20 accepts one connection per turn of its event loop)');
  const uploadTimes = u.outcomes.filter((o) => o.upload === 201).map((o) => o.uploadMs);
  const publishTimes = u.outcomes.filter((o) => o.publish?.status === 200).map((o) => o.publish!.ms);
  lines.push(`== uploads meanwhile: ${u.files} corpus files per batch, ${PARALLEL_UPLOADS} uploads at a time, each published (one at a time) once parsed`);
  lines.push(
    `  batches       ${u.batchesCompleted} complete of ${u.batchesStarted} begun${u.firstBatchMs === null ? '' : `, the first in ${(u.firstBatchMs / 1000).toFixed(1)} s (the load lasted ${l.durationS.toFixed(0)} s; the first batch is finished after it if need be)`}${u.leftOver ? `; ${u.leftOver} uploads left waiting at the end, discarded` : ''}`,
  );
  lines.push(`  uploads       ${uploadsSent(u)} answered 201, ${uploadedUnderLoad(u)} of them sent under load (statuses: ${count(u.outcomes, (o) => String(o.upload))}); median ${ms(median(uploadTimes))}, max ${ms(Math.max(0, ...uploadTimes))}`);
  lines.push(`  published     ${publishedCount(u)}, ${publishedUnderLoad(u)} of them under load: ${count(u.outcomes.filter((o) => o.publish?.status === 200), (o) => o.publish!.kind!)}; median ${ms(median(publishTimes))}, max ${ms(Math.max(0, ...publishTimes))}`);
  lines.push(`  discarded     ${u.outcomes.filter((o) => o.discarded).length} not publishable as parsed (the upload page leaves them unticked)`);
  lines.push('  per file      upload → what each batch did');
  const byName = new Map<string, FileOutcome[]>();
  for (const o of u.outcomes) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  const width = Math.max(0, ...[...byName.keys()].map((n) => n.length));
  for (const [name, outcomes] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const said = outcomes.map((o) => {
      if (o.upload !== 201) return `upload ${o.upload}`;
      if (o.publish) return o.publish.status === 200 ? o.publish.kind : `publish ${o.publish.status}`;
      if (o.discarded) return `discarded (${o.discarded.why})${o.discarded.status === 204 ? '' : ` ${o.discarded.status}`}`;
      return 'left waiting';
    });
    lines.push(`    ${name.padEnd(width)}  ${count(said, (s) => s!)}`);
  }
  if (u.problems.length) lines.push(`  problems:\n${u.problems.map((p) => `    ${p}`).join('\n')}`);
  lines.push(`== afterwards: ${r.url} HTTP ${r.after.status} in ${ms(r.after.ms)}`);
  return lines.join('\n');
}

async function main() {
  const args = parseLoadArgs(process.argv.slice(2));
  let server: LoadServer | null = null;
  let base: string;
  let account: Account;
  if (args.url) {
    const password = process.env.NIANBAO_ADMIN_PASSWORD;
    if (!password) throw new Error(`--url: set NIANBAO_ADMIN_PASSWORD to the password of ${args.user}`);
    base = args.url;
    account = { name: args.user!, password };
    console.log(`== server: ${base} (already running), as ${account.name}`);
  } else {
    const buildDir = useBuildDir(BUILD_DIR);
    process.stderr.write(`starting the app: build ${buildDir} when stale, PGlite with the bundled data, npm run serve…\n`);
    server = await startLoadServer();
    base = server.base;
    account = server.account;
    console.log(`== server: npm run serve on ${base}, a temporary PGlite directory (${server.summary}), one staff account`);
  }
  const onSignal = () => {
    loadProcess?.kill('SIGKILL');
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await runLoad({ base, path: args.path, connections: args.connections, seconds: args.seconds, account });
    console.log(report(result));
    console.log(summaryLine(result));
    const failures = loadFailures(result);
    if (failures.length) {
      console.log(`== FAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log('== the load test holds');
  } finally {
    await server?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

runIfScript(import.meta.url, main);
