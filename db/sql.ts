// Raw SQL through Drizzle on either driver: postgres.js returns the rows as an array, PGlite
// as `{ rows }`.

import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

export type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export async function selectRows<T>(db: Writer, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Inserts many rows in one statement with a single JSON parameter. Drizzle's multi-row insert
 * builder costs about 0.1 ms of JavaScript per row (23 ms for a report's 200 figures), which
 * was most of an ingest; this costs one JSON.stringify. `columns` maps each column to its SQL
 * type; rows are keyed by column name, a missing key stores null.
 */
export async function insertJsonRows(db: Writer, table: string, columns: Record<string, string>, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const record = names.map((c) => `${c} ${columns[c]}`).join(', ');
  await db.execute(
    sql`insert into ${sql.identifier(table)} (${sql.raw(names.join(', '))}) select ${sql.raw(names.join(', '))} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(record)})`,
  );
}
