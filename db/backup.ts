// Backup and restore of the whole database in one file (npm run backup / npm run restore).
//
// What is kept: every table of db/schema.ts, found with Drizzle's getTableConfig, so that a table
// added later is backed up with no change here. The derived tables (figures, report_facts,
// check_results, report_warnings) are kept too: restoring them is simpler than deriving them
// again, and it makes the restored figures exactly those of the backup.
// What is not kept:
//   - `sessions` and `staged_uploads` (TRANSIENT_TABLES): sign-ins and uploads waiting to be
//     published are short-lived; nobody is signed in after a restore.
//   - staff passwords: `accounts.password_hash` is left out of the file and restored as
//     RESTORED_PASSWORD_HASH, which no password matches (verifyPassword refuses it). Staff get a
//     new one with `npm run -s admin:create -- NAME --reset-password`.
//
// The file: gzip-compressed JSON Lines, written and read as a stream.
//   line 1   {"format":"nianbao.backup/1","createdAt":…,"parserVersion":…,"migrations":"0007_…",
//             "tables":{"regions":3765,…}}                       (row counts, in restore order)
//   then, per table, parents before children (from the foreign keys):
//            {"table":"regions","columns":["id","code",…],"types":["integer",…],"rows":3765}
//            [1,"110000","北京市",…]                            one JSON array per row
//   last     {"end":"nianbao.backup/1","rows":N}                 (a file without it is truncated)
// Values: bytea as base64 text, json/jsonb as JSON, timestamps as ISO 8601 in UTC with
// microseconds, numbers as JSON numbers (NaN and ±Infinity as strings), arrays as PostgreSQL
// array literals; SQL NULL as null (a jsonb value that is JSON null comes back as SQL NULL).
// The server writes each row's JSON (json_build_array) and joins a batch's lines (string_agg):
// values never pass through JavaScript numbers or dates, so they come back exactly, and a batch
// crosses from the database as one value (row by row, a PGlite backup took several times as long).
// Tables come in alphabetical order of their db/schema.ts export names, moved after the
// tables they refer to. (A table that refers to itself is restored in key order; no table does.)
//
// Backup reads everything in one REPEATABLE READ, READ ONLY transaction: one snapshot, however
// long it takes, while the app keeps running on PostgreSQL. Rows are read in batches: by primary
// key (keyset), each batch cut at BATCH_BYTES of estimated row size (from the values' headers,
// without reading them) so that large source files never pile up; tables without a primary key
// (figures, region_aliases) by ranges of heap blocks (ctid), which PostgreSQL reads directly
// (a TID range scan). Memory stays at one batch whatever the database's size.
//
// Restore goes into an empty database only, in ONE transaction: the tables are locked, checked to
// be empty (else nothing is written and the error names each table that has rows), the rows are
// inserted with their ids in batches, the counts are checked against the file's header, every
// serial sequence is set past its table's largest id and `data_version` is bumped. Any failure
// (a damaged or truncated file included: gzip's checksum is read at its end) rolls everything
// back, so the database is either the backup or as empty as before. One transaction serves large
// backups on PGlite too: its memory follows the batch size, not the transaction's (restoring 4
// million figure rows in one transaction peaked at the same 0.8 GB as 400,000 did).
// A backup made by a newer version of the code (a migration this code does not know) is refused.
// An older one is restored into the current schema: columns added since take their defaults;
// data changes made by later migrations are not replayed (none of 0000–0007 changes data).

import { createReadStream, createWriteStream, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { is, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { oneLine } from '../lib/cli/errors';
import { plural } from '../lib/cli/format';
import { PARSER_VERSION } from '../lib/parse/report';
import type { Db } from './client';
import * as schema from './schema';
import { selectRows, type Writer } from './sql';

export const BACKUP_FORMAT = 'nianbao.backup/1' as const;

/** Sign-ins and uploads waiting to be published: not worth keeping, and a session is a credential. */
export const TRANSIENT_TABLES: readonly string[] = ['sessions', 'staged_uploads'];

/** The password hash of a restored account: not a hash, so verifyPassword refuses every password. */
export const RESTORED_PASSWORD_HASH = '!restored';

/** Columns left out of the file, with the value they are restored as. */
const WITHHELD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  accounts: { password_hash: RESTORED_PASSWORD_HASH },
};

/** Rows per batch, read or written. */
export const BATCH_ROWS = 2000;
/** Estimated bytes of row data per batch: a batch of large source files is cut short. */
export const BATCH_BYTES = 4 * 1024 * 1024;
/** Heap blocks (8 KB each) per batch of a table without a primary key. */
export const BATCH_BLOCKS = 128;

/** Something wrong with the backup file or the database it goes into, in one English line. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  parserVersion: string;
  /** the latest database migration of the code that made it */
  migrations: string;
  /** rows per table, in restore order */
  tables: Record<string, number>;
}

