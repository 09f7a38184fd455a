// Uploads waiting for their preview, and publishing them through the CLI's ingest path: the
// uploader is recorded, what staff set by hand is applied (and applied again by a re-parse), a
// report without region or year is held back, and an account limited to a county stores nothing
// of another one, not even a region row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, resolveRegion, type Account } from '../db/accounts';
import type { Database } from '../db/client';
import { parseFile } from '../db/ingest';
import { reparseVersion } from '../db/reparse';
import { regions, reports, sourceFiles } from '../db/schema';
import { assertRoomToStage, discardStaged, MAX_STAGED_BYTES, publishStaged, stagedUpload, stagedUploadsOf, stageUpload, TooManyStagedError } from '../db/uploads';
import type { IdentityAssignment } from '../lib/upload/assign';
import { untitledExcerpt } from './support/admin';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { ROOT } from './support/root';

const seed = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/huitong-2020.txt')));
const untitled = new TextEncoder().encode(untitledExcerpt());

async function stage(db: Database['db'], accountId: number, name: string, bytes: Uint8Array) {
  return stageUpload(db, accountId, { name, bytes }, await parseFile(bytes, name));
}

const asAccount = (row: { id: number; name: string; regionId: number | null }, regionName: string | null = null): Account => ({ ...row, regionName, regionCode: null });

