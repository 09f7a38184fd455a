// Ingest, file by file, on both databases: a report with everything it holds, duplicates,
// mirror copies, a republished version, a corrupt file, pages that are no report, and two
// writers racing for the same report.

import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { ingestFile, type IngestResult } from '../db/ingest';
import { figures, regions, reports, sourceFiles } from '../db/schema';
import { parseReportBytes } from '../lib/parse/file';
import { reportFigures } from '../lib/report/figures';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { corruptPdf, generatedReports, HOTLINE_PATH, mirrorCopies, newsPage, republishedSeed, seedBytes, simplifiedSeed, type ReportFile } from './support/report-files';
import { countRows, figureCountOf, NO_ORPHANS, orphans } from './support/rows';

describeEachDatabase('ingest', (kind) => {
  let target: TestDatabase;
  let database: Database;
  const ingest = (f: ReportFile) => ingestFile(database.db, f);
  const seed: ReportFile = { name: 'huitong-2020.txt', bytes: seedBytes() };
  let seedResult: IngestResult;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
    seedResult = await ingest(seed);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('stores a report with its region, every figure with its line, its checks, warnings and file', async () => {
    expect(seedResult).toMatchObject({ kind: 'stored', failedChecks: [] });
    const parsed = await parseReportBytes(seed.bytes, seed.name);
    const [report] = await database.db.select().from(reports).where(eq(reports.id, seedResult.reportId!));
    expect(report).toMatchObject({ year: 2020, scope: 'jurisdiction', version: 1, isCurrent: true, status: 'parsed', completeness: 'complete', template: '2019' });
    const [region] = await database.db.select().from(regions).where(eq(regions.id, report.regionId!));
    expect(region).toMatchObject({ name: '会同县', code: '431225', level: 'county' });

    expect(await figureCountOf(database.db, report.id)).toBe(reportFigures(parsed.report).length);
    const [massRepeated] = await database.db
      .select()
      .from(figures)
      .where(and(eq(figures.reportId, report.id), eq(figures.path, 'applications.notProcessed.massRepeated[0]')));
    expect(massRepeated).toMatchObject({ value: 172, tableName: 'applications', rowKey: 'notProcessed.massRepeated', columnKey: '0', line: parsed.report.sources['applications.notProcessed.massRepeated[0]'] });

    const [file] = await database.db.select().from(sourceFiles).where(eq(sourceFiles.reportId, report.id));
    expect(file).toMatchObject({ name: 'huitong-2020.txt', format: 'text', status: 'parsed', role: 'original', size: seed.bytes.length });
    expect(Buffer.from(file.bytes!).equals(Buffer.from(seed.bytes))).toBe(true);
    expect(file.text).toBe(parsed.text);
  });

  it('an exact duplicate, under any name, is unchanged and stores nothing', async () => {
    const files = await countRows(database.db, sourceFiles);
    expect(await ingest({ name: 'elsewhere/copy-of-seed.txt', bytes: seedBytes() })).toMatchObject({ kind: 'unchanged', reportId: seedResult.reportId });
    expect(await countRows(database.db, sourceFiles)).toBe(files);
  });

  it('mirror copies (simplified, GBK HTML, pinyin glosses) are attached to the same report, no figure duplicated', async () => {
    const before = await figureCountOf(database.db, seedResult.reportId!);
    for (const copy of mirrorCopies()) {
      expect(await ingest(copy), copy.name).toMatchObject({ kind: 'copy', reportId: seedResult.reportId });
    }
    expect(await countRows(database.db, reports)).toBe(1);
    expect(await figureCountOf(database.db, seedResult.reportId!)).toBe(before);
    expect(await countRows(database.db, sourceFiles, and(eq(sourceFiles.reportId, seedResult.reportId!), eq(sourceFiles.role, 'copy')))).toBe(3);
  });

  it('a republished version becomes current, the first stays, and the changed figure is shown', async () => {
    const result = await ingest(republishedSeed());
    expect(result.kind).toBe('version');
    expect(result.changes).toEqual([{ path: HOTLINE_PATH, before: 7352, after: 7353 }]);
    const versions = await database.db.select().from(reports).orderBy(reports.version);
    expect(versions.map((r) => [r.id, r.version, r.isCurrent, r.supersedesId])).toEqual([
      [seedResult.reportId, 1, false, null],
      [result.reportId, 2, true, seedResult.reportId],
    ]);
    const hotline = async (reportId: number) =>
      (await database.db.select({ value: figures.value }).from(figures).where(and(eq(figures.reportId, reportId), eq(figures.path, HOTLINE_PATH))))[0].value;
    expect(await hotline(seedResult.reportId!)).toBe(7352);
    expect(await hotline(result.reportId!)).toBe(7353);

    // a mirror of the first edition arriving later is a copy of it, not a third version
    const late = { name: 'huitong-2020-gbk.txt', bytes: iconv.encode(simplifiedSeed(), 'gbk') };
    expect(await ingest(late)).toMatchObject({ kind: 'copy', reportId: seedResult.reportId });
    expect(await countRows(database.db, reports, eq(reports.isCurrent, true))).toBe(1);
    expect((await database.db.select().from(reports).where(eq(reports.isCurrent, true)))[0].id).toBe(result.reportId);
  });

  it('a corrupt file is stored as failed, with its bytes and a one-line error', async () => {
    const broken = corruptPdf();
    const result = await ingest(broken);
    expect(result.kind).toBe('failed');
    expect(result.error).toMatch(/PDF/u);
    expect(result.error).not.toContain('\n');
    const [file] = await database.db.select().from(sourceFiles).where(eq(sourceFiles.name, broken.name));
    expect(file).toMatchObject({ status: 'failed', format: 'pdf', reportId: null, role: null, error: result.error });
    expect(Buffer.from(file.bytes!).equals(Buffer.from(broken.bytes))).toBe(true);
    expect(await ingest(broken)).toMatchObject({ kind: 'unchanged' });
  });

  it('a page that is no report (a news page, random text) is kept as a failed file and never becomes a report', async () => {
    const reportsBefore = await countRows(database.db, reports);
    const lorem = { name: 'lorem.txt', bytes: Buffer.from('Lorem ipsum dolor sit amet, 2020.\nConsectetur adipiscing elit.\n') };
    for (const page of [newsPage(), lorem]) {
      const result = await ingest(page);
      expect(result, page.name).toMatchObject({ kind: 'failed' });
      expect(result.error).toMatch(/not an annual report/u);
    }
    // the news page names 会同县 and 2020: it must not have become a version of that report
    expect(await countRows(database.db, reports)).toBe(reportsBefore);
    expect(await countRows(database.db, sourceFiles, eq(sourceFiles.status, 'failed'))).toBe(3);
    expect(await orphans(database.db)).toEqual(NO_ORPHANS);
  });

  it('two writers racing for one report: one stores it, the other finds it', async () => {
    const [report] = generatedReports(1);
    const results = await Promise.all([ingest(report), ingest(report)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['stored', 'unchanged']);

    // two different files of one new report at once: one stores, the other is its copy
    const [, other] = generatedReports(2);
    const gbk = { name: `gbk-${other.name}`, bytes: iconv.encode(new TextDecoder().decode(other.bytes), 'gbk') };
    const pair = await Promise.all([ingest(other), ingest(gbk)]);
    expect(pair.map((r) => r.kind).sort()).toEqual(['copy', 'stored']);
    expect(pair[0].reportId).toBe(pair[1].reportId);
    expect(await orphans(database.db)).toEqual(NO_ORPHANS);
  });
});

describe('ingest of generated reports', () => {
  it('gives distinct complete reports that parse with their figures', async () => {
    const files = generatedReports(12);
    expect(new Set(files.map((f) => f.name)).size).toBe(12);
    for (const f of files.slice(0, 3)) {
      const { report } = await parseReportBytes(f.bytes, f.name);
      expect(report.tables).toHaveLength(3);
      expect(report.region.name).toBe(f.name.replace(/^\d+-|\.txt$/gu, ''));
    }
  });
});