interface SectionLine {
  table: string;
  columns: string[];
  types: string[];
  rows: number;
}

// ---- the tables -------------------------------------------------------------------------

export interface BackupTable {
  /** the table's SQL name */
  name: string;
  /** the columns kept in the file (withheld ones left out), as declared */
  columns: string[];
  /** columns left out of the file */
  withheld: string[];
  /** primary key columns; [] when the table has none */
  primaryKey: string[];
  /** tables its foreign keys point to (itself left out) */
  parents: string[];
}

/**
 * The tables a backup holds, parents before children: every table of db/schema.ts but the
 * transient ones, by export name where the foreign keys allow it.
 */
export function backupTables(): BackupTable[] {
  const tables = schemaTables()
    .map((table) => {
      const config = getTableConfig(table);
      const withheld = WITHHELD[config.name] ?? {};
      const primaryKey = config.columns.filter((c) => c.primary).map((c) => c.name);
      if (primaryKey.length === 0 && config.primaryKeys[0]) primaryKey.push(...config.primaryKeys[0].columns.map((c) => c.name));
      const parents = new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name));
      parents.delete(config.name);
      return {
        name: config.name,
        columns: config.columns.map((c) => c.name).filter((c) => !Object.hasOwn(withheld, c)),
        withheld: Object.keys(withheld),
        primaryKey,
        parents: [...parents],
      } satisfies BackupTable;
    })
    .filter((t) => !TRANSIENT_TABLES.includes(t.name));
  const kept = new Set(tables.map((t) => t.name));
  for (const t of tables) {
    const missing = t.parents.filter((p) => !kept.has(p));
    if (missing.length) throw new Error(`table ${t.name} refers to ${missing.join(', ')}, which backups leave out`);
  }
  // parents first; among the tables free to go, the first by export name (a module namespace lists them so)
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t.name) && t.parents.every((p) => placed.has(p)));
    if (!next) throw new Error(`the foreign keys of ${tables.filter((t) => !placed.has(t.name)).map((t) => t.name).join(', ')} form a cycle`);
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

/** Every table of the schema, transient ones included (they must be empty before a restore too). */
function allTableNames(): string[] {
  return schemaTables().map((table) => getTableConfig(table).name);
}

/** The tables db/schema.ts exports, in its order. */
function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
}

