// A contract object stored as a bundled report under a made-up name and hash, for tests that
// need a few known reports in a database.
import { expect } from 'vitest';
import type { Db } from '../../db/client';
import { ingestBundled } from '../../db/ingest';
import type { Report } from '../../lib/report/contract';

export async function storeReport(db: Db, name: string, report: Report, url: string | null): Promise<void> {
  const result = await ingestBundled(db, { name, sha256: name.padEnd(64, '0').slice(0, 64), size: 1, format: 'text', url, report });
  expect(result.kind).toBe('stored');
}
