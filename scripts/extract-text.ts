// Prints the text lines extracted from a report file (PDF, HTML, DOCX or text):
//   npx tsx scripts/extract-text.ts FILE [--time]

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { extractText, ReportReadError } from '../lib/formats';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: tsx scripts/extract-text.ts FILE [--time]\n');
    return 2;
  }
  try {
    const bytes = new Uint8Array(await readFile(file));
    const started = performance.now();
    const result = await extractText(bytes, basename(file));
    const ms = performance.now() - started;
    process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    if (args.includes('--time')) {
      const enc = result.encoding ? `, ${result.encoding}` : '';
      process.stderr.write(`${result.format}${enc}: ${result.text.split('\n').length} lines in ${ms.toFixed(1)} ms\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ReportReadError) {
      process.stderr.write(`error: ${err.describe()}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`error: ${file}: cannot read the file (${code})\n`);
      return 1;
    }
    process.stderr.write(`error: ${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    return 1;
  }
}

main().then((code) => process.exit(code));