/** The migrations this code knows, oldest first (db/migrations/meta/_journal.json). */
export function knownMigrations(): string[] {
  const path = fileURLToPath(new URL('./migrations/meta/_journal.json', import.meta.url));
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

export const latestMigration = (): string => knownMigrations().at(-1) ?? '';

// ---- the database's view of a table -----------------------------------------------------

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface CatalogColumn {
  name: string;
  /** as format_type prints it: a type cast can name it */
  type: string;
  typname: string;
  /** pg_type.typcategory: 'A' for arrays */
  category: string;
  /** -1 for variable-length types */
  typlen: number;
  generated: boolean;
  identityAlways: boolean;
}

async function catalogColumns(db: Writer, table: string): Promise<Map<string, CatalogColumn>> {
  const rows = await selectRows<{ name: string; type: string; typname: string; category: string; typlen: number; generated: boolean; identity_always: boolean }>(
    db,
    sql`select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type, t.typname::text as typname,
          t.typcategory::text as category, t.typlen::int as typlen, a.attgenerated::text <> '' as generated, a.attidentity::text = 'a' as identity_always
        from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = to_regclass(${ident(table)}) and a.attnum > 0 and not a.attisdropped
        order by a.attnum`,
  );
  if (rows.length === 0) throw new BackupError(`the database has no table ${table}: were its migrations run?`);
  return new Map(
    rows.map((r) => [
      r.name,
      { name: r.name, type: r.type, typname: r.typname, category: r.category, typlen: Number(r.typlen), generated: r.generated, identityAlways: r.identity_always },
    ]),
  );
}

function columnsOf(table: BackupTable, catalog: Map<string, CatalogColumn>): CatalogColumn[] {
  return table.columns.map((name) => {
    const column = catalog.get(name);
    if (!column) throw new BackupError(`the database's table ${table.name} has no column ${name}: were its migrations run?`);
    return column;
  });
}

/** A column's value as the file holds it (an argument of json_build_array). */
function exported(c: CatalogColumn): string {
  const col = ident(c.name);
  if (c.typname === 'bytea') return `replace(encode(${col}, 'base64'), E'\\n', '')`;
  if (c.category === 'A') return `${col}::text`;
  return col; // json_build_array writes numbers, booleans, strings, ISO timestamps and json as JSON
}

/** The row as one line of JSON, written by the server. json_build_array takes at most 100 arguments. */
function rowJson(columns: CatalogColumn[]): string {
  const parts: string[] = [];
  for (let i = 0; i < columns.length; i += 100) parts.push(`json_build_array(${columns.slice(i, i + 100).map(exported).join(', ')})`);
  return parts.length === 1 ? `${parts[0]}::text` : `(${parts.map((p) => `${p}::jsonb`).join(' || ')})::text`;
}

/** An estimate of a row's size in the file, read without loading large values (their headers tell). */
function rowSize(columns: CatalogColumn[]): string {
  const terms = columns
    .filter((c) => c.typlen < 0)
    .map((c) => {
      const col = ident(c.name);
      if (c.typname === 'bytea') return `coalesce(octet_length(${col}), 0)::bigint * 4 / 3`;
      if (c.typname === 'text' || c.typname === 'varchar' || c.typname === 'bpchar') return `coalesce(octet_length(${col}), 0)::bigint`;
      return `coalesce(pg_column_size(${col}), 0)::bigint`;
    });
  return `(${[String(16 + 8 * columns.length), ...terms].join(' + ')})`;
}

// ---- backup -----------------------------------------------------------------------------

export interface TableProgress {
  /** table n (1-based) is being worked on */
  start(n: number, table: string): void;
  /** table n is done: it had `rows` rows */
  done(n: number, table: string, rows: number): void;
}

export interface BackupOptions {
  batchRows?: number;
  batchBytes?: number;
  /** heap blocks per batch of a table without a primary key */
  batchBlocks?: number;
  progress?: TableProgress;
}

export interface BackupSummary {
  file: string;
  header: BackupHeader;
  rows: number;
  /** the file's size */
  bytes: number;
  /** the JSON before compression */
  jsonBytes: number;
  seconds: number;
}

/**
 * Writes the whole database to `file` (gzip-compressed JSON Lines). The file appears only when
 * complete: it is written as FILE.partial and renamed, and the partial file is removed on failure
 * or when the process exits first.
 */
export async function writeBackup(db: Db, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now();
  const batchRows = Math.max(1, Math.floor(options.batchRows ?? BATCH_ROWS));
  const batchBytes = Math.max(1, options.batchBytes ?? BATCH_BYTES);
  const batchBlocks = Math.max(1, Math.floor(options.batchBlocks ?? BATCH_BLOCKS));
  const tables = backupTables();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial));
  written.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
  const removePartial = () => rmSync(partial, { force: true });
  process.on('exit', removePartial);
  let jsonBytes = 0;
  /** one line, or many joined by newlines */
  const write = async (lines: string) => {
    const chunk = `${lines}\n`;
    jsonBytes += Buffer.byteLength(chunk);
    if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), written]);
  };

  let header: BackupHeader | undefined;
  let rows = 0;
  try {
    await db.transaction(
      async (tx) => {
        await tx.execute(sql`set local time zone 'UTC'`);
        const counts: Record<string, number> = {};
        for (const t of tables) counts[t.name] = await countRows(tx, t.name);
        header = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), parserVersion: PARSER_VERSION, migrations: latestMigration(), tables: counts };
        await write(JSON.stringify(header));
        for (const [i, table] of tables.entries()) {
          options.progress?.start(i + 1, table.name);
          const columns = columnsOf(table, await catalogColumns(tx, table.name));
          const section: SectionLine = { table: table.name, columns: table.columns, types: columns.map((c) => c.type), rows: counts[table.name] };
          await write(JSON.stringify(section));
          let n = 0;
          const lines = table.primaryKey.length ? byKey(tx, table, columns, batchRows, batchBytes) : byBlocks(tx, table, columns, batchBlocks);
          for await (const batch of lines) {
            await write(batch.lines);
            n += batch.rows;
          }
          if (n !== counts[table.name]) throw new Error(`read ${n} rows of ${table.name} where it has ${counts[table.name]}`);
          rows += n;
          options.progress?.done(i + 1, table.name, n);
        }
        await write(JSON.stringify({ end: BACKUP_FORMAT, rows }));
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await written;
    renameSync(partial, file);
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    removePartial();
    throw err;
  } finally {
    process.off('exit', removePartial);
  }
  return { file, header: header!, rows, bytes: statSync(file).size, jsonBytes, seconds: (performance.now() - started) / 1000 };
}

