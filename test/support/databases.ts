// The two databases every storage test runs against: PGlite in a fresh temporary directory,
// and a fresh database on the PostgreSQL server named by NIANBAO_TEST_DATABASE_URL (those
// tests are skipped, loudly, when it is unset; CI sets it).

import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe } from 'vitest';
import { openDatabase, type Database, type OpenOptions } from '../../db/client';
import { ROOT } from './root';

export { ROOT };

export type DatabaseKind = 'pglite' | 'postgres';

export const PG_SERVER = process.env.NIANBAO_TEST_DATABASE_URL;
if (!PG_SERVER) console.warn('\n*** NIANBAO_TEST_DATABASE_URL is unset: storage tests against PostgreSQL are SKIPPED ***\n');

export interface TestDatabase {
  kind: DatabaseKind;
  /** what openDatabase needs */
  options: OpenOptions;
  /** the environment of a child process (a CLI) that should use this database, and no other */
  env: NodeJS.ProcessEnv;
  /** the PGlite data directory */
  dataDir?: string;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** Runs `body` once per database, naming the database in the title; PostgreSQL only when a server is given. */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  describe(`${title} [pglite]`, () => body('pglite'));
  describe.skipIf(!PG_SERVER)(`${title} [postgres]`, () => body('postgres'));
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'pglite' ? createPglite() : createPostgres();
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

async function createPglite(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-test-db-'));
  cpSync(await pgliteTemplate(), dataDir, { recursive: true });
  const options = { dataDir };
  return {
    kind: 'pglite',
    options,
    dataDir,
    env: childEnv({ NIANBAO_DATA_DIR: dataDir }),
    open: () => openDatabase(options),
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A new PGlite directory takes seconds to initialise (initdb runs in WebAssembly). An empty,
 * migrated one is built once per migration set and PGlite version, then copied for each test.
 */
async function pgliteTemplate(): Promise<string> {
  const migrations = join(ROOT, 'db/migrations');
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  for (const name of readdirSync(migrations, { recursive: true }).map(String).sort()) {
    const path = join(migrations, name);
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(path));
  }
  const prefix = 'nianbao-pglite-template-';
  const template = join(tmpdir(), `${prefix}${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(template)) return template;
  // templates of earlier migrations, unless so recent that another checkout may be using them
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(prefix))) {
    const path = join(tmpdir(), name);
    if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  const building = mkdtempSync(join(tmpdir(), 'nianbao-pglite-building-'));
  const database = await openDatabase({ dataDir: building });
  await database.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another test file built it meanwhile
  }
  return template;
}

async function createPostgres(): Promise<TestDatabase> {
  if (!PG_SERVER) throw new Error('NIANBAO_TEST_DATABASE_URL is unset');
  const name = `nianbao_test_${randomBytes(6).toString('hex')}`;
  await admin((sql) => sql.unsafe(`create database ${name}`));
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  const options = { url: url.toString() };
  return {
    kind: 'postgres',
    options,
    env: childEnv({ DATABASE_URL: url.toString() }),
    open: () => openDatabase(options),
    // force: a child process killed in a test may still hold a connection
    drop: () => admin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(PG_SERVER!, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
