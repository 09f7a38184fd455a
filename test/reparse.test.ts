// Reparse on both databases: nothing to do right after ingest; damaged rows and documents
// restored and reported (through the command); a file that failed before placed as ingest
// would; a report whose identity now reads differently moved to it; bundled reports without
// text skipped and counted.

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { ingestBundled, ingestFile, sha256 } from '../db/ingest';
import { reparseAll, type ReparseOutcome } from '../db/reparse';
import { figures, reports, reportWarnings, sourceFiles } from '../db/schema';
import { parseReportBytes } from '../lib/parse/file';
import { reportFigures } from '../lib/report/figures';
import { runScript, STACK_LINE } from './support/cli';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { corruptPdf, generatedReports, seedBytes } from './support/report-files';
import { countRows, figureCountOf, NO_ORPHANS, orphans } from './support/rows';

const kinds = (outcomes: ReparseOutcome[]) => {
  const tally: Record<string, number> = {};
  for (const o of outcomes) tally[o.kind] = (tally[o.kind] ?? 0) + 1;
  return tally;
};

describeEachDatabase('reparse', (kind) => {
  let target: TestDatabase;
  let database: Database | null = null;
  const db = () => database!.db;
  const seed = { name: 'huitong-2020.txt', bytes: seedBytes() };
  const [genA, genB, genBundled, genFailed, genMoved] = generatedReports(5);
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
    for (const f of [seed, genA, genB, genMoved]) ids[f.name] = (await ingestFile(db(), f)).reportId!;
    await ingestFile(db(), corruptPdf());
    const bundled = await parseReportBytes(genBundled.bytes, genBundled.name);
    await ingestBundled(db(), { name: genBundled.name, sha256: sha256(genBundled.bytes), size: genBundled.bytes.length, format: 'text', url: null, report: bundled.report });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('right after ingest, nothing changes; bundled reports without text are counted', async () => {
    const outcomes = await reparseAll(db());
    expect(kinds(outcomes)).toEqual({ unchanged: 4, 'still-failing': 1, 'no-text': 1 });
  });

  it('restores a damaged figure, a deleted figure, a damaged document and lost warnings, and the command says what changed', async () => {
    const seedId = ids[seed.name];
    await db().update(figures).set({ value: 999 }).where(and(eq(figures.reportId, seedId), eq(figures.path, 'applications.total[6]')));
    await db().delete(figures).where(and(eq(figures.reportId, ids[genA.name]), eq(figures.path, 'appeals.review[4]')));
    await db().update(reports).set({ document: sql`jsonb_set(${reports.document}, '{issuer}', '"某某县人民政府"')` }).where(eq(reports.id, ids[genB.name]));
    await db().delete(reportWarnings).where(eq(reportWarnings.reportId, seedId));
    const expectedCount = reportFigures((await parseReportBytes(genA.bytes, genA.name)).report).length;

    if (kind === 'pglite') {
      await database!.close(); // the command needs the directory's lock
      database = null;
    }
    const run = await runScript('reparse', [], target.env);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^changed\s+3$/mu);
    expect(run.stdout).toMatch(new RegExp(`report ${seedId} \\(huitong-2020\\.txt\\): applications\\.total\\[6\\] 999 → 183; also warnings`, 'u'));
    expect(run.stdout).toMatch(new RegExp(`report ${ids[genA.name]} \\(.*\\): appeals\\.review\\[4\\] \\(none\\) → \\d+`, 'u'));
    expect(run.stdout).toMatch(new RegExp(`report ${ids[genB.name]} \\(.*\\): document`, 'u'));
    expect(run.stdout).toMatch(/^unchanged\s+1$/mu);
    expect(run.stdout).toMatch(/^still failing\s+1$/mu);
    expect(run.stdout).toMatch(/^no text: 1 /mu);
    database ??= await target.open();

    const [total] = await db().select({ value: figures.value }).from(figures).where(and(eq(figures.reportId, seedId), eq(figures.path, 'applications.total[6]')));
    expect(total.value).toBe(183);
    expect(await figureCountOf(db(), ids[genA.name])).toBe(expectedCount);
    const [docB] = await db().select({ issuer: reports.issuer, document: reports.document }).from(reports).where(eq(reports.id, ids[genB.name]));
    expect(docB.document.issuer).toBe(docB.issuer);
    expect(await countRows(db(), reportWarnings, eq(reportWarnings.reportId, seedId))).toBeGreaterThan(0);

    expect(kinds(await reparseAll(db()))).toEqual({ unchanged: 4, 'still-failing': 1, 'no-text': 1 });
  });

  it('a file that failed with an older parser is parsed now and placed as ingest would', async () => {
    await db().insert(sourceFiles).values({
      sha256: sha256(genFailed.bytes),
      bytes: genFailed.bytes,
      name: genFailed.name,
      format: 'text',
      size: genFailed.bytes.length,
      status: 'failed',
      error: 'an older parser could not read it',
      parserVersion: '0.0.1',
    });
    const outcomes = await reparseAll(db());
    const parsed = outcomes.find((o) => o.kind === 'parsed');
    expect(parsed).toMatchObject({ kind: 'parsed', file: genFailed.name, placement: { kind: 'stored' } });
    const reportId = parsed!.kind === 'parsed' ? parsed!.placement.reportId : -1;
    const [file] = await db().select().from(sourceFiles).where(eq(sourceFiles.name, genFailed.name));
    expect(file).toMatchObject({ status: 'parsed', error: null, reportId, role: 'original' });
    expect(file.text).not.toBeNull();
    expect(await figureCountOf(db(), reportId)).toBe(reportFigures((await parseReportBytes(genFailed.bytes, genFailed.name)).report).length);
    expect(kinds(await reparseAll(db()))).toEqual({ unchanged: 5, 'still-failing': 1, 'no-text': 1 });
  });

  it('a report filed under the wrong identity moves to the one its file tells', async () => {
    const wrongId = ids[genMoved.name];
    const [before] = await db().select().from(reports).where(eq(reports.id, wrongId));
    await db().update(reports).set({ identityKey: 'file:misfiled', regionId: null }).where(eq(reports.id, wrongId));
    const outcomes = await reparseAll(db());
    const moved = outcomes.find((o) => o.kind === 'changed');
    expect(moved).toMatchObject({ kind: 'changed', reportId: wrongId, aspects: ['identity'], moved: { kind: 'stored' } });
    expect(await countRows(db(), reports, eq(reports.id, wrongId))).toBe(0);
    const [now] = await db().select().from(reports).where(eq(reports.identityKey, before.identityKey));
    expect(now).toMatchObject({ regionId: before.regionId, year: before.year, isCurrent: true, figuresHash: before.figuresHash });
    expect(await figureCountOf(db(), now.id)).toBeGreaterThan(0);
    expect(await orphans(db())).toEqual(NO_ORPHANS);
    expect(kinds(await reparseAll(db()))).toEqual({ unchanged: 5, 'still-failing': 1, 'no-text': 1 });
  });
});