async function countRows(db: Writer, table: string): Promise<number> {
  const [row] = await selectRows<{ n: string }>(db, sql.raw(`select count(*)::text as n from ${ident(table)}`));
  return Number(row.n);
}

/** Rows as the file holds them: one line each, joined by newlines. */
interface Batch {
  rows: number;
  lines: string;
}

const batchQuery = (columns: CatalogColumn[], order: string | null) =>
  sql.raw(`select count(*)::text as rows, string_agg(${rowJson(columns)}, E'\\n'${order ? ` order by ${order}` : ''}) as lines`);

/**
 * Batches of rows in primary-key order. Each batch's last key is found first from the rows' sizes
 * (cheap: large values are not read), so that it holds about `batchBytes`; then the batch is read.
 */
async function* byKey(db: Writer, table: BackupTable, columns: CatalogColumn[], batchRows: number, batchBytes: number): AsyncGenerator<Batch> {
  const catalog = await catalogColumns(db, table.name);
  const key = table.primaryKey.map((name) => catalog.get(name)!);
  const keyList = key.map((c) => ident(c.name)).join(', ');
  const keyText = key.map((c, i) => `${ident(c.name)}::text as k${i}`).join(', ');
  const tuple = (values: string[]) =>
    sql.join(
      values.map((v, i) => sql`${v}::${sql.raw(key[i].type)}`),
      sql`, `,
    );
  const from = sql.raw(`from ${ident(table.name)}`);
  const select = batchQuery(columns, keyList);
  const size = sql.raw(rowSize(columns));
  let last: string[] | null = null;
  for (;;) {
    const after: SQL = last ? sql`(${sql.raw(keyList)}) > (${tuple(last)})` : sql`true`;
    // the last key of the batch: the longest run of rows within the byte budget, at least one row
    const [end] = await selectRows<Record<string, string>>(
      db,
      sql`select ${sql.raw(key.map((_, i) => `k${i}`).join(', '))} from (
            select ${sql.raw(keyText)}, ${sql.raw(keyList)}, row_number() over w as n, sum(${size}) over w as running
            ${from} where ${after} window w as (order by ${sql.raw(keyList)} rows unbounded preceding) order by ${sql.raw(keyList)} limit ${batchRows}
          ) s where n = 1 or running <= ${batchBytes} order by n desc limit 1`,
    );
    if (!end) return;
    const upTo = key.map((_, i) => end[`k${i}`]);
    const [batch] = await selectRows<{ rows: string; lines: string }>(db, sql`${select} ${from} where ${after} and (${sql.raw(keyList)}) <= (${tuple(upTo)})`);
    yield { rows: Number(batch.rows), lines: batch.lines };
    last = upTo;
  }
}

