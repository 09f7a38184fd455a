// A parse worker for test/parse-pool.test.ts: the real parser (lib/ingest/parse-worker.ts's
// protocol), except for a few file names that misbehave on purpose.
//   hang.txt      loops forever
//   allocate.txt  allocates without bound (until the worker's heap limit stops it)
//   crash.txt     throws outside any handler (the worker dies of it)
//   exit.txt      ends the worker's thread
//   slow.txt      answers after 300 ms, with an error outcome
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseFile } = await import('../../lib/ingest/outcome.ts');

parentPort.on('message', async ({ id, bytes, name, maxBytes }) => {
  switch (name) {
    case 'hang.txt':
      for (;;);
    case 'allocate.txt': {
      const hoard = [];
      for (let i = 0; ; i++) hoard.push({ i, list: [i, i + 1, i + 2], text: `item ${i}` });
    }
    case 'crash.txt':
      setImmediate(() => {
        throw new Error('fixture crash');
      });
      return;
    case 'exit.txt':
      process.exit(7);
    case 'slow.txt':
      await new Promise((resolve) => setTimeout(resolve, 300));
      parentPort.postMessage({ id, outcome: { parsed: null, error: 'slow fixture' } });
      return;
    default:
      parentPort.postMessage({ id, outcome: await parseFile(bytes, name, { maxBytes }) });
  }
});
parentPort.postMessage({ ready: true });
