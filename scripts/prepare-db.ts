// npm run -s prepare-db
// Opens the database (PGlite in ./.data, or DATABASE_URL), which creates it and runs the
// migrations, then loads the bundled data (data/) idempotently: a second run loads nothing new.
// `npm start` runs it before `next build` and the server (scripts/serve.ts).

import { isAbsolute, relative } from 'node:path';
import { loadBundle, readBundle } from '../db/bundle';
import { openDatabase, type Database } from '../db/client';

function where(database: Database): string {
  if (database.kind !== 'pglite') return database.location;
  const rel = relative(process.cwd(), database.location);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? database.location : `./${rel}`;
}

async function main(): Promise<number> {
  const entries = readBundle();
  if (entries.length === 0) process.stderr.write('prepare-db: data/reports/ holds no bundled reports (run npm run bundle)\n');
  const database = await openDatabase();
  try {
    const summary = await loadBundle(database.db, undefined, entries);
    console.log(`database ${where(database)}: ${summary.reports} reports (${summary.created} new${summary.updated ? `, ${summary.updated} brought up to date` : ""}), ${summary.regions} regions`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`prepare-db: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
