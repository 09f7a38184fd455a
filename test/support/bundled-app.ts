// The app as end-to-end tests see it: a fresh PGlite database loaded with the bundled data,
// the app's server (`npm run serve`) on it, and (for browser tests) chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadBundle } from '../../db/bundle';
import type { Database } from '../../db/client';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './databases';
import { startNextServer, type NextServer } from './next-server';

export interface BundledApp {
  base: string;
  testDb: TestDatabase;
  next: NextServer;
  browser: Browser | null;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** launch chromium (default true) */
  browser?: boolean;
  /** load the bundled data (default true) */
  bundled?: boolean;
  /** runs on the loaded database before the server opens it (to read ids, say) */
  prepare?: (database: Database) => Promise<void>;
}

export async function startBundledApp({ browser = true, bundled = true, prepare }: AppOptions = {}): Promise<BundledApp> {
  const testDb = await createTestDatabase('pglite');
  const database = await testDb.open();
  try {
    if (bundled) await loadBundle(database.db);
    await prepare?.(database);
  } finally {
    await database.close();
  }
  const next = await startNextServer(testDb.env);
  const opened = browser ? await launchBrowser() : null;
  return {
    base: next.base,
    testDb,
    next,
    browser: opened,
    async stop() {
      await opened?.close();
      await next.stop();
      await testDb.drop();
    },
  };
}

export interface ServedApp<T extends BundledApp> {
  readonly app: T;
  readonly base: string;
  /** chromium (an app started with `browser: false` has none) */
  readonly browser: Browser;
}

/** Starts the app before the tests of the enclosing describe and stops it after them. */
export function serveApp<T extends BundledApp>(start: () => Promise<T>, startTimeoutMs = 500_000): ServedApp<T> {
  let app: T | undefined;
  beforeAll(async () => {
    app = await start();
  }, startTimeoutMs);
  afterAll(() => app?.stop(), 30_000);
  const started = (): T => {
    if (!app) throw new Error('the app is not running: its start failed, or a test ran outside the describe that serves it');
    return app;
  };
  return {
    get app() {
      return started();
    },
    get base() {
      return started().base;
    },
    get browser() {
      const { browser } = started();
      if (!browser) throw new Error('this app was started without a browser');
      return browser;
    },
  };
}