describeEachDatabase('uploads', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let alice: Account;
  let county: Account;

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
    alice = asAccount(await createAccount(database.db, { name: 'alice', password: 'a long enough password' }));
    const huitong = await resolveRegion(database.db, '431225');
    if (typeof huitong === 'string') throw new Error(huitong);
    county = asAccount(await createAccount(database.db, { name: 'county', password: 'a long enough password', regionId: huitong.id }), '会同县');
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('keeps an upload for its uploader only, with what the parser found', async () => {
    const summary = await stage(database.db, alice.id, 'huitong-2020.txt', seed);
    expect(summary).toMatchObject({ name: 'huitong-2020.txt', region: '湖南省怀化市会同县', year: 2020, scope: 'jurisdiction', tables: 3, failedChecks: 0, missing: [], error: null });
    expect((await stagedUploadsOf(database.db, alice.id)).map((u) => u.id)).toContain(summary.id);
    expect(await stagedUploadsOf(database.db, county.id)).toEqual([]);
    expect(await stagedUpload(database.db, county.id, summary.id)).toBeNull();
    expect(await discardStaged(database.db, county.id, summary.id)).toBe(false);
    expect(await publishStaged(database.db, county, summary.id)).toMatchObject({ ok: false, status: 404 });
    expect(await discardStaged(database.db, alice.id, summary.id)).toBe(true);
    expect(await stagedUpload(database.db, alice.id, summary.id)).toBeNull();
  });

  it('a file that is no report is kept with its error and cannot be published', async () => {
    const summary = await stage(database.db, alice.id, 'notice.txt', new TextEncoder().encode('关于召开会议的通知\n请各单位准时参加。'));
    expect(summary.error).toMatch(/not an annual report/u);
    expect(await publishStaged(database.db, alice, summary.id)).toMatchObject({ ok: false, status: 422 });
  });

  it('publishes through ingest, recording the uploader; the same file again is a copy or unchanged', async () => {
    const summary = await stage(database.db, alice.id, 'huitong-2020.txt', seed);
    const published = await publishStaged(database.db, alice, summary.id);
    expect(published).toMatchObject({ ok: true, result: { kind: 'stored' } });
    const [file] = await database.db.select().from(sourceFiles).where(eq(sourceFiles.name, 'huitong-2020.txt'));
    expect(file).toMatchObject({ uploadedBy: alice.id, assigned: null, role: 'original' });
    expect(await stagedUpload(database.db, alice.id, summary.id)).toBeNull();
    const again = await stage(database.db, alice.id, 'again.txt', seed);
    expect(await publishStaged(database.db, alice, again.id)).toMatchObject({ ok: true, result: { kind: 'unchanged' } });
    expect(await stagedUpload(database.db, alice.id, again.id)).toBeNull();
  });

  it('holds back a report without region until one is set; the setting is kept and applied again on re-parse', async () => {
    const summary = await stage(database.db, alice.id, 'mirror.txt', untitled);
    expect(summary).toMatchObject({ region: null, year: 2020, missing: ['地区'] });
    expect(await publishStaged(database.db, alice, summary.id)).toMatchObject({ ok: false, status: 422, error: expect.stringContaining('未载明地区') });

    const assignment: IdentityAssignment = { region: { code: '431230', name: '通道侗族自治县', city: '怀化市', province: '湖南省' }, by: 'alice', at: '2026-11-29T10:00:00.000Z' };
    const published = await publishStaged(database.db, alice, summary.id, assignment);
    if (!published.ok) throw new Error(published.error);
    expect(published.result.kind).toBe('stored');
    const [report] = await database.db.select().from(reports).where(eq(reports.id, published.result.reportId!));
    const [region] = await database.db.select().from(regions).where(eq(regions.id, report.regionId!));
    expect(region).toMatchObject({ code: '431230', name: '通道侗族自治县' });
    expect(report.document.warnings.find((w) => w.code === 'identity-assigned')?.message).toBe('地区为通道侗族自治县（431230）：由工作人员于 2026-11-29 上传时指定');
    const [file] = await database.db.select().from(sourceFiles).where(eq(sourceFiles.name, 'mirror.txt'));
    expect(file.assigned).toEqual(assignment);

    // the file still says no region: a re-parse applies the setting again
    const reparsed = await reparseVersion(database.db, report.id);
    expect(reparsed?.kind).toBe('unchanged');
    const [after] = await database.db.select({ regionId: reports.regionId }).from(reports).where(eq(reports.id, report.id));
    expect(after.regionId).toBe(region.id);
  });

  it('a file stored before is left as it is: what staff set is refused rather than dropped, and another county’s file is refused', async () => {
    const again = await stage(database.db, alice.id, 'again.txt', seed);
    const year: IdentityAssignment = { year: 2021, by: 'alice', at: '2026-11-29T10:00:00.000Z' };
    expect(await publishStaged(database.db, alice, again.id, year)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining('以前已存储过') });
    expect(await stagedUpload(database.db, alice.id, again.id)).not.toBeNull();
    // the untitled excerpt is stored as 通道侗族自治县's (above): the county account may not touch it
    const theirs = await stage(database.db, county.id, 'theirs.txt', untitled);
    expect(await publishStaged(database.db, county, theirs.id)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses to keep more than an account may have waiting', async () => {
    await expect(assertRoomToStage(database.db, alice.id, 1)).resolves.toBeUndefined();
    await expect(assertRoomToStage(database.db, alice.id, MAX_STAGED_BYTES)).rejects.toBeInstanceOf(TooManyStagedError);
  });

  it('an account limited to 会同县 stores nothing of another county, not even its region', async () => {
    const regionsBefore = (await database.db.select({ n: count() }).from(regions))[0].n;
    const reportsBefore = (await database.db.select({ n: count() }).from(reports))[0].n;

    const other = await stage(database.db, county.id, 'elsewhere.txt', new TextEncoder().encode(`${untitledExcerpt()}\n\n`));
    const elsewhere: IdentityAssignment = { region: { code: '320813', name: '洪泽区', city: '淮安市', province: '江苏省' }, by: 'county', at: '2026-11-29T10:00:00.000Z' };
    expect(await publishStaged(database.db, county, other.id, elsewhere)).toMatchObject({ ok: false, status: 403, error: expect.stringContaining('不属于您可管理的地区（会同县及其下级）') });
    expect((await database.db.select({ n: count() }).from(regions))[0].n).toBe(regionsBefore);
    expect((await database.db.select({ n: count() }).from(reports))[0].n).toBe(reportsBefore);
    expect(await stagedUpload(database.db, county.id, other.id)).not.toBeNull();

    // its own county is fine (a copy of the report alice stored)
    const own: IdentityAssignment = { region: { code: '431225', name: '会同县', city: '怀化市', province: '湖南省' }, by: 'county', at: '2026-11-29T10:00:00.000Z' };
    expect(await publishStaged(database.db, county, other.id, own)).toMatchObject({ ok: true, result: { kind: 'copy' } });
    expect(await stagedUpload(database.db, county.id, other.id)).toBeNull();
  });
});
