// `npm run -s prepare-db` on a fresh database: creates it, loads the bundle, and loads nothing
// new the second time.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundle } from '../db/bundle';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { runTsxScript } from './support/run-script';

const prepareDb = (env: NodeJS.ProcessEnv) => runTsxScript('prepare-db', [], env);

const SUMMARY = /^database (.+): (\d+) reports \((\d+) new\), (\d+) regions\n$/u;

describeEachDatabase('prepare-db', (kind) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
  }, 120_000);
  afterAll(() => testDb?.drop());

  it('loads the bundle once, in one summary line', { timeout: 180_000 }, async () => {
    const bundled = readBundle().length;
    const first = await prepareDb(testDb.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const [, where, reports, created, regions] = SUMMARY.exec(first.stdout) ?? [];
    if (kind === 'pglite') expect(where).toBe(testDb.dataDir);
    else expect(where).toMatch(/^postgres(?:ql)?:\/\/[^:]*(?::\*\*\*)?@/u); // the URL, never its password
    expect(Number(reports)).toBe(bundled);
    expect(Number(created)).toBe(bundled);
    expect(Number(regions)).toBeGreaterThan(30);

    const second = await prepareDb(testDb.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`database ${where}: ${reports} reports (0 new), ${regions} regions\n`);
  });
});
