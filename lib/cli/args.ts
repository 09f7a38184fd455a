// The command line of a command that works on one database, named or the app's own.

import { resolve } from 'node:path';
import { maskUrl, type OpenOptions } from '../../db/client';
import { UsageError } from './usage';

export interface CommandArgs {
  /** the positional arguments */
  files: string[];
  /** the flags given, of those allowed */
  flags: Set<string>;
  /** the database named by --database-url or --data-dir; {} for the app's own */
  options: OpenOptions;
}

/** `FILE… [--database-url URL | --data-dir DIR] [flags]`, as the backup and restore commands take them. */
export function parseCommandArgs(argv: readonly string[], allowedFlags: readonly string[] = []): CommandArgs | 'help' {
  const files: string[] = [];
  const flags = new Set<string>();
  const options: OpenOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    const option = ['--database-url', '--data-dir'].find((o) => arg === o || arg.startsWith(`${o}=`));
    if (option) {
      const value = arg === option ? argv[++i] : arg.slice(option.length + 1);
      if (value === undefined || value === '') throw new UsageError(`${option} needs a value`);
      if (options.url !== undefined || options.dataDir !== undefined) throw new UsageError('name one database: --database-url or --data-dir, once');
      if (option === '--database-url') {
        if (!/^postgres(?:ql)?:\/\//u.test(value)) throw new UsageError(`--database-url takes a postgres:// URL (got ${maskUrl(value)})`);
        options.url = value;
      } else options.dataDir = resolve(value);
    } else if (allowedFlags.includes(arg)) flags.add(arg);
    else if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, flags, options };
}