/** Batches of row lines of a table without a primary key: ranges of its heap blocks, read by ctid. */
async function* byBlocks(db: Writer, table: BackupTable, columns: CatalogColumn[], batchBlocks: number): AsyncGenerator<Batch> {
  // after the snapshot was taken (the counts came first): every row it sees lies in these blocks
  const [{ blocks }] = await selectRows<{ blocks: string }>(
    db,
    sql`select (pg_relation_size(${ident(table.name)}::regclass) / current_setting('block_size')::bigint)::text as blocks`,
  );
  // in the order the blocks are read: physical order, the same on every read of this snapshot
  const query = sql`${batchQuery(columns, null)} ${sql.raw(`from ${ident(table.name)} where ctid >= `)}`;
  for (let block = 0; block < Number(blocks); block += batchBlocks) {
    const [batch] = await selectRows<{ rows: string; lines: string | null }>(db, sql`${query}${`(${block},0)`}::tid and ctid < ${`(${block + batchBlocks},0)`}::tid`);
    if (batch.lines !== null) yield { rows: Number(batch.rows), lines: batch.lines };
  }
}

// ---- reading a backup file --------------------------------------------------------------

function fileError(file: string, err: unknown): Error {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'Z_BUF_ERROR') return new BackupError(`${file} is truncated: its gzip data ends early (${e.message})`);
  if (e?.code === 'Z_DATA_ERROR') return new BackupError(`${file} is damaged or not a gzip file (${e.message})`);
  if (e?.code === 'ENOENT') return new BackupError(`no such file: ${file}`);
  if (e?.code === 'EISDIR') return new BackupError(`${file} is a folder, not a backup file`);
  if (e?.code === 'EACCES') return new BackupError(`cannot read ${file}: permission denied`);
  return err instanceof Error ? err : new Error(String(err));
}

/** The file's lines, decompressed, without their newline. Zlib's and the file's errors become BackupError. */
async function* backupLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let pending: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, nl));
        const line = Buffer.concat(pending).toString('utf8');
        pending = [];
        start = nl + 1;
        yield line;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
  } catch (err) {
    throw fileError(file, err);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (pending.length) yield Buffer.concat(pending).toString('utf8');
}

function parseHeader(file: string, line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line === undefined ? null : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    header = null;
  }
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT) {
    const format = header && typeof header === 'object' && typeof header.format === 'string' ? ` (its format is ${header.format})` : '';
    throw new BackupError(`${file} is not a Nianbao backup (${BACKUP_FORMAT})${format}`);
  }
  const tables = header.tables;
  const valid =
    typeof header.migrations === 'string' &&
    typeof tables === 'object' &&
    tables !== null &&
    Object.values(tables).every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!valid) throw new BackupError(`${file} has a damaged first line: it needs the migration and every table's row count`);
  const known = knownMigrations();
  if (!known.includes(header.migrations!)) {
    throw new BackupError(
      `${file} was made by a newer version of Nianbao (database migration ${header.migrations}); this code knows migrations up to ${known.at(-1)}: update it first`,
    );
  }
  return header as BackupHeader;
}

/** The first line of a backup file, checked: the format, and a migration this code knows. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(file, first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

// ---- restore ----------------------------------------------------------------------------

export interface RestoreOptions {
  batchRows?: number;
  batchBytes?: number;
  progress?: TableProgress;
}

export interface RestoreSummary {
  file: string;
  header: BackupHeader;
  /** rows restored per table (equal to the header's counts) */
  tables: Record<string, number>;
  rows: number;
  /** the file's size */
  bytes: number;
  seconds: number;
}

/** Tables that have rows, with their counts. */
async function nonEmptyTables(db: Writer, names: readonly string[]): Promise<{ table: string; rows: number }[]> {
  const found: { table: string; rows: number }[] = [];
  for (const table of names) {
    const [{ any }] = await selectRows<{ any: boolean }>(db, sql.raw(`select exists (select 1 from ${ident(table)}) as any`));
    if (any) found.push({ table, rows: await countRows(db, table) });
  }
  return found;
}

/**
 * Restores a backup into the database, which must be migrated (openDatabase does it) and empty.
 * All or nothing: one transaction; on any error the database is left as it was.
 */
