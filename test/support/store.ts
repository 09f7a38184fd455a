// Known reports in a database for a test: a contract object stored as a bundled report under a
// made-up name and hash, and a PGlite database holding a few of them for a describe block.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Database, Db } from '../../db/client';
import { ingestBundled } from '../../db/ingest';
import type { Report } from '../../lib/report/contract';
import { createTestDatabase, type TestDatabase } from './databases';

export async function storeReport(db: Db, name: string, report: Report, url: string | null): Promise<void> {
  const result = await ingestBundled(db, { name, sha256: name.padEnd(64, '0').slice(0, 64), size: 1, format: 'text', url, report });
  expect(result.kind).toBe('stored');
}

export interface StoredReport {
  name: string;
  report: Report;
  url: string | null;
}

/** A PGlite database with these reports, opened before the block's tests and dropped after them. */
export function pgliteWithReports(reports: readonly StoredReport[]): () => Database {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    database = await testDb.open();
    for (const r of reports) await storeReport(database.db, r.name, r.report, r.url);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });
  return () => database;
}
