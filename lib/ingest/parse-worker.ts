// Worker thread of lib/ingest/parse-pool.ts: parses the files it is sent, one at a time.
//
// The protocol (a test's fixture worker speaks it too): once loaded, the worker posts
// `{ ready: true }`; for each ParseRequest it then posts one ParseReply with the same id.

import { parentPort } from 'node:worker_threads';
import { encodeReport } from '../report/encoding';
import { parseFile, type ParseOutcome } from './outcome';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  name: string;
  /** files above this many bytes are refused unread (lib/formats MAX_FILE_BYTES when absent) */
  maxBytes?: number;
  /** also encode the report for its writes (bulk loads: the writing thread has the more to do) */
  encode?: boolean;
}

export type ParseReply = { ready: true } | { id: number; outcome: ParseOutcome };

parentPort!.on('message', async ({ id, bytes, name, maxBytes, encode }: ParseRequest) => {
  const outcome = await parseFile(bytes, name, { maxBytes });
  if (encode && outcome.parsed) {
    // (a report it cannot encode is encoded again by the writer, which then reports the error)
    try {
      outcome.encoded = encodeReport(outcome.parsed.report);
    } catch {}
  }
  parentPort!.postMessage({ id, outcome } satisfies ParseReply);
});
parentPort!.postMessage({ ready: true } satisfies ParseReply);
