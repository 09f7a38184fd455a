// npm run -s restore -- FILE.ndjson.gz [--database-url URL | --data-dir DIR]
// Restores a backup made by `npm run backup` into an empty database: a new PGlite directory or a
// new PostgreSQL database (the app's own, DATABASE_URL or ./.data, unless one is named). The
// database is created and migrated if need be; one that already holds data is refused and left
// as it is. All or nothing: a damaged or truncated file writes nothing.
// Staff accounts come back without their passwords: each needs
// `npm run -s admin:create -- NAME --reset-password` before signing in again.
// Exit 0 when restored, 1 when the file is not a usable backup, the database is not empty or
// cannot be opened, or the restore failed; 2 for bad usage.

import { existsSync, statSync } from 'node:fs';
import { asc } from 'drizzle-orm';
import { readBackupHeader, restoreBackup, type BackupHeader } from '../db/backup';
import { accounts } from '../db/schema';
import { PARSER_VERSION } from '../lib/parse/report';
import { parseCommandArgs } from '../lib/cli/args';
import { parseUsage, UsageError } from '../lib/cli/usage';
import { oneBackupFile } from '../lib/cli/backup-file';
import { databaseLabel, withDatabase } from '../lib/cli/database';
import { oneLine } from '../lib/cli/errors';
import { formatBytes } from '../lib/cli/format';
import { runCommand } from '../lib/cli/main';
import { progress, tableProgress } from '../lib/cli/progress';

const USAGE = `usage: npm run -s restore -- FILE.ndjson.gz [--database-url URL | --data-dir DIR]
  restores a backup made by npm run backup into an empty database: the app's (DATABASE_URL, else
  PGlite in ./.data) unless --database-url (a new PostgreSQL database) or --data-dir (a new PGlite
  directory) names another. A database that holds data is refused.`;

/** Accounts named in the summary; more are counted. */
const NAMED_ACCOUNTS = 10;

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('restore', USAGE, () => {
    const parsed = parseCommandArgs(argv);
    if (parsed === 'help') return parsed;
    const file = oneBackupFile(parsed);
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a backup file`);
    return { ...parsed, file };
  });
  if (typeof args === 'number') return args;
  const { file } = args;

  // before any database is created: is it a backup this code can restore?
  let header: BackupHeader;
  try {
    header = await readBackupHeader(file);
  } catch (err) {
    process.stderr.write(`restore: ${oneLine(err)}\n`);
    return 1;
  }

  // Ctrl-C: stop at once; the transaction is never committed, so nothing is restored
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code));

  return withDatabase({ command: 'restore', options: args.options }, async (database) => {
    const bar = progress(Object.keys(header.tables).length);
    let summary;
    try {
      summary = await restoreBackup(database.db, file, { progress: tableProgress(bar, 'restored') });
    } finally {
      bar.finish();
    }
    const lines = [
      `restored ${file} (made ${summary.header.createdAt}) into ${databaseLabel(args.options)}: ${Object.keys(summary.tables).length} tables, ` +
        `${summary.rows.toLocaleString('en-US')} rows, ${formatBytes(summary.bytes)} in ${summary.seconds.toFixed(1)} s`,
    ];
    const names = (await database.db.select({ name: accounts.name }).from(accounts).orderBy(asc(accounts.name))).map((a) => a.name);
    if (names.length) {
      const shown = names.slice(0, NAMED_ACCOUNTS).join(', ') + (names.length > NAMED_ACCOUNTS ? ` and ${names.length - NAMED_ACCOUNTS} more` : '');
      lines.push(`  ${names.length} staff account${names.length === 1 ? '' : 's'} restored without a password (${shown}): give each a new one with`);
      lines.push('  npm run -s admin:create -- NAME --reset-password');
    }
    if (summary.header.parserVersion !== PARSER_VERSION) {
      lines.push(`  the figures come from parser ${summary.header.parserVersion}; this code's parser is ${PARSER_VERSION}: npm run -s reparse re-derives them`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

runCommand('restore', main);
