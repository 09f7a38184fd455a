// The ingest's own statements, run on the driver under Drizzle. Drizzle's session hands PGlite a
// table of result parsers (for timestamps) with every query, which PGlite merges into its own
// table of several hundred parsers each time: about 0.25 ms a query, a tenth of a bulk load on
// PGlite. These statements read no timestamp, so they go to the driver without it (postgres.js
// gets the query as Drizzle would send it). `session.client` is Drizzle's (untyped) handle on the
// driver, of a transaction too; without it, the statement goes through Drizzle.

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { selectRows, type Writer } from './sql';

const dialect = new PgDialect();

interface Driver {
  /** postgres.js */
  unsafe?: (query: string, parameters: unknown[]) => Promise<unknown[]>;
  /** PGlite */
  query?: (query: string, parameters: unknown[]) => Promise<{ rows: unknown[] }>;
}

function driverOf(db: Writer): Driver | null {
  const client = (db as unknown as { session?: { client?: Driver } }).session?.client;
  return client && (typeof client.unsafe === 'function' || typeof client.query === 'function') ? client : null;
}

/** Whether statements on `db` go to the driver itself (for tests: else they go through Drizzle). */
export const reachesDriver = (db: Writer) => driverOf(db) !== null;

/**
 * The rows of a statement (snake_case columns as the statement names them). Not for timestamps:
 * without Drizzle's parsers PGlite gives them as Date objects, postgres.js as strings.
 */
export async function rawRows<T>(db: Writer, query: SQL): Promise<T[]> {
  const driver = driverOf(db);
  if (!driver) return selectRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (driver.unsafe) return (await driver.unsafe(text, params)) as T[];
  return (await driver.query!(text, params)).rows as T[];
}

export async function rawExecute(db: Writer, query: SQL): Promise<void> {
  await rawRows(db, query);
}
