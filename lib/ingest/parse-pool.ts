// Parsing in worker threads. Scripts use it for bulk loads (a database write waits on the server
// while the next files are parsed on other cores); the web server uses it for uploads
// (lib/ingest/server-parser.ts), so that a heavy file cannot stall the site.
//
// Each worker parses one file at a time; files wait in the pool's queue and go to the first idle
// worker. A file may be given a time limit (timeoutMs) and each worker a heap limit
// (maxMemoryMb): a worker that runs over its time is terminated, one that runs out of memory or
// crashes dies by itself, and either way its file gets a one-line error as its ParseOutcome and a
// new worker takes the dead one's place. Files still waiting are not affected. When maxQueue
// files are waiting already, parse() refuses at once with ParserBusyError.
//
// Idle workers are unref'd, so a pool does not keep a command-line process alive by itself.

import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ParseOutcome } from './outcome';
import type { ParseReply, ParseRequest } from './parse-worker';

export interface ParseJobOptions {
  /** files above this many bytes are refused unread (lib/formats MAX_FILE_BYTES when absent) */
  maxBytes?: number;
  /** the outcome also carries the report encoded for its writes (lib/report/encoding.ts) */
  encode?: boolean;
}

export interface ParsePool {
  /**
   * The file's outcome; a file that takes too long or too much memory, or crashes its worker,
   * gives an outcome with an error too. Rejects with ParserBusyError when the queue is full, and
   * with an Error when the pool is closed or its workers cannot start.
   */
  parse(bytes: Uint8Array, name: string, options?: ParseJobOptions): Promise<ParseOutcome>;
  close(): Promise<void>;
  /** workers alive, parsing, and files waiting: for tests and diagnostics */
  readonly load: { workers: number; busy: number; waiting: number };
}

export interface ParsePoolOptions {
  /** worker threads; defaultPoolSize() when absent */
  size?: number;
  /** per file, from when a worker starts on it; no limit when absent */
  timeoutMs?: number;
  /** each worker's JavaScript heap (V8 old generation), in MB; Node's default when absent */
  maxMemoryMb?: number;
  /** files that may wait for a worker; unbounded when absent */
  maxQueue?: number;
  /**
   * The worker's entry file (a file: URL or an absolute path); lib/ingest/parse-worker-boot.mjs
   * next to this module when absent. It speaks the protocol of parse-worker.ts.
   */
  workerUrl?: URL | string;
}

/** The pool's queue is full: the caller should try again shortly. */
export class ParserBusyError extends Error {
  constructor() {
    super('正在解析的文件太多，请稍后再试');
    this.name = 'ParserBusyError';
  }
}

/** Workers to use by default: the cores left after the main thread (and at least one). */
export const defaultPoolSize = () => Math.max(1, availableParallelism() - 1);

/** Workers that die before they are ready, in a row, after which waiting files are refused. */
const START_ATTEMPTS = 3;

/**
 * The default worker entry, beside this module. Made at run time, out of a bundler's sight:
 * Next's server build (Turbopack) follows `new URL('./x', import.meta.url)` and `new Worker(…)`
 * into the worker's imports (tsx, esbuild) and fails; the server passes its own workerUrl.
 */
function defaultWorkerUrl(): URL {
  const url = new URL(import.meta.url);
  url.pathname = url.pathname.replace(/[^/]*$/, 'parse-worker-boot.mjs');
  return url;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  name: string;
  maxBytes?: number;
  encode?: boolean;
  resolve(outcome: ParseOutcome): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy';
  job?: Job;
  timer?: NodeJS.Timeout;
  /** the error the worker died of, from its 'error' event */
  error?: Error;
  /** terminated by the pool (a timeout, close): its exit is no news */
  retired?: boolean;
}

const failed = (error: string): ParseOutcome => ({ parsed: null, error });

