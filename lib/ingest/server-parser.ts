// The web server's parsing of uploaded files: one pool of worker threads for the whole process
// (lib/ingest/parse-pool.ts), so that a heavy file is parsed off the request thread, within a
// time and a memory limit, and a burst of uploads waits in a bounded queue.
//
//   NIANBAO_PARSE_WORKERS    worker threads (default 1)
//   NIANBAO_PARSE_TIMEOUT_S  seconds a file may take (default 30)
//   NIANBAO_PARSE_MEMORY_MB  heap of each worker, in MB (default 512; at least 64, which the
//                            parser needs to load)
//   NIANBAO_PARSE_QUEUE      files that may wait for a worker (default 32); beyond them
//                            parseUpload rejects with ParserBusyError
//
// Next's server build bundles this module into .next/, where import.meta.url no longer points
// into lib/ingest, so the worker's entry is found from the project directory, the server's
// working directory (as db/client.ts finds the migrations). The worker loads the TypeScript
// sources itself, through tsx.
//
// The pool is made on the first upload, and kept on globalThis: Next may evaluate this module
// more than once in one process, and each copy must not start workers of its own. Its workers
// are unref'd when idle, so they never keep a process alive; there is nothing to close.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationError, envNumber, uploadMaxBytes } from '../upload/limits';
import type { ParseOutcome } from './outcome';
import { createParsePool, type ParseJobOptions, type ParsePool, type ParsePoolOptions } from './parse-pool';

export { ParserBusyError } from './parse-pool';

/** The worker's entry, relative to the project directory. */
export const WORKER_BOOT_FILE = 'lib/ingest/parse-worker-boot.mjs';

const POOL = Symbol.for('nianbao.server-parse-pool');
type Holder = { [POOL]?: ParsePool };

export interface ServerParserConfig {
  size: number;
  timeoutMs: number;
  maxMemoryMb: number;
  maxQueue: number;
}

/** The pool's settings from the environment; throws ConfigurationError for a value that makes no sense. */
export function serverParserConfig(env: Record<string, string | undefined> = process.env): ServerParserConfig {
  return {
    size: envNumber(env, 'NIANBAO_PARSE_WORKERS', 1, { integer: true }),
    timeoutMs: Math.round(envNumber(env, 'NIANBAO_PARSE_TIMEOUT_S', 30) * 1000),
    maxMemoryMb: envNumber(env, 'NIANBAO_PARSE_MEMORY_MB', 512, { integer: true, min: 64 }),
    // 0: no file waits, each upload needs an idle worker
    maxQueue: envNumber(env, 'NIANBAO_PARSE_QUEUE', 32, { integer: true, allowZero: true }),
  };
}

/** The worker's entry file, from the project directory (the server's working directory). */
export function serverWorkerFile(root: string = process.cwd()): string {
  const file = join(/* turbopackIgnore: true */ root, WORKER_BOOT_FILE);
  if (!existsSync(/* turbopackIgnore: true */ file)) {
    throw new ConfigurationError(`cannot find the parse worker ${file}: start the server from the project directory`);
  }
  return file;
}

function serverPool(): ParsePool {
  const holder = globalThis as Holder;
  if (!holder[POOL]) {
    const options: ParsePoolOptions = { ...serverParserConfig(), workerUrl: pathToFileURL(serverWorkerFile()) };
    holder[POOL] = createParsePool(options);
  }
  return holder[POOL];
}

/**
 * Parses an uploaded file in the server's worker pool. `maxBytes` is the upload limit
 * (uploadMaxBytes(), NIANBAO_UPLOAD_MAX_MB) unless given. Never rejects for the file itself (a
 * file that cannot be read, runs out of time or memory, or is too large gives an outcome with an
 * error); rejects with ParserBusyError when too many files are waiting, with ConfigurationError
 * for bad settings, and with an Error when the workers cannot start.
 */
export function parseUpload(bytes: Uint8Array, name: string, options: ParseJobOptions = {}): Promise<ParseOutcome> {
  try {
    return serverPool().parse(bytes, name, { maxBytes: options.maxBytes ?? uploadMaxBytes() });
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Stops the server's pool (tests; the next parseUpload makes a new one with the settings of then). */
export async function closeServerParser(): Promise<void> {
  const holder = globalThis as Holder;
  const pool = holder[POOL];
  delete holder[POOL];
  await pool?.close();
}

/** The server pool's load, or null before the first upload: for diagnostics and tests. */
export function serverParserLoad(): ParsePool['load'] | null {
  return (globalThis as Holder)[POOL]?.load ?? null;
}
