// The database a command works on: which one, for messages, and opening it for one piece of work.

import { isAbsolute, relative } from 'node:path';
import { defaultDataDir, maskUrl, openDatabase, type Database, type OpenOptions } from '../../db/client';
import { DatabaseInUseError } from '../../db/lock';
import { oneLine } from './errors';

/** Which database these options open, for messages: the URL without its password, or the directory. */
export function databaseLabel(options: OpenOptions): string {
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) return `PostgreSQL at ${maskUrl(url)}`;
  const dir = options.dataDir ?? defaultDataDir();
  const rel = relative(process.cwd(), dir);
  return `PGlite in ${rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : `./${rel}`}`;
}

/** Why the database could not be opened, in one line; the lock's own message when another process holds it. */
export function openError(options: OpenOptions, err: unknown): string {
  if (err instanceof DatabaseInUseError) return err.message;
  return `cannot open the database (${databaseLabel(options)}): ${oneLine(err)}`;
}

export interface DatabaseWork {
  /** the command's name, which starts its messages */
  command: string;
  options: OpenOptions;
  /** the message when the database cannot be opened; openError's by default */
  openMessage?: (err: unknown) => string;
}

/**
 * Opens the database, runs `work` on it (its result is the exit code) and closes it. Exit 1, with
 * a one-line message on stderr, when the database cannot be opened or `work` throws.
 */
export async function withDatabase({ command, options, openMessage = (err) => openError(options, err) }: DatabaseWork, work: (database: Database) => Promise<number>): Promise<number> {
  let database: Database;
  try {
    database = await openDatabase(options);
  } catch (err) {
    process.stderr.write(`${command}: ${openMessage(err)}\n`);
    return 1;
  }
  try {
    return await work(database);
  } catch (err) {
    process.stderr.write(`${command}: ${oneLine(err)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
