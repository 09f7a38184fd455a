// A second process and the database. PGlite: the directory lock gives a second process a clear
// error (in either direction), and a lock left by a dead process is taken over. PostgreSQL:
// several processes share the server, even two ingests of the same files at once.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../db/ingest';
import { DatabaseInUseError } from '../db/lock';
import { reports, sourceFiles } from '../db/schema';
import { finished, runScript, STACK_LINE } from './support/cli';
import { createTestDatabase, PG_SERVER, ROOT, type TestDatabase } from './support/databases';
import { generatedReports, SEED_PATH, writeFiles } from './support/report-files';
import { countRows, NO_ORPHANS, orphans } from './support/rows';

/** Starts a process that holds the database open; resolves once it has it. */
function holder(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/hold-database.ts')], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const done = finished(child);
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /open (\d+)/u.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    void done.then((r) => reject(new Error(`the holder exited: ${r.stderr}`)));
  });
  return { child, ready, done };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await finished(child);
  return child.pid!;
}

describe('the PGlite directory lock', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase('pglite');
  }, 120_000);
  afterAll(() => target?.drop());

  it('a second process gets a clear one-line error while this one has the database open', async () => {
    const database = await target.open();
    try {
      for (const [script, args] of [['ingest', [SEED_PATH]], ['reparse', []]] as const) {
        const run = await runScript(script, [...args], target.env);
        expect(run.code, script).toBe(1);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain(`${script}: the database in ${target.dataDir} is in use by process ${process.pid}`);
        expect(run.stderr).toMatch(/stop that process, or set DATABASE_URL/u);
        expect(run.stderr).not.toMatch(STACK_LINE);
      }
    } finally {
      await database.close();
    }
    expect(existsSync(join(target.dataDir!, 'nianbao.lock'))).toBe(false);
  }, 60_000);

  it('this process gets DatabaseInUseError while another holds it, and takes over once that one is killed', async () => {
    const other = holder(target.env);
    const pid = await other.ready;
    const error = await target.open().then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toMatch(new RegExp(`is in use by process ${pid} \\(.*hold-database\\.ts\\)`, 'u'));

    other.child.kill('SIGKILL');
    await other.done;
    expect(JSON.parse(readFileSync(join(target.dataDir!, 'nianbao.lock'), 'utf8')).pid).toBe(pid); // left behind
    const database = await target.open();
    expect(JSON.parse(readFileSync(join(target.dataDir!, 'nianbao.lock'), 'utf8')).pid).toBe(process.pid);
    expect(await countRows(database.db, reports)).toBe(0);
    await database.close();
  }, 60_000);

  it('a lock left by a dead process of this host is taken over', async () => {
    const stale = { pid: await deadPid(), host: hostname(), command: 'ingest (crashed)', since: new Date(0).toISOString() };
    writeFileSync(join(target.dataDir!, 'nianbao.lock'), JSON.stringify(stale));
    const run = await runScript('ingest', [SEED_PATH], target.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^stored\s+1$/mu);
    expect(existsSync(join(target.dataDir!, 'nianbao.lock'))).toBe(false);
  }, 60_000);
});

describe.skipIf(!PG_SERVER)('several processes on one PostgreSQL database', () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await createTestDatabase('postgres');
  }, 60_000);
  afterAll(() => target?.drop());

  it('a command runs while this process has the database open', async () => {
    const database = await target.open();
    try {
      const run = await runScript('ingest', [SEED_PATH], target.env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^stored\s+1$/mu);
      expect(await countRows(database.db, reports)).toBe(1);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('two ingests of one folder at once, on a new database, migrate it once and store each report once', async () => {
    const fresh = await createTestDatabase('postgres');
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-two-ingests-'));
    try {
      const files = generatedReports(16);
      writeFiles(dir, files);
      const [a, b] = await Promise.all([runScript('ingest', [dir], fresh.env), runScript('ingest', [dir], fresh.env)]);
      for (const run of [a, b]) {
        expect(run.code, run.stderr + run.stdout).toBe(0);
        expect(run.stdout).not.toMatch(/NOT STORED/u);
      }
      const stored = (out: string) => Number(/^stored\s+(\d+)$/mu.exec(out)?.[1] ?? (/nothing new/u.test(out) ? 0 : NaN));
      expect(stored(a.stdout) + stored(b.stdout)).toBe(files.length);

      const database = await fresh.open();
      try {
        expect(await countRows(database.db, reports)).toBe(files.length);
        const shas = (await database.db.select({ sha: sourceFiles.sha256 }).from(sourceFiles)).map((r) => r.sha);
        for (const f of files) expect(shas.filter((s) => s === sha256(f.bytes))).toHaveLength(1);
        expect(await orphans(database.db)).toEqual(NO_ORPHANS);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.drop();
    }
  }, 90_000);
});
