// kill -9 in the middle of a large ingest, on both databases: afterwards every report is either
// fully stored (its file row, and as many figures as parsing the file gives) or absent, with
// no orphans; the next run stores exactly the rest. And SIGTERM: a clean stop.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../db/ingest';
import { reports, sourceFiles } from '../db/schema';
import { finished, runScript, spawnScript } from './support/cli';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { figureCount, generatedReports, writeFiles } from './support/report-files';
import { countRows, figureCountOf, NO_ORPHANS, orphans } from './support/rows';

const FILES = 60;
/** reports the child must have finished before it is killed */
const KILL_AFTER = 15;

describeEachDatabase('kill -9 during ingest', (kind) => {
  let target: TestDatabase;
  let dir: string;
  const files = generatedReports(FILES);
  const expected = new Map<string, number>(); // sha256 → figure count

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'nianbao-crash-'));
    writeFiles(dir, files);
    for (const f of files) expected.set(sha256(f.bytes), await figureCount(f.bytes, f.name));
  }, 120_000);
  afterAll(async () => {
    await target?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'leaves every report fully stored or absent, and the next run stores the rest',
    async () => {
      const child = spawnScript('ingest', [dir], target.env);
      const result = finished(child);
      let done = 0;
      child.stderr!.on('data', (chunk: Buffer) => {
        done += chunk.toString().split('\n').filter((l) => /^\d+\/\d+ /u.test(l)).length;
        // a moment later, so that the kill usually lands inside the next report's transaction
        if (done >= KILL_AFTER && !child.killed) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120));
      });
      const killed = await result;
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      if (kind === 'pglite') {
        // the dead process's lock is still there; opening takes it over
        expect(JSON.parse(readFileSync(join(target.dataDir!, 'nianbao.lock'), 'utf8')).pid).toBe(child.pid);
      }

      const database = await target.open();
      let stored: number;
      try {
        const db = database.db;
        const rows = await db.select({ sha: sourceFiles.sha256, reportId: sourceFiles.reportId, status: sourceFiles.status }).from(sourceFiles);
        for (const row of rows) {
          expect(expected.has(row.sha)).toBe(true);
          expect(row.status).toBe('parsed');
          expect(row.reportId).not.toBeNull();
          expect(await figureCountOf(db, row.reportId!)).toBe(expected.get(row.sha));
        }
        stored = rows.length;
        // what the child reported done was committed, and nothing half-done survived
        expect(stored).toBeGreaterThanOrEqual(KILL_AFTER);
        expect(stored).toBeLessThan(FILES);
        expect(await countRows(db, reports)).toBe(stored);
        expect(await orphans(db)).toEqual(NO_ORPHANS);
      } finally {
        await database.close();
      }

      const rest = await runScript('ingest', [dir], target.env);
      expect(rest.code, rest.stderr).toBe(0);
      expect(rest.stdout).toMatch(new RegExp(`^stored\\s+${FILES - stored}$`, 'mu'));
      expect(rest.stdout).toMatch(new RegExp(`^unchanged\\s+${stored}$`, 'mu'));

      const after = await target.open();
      try {
        expect(await countRows(after.db, reports)).toBe(FILES);
        expect(await countRows(after.db, sourceFiles)).toBe(FILES);
        expect(await orphans(after.db)).toEqual(NO_ORPHANS);
      } finally {
        await after.close();
      }
    },
    150_000,
  );
});

describe('SIGTERM during ingest [pglite]', () => {
  it('finishes the report at hand, says how far it got, closes the database and releases its lock', async () => {
    const target = await createTestDatabase('pglite');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-term-'));
    try {
      writeFiles(dir, generatedReports(30));
      const child = spawnScript('ingest', [dir], target.env);
      const result = finished(child);
      child.stderr!.on('data', (chunk: Buffer) => {
        if (/^3\/30 /mu.test(chunk.toString())) child.kill('SIGTERM');
      });
      const run = await result;
      expect(run.code, run.stderr).toBe(0);
      const done = Number(/^interrupted after (\d+) of 30 files; run it again to go on$/mu.exec(run.stdout)?.[1]);
      expect(done).toBeGreaterThanOrEqual(3);
      expect(done).toBeLessThan(30);
      expect(run.stdout).toMatch(new RegExp(`^stored\\s+${done}$`, 'mu'));
      expect(existsSync(join(target.dataDir!, 'nianbao.lock'))).toBe(false);
      const database = await target.open();
      try {
        expect(await countRows(database.db, reports)).toBe(done);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await target.drop();
    }
  }, 90_000);
});
