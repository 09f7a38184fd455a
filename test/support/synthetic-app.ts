// The app on a synthetic database (lib/synth, scale tests only): a fresh PGlite database with
// the reports of a dozen counties over 2019–2025, each with two departments and two townships
// reporting, so that compare, bodies and quality pages see many regions, years and bodies.
// The bundled data is not loaded: every figure here is synthetic.
import { loadSynthetic, type LoadResult } from '../../db/synthetic';
import type { Database } from '../../db/client';
import { startBundledApp, type BundledApp } from './bundled-app';

export const SYNTHETIC_APP_OPTIONS = {
  seed: 20261129,
  reports: 600,
  counties: 12,
  departmentShare: 2,
  townshipShare: 2,
  governmentShare: 0.2,
  cityShare: 0.5,
  missingRate: 0.08,
} as const;

export interface SyntheticApp extends BundledApp {
  loaded: LoadResult;
}

/** `prepare` runs after the synthetic load, before the server opens the database. */
export async function startSyntheticApp({ browser = true, prepare }: { browser?: boolean; prepare?: (database: Database) => Promise<void> } = {}): Promise<SyntheticApp> {
  let loaded: LoadResult | undefined;
  const app = await startBundledApp({
    browser,
    bundled: false,
    async prepare(database) {
      loaded = await loadSynthetic(database.db, SYNTHETIC_APP_OPTIONS);
      await prepare?.(database);
    },
  });
  return { ...app, loaded: loaded! };
}
