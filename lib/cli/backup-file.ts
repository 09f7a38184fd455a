// The one backup file the backup and restore commands take.

import type { CommandArgs } from './args';
import { UsageError } from './usage';

export function oneBackupFile(args: CommandArgs): string {
  if (args.files.length !== 1) throw new UsageError(args.files.length ? `one backup file at a time (got ${args.files.join(' ')})` : 'no backup file given');
  return args.files[0];
}
