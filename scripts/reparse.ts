// npm run -s reparse
// Re-derives every stored report from its source file with the current parser and says what
// changed; files that failed before are tried again. Exit 0, or 1 when the database cannot be
// opened or refused a report, 2 for bad usage.

import { openDatabase, type Database } from '../db/client';
import { reparseAll } from '../db/reparse';
import { reparseSummary } from '../db/summaries';
import { PARSER_VERSION } from '../lib/parse/report';
import { openFailure, oneLine } from '../lib/cli/errors';
import { progress, type Progress } from '../lib/cli/progress';

const USAGE = 'usage: npm run -s reparse   (re-derives every stored report with the current parser)';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.filter((a) => a !== '--').length) {
    process.stderr.write(`reparse: unexpected ${argv.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  let database: Database;
  try {
    database = await openDatabase();
  } catch (err) {
    process.stderr.write(`reparse: ${openFailure(err)}\n`);
    return 1;
  }
  // Ctrl-C (or SIGTERM) finishes the current report, then stops; a second one stops at once
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (interrupted = true));

  let bar: Progress | null = null;
  let total = 0;
  let outcomes;
  try {
    outcomes = await reparseAll(
      database.db,
      {
        total: (n) => {
          total = n;
          bar = progress(n);
        },
        start: (n, label) => bar?.start(n, label),
        done: (n, label, outcome) => bar?.done(n, label, outcome.kind),
        stop: () => interrupted,
      },
      oneLine,
    );
  } finally {
    (bar as Progress | null)?.finish();
    await database.close();
  }
  process.stdout.write(`reparsed with parser ${PARSER_VERSION}\n${reparseSummary(outcomes, total, interrupted)}\n`);
  return outcomes.some((o) => o.kind === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`reparse: ${oneLine(err)}\n`);
    process.exit(1);
  },
);
