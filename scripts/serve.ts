// npm run -s serve [-- --port 3000] [--hostname 127.0.0.1]
// Serves the production build (`next build`; NIANBAO_NEXT_DIR or .next) as `next start` does, on
// PORT (default 3000) and every interface unless a hostname is given, with one difference: requests
// are admitted one per event loop turn (lib/server/admission.ts), so that new connections are
// accepted while the server is busy and a burst of visitors is served in turn instead of half of
// them waiting past their timeout. `npm start` runs it after the build.
// SIGINT and SIGTERM stop it as `next start` does: requests in progress are finished (for at most
// 5 s), then it exits (130, 143). A server error (the port taken, say) exits 1.

import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseUsage } from '../lib/cli/usage';
import { runCommand } from '../lib/cli/main';
import { admitOnePerTurn } from '../lib/server/admission';
import { parseServeArgs } from '../lib/server/serve-args';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `usage: npm run -s serve -- [--port PORT] [--hostname HOST]
  serves the production build (run next build first) on PORT (default: $PORT, else 3000), on
  every interface unless --hostname is given.`;

/** how long a stopping server waits for the requests in progress (tests SIGKILL after 10 s) */
const DRAIN_MS = 5_000;

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('serve', USAGE, () => parseServeArgs(argv));
  if (typeof args === 'number') return args;
  // as `next start` does; next.config.js reads it when Next loads it
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: PROJECT_DIR, hostname: args.hostname, port: args.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer(
    admitOnePerTurn((req, res) => handle(req, res), {
      onError: (error, req) => console.error(`failed to handle ${req.method} ${req.url}:`, error),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  console.log(`Nianbao ready on http://${args.hostname ?? 'localhost'}:${args.port}`);

  const code = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => resolve(exitCode));
  });
  // as next start does: no new connections, idle ones closed, requests in progress (an upload,
  // an export) finished, within DRAIN_MS
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
  server.closeAllConnections();
  await app.close().catch((error: unknown) => console.error(error));
  return code;
}

runCommand('serve', main);
