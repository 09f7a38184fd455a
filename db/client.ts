// One database module: embedded PGlite in a data directory when DATABASE_URL is unset,
// PostgreSQL through postgres.js when it is set. Same schema, migrations and queries on both.
// Migrations run whenever the database is opened.

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDirectoryLock, type DirectoryLock } from './lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** where it lives: the data directory, or the server URL without its password */
  location: string;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

export function defaultDataDir(): string {
  return resolve(process.env.NIANBAO_DATA_DIR ?? '.data');
}

export interface OpenOptions {
  /** a PostgreSQL URL; defaults to DATABASE_URL */
  url?: string;
  /** the PGlite data directory; defaults to NIANBAO_DATA_DIR or ./.data */
  dataDir?: string;
  /** skip migrations (only for callers that just ran them) */
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite(options.dataDir ?? defaultDataDir());
  if (options.migrate !== false) {
    try {
      await runMigrations(database);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, kind: 'postgres', location: url.replace(/:[^:@/]*@/u, ':***@'), close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string): Promise<Database> {
  const lock: DirectoryLock = acquireDirectoryLock(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = await PGlite.create(join(dir, 'pglite'));
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

async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS });
  }
}
