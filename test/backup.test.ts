// Backup and restore (db/backup.ts, scripts/backup.ts, scripts/restore.ts) on real databases: a
// PGlite database holding the bundled reports, a staff account (with a session and an upload
// waiting to be published), a correction and an expected body is backed up, then restored into a
// new PGlite directory and, when NIANBAO_TEST_DATABASE_URL is set, into a new PostgreSQL
// database. The restored database must hold the same rows in every table (passwords aside),
// the same figures, facts and full export, accounts that no password opens, and sequences that
// continue after the restored ids. A database that holds data is refused and left alone; a
// damaged, truncated or foreign file, or one from a newer version, writes nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, createAccount, createSession, setPassword } from '../db/accounts';
import {
  BACKUP_FORMAT,
  backupTables,
  BackupError,
  latestMigration,
  readBackupHeader,
  restoreBackup,
  RESTORED_PASSWORD_HASH,
  TRANSIENT_TABLES,
  writeBackup,
  type BackupSummary,
} from '../db/backup';
import { loadBundle } from '../db/bundle';
import type { Database, Db } from '../db/client';
import { readDataVersion } from '../db/data-version';
import { allFigureRows } from '../db/queries/export';
import { accounts, corrections, expectedBodies, regions, reports, sourceFiles, stagedUploads } from '../db/schema';
import { selectRows } from '../db/sql';
import { verifyPassword } from '../lib/auth/password';
import type { Row } from '../lib/export/table';
import { PARSER_VERSION } from '../lib/parse/report';
import { STACK_LINE, type CliResult } from './support/cli';
import { createTestDatabase, describeEachDatabase, PG_SERVER, type DatabaseKind, type TestDatabase } from './support/databases';
import { runTsxScript } from './support/run-script';

const PASSWORD = 'correct horse battery staple';
/** text that JSON must escape, and characters outside the BMP */
const REASON = '原表"合计"有误\n第二行\t反斜杠 \\ 😀';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-backup-test-'));
const file = join(dir, 'backup.ndjson.gz');

let source: TestDatabase;
let sourceDb: Database;
let written: BackupSummary;
let expected: Snapshot;

interface Snapshot {
  counts: Record<string, number>;
  /** per table: a digest of every row as JSON (the password hash left out), in a fixed order */
  digests: Record<string, string>;
  figures: unknown[];
  facts: string[];
  exportRows: Row[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function snapshot(db: Db): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  let figures: unknown[] = [];
  let facts: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    for (const table of [...backupTables().map((t) => t.name), ...TRANSIENT_TABLES]) {
      const row = `(to_jsonb(t) - 'password_hash')::text`;
      const [r] = await selectRows<{ n: string; digest: string | null }>(
        tx,
        sql.raw(`select count(*)::text as n, md5(string_agg(${row}, E'\\n' order by ${row})) as digest from ${ident(table)} t`),
      );
      counts[table] = Number(r.n);
      digests[table] = r.digest ?? '';
    }
    figures = await selectRows(tx, sql`select report_id, path, value from figures order by 1, 2`);
    facts = (await selectRows<{ f: string }>(tx, sql`select to_jsonb(f)::text as f from report_facts f order by report_id`)).map((r) => r.f);
  });
  const exportRows: Row[] = [];
  for await (const row of allFigureRows(db)) exportRows.push(row);
  return { counts, digests, figures, facts, exportRows };
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...backupTables().map((t) => t.name), ...TRANSIENT_TABLES]) {
    const [r] = await selectRows<{ n: string }>(db, sql.raw(`select count(*)::text as n from ${ident(table)}`));
    counts[table] = Number(r.n);
  }
  return counts;
}

const emptyCounts = () => Object.fromEntries([...backupTables().map((t) => t.name), ...TRANSIENT_TABLES].map((t) => [t, 0]));

/** The backup's lines, decompressed. */
const linesOf = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').split('\n');
/** A backup file made of these lines. */
function writeLines(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, gzipSync(lines.join('\n')));
  return path;
}

