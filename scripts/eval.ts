// npm run -s eval -- DIR [--json]
// Parses every source in DIR that has a NAME.expected.json and scores it by the contract's
// evaluation rule. Exit 1 on any missing or wrong field, 2 for bad usage.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scoreReport, type Score } from '../lib/eval/compare';
import { parseReportBytes } from '../lib/parse/file';

const SOURCE_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx'];

interface FileResult {
  name: string;
  source: string | null;
  error?: string;
  score?: Score;
}

const show = (v: unknown) => (v === undefined ? '（无）' : JSON.stringify(v));

async function evaluate(dir: string): Promise<FileResult[]> {
  const names = await readdir(dir);
  const expectedFiles = names.filter((n) => n.endsWith('.expected.json')).sort();
  const results: FileResult[] = [];
  for (const expectedFile of expectedFiles) {
    const name = expectedFile.slice(0, -'.expected.json'.length);
    const source = names.find((n) => SOURCE_EXTENSIONS.some((ext) => n === name + ext)) ?? null;
    if (!source) {
      results.push({ name, source, error: 'no source file beside the expected file' });
      continue;
    }
    const expected = JSON.parse(await readFile(join(dir, expectedFile), 'utf8'));
    try {
      const { report } = await parseReportBytes(new Uint8Array(await readFile(join(dir, source))), source);
      results.push({ name, source, score: scoreReport(expected, report as never) });
    } catch (err) {
      results.push({ name, source, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}

function printText(results: FileResult[]) {
  const total = { compared: 0, matched: 0, missing: 0, wrong: 0 };
  const pad = Math.max(...results.map((r) => (r.source ?? r.name).length));
  console.log(`${'file'.padEnd(pad)}  compared  matched  missing  wrong`);
  for (const r of results) {
    const label = (r.source ?? r.name).padEnd(pad);
    if (!r.score) {
      console.log(`${label}  ERROR: ${r.error}`);
      continue;
    }
    const s = r.score;
    for (const k of ['compared', 'matched', 'missing', 'wrong'] as const) total[k] += s[k];
    console.log(`${label}  ${String(s.compared).padStart(8)}  ${String(s.matched).padStart(7)}  ${String(s.missing).padStart(7)}  ${String(s.wrong).padStart(5)}`);
    for (const d of s.diffs) console.log(`    ${d.kind.padEnd(7)} ${d.path}: expected ${show(d.expected)}, found ${show(d.found)}`);
  }
  const errors = results.filter((r) => !r.score).length;
  console.log(`${'TOTAL'.padEnd(pad)}  ${String(total.compared).padStart(8)}  ${String(total.matched).padStart(7)}  ${String(total.missing).padStart(7)}  ${String(total.wrong).padStart(5)}`);
  console.log(`${results.length} files, ${errors} could not be parsed; ${total.matched}/${total.compared} fields matched (${((100 * total.matched) / Math.max(total.compared, 1)).toFixed(2)}%)`);
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const dirs = argv.filter((a) => !a.startsWith('-'));
  if (dirs.length !== 1 || argv.some((a) => a.startsWith('-') && a !== '--json')) {
    process.stderr.write('usage: npm run -s eval -- DIR [--json]\n');
    return 2;
  }
  let results: FileResult[];
  try {
    results = await evaluate(dirs[0]);
  } catch (err) {
    process.stderr.write(`eval: cannot read ${dirs[0]}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (json) console.log(JSON.stringify(results, null, 2));
  else printText(results);
  return results.some((r) => !r.score || r.score.missing > 0 || r.score.wrong > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
