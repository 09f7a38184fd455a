// The command line of scripts/serve.ts.

import { UsageError } from '../cli/usage';

export interface ServeArgs {
  port: number;
  /** undefined: every interface */
  hostname: string | undefined;
}

/** `[--port PORT | -p PORT] [--hostname HOST | -H HOST]`; the port defaults to env.PORT, else 3000. */
export function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): ServeArgs | 'help' {
  let port = env.PORT ? Number(env.PORT) : 3000;
  let portFrom = env.PORT ? 'PORT' : '';
  let hostname: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (arg === '-h' || arg === '--help') return 'help';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-p' || flag === '--port') {
      port = Number(value());
      portFrom = flag;
    } else if (flag === '-H' || flag === '--hostname') hostname = value();
    else throw new UsageError(`unknown argument ${arg}`);
  }
  // not 0: Next builds its own URLs (a server action's redirect) from the port it is given
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${portFrom || 'the port'} needs a port number from 1 to 65535`);
  return { port, hostname };
}
