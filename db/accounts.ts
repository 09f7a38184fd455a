// Staff accounts and their sessions: creating accounts and resetting passwords (the
// admin:create command), signing in, the session behind a cookie, and the regions an account
// may read and write.

import { and, eq, lt, or, sql } from 'drizzle-orm';
import { DUMMY_HASH, hashPassword, parseStoredHash, passwordProblem, verifyPassword } from '../lib/auth/password';
import { newSessionToken, SESSION_TTL_MS, tokenHash } from '../lib/auth/token';
import { lookupPlace, placeByCode } from '../lib/geo/gazetteer';
import type { Db } from './client';
import { storePlace } from './regions';
import { accounts, regionAliases, regions, sessions } from './schema';
import { selectRows } from './sql';

export type AccountRow = typeof accounts.$inferSelect;

/** A signed-in account, with the region it is limited to (all null: every region). */
export interface Account {
  id: number;
  name: string;
  regionId: number | null;
  regionName: string | null;
  regionCode: string | null;
}

export type AccountErrorKind = 'name' | 'duplicate' | 'password' | 'region' | 'unknown';

/** Why an account could not be created or changed, in one English line. */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly kind: AccountErrorKind,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export const MAX_NAME_LENGTH = 64;

/** Control, format (zero-width, bidi) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Names are compared trimmed and in NFC: `alice ` signs in as `alice`. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim();
}

/** Why a name will not do as an account name; null when it is fine. */
export function nameProblem(name: string): string | null {
  const n = normaliseName(name);
  if (n === '') return 'the account name is empty';
  if ([...n].length > MAX_NAME_LENGTH) return `the account name is too long: it may have at most ${MAX_NAME_LENGTH} characters`;
  if (INVISIBLE.test(n)) return 'the account name has control or invisible characters';
  return null;
}

const accountColumns = {
  id: accounts.id,
  name: accounts.name,
  regionId: accounts.regionId,
  regionName: regions.name,
  regionCode: regions.code,
};

export async function createAccount(db: Db, input: { name: string; password: string; regionId?: number | null }): Promise<AccountRow> {
  const problem = nameProblem(input.name);
  if (problem) throw new AccountError(problem, 'name');
  const name = normaliseName(input.name);
  const weak = passwordProblem(input.password);
  if (weak) throw new AccountError(weak, 'password');
  const regionId = input.regionId ?? null;
  if (regionId !== null) {
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId));
    if (!region) throw new AccountError(`there is no region with id ${regionId}`, 'region');
  }
  const duplicate = () => new AccountError(`an account named "${name}" already exists`, 'duplicate');
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, name));
  if (existing) throw duplicate();
  const passwordHash = await hashPassword(input.password);
  // a second process may have created it while the password was being hashed
  const [row] = await db.insert(accounts).values({ name, passwordHash, regionId }).onConflictDoNothing().returning();
  if (!row) throw duplicate();
  return row;
}

/** A new password for an account (a reset): every session of the account ends. */
export async function setPassword(db: Db, name: string, password: string): Promise<AccountRow> {
  const weak = passwordProblem(password);
  if (weak) throw new AccountError(weak, 'password');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(accounts).set({ passwordHash }).where(eq(accounts.name, normaliseName(name))).returning();
    if (!row) throw new AccountError(`there is no account named "${normaliseName(name)}"`, 'unknown');
    await tx.delete(sessions).where(eq(sessions.accountId, row.id));
    return row;
  });
}

/**
 * The account with this name and password, or null. An unknown name costs one password check
 * too, so that the time taken does not tell which names exist.
 */
export async function authenticate(db: Db, name: string, password: string): Promise<Account | null> {
  if (typeof name !== 'string' || typeof password !== 'string') return null;
  const n = normaliseName(name);
  const [row] =
    nameProblem(n) === null
      ? await db
          .select({ ...accountColumns, passwordHash: accounts.passwordHash })
          .from(accounts)
          .leftJoin(regions, eq(regions.id, accounts.regionId))
          .where(eq(accounts.name, n))
      : [];
  // a hash that does not parse (an account restored from a backup, '!restored') costs the same
  // time as a real one, so that timing tells no one which names exist
  const stored = row && parseStoredHash(row.passwordHash) ? row.passwordHash : DUMMY_HASH;
  const ok = (await verifyPassword(password, stored)) && stored !== DUMMY_HASH;
  if (!row || !ok) return null;
  const { passwordHash: _, ...account } = row;
  return account;
}

/** The account with this name (trimmed, NFC), or null. */
export async function findAccount(db: Db, name: string): Promise<Account | null> {
  const [row] = await db.select(accountColumns).from(accounts).leftJoin(regions, eq(regions.id, accounts.regionId)).where(eq(accounts.name, normaliseName(name)));
  return row ?? null;
}

