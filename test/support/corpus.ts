// Where the real reports are. Tests that need them skip, loudly, when the folder is absent.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS_DIR);

if (!HAS_CORPUS) console.warn(`\n*** ../shared/corpus is absent (${CORPUS_DIR}): tests on real reports are SKIPPED ***\n`);

const SOURCE = /\.(txt|html|pdf|docx)$/u;

/** [name, source file name] for every source with an expected file beside it. */
export function corpusEntries(): [string, string][] {
  if (!HAS_CORPUS) return [];
  const names = readdirSync(CORPUS_DIR);
  return names
    .filter((n) => n.endsWith('.expected.json'))
    .map((n) => n.slice(0, -'.expected.json'.length))
    .map((name) => [name, names.find((n) => SOURCE.test(n) && n.replace(SOURCE, '') === name)] as [string, string | undefined])
    .filter((e): e is [string, string] => e[1] !== undefined)
    .sort();
}
