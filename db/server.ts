// The database of the Next.js server: opened once per process, on the first request that needs
// it, and shared by every server component. Next may evaluate this module more than once (one
// copy per bundle), so the handle lives on globalThis. PGlite allows one process per data
// directory (db/lock.ts): `next build` must never call this (pages that use it are dynamic).

import { openDatabase, type Database } from './client';

interface ServerDatabaseState {
  opening: Promise<Database> | null;
  hooksInstalled: boolean;
}

const KEY = Symbol.for('nianbao.serverDatabase');
const holder = globalThis as typeof globalThis & { [KEY]?: ServerDatabaseState };
const state: ServerDatabaseState = (holder[KEY] ??= { opening: null, hooksInstalled: false });

export function getDatabase(): Promise<Database> {
  if (!state.opening) {
    installShutdownHooks();
    state.opening = openServerDatabase().catch((err: unknown) => {
      // a failed open (say, the directory is locked by another process) is retried on the next request
      state.opening = null;
      throw err;
    });
  }
  return state.opening;
}

/** Closes the database (and releases the PGlite directory lock); the next getDatabase() opens it again. */
export async function closeDatabase(): Promise<void> {
  const opening = state.opening;
  state.opening = null;
  if (!opening) return;
  const database = await opening.catch(() => null);
  await database?.close();
}

function installShutdownHooks(): void {
  if (state.hooksInstalled) return;
  state.hooksInstalled = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      const alone = process.listenerCount(signal) === 0;
      const closed = closeDatabase().catch((err: unknown) => console.error('closing the database:', err));
      if (alone) {
        // no other handler: end the process as the signal would have, once the database is closed
        void closed.finally(() => process.kill(process.pid, signal));
      } else {
        // Next's handler closes the HTTP server and calls process.exit, sooner than PGlite
        // closes: that exit waits for the database (at most a few seconds).
        holdExitUntil(closed, 5_000);
      }
    });
  }
}

function holdExitUntil(done: Promise<unknown>, limitMs: number): void {
  const exit = process.exit.bind(process);
  let exiting = false;
  process.exit = ((code?: number | string | null) => {
    if (exiting) return undefined as never;
    exiting = true;
    const timer = setTimeout(() => exit(code), limitMs);
    void done.finally(() => {
      clearTimeout(timer);
      exit(code);
    });
    return undefined as never;
  }) as typeof process.exit;
}

function openServerDatabase(): Promise<Database> {
  return openDatabase();
}
