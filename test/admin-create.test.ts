// The admin:create command as an administrator runs it without a terminal: the password from
// NIANBAO_ADMIN_PASSWORD, the account then signing in; clear one-line errors and exit codes for
// a duplicate name, an unknown region, a weak or missing password; --reset-password.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, findAccount } from '../db/accounts';
import { openDatabase } from '../db/client';
import { regions } from '../db/schema';
import { createTestDatabase, ROOT, type TestDatabase } from './support/databases';
import { STACK_LINE } from './support/cli';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PASSWORD = 'correct horse battery';

let testDb: TestDatabase;

/** The command with this password in its environment (none when null); stdin is a pipe, not a terminal. */
async function adminCreate(args: string[], password: string | null) {
  const env = { ...testDb.env };
  delete env.NIANBAO_ADMIN_PASSWORD;
  if (password !== null) env.NIANBAO_ADMIN_PASSWORD = password;
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'scripts/admin-create.ts'), ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: testDb.dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** One line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(result: { stdout: string; stderr: string }, message: RegExp) {
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

beforeAll(async () => {
  testDb = await createTestDatabase('pglite');
  await withDatabase(async (db) => {
    const [province] = await db.insert(regions).values({ code: '430000', name: '湖南省', level: 'province' }).returning();
    const [city] = await db.insert(regions).values({ code: '431200', name: '怀化市', level: 'city', parentId: province.id }).returning();
    await db.insert(regions).values({ code: '431225', name: '会同县', level: 'county', parentId: city.id });
  });
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
});

describe('admin:create', () => {
  it('creates an account limited to a region, which then signs in', async () => {
    const result = await adminCreate(['alice', '--region', '431225'], PASSWORD);
    expect(result).toMatchObject({ code: 0, stdout: 'created account alice (limited to 会同县 431225)\n' });
    expect(result.stdout).not.toContain(PASSWORD);
    expect(result.stderr).not.toContain(PASSWORD);
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'alice', PASSWORD)).toMatchObject({ name: 'alice', regionName: '会同县', regionCode: '431225' });
      expect(await authenticate(db, 'alice', 'correct horse batter')).toBeNull();
    });
  });

  it('refuses a name that exists, suggesting --reset-password', async () => {
    const result = await adminCreate(['alice'], 'another good password');
    expect(result.code).toBe(1);
    expectOneLineError(result, /account named alice already exists.*--reset-password/);
  });

  it('refuses an unknown region, creating nothing', async () => {
    const result = await adminCreate(['bob', '--region=999999'], PASSWORD);
    expect(result.code).toBe(1);
    expectOneLineError(result, /no region has the code or name "999999"/);
    expect(await withDatabase((db) => findAccount(db, 'bob'))).toBeNull();
  });

  it('exits 2 when there is neither a terminal nor NIANBAO_ADMIN_PASSWORD, and 1 for a weak password', async () => {
    const [missing, weak] = await Promise.all([adminCreate(['bob'], null), adminCreate(['bob'], 'short')]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing, /no password.*terminal.*NIANBAO_ADMIN_PASSWORD/);
    expect(weak.code).toBe(1);
    expectOneLineError(weak, /too short/);
  });

  it('resets a password with --reset-password', async () => {
    const result = await adminCreate(['alice', '--reset-password'], 'a brand new password');
    expect(result).toMatchObject({ code: 0, stdout: 'password reset for alice\n' });
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'alice', PASSWORD)).toBeNull();
      expect(await authenticate(db, 'alice', 'a brand new password')).toMatchObject({ name: 'alice', regionCode: '431225' });
      expect(await findAccount(db, 'bob')).toBeNull();
    });
  });
});
