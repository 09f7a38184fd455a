// Entry of the parse worker threads (lib/ingest/parse-pool.ts; the web server's pool starts it
// by its path from the project directory, see server-parser.ts): Node 20 does not pass tsx's
// loader on to a worker's entry file, so the worker registers it itself before loading the
// TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
