// `npm run -s prepare-db` on a fresh database: creates it, loads the bundle, and loads nothing
// new the second time.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundle } from '../db/bundle';
import { createTestDatabase, describeEachDatabase, ROOT, type TestDatabase } from './support/databases';

function prepareDb(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/prepare-db.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
