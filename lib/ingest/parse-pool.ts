// Parsing in worker threads, for bulk loads: a database write waits on the server while the
// next files are parsed on other cores. Only scripts use it (tsx runs the TypeScript worker;
// Node passes its loader to worker threads through execArgv).

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from './outcome';
import type { ParseRequest } from './parse-worker';

export interface ParsePool {
  parse(bytes: Uint8Array, name: string): Promise<ParseOutcome>;
  close(): Promise<void>;
}

/** Workers to use by default: the cores left after the main thread (and at least one). */
export const defaultPoolSize = () => Math.max(1, availableParallelism() - 1);

export function createParsePool(size = defaultPoolSize()): ParsePool {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./parse-worker-boot.mjs', import.meta.url)));
  const pending = new Map<number, { resolve: (o: ParseOutcome) => void; reject: (e: Error) => void; worker: Worker }>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      load.set(worker, load.get(worker)! - 1);
      job.resolve(outcome);
    });
    worker.on('error', (err) => {
      for (const [id, job] of pending) {
        if (job.worker !== worker) continue;
        pending.delete(id);
        job.reject(new Error(`parse worker failed: ${err.message}`));
      }
      load.delete(worker);
    });
  }
  return {
    parse(bytes, name) {
      const candidates = [...load.entries()];
      if (candidates.length === 0) return Promise.reject(new Error('parse pool: every worker has failed'));
      const [worker] = candidates.reduce((a, b) => (b[1] < a[1] ? b : a));
      const id = nextId++;
      load.set(worker, load.get(worker)! + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ id, bytes, name } satisfies ParseRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