/** "30 s", "1.5 s", "0.2 s" */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(s < 1 ? 2 : 1))} s`;
}

const firstLine = (message: string) => message.split('\n', 1)[0].trim().slice(0, 200);

export function createParsePool(sizeOrOptions: number | ParsePoolOptions = {}): ParsePool {
  const options: ParsePoolOptions = typeof sizeOrOptions === 'number' ? { size: sizeOrOptions } : sizeOrOptions;
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  const { timeoutMs, maxMemoryMb, maxQueue } = options;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const resourceLimits: ResourceLimits | undefined = maxMemoryMb ? { maxOldGenerationSizeMb: maxMemoryMb } : undefined;

  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;
  /** workers that died before they were ready, in a row */
  let startFailures = 0;
  /** after START_ATTEMPTS failed starts: no more workers until the next parse() */
  let gaveUp = false;
  /** why the last worker could not start */
  let startError = '';

  const tooLong = () => failed(`parse stopped after ${seconds(timeoutMs!)}: the file takes too long to read`);
  const tooBig = () =>
    failed(maxMemoryMb ? `parse stopped: the file needs more than ${maxMemoryMb} MB of memory to read` : 'parse stopped: the file needs more memory than the parser may use');

  function spawn() {
    const slot: Slot = { worker: new Worker(/* turbopackIgnore: true */ workerUrl, { resourceLimits }), state: 'starting' };
    slots.add(slot);
    slot.worker.on('message', (reply: ParseReply) => {
      if ('ready' in reply) {
        if (slot.state !== 'starting') return;
        slot.state = 'idle';
        startFailures = 0;
        pump();
      } else if (slot.job?.id === reply.id) {
        const job = slot.job;
        clearTimeout(slot.timer);
        slot.job = slot.timer = undefined;
        slot.state = 'idle';
        job.resolve(reply.outcome);
        pump();
      }
    });
    slot.worker.on('error', (err) => {
      slot.error = err;
    });
    slot.worker.on('exit', (code) => died(slot, code));
    refs();
  }

  /** Workers up to the pool's size (none once closed, or after repeated failed starts). */
  function refill() {
    while (!closed && !gaveUp && slots.size < size) {
      try {
        spawn();
      } catch (err) {
        // (a Worker that cannot even be made: the files waiting are refused, the next parse() tries again)
        giveUp(err instanceof Error ? firstLine(err.message) : String(err));
      }
    }
  }

  function giveUp(why: string) {
    gaveUp = true;
    startError = why;
    for (const job of queue.splice(0)) job.reject(new Error(`parse workers cannot start: ${why}`));
  }

  function died(slot: Slot, code: number) {
    slots.delete(slot);
    clearTimeout(slot.timer);
    if (slot.retired) return;
    const why = slot.error ? firstLine(slot.error.message) : `exit code ${code}`;
    if (slot.state === 'starting') {
      if (++startFailures >= START_ATTEMPTS) giveUp(why);
    } else if (slot.job) {
      const outOfMemory = (slot.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      slot.job.resolve(outOfMemory ? tooBig() : failed(slot.error ? `parse stopped: the parser failed on this file (${why})` : `parse stopped: the parser exited unexpectedly (${why})`));
      slot.job = undefined;
    }
    refill();
    refs();
  }

  function timedOut(slot: Slot) {
    const job = slot.job!;
    slot.retired = true;
    slot.job = slot.timer = undefined;
    slots.delete(slot);
    job.resolve(tooLong());
    void slot.worker.terminate();
    refill();
    refs();
  }

  /** Hands waiting files to idle workers. */
  function pump() {
    for (const slot of slots) {
      if (queue.length === 0) break;
      if (slot.state !== 'idle') continue;
      const job = queue.shift()!;
      slot.state = 'busy';
      slot.job = job;
      if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) slot.timer = setTimeout(() => timedOut(slot), timeoutMs);
      slot.worker.postMessage({ id: job.id, bytes: job.bytes, name: job.name, maxBytes: job.maxBytes, encode: job.encode } satisfies ParseRequest);
    }
    refs();
  }

  /** A worker keeps the process alive only while it parses, or starts with files waiting. */
  function refs() {
    for (const slot of slots) {
      if (slot.state === 'busy' || (slot.state === 'starting' && queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  refill();

  return {
    parse(bytes, name, jobOptions = {}) {
      if (closed) return Promise.reject(new Error('parse pool is closed'));
      if (gaveUp) {
        gaveUp = false;
        startFailures = 0;
        refill();
        if (gaveUp) return Promise.reject(new Error(`parse workers cannot start: ${startError}`));
      }
      const idle = [...slots].some((s) => s.state === 'idle');
      if (!idle && maxQueue !== undefined && queue.length >= maxQueue) return Promise.reject(new ParserBusyError());
      return new Promise<ParseOutcome>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, name, maxBytes: jobOptions.maxBytes, encode: jobOptions.encode, resolve, reject });
        pump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('parse pool is closed');
      for (const job of queue.splice(0)) job.reject(stopped);
      const all = [...slots];
      slots.clear();
      for (const slot of all) {
        slot.retired = true;
        clearTimeout(slot.timer);
        slot.job?.reject(stopped);
        slot.job = undefined;
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
    get load() {
      const all = [...slots];
      return { workers: all.length, busy: all.filter((s) => s.state === 'busy').length, waiting: queue.length };
    },
  };
}
