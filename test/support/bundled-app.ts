// The app as end-to-end tests see it: a fresh PGlite database loaded with the bundled data,
// `next start` on it, and (for browser tests) chromium.
import type { Browser } from 'playwright-core';
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