export async function restoreBackup(db: Db, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = performance.now();
  const batchRows = Math.max(1, Math.floor(options.batchRows ?? BATCH_ROWS));
  const batchBytes = Math.max(1, options.batchBytes ?? BATCH_BYTES);
  const plan = new Map(backupTables().map((t) => [t.name, t]));
  const lines = backupLines(file);
  let lineNo = 0;
  const nextLine = async (): Promise<string | undefined> => {
    const next = await lines.next();
    if (next.done) return undefined;
    lineNo++;
    return next.value;
  };
  try {
    const header = parseHeader(file, await nextLine());
    const order = Object.keys(header.tables);
    for (const name of order) {
      if (!plan.has(name)) throw new BackupError(`${file} holds the table ${name}, which this version of Nianbao does not have`);
    }
    const restored: Record<string, number> = {};
    let rows = 0;
    await db.transaction(async (tx) => {
      const everything = allTableNames();
      // nobody writes meanwhile (PostgreSQL): the emptiness checked below holds until commit
      await tx.execute(sql.raw(`lock table ${everything.map(ident).join(', ')} in exclusive mode`));
      const occupied = await nonEmptyTables(tx, everything);
      if (occupied.length) {
        throw new BackupError(
          `the database is not empty (${occupied.map((o) => `${o.table}: ${plural(o.rows, 'row')}`).join('; ')}); ` +
            'a backup is restored only into an empty database: a new PGlite directory (--data-dir) or a new PostgreSQL database',
        );
      }

      let section: { table: BackupTable; line: SectionLine; insert: (batch: string[]) => Promise<number>; n: number } | null = null;
      let batch: string[] = [];
      let batchSize = 0;
      let batchFirst = 0;
      const flush = async () => {
        if (!section || batch.length === 0) return;
        const { table } = section;
        let inserted: number;
        try {
          inserted = await section.insert(batch);
        } catch (err) {
          throw new BackupError(`${file}: table ${table.name}, rows ${batchFirst + 1}–${batchFirst + batch.length}: ${oneLine(err)}`);
        }
        if (inserted !== batch.length) {
          throw new BackupError(`${file}: table ${table.name}, rows ${batchFirst + 1}–${batchFirst + batch.length}: a row does not hold ${section.line.columns.length} values`);
        }
        section.n += inserted;
        batchFirst += batch.length;
        batch = [];
        batchSize = 0;
      };
      const closeSection = async () => {
        if (!section) return;
        await flush();
        const { line, n } = section;
        if (n !== line.rows || n !== header.tables[line.table]) {
          throw new BackupError(`${file}: table ${line.table} holds ${plural(n, 'row')} where its header says ${plural(header.tables[line.table], 'row')}`);
        }
        restored[line.table] = n;
        rows += n;
        options.progress?.done(order.indexOf(line.table) + 1, line.table, n);
        section = null;
      };

      let ended = false;
      for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
        if (ended) throw new BackupError(`${file}: line ${lineNo} comes after the end of the backup`);
        if (line.startsWith('[')) {
          if (!section) throw new BackupError(`${file}: line ${lineNo} is a row outside any table`);
          batch.push(line);
          batchSize += line.length;
          if (batch.length >= batchRows || batchSize >= batchBytes) await flush();
          continue;
        }
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new BackupError(`${file}: line ${lineNo} is not JSON`);
        }
        await closeSection();
        if (parsed && typeof parsed.end === 'string') {
          if (parsed.end !== BACKUP_FORMAT || parsed.rows !== rows) throw new BackupError(`${file}: its last line does not match its rows`);
          ended = true;
          continue;
        }
        const table = typeof parsed?.table === 'string' ? plan.get(parsed.table) : undefined;
        if (!table || !Object.hasOwn(header.tables, table.name) || Object.hasOwn(restored, table.name)) {
          throw new BackupError(`${file}: line ${lineNo} starts an unexpected table (${String(parsed?.table)})`);
        }
        const sectionLine = parsed as unknown as SectionLine;
        if (!Array.isArray(sectionLine.columns) || !sectionLine.columns.every((c) => typeof c === 'string') || !Number.isSafeInteger(sectionLine.rows)) {
          throw new BackupError(`${file}: line ${lineNo} (table ${table.name}) is damaged`);
        }
        options.progress?.start(order.indexOf(table.name) + 1, table.name);
        section = { table, line: sectionLine, insert: await inserter(tx, table, sectionLine.columns), n: 0 };
        batchFirst = 0;
      }
      if (!ended) throw new BackupError(`${file} is truncated: it ends at line ${lineNo}, before its last line`);
      const missing = order.filter((t) => !Object.hasOwn(restored, t));
      if (missing.length) throw new BackupError(`${file} lacks the rows of ${missing.join(', ')}`);

      // checked again as the database sees them
      for (const table of order) {
        const n = await countRows(tx, table);
        if (n !== header.tables[table]) throw new BackupError(`after restoring, ${table} has ${plural(n, 'row')} where the backup has ${plural(header.tables[table], 'row')}`);
      }
      await resetSequences(tx, [...plan.keys()]);
      const [{ exists }] = await selectRows<{ exists: boolean }>(tx, sql`select to_regclass('data_version') is not null as exists`);
      if (exists) await tx.execute(sql`select nextval('data_version')`);
    });
    return { file, header, tables: restored, rows, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000 };
  } finally {
    await lines.return(undefined);
  }
}

