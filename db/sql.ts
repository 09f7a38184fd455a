// Raw SQL through Drizzle on either driver: postgres.js returns the rows as an array, PGlite
// as `{ rows }`.

import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

export type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export async function selectRows<T>(db: Writer, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
