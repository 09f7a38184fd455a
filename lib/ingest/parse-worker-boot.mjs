// Entry of the parse worker threads: Node 20 does not pass tsx's loader on to a worker's entry
// file, so the worker registers it itself before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
