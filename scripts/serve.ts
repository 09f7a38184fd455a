// npm run -s serve [-- --port 3000] [--hostname 127.0.0.1]
// Serves the production build (`next build`; NIANBAO_NEXT_DIR or .next) as `next start` does, on
// PORT (default 3000) and every interface unless a hostname is given, with one difference: requests
// are admitted one per event loop turn (lib/server/admission.ts), so that new connections are
// accepted while the server is busy and a burst of visitors is served in turn instead of half of
// them waiting past their timeout. `npm start` runs it after the build.
// SIGINT and SIGTERM close the server and exit (130, 143).

import { createServer } from 'node:http';
import { parseUsage } from '../lib/cli/args';
import { runCommand } from '../lib/cli/main';
import { admitOnePerTurn } from '../lib/server/admission';
import { parseServeArgs } from '../lib/server/serve-args';
import { ROOT } from '../test/support/root';

const USAGE = `usage: npm run -s serve -- [--port PORT] [--hostname HOST]
  serves the production build (run next build first) on PORT (default: $PORT, else 3000), on
  every interface unless --hostname is given.`;

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('serve', USAGE, () => parseServeArgs(argv));
  if (typeof args === 'number') return args;
  // as `next start` does; next.config.js reads it when Next loads it
  (process.env as Record<string, string>).NODE_ENV ??= 'production';
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: ROOT, hostname: args.hostname, port: args.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer(
    admitOnePerTurn((req, res) => handle(req, res), {
      onError: (error, req) => console.error(`failed to handle ${req.method} ${req.url}:`, error),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.hostname, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  console.log(`Nianbao ready on http://${args.hostname ?? 'localhost'}:${port}`);

  const code = await new Promise<number>((resolve) => {
    for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => resolve(exitCode));
  });
  server.close();
  server.closeAllConnections();
  await app.close().catch((error: unknown) => console.error(error));
  return code;
}

runCommand('serve', main);
