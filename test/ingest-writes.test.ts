// How ingest sends its writes: a UTF-8 text file's bytes rebuilt by the server from its text, a
// report encoded by the parse worker exactly as this thread would encode it, and the rows of a
// report stored in one statement equal to the rows the report gives.

import { eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { figureRows, ingestFile, sha256 } from '../db/ingest';
import { rawExecute, rawRows, reachesDriver } from '../db/raw';
import { encodeReport } from '../lib/report/encoding';
import { checkResults, figures, reportFacts, reports, reportWarnings, sourceFiles } from '../db/schema';
import { isUtf8Of } from '../db/source-file-writes';
import { parseFile } from '../lib/ingest/outcome';
import { createParsePool } from '../lib/ingest/parse-pool';
import { reportFacts as factsOf } from '../lib/report/facts';
import { renderSynthetic, synthesize, syntheticFileName } from '../lib/synth/index';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { corruptPdf, seedBytes, simplifiedSeed } from './support/report-files';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('isUtf8Of', () => {
  it('holds only when the text encodes to exactly the bytes', () => {
    expect(isUtf8Of('会同县 2020', utf8('会同县 2020'))).toBe(true);
    expect(isUtf8Of('', new Uint8Array(0))).toBe(true);
    expect(isUtf8Of('会同县', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('会同县')]))).toBe(false); // a byte order mark
    expect(isUtf8Of('a\nb', utf8('a\r\nb'))).toBe(false);
    expect(isUtf8Of('会同县', new Uint8Array(iconv.encode('会同县', 'gbk')))).toBe(false);
    expect(isUtf8Of('\ufffd', new Uint8Array([0xff]))).toBe(false); // an invalid byte read as U+FFFD
  });
});

describe('encodeReport in the parse worker', () => {
  it('gives what this thread computes from the report it sends back', async () => {
    const pool = createParsePool(1);
    try {
      const bytes = seedBytes();
      const outcome = await pool.parse(bytes, 'huitong-2020.txt', { encode: true });
      expect(outcome.parsed).not.toBeNull();
      expect(outcome.parsed && 'encoded' in outcome ? outcome.encoded : null).toEqual(encodeReport(outcome.parsed!.report));
      // and only when asked
      expect('encoded' in (await pool.parse(bytes, 'huitong-2020.txt'))).toBe(false);
    } finally {
      await pool.close();
    }
  });
});

describeEachDatabase('ingest writes', (kind) => {
  let target: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  it('runs its own statements on the driver, in the transaction it is given', async () => {
    const name = `未登记区-${kind}`;
    const named = sql`select name from regions where name = ${name}`;
    await expect(
      database.db.transaction(async (tx) => {
        expect(reachesDriver(tx)).toBe(true);
        await rawExecute(tx, sql`insert into regions (name, level) values (${name}, 'county')`);
        expect(await rawRows(tx, named)).toEqual([{ name }]);
        // not committed: another session does not see it (PGlite has one session only)
        if (kind === 'postgres') expect(await rawRows(database.db, named)).toEqual([]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(reachesDriver(database.db)).toBe(true);
    expect(await rawRows(database.db, named)).toEqual([]);
  });

  const storedFile = async (bytes: Uint8Array) => {
    const [row] = await database.db.select().from(sourceFiles).where(eq(sourceFiles.sha256, sha256(bytes)));
    return row;
  };

  it('keeps every file byte for byte with the text the parser read, whether its bytes were sent or rebuilt from the text', async () => {
    const text = simplifiedSeed();
    const files = [
      { name: 'plain.txt', bytes: seedBytes() },
      { name: 'bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text.replace('来电7352次', '来电7354次'))]) },
      { name: 'crlf.txt', bytes: utf8(text.replace('来电7352次', '来电7355次').replace(/\n/gu, '\r\n')) },
      { name: 'gbk.txt', bytes: new Uint8Array(iconv.encode(text.replace('来电7352次', '来电7356次'), 'gbk')) },
    ];
    for (const file of files) {
      const result = await ingestFile(database.db, { ...file, url: null });
      expect(result.kind, file.name).not.toBe('failed');
      const row = await storedFile(file.bytes);
      expect(Buffer.from(row.bytes!).equals(Buffer.from(file.bytes)), file.name).toBe(true);
      expect(row.text, file.name).toBe((await parseFile(file.bytes, file.name)).parsed!.text);
      expect(row.size, file.name).toBe(file.bytes.length);
    }
    const broken = corruptPdf();
    expect((await ingestFile(database.db, { ...broken, url: null })).kind).toBe('failed');
    const row = await storedFile(broken.bytes);
    expect(Buffer.from(row.bytes!).equals(Buffer.from(broken.bytes))).toBe(true);
    expect(row.text).toBeNull();
  });

  it('stores a new report, encoded by the parse worker, with the rows the report gives', async () => {
    const [first, second] = [...synthesize({ seed: 3, reports: 2, counties: 1 })];
    const pool = createParsePool(1);
    try {
      for (const s of [first, second]) {
        const bytes = utf8(renderSynthetic(s));
        const name = syntheticFileName(s);
        const parsing = pool.parse(bytes, name, { encode: true });
        const result = await ingestFile(database.db, { bytes, name, url: null }, { parsing });
        expect(result.kind).toBe('stored');
        const report = (await parsing).parsed!.report;
        const id = result.reportId!;

        const [stored] = await database.db.select().from(reports).where(eq(reports.id, id));
        expect(stored.document).toEqual(JSON.parse(JSON.stringify(report)));
        expect(stored).toMatchObject({ isCurrent: true, version: 1, year: report.year, scope: report.scope });
        const figureRowsStored = await database.db.select().from(figures).where(eq(figures.reportId, id)).orderBy(figures.path);
        const expected = figureRows(id, report).sort((a, b) => (a.path < b.path ? -1 : 1));
        expect(figureRowsStored).toEqual(expected);
        const checks = await database.db.select().from(checkResults).where(eq(checkResults.reportId, id)).orderBy(checkResults.id);
        const own = checks.filter((c) => !c.checkId.startsWith('crossYear.'));
        expect(own.map((c) => [c.checkId, c.ok, c.severity, c.detail, c.failures])).toEqual(report.checks.map((c) => [c.id, c.ok, c.severity, c.detail ?? null, c.failures ?? null]));
        const warnings = await database.db.select().from(reportWarnings).where(eq(reportWarnings.reportId, id)).orderBy(reportWarnings.id);
        expect(warnings.map((w) => [w.code, w.message, w.line])).toEqual(report.warnings.map((w) => [w.code, w.message, w.line]));
        const [facts] = await database.db.select().from(reportFacts).where(eq(reportFacts.reportId, id));
        expect(facts).toMatchObject(factsOf(report));
      }
    } finally {
      await pool.close();
    }
    // the second year of the same body: its cross-year checks name the first
    const ids = (await database.db.select({ id: reports.id, year: reports.year }).from(reports).orderBy(reports.id)).slice(-2);
    const cross = await database.db.select().from(checkResults).where(eq(checkResults.reportId, ids[1].id));
    if (ids[1].year === (ids[0].year ?? 0) + 1) expect(cross.filter((c) => c.checkId.startsWith('crossYear.')).every((c) => c.otherReportId === ids[0].id)).toBe(true);
  });
});
