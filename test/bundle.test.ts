// The bundled data (data/): well formed, no report text but the seed's, and current: parsing
// ../shared/corpus again gives the same files. When the parser changes, this test says so.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, DATA_DIR, entryFileName, formatEntry, readBundle, REPORTS_SUBDIR, SEED_FILE, SEED_SOURCE, withoutQuotedText } from '../db/bundle';
import { reportSchema } from '../lib/report/schema';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';

const OUT_OF_DATE = 'data/ is out of date with the parser or the corpus: run `npm run -s bundle -- ../shared/corpus` and review the diff';

describe('bundled data', () => {
  const entries = readBundle();

  it('holds reports, one file each, in the stable format the bundler writes', () => {
    expect(entries.length).toBeGreaterThan(0);
    const files = readdirSync(join(DATA_DIR, REPORTS_SUBDIR)).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(entries.map(entryFileName));
    for (const entry of entries) {
      expect(readFileSync(join(DATA_DIR, REPORTS_SUBDIR, entryFileName(entry)), 'utf8'), `${entry.name}: ${OUT_OF_DATE}`).toBe(formatEntry(entry));
    }
  });

  it('holds valid reports with their file facts', () => {
    for (const entry of entries) {
      expect(entry.sha256, entry.name).toMatch(/^[0-9a-f]{64}$/u);
      expect(entry.size, entry.name).toBeGreaterThan(0);
      expect(['text', 'html', 'pdf', 'docx'], entry.name).toContain(entry.format);
      expect(entry.url === null || typeof entry.url === 'string', entry.name).toBe(true);
      const parsed = reportSchema.safeParse(entry.report);
      expect(parsed.success, `${entry.name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('ships no report text but the seed', () => {
    expect(entries.filter((e) => e.text).map((e) => e.name)).toEqual([SEED_FILE]);
    const seed = entries.find((e) => e.name === SEED_FILE)!;
    expect(seed.text).toBe(`sources/${SEED_FILE}`);
    expect(readFileSync(join(DATA_DIR, seed.text!))).toEqual(readFileSync(SEED_SOURCE));
    expect(readdirSync(join(DATA_DIR, 'sources'))).toEqual([SEED_FILE]);
    for (const entry of entries) {
      for (const w of entry.report.warnings) expect(w.message, `${entry.name} ${w.code}`).not.toMatch(/'[^'…]+'/u);
    }
  });

  it('cuts quoted report text out of warnings, keeping code and line', () => {
    const report = { warnings: [{ code: 'approximate', message: "publishedItems: '发布各类信息6900多条' (approximate)", line: 4 }] } as never;
    expect(withoutQuotedText(report).warnings).toEqual([{ code: 'approximate', message: "publishedItems: '…' (approximate)", line: 4 }]);
  });
});

describe.skipIf(!HAS_CORPUS)('bundled data is current with ../shared/corpus', () => {
  it('re-parsing the corpus gives the bundled files', { timeout: 120_000 }, async () => {
    const { entries: fresh } = await buildBundle(CORPUS_DIR);
    const shipped = readBundle();
    expect(shipped.map((e) => e.name), OUT_OF_DATE).toEqual(fresh.map((e) => e.name));
    for (const [i, entry] of fresh.entries()) {
      expect(formatEntry(shipped[i]), `${entry.name}: ${OUT_OF_DATE}`).toBe(formatEntry(entry));
    }
  });
});