/**
 * The statement that inserts a batch of row lines into a table: the lines become one jsonb array
 * (one parameter), each value is cast to its column's type by the server. Returns the rows
 * inserted; a line that is not an array of the section's length is not inserted (the caller
 * compares the count).
 */
async function inserter(db: Writer, table: BackupTable, fileColumns: string[]): Promise<(batch: string[]) => Promise<number>> {
  const catalog = await catalogColumns(db, table.name);
  const names: string[] = [];
  const values: SQL[] = [];
  for (const [i, name] of fileColumns.entries()) {
    const c = catalog.get(name);
    if (!c) throw new BackupError(`the backup's table ${table.name} has a column ${name}, which this version of Nianbao does not have`);
    if (c.generated) continue;
    names.push(ident(name));
    if (c.typname === 'bytea') values.push(sql.raw(`decode(r->>${i}, 'base64')`));
    else if (c.typname === 'jsonb') values.push(sql.raw(`nullif(r->${i}, 'null'::jsonb)`));
    else if (c.typname === 'json') values.push(sql.raw(`nullif(r->${i}, 'null'::jsonb)::json`));
    else values.push(sql.raw(`(r->>${i})::${c.type}`));
  }
  for (const [name, value] of Object.entries(WITHHELD[table.name] ?? {})) {
    if (fileColumns.includes(name) || !catalog.has(name)) continue;
    names.push(ident(name));
    values.push(sql`${value}::${sql.raw(catalog.get(name)!.type)}`);
  }
  const overriding = fileColumns.some((name) => catalog.get(name)?.identityAlways) ? ' overriding system value' : '';
  const head = sql.raw(`with inserted as (insert into ${ident(table.name)} (${names.join(', ')})${overriding} select `);
  const width = fileColumns.length;
  return async (batch) => {
    const [row] = await selectRows<{ n: string }>(
      db,
      sql`${head}${sql.join(values, sql`, `)} from jsonb_array_elements(${`[${batch.join(',')}]`}::text::jsonb) as e(r)
            where jsonb_typeof(r) = 'array' and jsonb_array_length(r) = ${width} returning 1)
          select count(*)::text as n from inserted`,
    );
    return Number(row.n);
  };
}

/** Every serial (or identity) sequence of these tables continues after its column's largest value. */
async function resetSequences(db: Writer, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const owned = await selectRows<{ name: string; seq: string }>(
      db,
      sql`select a.attname::text as name, pg_get_serial_sequence(${ident(table)}, a.attname) as seq
          from pg_attribute a
          where a.attrelid = to_regclass(${ident(table)}) and a.attnum > 0 and not a.attisdropped
            and pg_get_serial_sequence(${ident(table)}, a.attname) is not null`,
    );
    for (const { name, seq } of owned) {
      const col = sql.raw(ident(name));
      await db.execute(sql`select setval(${seq}::regclass, coalesce(max(${col}), 1), max(${col}) is not null) from ${sql.raw(ident(table))}`);
    }
  }
}