beforeAll(async () => {
  source = await createTestDatabase('pglite');
  sourceDb = await source.open();
  const { db } = sourceDb;
  await loadBundle(db);
  const alice = await createAccount(db, { name: 'alice', password: PASSWORD });
  await createSession(db, alice.id);
  await db.insert(stagedUploads).values({ accountId: alice.id, name: 'waiting.txt', sha256: 'a'.repeat(64), size: 3, bytes: new Uint8Array([1, 2, 3]), digest: {} as never });
  const [report] = await db.select({ id: reports.id }).from(reports).where(eq(reports.isCurrent, true)).orderBy(reports.id).limit(1);
  await db.insert(corrections).values({ reportId: report.id, path: 'appeals.review[4]', printed: 0.1 + 0.2, value: 1e-7, reason: REASON, accountId: alice.id });
  const [county] = await db.select({ id: regions.id }).from(regions).where(eq(regions.level, 'county')).orderBy(regions.id).limit(1);
  await db.insert(expectedBodies).values({ regionId: county.id, name: '县教育局', kind: 'department', createdBy: alice.id });
  written = await writeBackup(db, file);
  expected = await snapshot(db);
}, 120_000);

afterAll(async () => {
  await sourceDb?.close();
  await source?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup', () => {
  it('has content worth restoring: every kind of row, bytes included', async () => {
    for (const table of ['regions', 'region_aliases', 'reports', 'source_files', 'figures', 'check_results', 'report_warnings', 'report_facts', 'accounts', 'corrections', 'expected_bodies']) {
      expect(expected.counts[table], table).toBeGreaterThan(0);
    }
    const [seed] = await sourceDb.db.select({ n: sql<number>`count(*)::int` }).from(sourceFiles).where(sql`${sourceFiles.bytes} is not null`);
    expect(seed.n).toBeGreaterThan(0);
    expect(expected.figures.length).toBeGreaterThan(1000);
    expect(expected.exportRows.length).toBeGreaterThan(1000);
  });

  it('writes one gzip file: a header with the counts, a section per table, a row per line, an end line', () => {
    const lines = linesOf(file);
    expect(lines.at(-1)).toBe(''); // every line ends with a newline
    const header = JSON.parse(lines[0]);
    expect(header).toEqual({ format: BACKUP_FORMAT, createdAt: written.header.createdAt, parserVersion: PARSER_VERSION, migrations: latestMigration(), tables: written.header.tables });
    expect(latestMigration()).toMatch(/^\d{4}_/u);
    const counted = { ...expected.counts };
    for (const t of TRANSIENT_TABLES) delete counted[t];
    expect(header.tables).toEqual(counted);
    expect(Object.keys(header.tables)).toEqual(backupTables().map((t) => t.name));
    expect(JSON.parse(lines.at(-2)!)).toEqual({ end: BACKUP_FORMAT, rows: written.rows });
    expect(written.rows).toBe(Object.values(counted).reduce((a, b) => a + b, 0));

    // sections in order, each followed by its rows
    const sections = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('{"table"'));
    expect(sections.map(([l]) => JSON.parse(l).table)).toEqual(Object.keys(header.tables));
    for (const [l, i] of sections) {
      const section = JSON.parse(l);
      const rows = lines.slice(i + 1, i + 1 + section.rows);
      expect(rows.every((r) => r.startsWith('[') && JSON.parse(r).length === section.columns.length), section.table).toBe(true);
    }
  });

  it('leaves out sessions, staged uploads and password hashes', () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(expected.counts.sessions).toBe(1);
    expect(expected.counts.staged_uploads).toBe(1);
    expect(text).not.toContain('"table":"sessions"');
    expect(text).not.toContain('"table":"staged_uploads"');
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('scrypt$');
    const section = linesOf(file).find((l) => l.startsWith('{"table":"accounts"'))!;
    expect(JSON.parse(section).columns).toEqual(['id', 'name', 'region_id', 'created_at']);
  });

  it('keeps values exactly: bytes as base64, JSON as JSON, timestamps as ISO with microseconds, floats, escapes', async () => {
    const lines = linesOf(file);
    const rowsOf = (table: string) => {
      const i = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
      const section = JSON.parse(lines[i]);
      return { columns: section.columns as string[], types: section.types as string[], rows: lines.slice(i + 1, i + 1 + section.rows).map((l) => JSON.parse(l) as unknown[]) };
    };
    const files = rowsOf('source_files');
    expect(files.types[files.columns.indexOf('bytes')]).toBe('bytea');
    const [seed] = await sourceDb.db.select({ id: sourceFiles.id, bytes: sourceFiles.bytes }).from(sourceFiles).where(sql`${sourceFiles.bytes} is not null`).limit(1);
    const row = files.rows.find((r) => r[files.columns.indexOf('id')] === seed.id)!;
    expect(Buffer.from(row[files.columns.indexOf('bytes')] as string, 'base64').equals(Buffer.from(seed.bytes!))).toBe(true);

    const reportRows = rowsOf('reports');
    expect(typeof reportRows.rows[0][reportRows.columns.indexOf('document')]).toBe('object');
    expect(reportRows.rows[0][reportRows.columns.indexOf('created_at')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/u);

    const fixes = rowsOf('corrections');
    const [fix] = fixes.rows;
    expect(fix[fixes.columns.indexOf('printed')]).toBe(0.1 + 0.2);
    expect(fix[fixes.columns.indexOf('value')]).toBe(1e-7);
    expect(fix[fixes.columns.indexOf('reason')]).toBe(REASON);
  });

  it('gives the same rows whatever the batch size (keyset and block ranges leave no gaps or repeats)', async () => {
    const small = join(dir, 'small-batches.ndjson.gz');
    await writeBackup(sourceDb.db, small, { batchRows: 7, batchBytes: 2000, batchBlocks: 1 });
    const body = (path: string) => linesOf(path).slice(1);
    expect(body(small)).toEqual(body(file));
  });

  it('leaves no file behind when it fails', async () => {
    const target = join(dir, 'no-such-folder', 'b.ndjson.gz');
    await expect(writeBackup(sourceDb.db, target)).rejects.toThrow();
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});

/** A new, empty database of this kind for a describe block, opened before its tests. */
function freshDatabase(kind: DatabaseKind): () => { test: TestDatabase; database: Database } {
  let test: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    database = await test.open();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await test?.drop();
  });
  return () => ({ test, database });
}

