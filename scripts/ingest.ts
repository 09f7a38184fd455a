// npm run -s ingest -- PATH...
// Stores report files (files given by name; .txt .htm .html .pdf .docx found in folders,
// recursively) in the database, one transaction per report. A file that cannot be parsed is
// stored with its error. A second run stores nothing new and says so.
// Exit 0 when every file was stored (parse failures included), 1 when the database cannot be
// opened or a file could not be stored, 2 for bad usage.

import { readFile, stat } from 'node:fs/promises';
import { openDatabase, type Database } from '../db/client';
import { ingestFile, type IngestResult } from '../db/ingest';
import { ingestSummary, type IngestRun } from '../db/summaries';
import { MAX_FILE_BYTES } from '../lib/formats/index';
import { openFailure, oneLine } from '../lib/cli/errors';
import { collectFiles, MissingPathError } from '../lib/cli/files';
import { progress } from '../lib/cli/progress';

/** Reports are a few MB; a file far larger than the parser accepts is not kept either. */
const MAX_STORED_BYTES = 5 * MAX_FILE_BYTES;
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const USAGE = 'usage: npm run -s ingest -- PATH...   (files, or folders searched recursively for .txt .htm .html .pdf .docx)';

function readError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file (removed while ingesting?)';
  if (code === 'EACCES') return 'permission denied';
  return oneLine(err);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const separator = argv.indexOf('--');
  const options = (separator < 0 ? argv : argv.slice(0, separator)).filter((a) => a.startsWith('-'));
  const paths = argv.filter((a, i) => a !== '--' && !(a.startsWith('-') && (separator < 0 || i < separator)));
  if (options.length || paths.length === 0) {
    process.stderr.write(`${options.length ? `ingest: unknown option ${options.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }

  let files: string[];
  try {
    files = await collectFiles(paths);
  } catch (err) {
    process.stderr.write(`ingest: ${err instanceof MissingPathError ? err.message : oneLine(err)}\n${USAGE}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stdout.write(`nothing to ingest: no .txt .htm .html .pdf .docx files in ${paths.join(' ')}\n`);
    return 0;
  }

  let database: Database;
  try {
    database = await openDatabase();
  } catch (err) {
    process.stderr.write(`ingest: ${openFailure(err)}\n`);
    return 1;
  }

  // Ctrl-C (or SIGTERM) finishes the current report, then stops; a second one stops at once
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (interrupted = true));

  const run: IngestRun = { total: files.length, results: [], errors: [], interrupted: false };
  const bar = progress(files.length);
  try {
    for (const [i, file] of files.entries()) {
      if (interrupted) break;
      bar.start(i + 1, file);
      let result: IngestResult;
      try {
        const { size } = await stat(file);
        if (size > MAX_STORED_BYTES) throw new Error(`too large to store (${mib(size)}; the limit is ${mib(MAX_STORED_BYTES)})`);
        const bytes = new Uint8Array(await readFile(file));
        result = await ingestFile(database.db, { bytes, name: file });
      } catch (err) {
        run.errors.push({ file, error: readError(err) });
        bar.done(i + 1, file, 'NOT-STORED');
        continue;
      }
      run.results.push(result);
      bar.done(i + 1, file, result.kind);
    }
  } finally {
    bar.finish();
    await database.close();
  }
  run.interrupted = interrupted;
  process.stdout.write(`${ingestSummary(run)}\n`);
  return run.errors.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`ingest: ${oneLine(err)}\n`);
    process.exit(1);
  },
);
