// Raw SQL through Drizzle on either driver: postgres.js returns the rows as an array, PGlite
// as `{ rows }`.

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

export type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export async function selectRows<T>(db: Writer, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Runs statements in order, all sent at once: postgres.js pipelines them on the transaction's
 * connection, so they cost one round trip instead of one each (PGlite runs them one by one).
 * When one fails, the statements after it fail too and the first error is thrown. Only inside a
 * transaction: on a postgres.js pool they could run on different connections, in any order.
 */
export async function executeAll(db: Writer, queries: readonly SQL[]): Promise<void> {
  await Promise.all(queries.map((q) => db.execute(q)));
}

/** A column of insertJsonRowsStatement: how the JSON value at `index` becomes one of SQL type `type`. */
function columnFromJson(index: number, type: string): string {
  // a JSON null read as jsonb is the JSON value null, not SQL null
  if (type === 'jsonb') return `nullif(v.r -> ${index}, 'null'::jsonb)`;
  return type === 'text' ? `v.r ->> ${index}` : `(v.r ->> ${index})::${type}`;
}

/**
 * An insert of many rows in one statement with a single JSON parameter: an array of rows, each
 * an array of values in column order (null when there is no row). Drizzle's multi-row insert builder costs about 0.1 ms of
 * JavaScript per row (23 ms for a report's 200 figures), which was most of an ingest; this costs
 * one JSON.stringify, and, unlike objects keyed by column, repeats no column name per row.
 * `columns` maps each column to its SQL type; rows are keyed by column name, a missing key
 * stores null. Rows are inserted in the order given (a function scan returns them in order).
 */
export function insertJsonRowsStatement(table: string, columns: Record<string, string>, rows: readonly Record<string, unknown>[]): SQL | null {
  if (rows.length === 0) return null;
  const names = Object.keys(columns);
  const values = rows.map((row) => names.map((c) => row[c] ?? null));
  const select = names.map((c, i) => columnFromJson(i, columns[c])).join(', ');
  return sql`insert into ${sql.identifier(table)} (${sql.raw(names.join(', '))}) select ${sql.raw(select)} from jsonb_array_elements(${JSON.stringify(values)}::jsonb) as v(r)`;
}
