// The data version (migration 0005) grows with every write, and a version read while another
// transaction writes is not settled, on both databases. PostgreSQL connections run without JIT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { ingestFile } from '../db/ingest';
import { createTestDatabase, describeEachDatabase, PG_SERVER, ROOT, type TestDatabase } from './support/databases';
import postgres from 'postgres';

const SEED = join(ROOT, 'test/fixtures/huitong-2020.txt');

describeEachDatabase('data version', (kind) => {
  let testDb: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
  });
  afterEach(async () => {
    await database.close();
    await testDb.drop();
  });

  it('grows when a report is stored and stays while nothing is written', async () => {
    const before = await readDataVersion(database.db);
    expect(before.settled).toBe(true);
    expect(await readDataVersion(database.db)).toEqual(before);
    await ingestFile(database.db, { name: 'huitong-2020.txt', bytes: new Uint8Array(readFileSync(SEED)), url: null });
    const after = await readDataVersion(database.db);
    expect(BigInt(after.value)).toBeGreaterThan(BigInt(before.value));
    expect(after.settled).toBe(true);
  });

  it.skipIf(kind !== 'postgres' || !PG_SERVER)('is not settled while another connection writes', async () => {
    const other = postgres(testDb.options.url!, { max: 1, onnotice: () => {} });
    try {
      await other.begin(async (tx) => {
        await tx`insert into regions (name, level) values ('测试县', 'county')`;
        const during = await readDataVersion(database.db);
        expect(during.settled).toBe(false);
      });
      expect((await readDataVersion(database.db)).settled).toBe(true);
    } finally {
      await other.end({ timeout: 5 });
    }
  });

  it('grows with a direct write too (every write path)', async () => {
    const before = await readDataVersion(database.db);
    await database.db.execute(sql`insert into regions (name, level) values ('测试县', 'county')`);
    expect(BigInt((await readDataVersion(database.db)).value)).toBeGreaterThan(BigInt(before.value));
  });
});

describeEachDatabase('server settings', (kind) => {
  it.skipIf(kind !== 'postgres' || !PG_SERVER)('opens PostgreSQL connections without JIT compilation', async () => {
    const testDb = await createTestDatabase(kind);
    const database = await testDb.open();
    try {
      const rows = await database.db.execute(sql`show jit`);
      expect(JSON.stringify(rows)).toContain('"jit":"off"');
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