/** A new session; the token goes into the cookie, only its hash into the database. */
export async function createSession(db: Db, accountId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_TTL_MS);
  // the account's expired sessions go while we are here: no other sweep is needed
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), lt(sessions.expiresAt, new Date(now))));
  await db.insert(sessions).values({ tokenHash: tokenHash(token), accountId, expiresAt });
  return { token, expiresAt };
}

/** Tokens are 43 characters; anything much longer is not one, and is not hashed. */
const MAX_TOKEN_LENGTH = 256;

/** The account signed in with this cookie token; null when missing, unknown or expired (an expired session is deleted). */
export async function accountForSession(db: Db, token: string | undefined | null): Promise<Account | null> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return null;
  const hash = tokenHash(token);
  const [row] = await db
    .select({ ...accountColumns, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(regions, eq(regions.id, accounts.regionId))
    .where(eq(sessions.tokenHash, hash));
  if (!row) return null;
  if (row.expiresAt.getTime() <= Date.now()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, hash));
    return null;
  }
  const { expiresAt: _, ...account } = row;
  return account;
}

/** Signs out: the session of this token ends (nothing happens for an unknown one). */
export async function deleteSession(db: Db, token: string | undefined | null): Promise<void> {
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return;
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** Regions nest province → city → county → body; a longer chain is a loop in the data. */
const MAX_DEPTH = 16;

/**
 * Whether the account may read and write things of this region: always for an account without
 * a limit; for a limited one, only its own region and the regions under it (never things with
 * no region).
 */
export async function regionInScope(db: Db, account: Pick<Account, 'regionId'>, regionId: number | null): Promise<boolean> {
  if (account.regionId === null || account.regionId === undefined) return true;
  if (regionId === null || regionId === undefined) return false;
  if (regionId === account.regionId) return true;
  // walk up from the region: at most a few rows, whatever the size of the account's subtree
  const [row] = await selectRows<{ inside: boolean }>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from regions where id = ${regionId}
          union all
          select r.id, r.parent_id, up.depth + 1 from regions r join up on r.id = up.parent_id where up.depth < ${MAX_DEPTH})
        select exists(select 1 from up where id = ${account.regionId}) as inside`,
  );
  return row?.inside === true;
}

export interface RegionChoice {
  id: number;
  name: string;
  code: string | null;
}

const MAX_LISTED = 10;

/** `r<id>`: how the app names a region that has no code (lib/region/href.ts). */
const INTERNAL_ID = /^r(\d{1,9})$/u;

/**
 * The region named on the command line: by its exact GB/T 2260 code, its exact name or one of
 * its aliases (会同县, 会同, 會同縣 …), or `r<id>` for a region without a code. An English
 * error when none or several match.
 */
export async function resolveRegion(db: Db, query: string): Promise<RegionChoice | string> {
  const q = query.normalize('NFC').trim();
  if (q === '') return 'the region is empty: give its GB/T 2260 code (431225) or its name (会同县)';
  const parent = sql`(select p.name from regions p where p.id = ${regions.parentId})`;
  const matches = await db
    .selectDistinct({ id: regions.id, name: regions.name, code: regions.code, level: regions.level, parentName: sql<string | null>`${parent}` })
    .from(regions)
    .leftJoin(regionAliases, eq(regionAliases.regionId, regions.id))
    .where(INTERNAL_ID.test(q) ? eq(regions.id, Number(q.slice(1))) : or(eq(regions.code, q), eq(regions.name, q), eq(regionAliases.alias, q)))
    .orderBy(regions.code, regions.id);
  if (matches.length === 1) {
    const [{ id, name, code }] = matches;
    return { id, name, code };
  }
  if (matches.length === 0) {
    // a county with no report stored yet: its staff come first
    const listed = /^\d{6}$/u.test(q) ? placeByCode(q) : (() => {
      const places = lookupPlace(q)?.places ?? [];
      return places.length === 1 ? places[0] : null;
    })();
    if (listed && (listed.code === q || listed.name === q)) {
      const id = await storePlace(db, listed);
      return { id, name: listed.name, code: listed.code };
    }
    return `no region has the code or name "${q}" (give a GB/T 2260 code such as 431225, or a name such as 会同县)`;
  }
  const listed = matches.slice(0, MAX_LISTED).map((m) => {
    if (m.code) return `${m.name} ${m.code}`;
    return `${m.name} r${m.id} (${m.level}${m.parentName ? ` under ${m.parentName}` : ''})`;
  });
  const more = matches.length > MAX_LISTED ? ` and ${matches.length - MAX_LISTED} more` : '';
  return `"${q}" names ${matches.length} regions: ${listed.join(', ')}${more}; give the code (or r<id>) of the one you mean`;
}
