// The app as a visitor gets it, for scripts that measure it (bench-pages, lighthouse): a
// production build served by `npm run serve` (test/support/next-server.ts: built when stale, on a
// free loopback port) on a temporary PGlite directory prepared as `npm run prepare-db` does
// (created, migrated, the bundled data loaded). Unlike test/support/bundled-app.ts it does not
// need vitest, so plain `tsx` scripts can use it.
//
// The build directory is NIANBAO_NEXT_DIR (next-server.ts reads it when it is first imported):
// call useBuildDir() before anything imports next-server.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/client';
import { ROOT } from '../test/support/root';

/**
 * Sets NIANBAO_NEXT_DIR to `fallback` unless it is set, so that a script builds into its own
 * directory; returns the directory. next-server.ts reads it once, at import: import it
 * (dynamically) after this call.
 */
export function useBuildDir(fallback: string): string {
  if (!process.env.NIANBAO_NEXT_DIR) process.env.NIANBAO_NEXT_DIR = fallback;
  return process.env.NIANBAO_NEXT_DIR;
}

/**
 * Next 16 keeps the pages it renders at runtime (ISR, such as /public/[region]) in
 * <dist>/server/route-cache, and a server started later on the same build serves them from
 * there, even on another database. Clearing it (it is only a cache) before a server starts makes
 * that server render its own pages: the first request of a page is then a render (MISS).
 */
export function clearRuntimeCache(distDir: string): void {
  rmSync(join(ROOT, distDir, 'server', 'route-cache'), { recursive: true, force: true });
}

export interface BundledServer {
  base: string;
  /** the temporary PGlite directory */
  dataDir: string;
  /** what the database holds */
  summary: string;
  /** the server's output so far */
  output(): string;
  /** stops the server and removes the data directory */
  stop(): Promise<void>;
}

export interface BundledServerOptions {
  /** the temporary directory's name starts with this */
  prefix?: string;
  /** more to store in the database, after the bundled data */
  prepare?: (db: Db) => Promise<unknown>;
}

/**
 * `npm run serve` (building first when the build is stale) on a fresh PGlite directory holding the
 * bundled data, with an empty ISR cache.
 */
export async function startBundledServer({ prefix = 'nianbao-served-', prepare }: BundledServerOptions = {}): Promise<BundledServer> {
  const { openDatabase } = await import('../db/client');
  const { loadBundle } = await import('../db/bundle');
  const { startNextServer, buildIfStale, DIST_DIR } = await import('../test/support/next-server');
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const database = await openDatabase({ dataDir });
    let summary: string;
    try {
      const loaded = await loadBundle(database.db);
      summary = `${loaded.reports} reports, ${loaded.regions} regions`;
      await prepare?.(database.db);
    } finally {
      await database.close();
    }
    const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir };
    delete env.DATABASE_URL; // PGlite, whatever the caller's environment says
    await buildIfStale();
    clearRuntimeCache(DIST_DIR);
    const next = await startNextServer(env);
    // however this process ends (an error, Ctrl-C), the server and the directory go with it
    const onExit = () => {
      if (next.process.exitCode === null && next.process.signalCode === null) next.process.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    return {
      base: next.base,
      dataDir,
      summary,
      output: next.output,
      async stop() {
        process.off('exit', onExit);
        await next.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

export interface Warmed {
  status: number;
  /** x-nextjs-cache of the first request: MISS (rendered), STALE (a copy an earlier server left in the build directory), HIT, or '-' */
  firstCache: string;
  /** Next's `x-nextjs-cache` header of the last request (HIT, STALE, MISS), or '-' when absent (a dynamic page) */
  cache: string;
  /** the first request's time: a render unless the build's cache already held the page */
  firstMs: number;
  requests: number;
}

/**
 * Requests `url` until Next serves it from its ISR cache (x-nextjs-cache: HIT), at most `tries`
 * times: the first request renders the page (or serves a STALE copy left in the build directory
 * by an earlier run and regenerates it in the background), the next ones find it cached. A page
 * without the header (dynamic) is requested twice.
 */
export async function warmPage(url: string, tries = 10): Promise<Warmed> {
  let status = 0;
  let cache = '-';
  let firstCache = '-';
  let firstMs = 0;
  for (let i = 1; i <= tries; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    status = res.status;
    cache = res.headers.get('x-nextjs-cache') ?? '-';
    if (i === 1) {
      firstMs = performance.now() - started;
      firstCache = cache;
    }
    if (status !== 200 || cache === 'HIT' || (cache === '-' && i >= 2)) return { status, firstCache, cache, firstMs, requests: i };
    // a background regeneration (after STALE) takes a moment to land in the cache
    await new Promise((r) => setTimeout(r, 200));
  }
  return { status, firstCache, cache, firstMs, requests: tries };
}

/** the median of numbers (NaN for none) */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