describeEachDatabase('a PGlite backup restored', (kind) => {
  const target = freshDatabase(kind);
  let restored: Awaited<ReturnType<typeof restoreBackup>>;
  let versionBefore: string;
  beforeAll(async () => {
    const { db } = target().database;
    versionBefore = (await readDataVersion(db)).value;
    restored = await restoreBackup(db, file, { batchRows: 50 });
  }, 120_000);

  it('restores every table with its counts, and no session or staged upload', async () => {
    expect(restored.tables).toEqual(written.header.tables);
    expect(restored.rows).toBe(written.rows);
    expect(await tableCounts(target().database.db)).toEqual({ ...expected.counts, sessions: 0, staged_uploads: 0 });
  });

  // before the tests below change the database
  it(`backs up again to the same lines: a backup of the restored ${kind} database equals the original`, async () => {
    const again = join(dir, `again-${kind}.ndjson.gz`);
    const summary = await writeBackup(target().database.db, again, { batchRows: 100 });
    expect(summary.header.tables).toEqual(written.header.tables);
    expect(linesOf(again).slice(1)).toEqual(linesOf(file).slice(1));
  });

  it('restores every row of every table exactly (ids, bytes, JSON, timestamps; passwords aside)', async () => {
    const got = await snapshot(target().database.db);
    const want = { ...expected.digests };
    for (const t of TRANSIENT_TABLES) {
      delete want[t];
      delete got.digests[t];
    }
    expect(got.digests).toEqual(want);
  });

  it('gives the same figures, facts and full export', async () => {
    const got = await snapshot(target().database.db);
    expect(got.figures).toEqual(expected.figures);
    expect(got.facts).toEqual(expected.facts);
    expect(got.exportRows).toEqual(expected.exportRows);
  });

  it('restores accounts that no password opens, until staff reset it', async () => {
    const { db } = target().database;
    const [alice] = await db.select().from(accounts).where(eq(accounts.name, 'alice'));
    expect(alice.passwordHash).toBe(RESTORED_PASSWORD_HASH);
    expect(await verifyPassword(PASSWORD, alice.passwordHash)).toBe(false);
    expect(await verifyPassword('', alice.passwordHash)).toBe(false);
    expect(await verifyPassword(RESTORED_PASSWORD_HASH, alice.passwordHash)).toBe(false);
    expect(await authenticate(db, 'alice', PASSWORD)).toBeNull();
    await setPassword(db, 'alice', 'a brand new password');
    expect(await authenticate(db, 'alice', 'a brand new password')).toMatchObject({ id: alice.id, name: 'alice' });
  });

  it('sets every sequence after the restored ids: new rows get new ids', async () => {
    const { db } = target().database;
    const [{ max }] = await selectRows<{ max: number }>(db, sql`select max(id)::int as max from regions`);
    const [region] = await db.insert(regions).values({ name: '备份测试区', level: 'county' }).returning({ id: regions.id });
    expect(region.id).toBe(max + 1);
    const bob = await createAccount(db, { name: 'bob', password: PASSWORD });
    const [{ maxAccount }] = await selectRows<{ maxAccount: number }>(db, sql`select max(id)::int as "maxAccount" from accounts where name <> 'bob'`);
    expect(bob.id).toBe(maxAccount + 1);
    for (const table of backupTables()) {
      if (!table.columns.includes('id') || table.name === 'regions' || table.name === 'accounts') continue;
      const [r] = await selectRows<{ last: string | null; max: string | null }>(
        db,
        sql.raw(`select pg_sequence_last_value(pg_get_serial_sequence('${table.name}', 'id'))::text as last, max(id)::text as max from ${ident(table.name)}`),
      );
      expect(r.last, table.name).toBe(r.max);
    }
  });

  it('bumps the data version, so that caches notice', async () => {
    expect(BigInt((await readDataVersion(target().database.db)).value)).toBeGreaterThan(BigInt(versionBefore));
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const { db } = target().database;
    const before = await snapshot(db);
    const attempt = restoreBackup(db, file);
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(/^the database is not empty \(.*regions: \d[\d,]* rows;.*reports: 42 rows.*\); a backup is restored only into an empty database/u);
    expect(await snapshot(db)).toEqual(before);
  });
});

