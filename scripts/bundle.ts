// npm run -s bundle [-- CORPUS_DIR]
// Parses every report in the corpus folder (default ../shared/corpus) and writes the bundled data:
// data/reports/<file>.json (figures, checks, warnings, source lines, sha256, URL; no report
// text) and data/sources/ (the seed report's text). Exit 1 when the folder cannot be read.

import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, DATA_DIR, writeBundle } from '../db/bundle';

const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

async function main(argv: string[]): Promise<number> {
  if (argv.length > 1 || argv.some((a) => a.startsWith('-'))) {
    process.stderr.write('usage: npm run -s bundle [-- CORPUS_DIR]\n');
    return 2;
  }
  const corpus = argv[0] ?? DEFAULT_CORPUS;
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    process.stderr.write(`bundle: ${corpus} is not a folder\n`);
    return 1;
  }
  const { entries, skipped } = await buildBundle(corpus);
  const { written, removed } = writeBundle(entries);
  const where = relative(process.cwd(), DATA_DIR) || '.';
  for (const s of skipped) console.log(`skipped ${s.name}: ${s.error}`);
  for (const f of written) console.log(`wrote   ${f}`);
  for (const f of removed) console.log(`removed ${f}`);
  const withText = entries.filter((e) => e.text).length;
  console.log(
    `${where}: ${entries.length} reports bundled (${withText} with text), ${skipped.length} skipped; ` +
      (written.length + removed.length ? `${written.length} files written, ${removed.length} removed` : 'nothing changed'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bundle: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
