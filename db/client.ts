// One database module: embedded PGlite in a data directory when DATABASE_URL is unset,
// PostgreSQL through postgres.js when it is set. Same schema, migrations and queries on both.
// Migrations run whenever the database is opened.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDirectoryLock, type DirectoryLock } from './lock';
import { postgresTarget } from './postgres-url';
import { preparingStatements } from './prepared';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** where it lives: the data directory, or the server URL without its password */
  location: string;
  close(): Promise<void>;
}

/**
 * The committed migrations. Next's server bundle cannot follow import.meta.url to a folder, so
 * the project directory (the server's working directory) is the fallback.
 */
function migrationsFolder(): string {
  const candidates = [join(dirname(fileURLToPath(import.meta.url)), 'migrations'), join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations')];
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`no database migrations found (looked in ${candidates.join(' and ')}); run from the project directory`);
  return found;
}

export function defaultDataDir(): string {
  return resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NIANBAO_DATA_DIR ?? '.data');
}

export interface OpenOptions {
  /** a PostgreSQL URL; defaults to DATABASE_URL */
  url?: string;
  /** the PGlite data directory (used even when DATABASE_URL is set); defaults to NIANBAO_DATA_DIR or ./.data */
  dataDir?: string;
  /** skip migrations (only for callers that just ran them) */
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  // an explicit data directory means PGlite even when DATABASE_URL is set (tests, tools)
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) {
    if (options.migrate !== false) await migratePostgres(url);
    return openPostgres(url);
  }
  const database = await openPglite(options.dataDir ?? defaultDataDir());
  if (options.migrate !== false) {
    try {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

/** any constant: the advisory lock that serialises migrations between processes */
const MIGRATION_LOCK = 7_346_251_183;

/**
 * Migrations on a session of their own, under an advisory lock: two processes opening a new
 * database at once would otherwise both create its tables, and one would fail.
 */
async function migratePostgres(url: string): Promise<void> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const target = postgresTarget(url);
  const client = postgres(target.url, { host: target.host, max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder() });
  } finally {
    await client.end({ timeout: 5 }); // ending the session releases the lock
  }
}

/** A database URL without its password, for messages. */
export const maskUrl = (url: string) => url.replace(/:[^:@/]*@/u, ':***@');

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // JIT compilation pays off for long analytical queries only: for the dashboard's queries of a
  // few milliseconds, the server's cost estimate over report_facts triggers it and it adds tens to
  // hundreds of milliseconds of compilation. (PGlite is built without it.)
  const target = postgresTarget(url);
  const client = postgres(target.url, { host: target.host, max: 10, onnotice: () => {}, connection: { jit: 'off' } });
  const db = drizzle({ client: preparingStatements(client), schema }) as unknown as Db;
  return { db, kind: 'postgres', location: maskUrl(url), close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string): Promise<Database> {
  const lock: DirectoryLock = acquireDirectoryLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = await PGlite.create(join(/* turbopackIgnore: true */ dir, 'pglite'));
    const db = drizzle({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dir,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
