import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreReport } from '../lib/eval/compare';
import { parseReportBytes } from '../lib/parse/file';
import { reportFigures } from '../lib/report/figures';
import { CORPUS_DIR, HAS_CORPUS, corpusEntries } from './support/corpus';

describe.skipIf(!HAS_CORPUS)('real reports in ../shared/corpus match their expected figures', () => {
  it.each(corpusEntries())('%s', async (name, source) => {
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, `${name}.expected.json`), 'utf8'));
    const { report } = await parseReportBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, source))), source);
    const score = scoreReport(expected, report as never);
    expect(score.diffs).toEqual([]);
    expect(score.matched).toBe(score.compared);
  });

  it('every figure has a source line', async () => {
    for (const [, source] of corpusEntries()) {
      const { report, text } = await parseReportBytes(new Uint8Array(readFileSync(join(CORPUS_DIR, source))), source);
      const lineCount = text.split(/\r\n|\r|\n/u).length;
      for (const { path } of reportFigures(report)) {
        const line = report.sources[path];
        expect(line, `${source} ${path}`).toBeGreaterThanOrEqual(1);
        expect(line, `${source} ${path}`).toBeLessThanOrEqual(lineCount);
      }
    }
  });
});
