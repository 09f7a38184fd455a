// The stored data's version: the sequence `data_version`, bumped by a trigger on every statement
// that writes reports, their facts, checks, sources or regions (migration 0005). A version read
// while another session of this database holds a transaction id (it is writing) is not settled:
// that transaction may have bumped the sequence without its rows being visible yet. (The
// snapshot's own list of transactions in progress misses the newest one, so pg_stat_activity
// is asked.)

import { sql } from 'drizzle-orm';
import type { DataVersion } from '../lib/cache/versioned';
import type { Db } from './client';
import { selectRows } from './sql';

export async function readDataVersion(db: Db): Promise<DataVersion> {
  const [row] = await selectRows<{ value: string; busy: number }>(
    db,
    sql`select (case when is_called then last_value else 0 end)::text as value, (select count(*) from pg_stat_activity
          where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid())::int as busy from data_version`,
  );
  return { value: row.value, settled: row.busy === 0 };
}