describeEachDatabase('a damaged backup', (kind) => {
  const target = freshDatabase(kind);

  async function refused(path: string, message: RegExp): Promise<void> {
    const { db } = target().database;
    const attempt = restoreBackup(db, path, { batchRows: 10 });
    await expect(attempt).rejects.toThrow(BackupError);
    await expect(attempt).rejects.toThrow(message);
    expect(await tableCounts(db)).toEqual(emptyCounts());
  }

  it('cut short (the gzip stream ends early): refused, nothing written', async () => {
    const bytes = readFileSync(file);
    const path = join(dir, 'truncated.ndjson.gz');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await refused(path, /truncated\.ndjson\.gz is truncated: its gzip data ends early/u);
  });

  it('cut at a line (the end line is missing): refused, nothing written', async () => {
    const lines = linesOf(file);
    await refused(writeLines('cut.ndjson.gz', lines.slice(0, lines.length - 40)), /is truncated: it ends at line \d+, before its last line/u);
  });

  it('a row damaged after many rows were inserted: refused, every inserted row rolled back', async () => {
    const lines = linesOf(file);
    const i = lines.findIndex((l) => l.startsWith('{"table":"reports"'));
    lines[i + 30] = lines[i + 30].slice(0, 100);
    await refused(writeLines('bad-row.ndjson.gz', lines), /table reports, rows 21–30: /u);
  });

  it('a row short of a value: refused', async () => {
    const lines = linesOf(file);
    const i = lines.findIndex((l) => l.startsWith('{"table":"region_aliases"'));
    lines[i + 1] = JSON.stringify(JSON.parse(lines[i + 1]).slice(1));
    await refused(writeLines('short-row.ndjson.gz', lines), /table region_aliases, rows 1–10: a row does not hold 2 values/u);
  });

  it('rows missing from a table: refused', async () => {
    const lines = linesOf(file);
    const i = lines.findIndex((l) => l.startsWith('{"table":"figures"'));
    lines.splice(i + 1, 1);
    await refused(writeLines('missing-row.ndjson.gz', lines), /table figures holds [\d,]+ rows where its header says [\d,]+ rows/u);
  });

  it('not gzip, or not a backup: refused', async () => {
    const plain = join(dir, 'plain.ndjson.gz');
    writeFileSync(plain, linesOf(file).join('\n'));
    await refused(plain, /plain\.ndjson\.gz is damaged or not a gzip file/u);
    await expect(readBackupHeader(plain)).rejects.toThrow(/damaged or not a gzip file/u);
    const other = writeLines('other.ndjson.gz', ['{"format":"something/1"}', '[1]']);
    await refused(other, /other\.ndjson\.gz is not a Nianbao backup \(nianbao\.backup\/1\) \(its format is something\/1\)/u);
    await refused(writeLines('empty.ndjson.gz', []), /is not a Nianbao backup/u);
    await refused(join(dir, 'absent.ndjson.gz'), /no such file: .*absent\.ndjson\.gz/u);
  });

  it('made by a newer version (a migration this code does not know): refused before anything', async () => {
    const lines = linesOf(file);
    lines[0] = JSON.stringify({ ...JSON.parse(lines[0]), migrations: '9999_from_the_future' });
    const path = writeLines('newer.ndjson.gz', lines);
    await expect(readBackupHeader(path)).rejects.toThrow(/was made by a newer version of Nianbao \(database migration 9999_from_the_future\); this code knows migrations up to \d{4}_\w+: update it first/u);
    await refused(path, /newer version/u);
  });

  it('a table this version does not have: refused', async () => {
    const lines = linesOf(file);
    const header = JSON.parse(lines[0]);
    lines[0] = JSON.stringify({ ...header, tables: { ...header.tables, wormholes: 0 } });
    await refused(writeLines('unknown-table.ndjson.gz', lines), /holds the table wormholes, which this version of Nianbao does not have/u);
  });

  it('after all of these the database is still empty and usable: the good backup restores into it', async () => {
    const { db } = target().database;
    await restoreBackup(db, file);
    expect((await snapshot(db)).figures).toEqual(expected.figures);
  }, 60_000);
});

