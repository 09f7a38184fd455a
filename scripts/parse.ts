// npm run -s parse -- FILE... [--json]
// Exit 0 when every file parsed (failed checks included), 1 when any could not be, 2 for bad usage.

import { readFile, stat } from 'node:fs/promises';
import { ReportReadError } from '../lib/formats/errors';
import { MAX_FILE_BYTES } from '../lib/formats/index';
import { parseReportBytes } from '../lib/parse/file';
import type { Report } from '../lib/report/contract';
import { summariseReport } from '../lib/report/summary';

const USAGE = 'usage: npm run -s parse -- FILE... [--json]';

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

type Outcome = { file: string; report: Report } | { file: string; error: string };

async function parseOne(file: string): Promise<Outcome> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ReportReadError('not a regular file', file);
    if (info.size > MAX_FILE_BYTES) throw new ReportReadError(`the file is too large (${mib(info.size)}; the limit is ${mib(MAX_FILE_BYTES)})`, file);
    const bytes = new Uint8Array(await readFile(file));
    const { report } = await parseReportBytes(bytes, file);
    return { file, report };
  } catch (err) {
    return { file, error: errorMessage(err) };
  }
}

function errorMessage(err: unknown): string {
  if (err instanceof ReportReadError) return err.message;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `could not be parsed: ${err instanceof Error ? err.message : String(err)}`;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length || files.length === 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await parseOne(file));

  if (json) {
    const body = outcomes.map((o) => ('report' in o ? o.report : o));
    process.stdout.write(JSON.stringify(files.length === 1 ? body[0] : body, null, 2) + '\n');
  } else {
    for (const o of outcomes) {
      if ('report' in o) process.stdout.write(summariseReport(o.report, o.file) + '\n\n');
      else process.stderr.write(`${o.file}: 无法解析：${o.error}\n`);
    }
  }
  return outcomes.some((o) => 'error' in o) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`parse: ${errorMessage(err)}\n`);
    process.exit(1);
  },
);
