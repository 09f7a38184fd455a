// `npm run -s ingest` as users run it: the corpus, a folder of files written here (copies, a
// version, a duplicate, broken and foreign files), the summary, and a second run that stores
// nothing new. Plus bad usage and a database that cannot be opened.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../db/ingest';
import { checkResults, figures, reports, sourceFiles } from '../db/schema';
import { REPORT_FILE } from '../lib/cli/files';
import { runScript, STACK_LINE } from './support/cli';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';
import { createTestDatabase, describeEachDatabase, ROOT, type TestDatabase } from './support/databases';
import { corruptPdf, HOTLINE_PATH, mirrorCopies, newsPage, republishedSeed, seedBytes, writeFiles } from './support/report-files';
import { countRows, NO_ORPHANS, orphans } from './support/rows';

const corpusFiles = HAS_CORPUS ? readdirSync(CORPUS_DIR).filter((n) => REPORT_FILE.test(n)) : [];
const count = (stdout: string, label: string) => Number(new RegExp(`^${label}\\s+(\\d+)$`, 'mu').exec(stdout)?.[1] ?? NaN);

describeEachDatabase('ingest command', (kind) => {
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    target = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'nianbao-ingest-cli-'));
  }, 120_000);
  afterAll(async () => {
    await target?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => {
    const database = await target.open();
    try {
      const db = database.db;
      return {
        reports: await countRows(db, reports),
        files: await countRows(db, sourceFiles),
        figures: await countRows(db, figures),
        checks: await countRows(db, checkResults),
        orphans: await orphans(db),
        shas: new Set((await db.select({ sha: sourceFiles.sha256 }).from(sourceFiles)).map((r) => r.sha)),
      };
    } finally {
      await database.close();
    }
  };

  it.skipIf(!HAS_CORPUS)(
    'stores every file of the corpus, then stores nothing new on a second run',
    async () => {
      const started = performance.now();
      const first = await runScript('ingest', [CORPUS_DIR], target.env);
      const ms = Math.round(performance.now() - started);
      console.log(`ingest of ${corpusFiles.length} corpus files into ${kind}: ${ms} ms (one process, opening included)`);
      expect(first.stderr).not.toMatch(STACK_LINE);
      expect(first.code, first.stderr).toBe(0);
      // not a TTY: one "n/N outcome file" line per file
      expect(first.stderr.trim().split('\n')).toHaveLength(corpusFiles.length);
      expect(first.stderr).toContain(`${corpusFiles.length}/${corpusFiles.length} `);
      expect(count(first.stdout, 'stored') + count(first.stdout, 'copies attached') + count(first.stdout, 'new versions')).toBe(corpusFiles.length);
      expect(count(first.stdout, 'failed')).toBe(0);

      const after = await snapshot();
      for (const name of corpusFiles) expect(after.shas.has(sha256(readFileSync(join(CORPUS_DIR, name)))), name).toBe(true);
      expect(after.orphans).toEqual(NO_ORPHANS);

      const second = await runScript('ingest', [CORPUS_DIR], target.env);
      expect(second.code).toBe(0);
      expect(second.stdout.trim()).toBe(`nothing new: ${corpusFiles.length} files already stored`);
      const { shas: _a, ...again } = await snapshot();
      const { shas: _b, ...before } = after;
      expect(again).toEqual(before);
    },
    120_000,
  );

  it(
    'stores a folder of copies, a version, duplicates and broken files, and summarises each',
    async () => {
      const folder = join(dir, 'reports');
      writeFiles(folder, [
        { name: 'a-huitong-2020.txt', bytes: seedBytes() },
        { ...corruptPdf(), name: 'b-broken.pdf' },
        ...mirrorCopies().map((f, i) => ({ ...f, name: `c${i}-${f.name}` })),
        { ...republishedSeed(), name: 'd-republished.txt' },
        { ...newsPage(), name: 'e-news.html' },
        { name: 'notes.md', bytes: Buffer.from('# not a report file name: skipped in folders') },
      ]);
      writeFiles(join(folder, 'nested'), [{ name: 'f-duplicate.htm', bytes: seedBytes() }]);
      writeFiles(join(folder, '.hidden'), [{ name: 'g-hidden.txt', bytes: seedBytes() }]);
      const explicit = join(dir, 'given-by-name.dat');
      writeFileSync(explicit, 'Lorem ipsum dolor sit amet.\n');
      const seedStored = HAS_CORPUS; // the corpus holds the seed's exact bytes

      const run = await runScript('ingest', [folder, explicit], target.env);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(9);
      expect(run.stderr).not.toMatch(/notes\.md|g-hidden/u);
      const out = run.stdout;
      expect(count(out, 'stored')).toBe(seedStored ? 0 : 1);
      expect(count(out, 'copies attached')).toBe(3);
      expect(count(out, 'new versions')).toBe(1);
      expect(out).toMatch(new RegExp(`d-republished\\.txt → report \\d+: ${HOTLINE_PATH.replace(/[[\].]/gu, '\\$&')} 7352 → 7353`, 'u'));
      expect(count(out, 'unchanged')).toBe(seedStored ? 2 : 1);
      expect(count(out, 'failed')).toBe(3);
      expect(out).toMatch(/b-broken\.pdf: .*PDF/u);
      expect(out).toMatch(/e-news\.html: not an annual report/u);
      expect(out).toMatch(/given-by-name\.dat: not an annual report/u);
      expect(out).toMatch(/^failed checks\s+\d+$/mu);

      const second = await runScript('ingest', [folder, explicit], target.env);
      expect(second.stdout.trim()).toBe('nothing new: 9 files already stored');
      expect((await snapshot()).orphans).toEqual(NO_ORPHANS);
    },
    120_000,
  );
});

describe('ingest command, bad usage and no database', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: join(tmpdir(), 'nianbao-never-created') };
  delete env.DATABASE_URL;

  it.each([
    [[], /usage: npm run -s ingest -- PATH/u],
    [['--fast', join(ROOT, 'test/fixtures')], /unknown option --fast/u],
    [[join(tmpdir(), 'no-such-folder-for-nianbao')], /no such file or folder: .*no-such-folder-for-nianbao/u],
  ])('%j exits 2 with a message and no stack', async (args, message) => {
    const run = await runScript('ingest', args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 1 with one clear line when the PostgreSQL server cannot be reached', async () => {
    const run = await runScript('ingest', [join(ROOT, 'test/fixtures/huitong-2020.txt')], { ...env, DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nianbao' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ingest: cannot open the database \(PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/nianbao\): .*ECONNREFUSED/u);
    expect(run.stderr).not.toContain('secret');
  });
});