// ---- the commands -------------------------------------------------------------------------

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const childEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return runTsxScript(script, args, childEnv);
}

describe('npm run backup / npm run restore', () => {
  it('bad usage: exit 2 with the usage', async () => {
    const none = await run('backup', []);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^backup: no backup file given\nusage: npm run -s backup -- FILE\.ndjson\.gz/u);
    const both = await run('restore', [file, '--data-dir', dir, '--database-url', 'postgres://x@localhost/y']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^restore: name one database: --database-url or --data-dir, once\n/u);
    const missing = await run('restore', [join(dir, 'nope.ndjson.gz')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^restore: no such file: .*nope\.ndjson\.gz\n/u);
    const exists = await run('backup', [file, '--data-dir', source.dataDir!]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toMatch(/exists; name another file, or add --force to replace it/u);
    for (const r of [none, both, missing, exists]) expect(r.stderr).not.toMatch(STACK_LINE);
  }, 60_000);

  it('a PGlite directory in use by another process: its lock message, exit 1, no file', async () => {
    const out = join(dir, 'locked.ndjson.gz');
    const locked = await run('backup', [out], { NIANBAO_DATA_DIR: source.dataDir! });
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(new RegExp(`^backup: the database in .* is in use by process ${process.pid} `, 'u'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a file that is not a backup: exit 1 before any database is made', async () => {
    const notBackup = writeLines('not-backup.ndjson.gz', ['{"hello":"world"}']);
    const newDir = join(dir, 'never-made');
    const result = await run('restore', [notBackup, '--data-dir', newDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^restore: .*not-backup\.ndjson\.gz is not a Nianbao backup/u);
    expect(existsSync(newDir)).toBe(false);
  }, 60_000);

  describe('round trip through the commands', () => {
    let from: TestDatabase;
    let into: TestDatabase;
    let intoPostgres: TestDatabase | undefined;
    beforeAll(async () => {
      // a database no process holds: the backup restored into a new directory, then closed
      from = await createTestDatabase('pglite');
      const database = await from.open();
      await restoreBackup(database.db, file);
      await database.close();
      into = await createTestDatabase('pglite');
      if (PG_SERVER) intoPostgres = await createTestDatabase('postgres');
    }, 60_000);
    afterAll(async () => {
      await from?.drop();
      await into?.drop();
      await intoPostgres?.drop();
    });

    const out = join(dir, 'cli.ndjson.gz');

    it('backup: writes the file and says what it holds', async () => {
      const result = await run('backup', ['--data-dir', from.dataDir!, out]);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^backed up PGlite in .* to .*cli\\.ndjson\\.gz: ${backupTables().length} tables, ${written.rows.toLocaleString('en-US')} rows, [\\d.]+ KB \\([\\d.]+ KB uncompressed\\) in [\\d.]+ s\\n`, 'u'),
      );
      expect(result.stdout).toMatch(/\n {2}figures [\d,]+, regions [\d,]+, .*source_files [\d,]+\n {2}left out: sessions, staged uploads and staff passwords\n$/u);
      expect((await readBackupHeader(out)).tables).toEqual(written.header.tables);
    }, 60_000);

    it('restore into a new PGlite directory: the summary names the accounts that need a password', async () => {
      const result = await run('restore', [out, '--data-dir', into.dataDir!]);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^restored .*cli\\.ndjson\\.gz \\(made .*\\) into PGlite in .*: ${backupTables().length} tables, ${written.rows.toLocaleString('en-US')} rows, [\\d.]+ KB in [\\d.]+ s\\n`, 'u'));
      expect(result.stdout).toContain('  1 staff account restored without a password (alice): give each a new one with\n  npm run -s admin:create -- NAME --reset-password\n');
      const database = await into.open();
      try {
        expect((await snapshot(database.db)).figures).toEqual(expected.figures);
      } finally {
        await database.close();
      }
    }, 60_000);

    it('restore again into the same directory: refused, exit 1', async () => {
      const result = await run('restore', [out, '--data-dir', into.dataDir!]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^restore: the database is not empty \(.*\); a backup is restored only into an empty database/u);
    }, 60_000);

    it.skipIf(!PG_SERVER)('restore into a new PostgreSQL database with --database-url', async () => {
      const url = intoPostgres!.options.url!;
      const result = await run('restore', [out, '--database-url', url]);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^restored .* into PostgreSQL at postgres:\/\//u);
      const database = await intoPostgres!.open();
      try {
        const got = await snapshot(database.db);
        expect(got.figures).toEqual(expected.figures);
        expect(got.exportRows).toEqual(expected.exportRows);
      } finally {
        await database.close();
      }
    }, 60_000);
  });
});
