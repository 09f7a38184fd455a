// Staff accounts on a real database: creating them, signing in, sessions (expiry, sign-out,
// password resets), the regions an account may touch, and finding a region by code or name.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  AccountError,
  accountForSession,
  authenticate,
  createAccount,
  createSession,
  deleteSession,
  findAccount,
  regionInScope,
  resolveRegion,
  setPassword,
} from '../db/accounts';
import type { Database, Db } from '../db/client';
import { accounts, regionAliases, regions, sessions } from '../db/schema';
import { tokenHash } from '../lib/auth/token';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';

const PASSWORD = 'correct horse battery';

async function accountError(work: Promise<unknown>): Promise<AccountError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AccountError);
  return err as AccountError;
}

describeEachDatabase('accounts', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  let db: Db;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await testDb.open();
    db = database.db;
    const add = async (key: string, values: typeof regions.$inferInsert) => {
      const [row] = await db.insert(regions).values(values).returning({ id: regions.id });
      ids[key] = row.id;
    };
    await add('province', { code: '430000', name: '湖南省', level: 'province' });
    await add('city', { code: '431200', name: '怀化市', level: 'city', parentId: ids.province });
    await add('county', { code: '431225', name: '会同县', level: 'county', parentId: ids.city });
    await add('body', { name: '财政局', level: 'body', kind: 'department', parentId: ids.county });
    await add('sibling', { code: '431281', name: '洪江市', level: 'county', parentId: ids.city });
    await add('siblingBody', { name: '财政局', level: 'body', kind: 'department', parentId: ids.sibling });
    await add('district', { code: '431202', name: '鹤城区', level: 'county', parentId: ids.city });
    await db.insert(regionAliases).values([
      { alias: '会同', regionId: ids.county },
      { alias: '會同縣', regionId: ids.county },
      { alias: '会同县人民政府', regionId: ids.county },
      { alias: '洪江', regionId: ids.sibling },
      { alias: '洪江', regionId: ids.district }, // made up: one alias, two places
    ]);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('creates an account, storing only a scrypt hash of its password', async () => {
    const row = await createAccount(db, { name: 'alice', password: PASSWORD, regionId: ids.county });
    expect(row).toMatchObject({ name: 'alice', regionId: ids.county });
    expect(row.passwordHash).toMatch(/^scrypt\$15\$8\$1\$/u);
    expect(row.passwordHash).not.toContain(PASSWORD);
    const [stored] = await db.select().from(accounts).where(eq(accounts.id, row.id));
    expect(stored.passwordHash).toBe(row.passwordHash);
    expect(await findAccount(db, ' alice ')).toEqual({ id: row.id, name: 'alice', regionId: ids.county, regionName: '会同县', regionCode: '431225' });
    expect(await findAccount(db, 'nobody')).toBeNull();
  });

  it('creates an account without a region limit', async () => {
    const row = await createAccount(db, { name: '省厅管理员', password: PASSWORD });
    expect(row.regionId).toBeNull();
    expect(await authenticate(db, '省厅管理员', PASSWORD)).toEqual({ id: row.id, name: '省厅管理员', regionId: null, regionName: null, regionCode: null });
  });

  it('refuses a duplicate name (also trimmed, also when two are created at once)', async () => {
    expect((await accountError(createAccount(db, { name: 'alice', password: PASSWORD }))).kind).toBe('duplicate');
    const err = await accountError(createAccount(db, { name: ' alice\t', password: 'another password' }));
    expect(err.kind).toBe('duplicate');
    expect(err.message).toMatch(/already exists/);
    const results = await Promise.allSettled([createAccount(db, { name: 'twin', password: PASSWORD }), createAccount(db, { name: 'twin', password: PASSWORD })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AccountError);
    expect((rejected.reason as AccountError).kind).toBe('duplicate');
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(65), /too long/],
    ['ali\u0000ce', /control/],
    ['ali\nce', /control/],
    ['ali\u200bce', /invisible/],
  ])('refuses the name %j', async (name, reason) => {
    const err = await accountError(createAccount(db, { name, password: PASSWORD }));
    expect(err.kind).toBe('name');
    expect(err.message).toMatch(reason);
  });

  it('refuses a weak password and an unknown region, creating nothing', async () => {
    const weak = await accountError(createAccount(db, { name: 'bob', password: 'short' }));
    expect([weak.kind, weak.message]).toEqual(['password', expect.stringMatching(/too short/)]);
    expect((await accountError(createAccount(db, { name: 'bob', password: ' '.repeat(12) }))).kind).toBe('password');
    const region = await accountError(createAccount(db, { name: 'bob', password: PASSWORD, regionId: 999_999 }));
    expect(region.kind).toBe('region');
    expect(await findAccount(db, 'bob')).toBeNull();
  });

  it('authenticates the right password only, with the region of the account', async () => {
    const alice = await authenticate(db, 'alice', PASSWORD);
    expect(alice).toMatchObject({ name: 'alice', regionId: ids.county, regionName: '会同县', regionCode: '431225' });
    expect(alice).not.toHaveProperty('passwordHash');
    expect(await authenticate(db, 'alice', 'correct horse batter')).toBeNull();
    expect(await authenticate(db, 'Alice', PASSWORD)).toBeNull();
    expect(await authenticate(db, 'nobody', PASSWORD)).toBeNull();
    expect(await authenticate(db, '', PASSWORD)).toBeNull();
    expect(await authenticate(db, 'x'.repeat(10_000), PASSWORD)).toBeNull();
  });

  it('spends as long on a name that has no account as on one that has', async () => {
    const time = async (name: string) => {
      const start = performance.now();
      expect(await authenticate(db, name, 'wrong password!')).toBeNull();
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time('alice'));
      unknown.push(await time('nobody'));
      unknown.push(await time('\u0000')); // an impossible name too
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // a lookup alone takes about a millisecond; a password check tens of them
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  it('keeps sessions by the hash of their token, and ends them on sign-out', async () => {
    const alice = (await authenticate(db, 'alice', PASSWORD))!;
    const before = Date.now();
    const { token, expiresAt } = await createSession(db, alice.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(12 * 3600 * 1000 - 1000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(12 * 3600 * 1000 + 1000);
    const rows = await db.select().from(sessions).where(eq(sessions.accountId, alice.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([tokenHash(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await accountForSession(db, token)).toEqual(alice);
    const other = await createSession(db, alice.id);
    expect(other.token).not.toBe(token);
    await deleteSession(db, token);
    expect(await accountForSession(db, token)).toBeNull();
    expect(await accountForSession(db, other.token)).toEqual(alice); // only that session ended
    await deleteSession(db, 'no such token');
    await deleteSession(db, undefined);
    await deleteSession(db, other.token);
  });

  it('finds no account for a missing, unknown or malformed token', async () => {
    for (const token of [undefined, null, '', 'unknown', tokenHash('x'), 'x'.repeat(10_000)]) expect(await accountForSession(db, token)).toBeNull();
  });

  it('ends an expired session, deleting it', async () => {
    const alice = (await findAccount(db, 'alice'))!;
    const { token } = await createSession(db, alice.id);
    const kept = await createSession(db, alice.id);
    await db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.tokenHash, tokenHash(token)));
    expect(await accountForSession(db, token)).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash(token)))).toHaveLength(0);
    expect(await accountForSession(db, kept.token)).toMatchObject({ name: 'alice' });

    // a new session sweeps away the account's expired ones
    await db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(sessions.tokenHash, tokenHash(kept.token)));
    const fresh = await createSession(db, alice.id);
    const left = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.accountId, alice.id));
    expect(left.map((r) => r.tokenHash)).toEqual([tokenHash(fresh.token)]);
    await deleteSession(db, fresh.token);
  });

  it('resets a password, ending every session of that account only', async () => {
    const alice = (await findAccount(db, 'alice'))!;
    const admin = (await findAccount(db, '省厅管理员'))!;
    const a1 = await createSession(db, alice.id);
    const a2 = await createSession(db, alice.id);
    const b = await createSession(db, admin.id);
    const row = await setPassword(db, 'alice', 'a brand new password');
    expect(row.id).toBe(alice.id);
    expect(await accountForSession(db, a1.token)).toBeNull();
    expect(await accountForSession(db, a2.token)).toBeNull();
    expect(await accountForSession(db, b.token)).toMatchObject({ name: '省厅管理员' });
    expect(await authenticate(db, 'alice', PASSWORD)).toBeNull();
    expect(await authenticate(db, 'alice', 'a brand new password')).toMatchObject({ id: alice.id });
  });

  it('refuses to reset the password of an unknown account, or to a weak one', async () => {
    expect((await accountError(setPassword(db, 'nobody', PASSWORD))).kind).toBe('unknown');
    expect((await accountError(setPassword(db, 'alice', 'short'))).kind).toBe('password');
    expect(await authenticate(db, 'alice', 'a brand new password')).not.toBeNull();
  });

  it('lets an account without a limit touch every region, and things with no region', async () => {
    for (const id of [...Object.values(ids), 999_999, null]) expect(await regionInScope(db, { regionId: null }, id)).toBe(true);
  });

  it("limits an account to its region and the regions under it", async () => {
    const scope = async (limit: keyof typeof ids, target: keyof typeof ids | null) => regionInScope(db, { regionId: ids[limit] }, target === null ? null : ids[target]);
    expect(await scope('county', 'county')).toBe(true);
    expect(await scope('county', 'body')).toBe(true);
    expect(await scope('county', 'sibling')).toBe(false);
    expect(await scope('county', 'siblingBody')).toBe(false);
    expect(await scope('county', 'city')).toBe(false);
    expect(await scope('county', 'province')).toBe(false);
    expect(await scope('county', null)).toBe(false);
    expect(await regionInScope(db, { regionId: ids.county }, 999_999)).toBe(false);

    expect(await scope('province', 'body')).toBe(true); // three levels down
    expect(await scope('province', 'siblingBody')).toBe(true);
    expect(await scope('city', 'district')).toBe(true);
    expect(await scope('city', 'province')).toBe(false);
    expect(await scope('body', 'body')).toBe(true);
    expect(await scope('body', 'county')).toBe(false);
  });

  it('resolves a region by code, name or alias', async () => {
    expect(await resolveRegion(db, '431225')).toEqual({ id: ids.county, name: '会同县', code: '431225' });
    expect(await resolveRegion(db, ' 会同县 ')).toEqual({ id: ids.county, name: '会同县', code: '431225' });
    expect(await resolveRegion(db, '會同縣')).toEqual({ id: ids.county, name: '会同县', code: '431225' });
    expect(await resolveRegion(db, '会同')).toEqual({ id: ids.county, name: '会同县', code: '431225' });
    expect(await resolveRegion(db, '湖南省')).toEqual({ id: ids.province, name: '湖南省', code: '430000' });
    expect(await resolveRegion(db, `r${ids.body}`)).toEqual({ id: ids.body, name: '财政局', code: null });
  });

  it('says which regions a name could mean, and when none matches', async () => {
    const bodies = await resolveRegion(db, '财政局');
    expect(bodies).toBe(`"财政局" names 2 regions: 财政局 r${ids.body} (body under 会同县), 财政局 r${ids.siblingBody} (body under 洪江市); give the code (or r<id>) of the one you mean`);
    const alias = await resolveRegion(db, '洪江');
    expect(alias).toMatch(/^"洪江" names 2 regions: 鹤城区 431202, 洪江市 431281;/u);
    for (const query of ['431299', '4312', '会', 'r999999', '']) {
      const none = await resolveRegion(db, query);
      expect(typeof none, query).toBe('string');
      expect(none).not.toMatch(/\n/u);
    }
    expect(await resolveRegion(db, '431299')).toMatch(/no region has the code or name "431299"/);
  });
});
