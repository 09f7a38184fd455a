// One-line messages for errors a command reports to its user: never a stack trace.

import { maskUrl, defaultDataDir } from '../../db/client';
import { DatabaseInUseError } from '../../db/lock';

/** The first line of an error's message, looking through wrappers (AggregateError, `cause`). */
export function oneLine(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; errors?: unknown; cause?: unknown } | null;
  let message = typeof e?.message === 'string' ? e.message : String(err);
  // drizzle wraps driver errors as "Failed query: <sql>"; the driver's message says what went wrong
  if (e?.cause && /^Failed query/u.test(message)) return oneLine(e.cause);
  if (!message && Array.isArray(e?.errors)) message = [...new Set(e.errors.map(oneLine))].join('; ');
  if (!message && typeof e?.code === 'string') message = e.code;
  return message.split('\n', 1)[0].trim() || 'unknown error';
}

/** Why the database could not be opened, saying which one. */
export function openFailure(err: unknown): string {
  if (err instanceof DatabaseInUseError) return err.message;
  const url = process.env.DATABASE_URL;
  const where = url ? `PostgreSQL at ${maskUrl(url)}` : `PGlite in ${defaultDataDir()}`;
  return `cannot open the database (${where}): ${oneLine(err)}`;
}
