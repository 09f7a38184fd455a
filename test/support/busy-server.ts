// A loopback HTTP server for test/admission.test.ts, run in its own process: every request costs
// BUSY_MS of CPU, and its answer is the number of answers sent before it. `gated` puts the
// handler behind admitOnePerTurn (as scripts/serve.ts does), `plain` does not. Prints its port.

import { createServer, type RequestListener } from 'node:http';
import { admitOnePerTurn } from '../../lib/server/admission';

const BUSY_MS = 2;
let answered = 0;

const handler: RequestListener = (_req, res) => {
  const until = performance.now() + BUSY_MS;
  while (performance.now() < until);
  res.end(String(answered++));
};

const mode = process.argv[2];
if (mode !== 'gated' && mode !== 'plain') throw new Error('usage: busy-server.ts gated|plain');
const server = createServer(mode === 'gated' ? admitOnePerTurn(handler) : handler);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address) process.stdout.write(`${address.port}\n`);
});
