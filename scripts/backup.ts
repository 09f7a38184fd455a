// npm run -s backup -- FILE.ndjson.gz [--database-url URL | --data-dir DIR] [--force]
// Writes the whole database (reports, source files, figures, corrections, accounts without their
// passwords…) to one gzip-compressed JSON Lines file (db/backup.ts), read in one snapshot. The
// database is the app's (PGlite in ./.data or NIANBAO_DATA_DIR, or DATABASE_URL) unless named.
// An existing FILE is kept unless --force is given; a backup that fails leaves no file.
// Exit 0 when written, 1 when the database cannot be opened or read or the file written, 2 for
// bad usage.

import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupTables, writeBackup } from '../db/backup';
import { parseCommandArgs } from '../lib/cli/args';
import { parseUsage, UsageError } from '../lib/cli/usage';
import { databaseLabel, withDatabase } from '../lib/cli/database';
import { formatBytes } from '../lib/cli/format';
import { runCommand } from '../lib/cli/main';
import { progress, tableProgress } from '../lib/cli/progress';
import { oneBackupFile } from '../lib/cli/backup-file';

const USAGE = `usage: npm run -s backup -- FILE.ndjson.gz [--database-url URL | --data-dir DIR] [--force]
  writes the whole database to FILE (gzip-compressed JSON Lines; staff passwords and sign-ins are
  left out). The database is the app's (DATABASE_URL, else PGlite in ./.data) unless named.
  --force replaces an existing FILE.`;

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('backup', USAGE, () => {
    const parsed = parseCommandArgs(argv, ['--force']);
    if (parsed === 'help') return parsed;
    const file = oneBackupFile(parsed);
    const force = parsed.flags.has('--force');
    if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${file} is a folder; name the backup file to write`);
    if (existsSync(file) && !force) throw new UsageError(`${file} exists; name another file, or add --force to replace it`);
    if (!existsSync(dirname(file))) throw new UsageError(`no such folder: ${dirname(file)}`);
    return { ...parsed, file };
  });
  if (typeof args === 'number') return args;
  const { file } = args;

  // Ctrl-C: stop at once; the partial file is removed and the database closed on exit
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code));

  return withDatabase({ command: 'backup', options: args.options }, async (database) => {
    const tables = backupTables();
    const bar = progress(tables.length);
    let summary;
    try {
      summary = await writeBackup(database.db, file, { progress: tableProgress(bar, 'backed-up') });
    } finally {
      bar.finish();
    }
    const tableCounts = Object.entries(summary.header.tables)
      .map(([name, n]) => `${name} ${n.toLocaleString('en-US')}`)
      .join(', ');
    process.stdout.write(
      `backed up ${databaseLabel(args.options)} to ${file}: ${tables.length} tables, ${summary.rows.toLocaleString('en-US')} rows, ` +
        `${formatBytes(summary.bytes)} (${formatBytes(summary.jsonBytes)} uncompressed) in ${summary.seconds.toFixed(1)} s\n  ${tableCounts}\n` +
        `  left out: sessions, staged uploads and staff passwords\n`,
    );
    return 0;
  });
}

runCommand('backup', main);
