// Worker thread of lib/ingest/parse-pool.ts: parses the files it is sent, one at a time.

import { parentPort } from 'node:worker_threads';
import { parseFile } from './outcome';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
}

parentPort!.on('message', async ({ id, bytes, name }: ParseRequest) => {
  parentPort!.postMessage({ id, outcome: await parseFile(bytes, name) });
});
