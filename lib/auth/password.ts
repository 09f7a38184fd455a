// Passwords of staff accounts: scrypt with a random salt, stored with its parameters so that
// they can be raised later without invalidating the hashes already stored. Pure: node:crypto only.
//
//   scrypt$<log2 N>$<r>$<p>$<salt, base64>$<key, base64>
//
// Passwords are compared in Unicode NFC, so that the same characters typed on two systems
// (composed or decomposed) are the same password.

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^15: about 32 MiB and some tens of milliseconds per hash. */
const LOG2_N = 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** What a stored hash may ask for: raised parameters are fine, a hash that would take gigabytes is not. */
const MAX_MEMORY = 256 * 1024 * 1024;

/**
 * A valid hash, with the current parameters, of a password nobody knows (random bytes, thrown
 * away). Verifying against it costs what verifying a real account's password costs, so that
 * signing in with an unknown name takes as long as with a known one. Regenerate it whenever
 * the parameters above change (a test checks that they agree).
 */
export const DUMMY_HASH = 'scrypt$15$8$1$aFAMk7G/wE3rC7v1jr6cxw==$zWmKHvhc2vPO43wfpEiH86a8VR48ZnWqQW0P2gzXOw4=';

/** scrypt needs 128·N·r bytes; Node's default limit (32 MiB) is exactly that for N=2^15, r=8. */
const maxmem = (n: number, r: number) => 2 * 128 * n * r + 1024 * 1024;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const N = 2 ** LOG2_N;
  const key = await derive(password, salt, KEY_BYTES, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return ['scrypt', LOG2_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;
const SMALL_INT = /^[1-9]\d{0,2}$/u;

/** The parts of a stored hash, or null when it is not one this module wrote (or could have). */
export function parseStoredHash(stored: unknown): StoredHash | null {
  if (typeof stored !== 'string' || stored.length > 512) return null;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, key] = parts;
  if (!SMALL_INT.test(n) || !SMALL_INT.test(r) || !SMALL_INT.test(p) || !BASE64.test(salt) || !BASE64.test(key)) return null;
  const parsed = { log2N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  // canonical base64 only (padded, no stray bits): what hashPassword writes
  if (parsed.salt.toString('base64') !== salt || parsed.key.toString('base64') !== key) return null;
  if (parsed.log2N < 1 || parsed.log2N > 24 || parsed.p > 16) return null;
  if (128 * 2 ** parsed.log2N * parsed.r > MAX_MEMORY) return null;
  if (parsed.salt.length < 8 || parsed.key.length < 16 || parsed.key.length > 64) return null;
  return parsed;
}

/** Whether `password` is the one `stored` was made from. False, never an exception, for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parseStoredHash(stored);
  if (!hash || typeof password !== 'string') return false;
  const N = 2 ** hash.log2N;
  try {
    const key = await derive(password, hash.salt, hash.key.length, { N, r: hash.r, p: hash.p, maxmem: maxmem(N, hash.r) });
    return timingSafeEqual(key, hash.key);
  } catch {
    return false;
  }
}

/** Spends what checking a password costs and says no: for a name that has no account. */
export async function verifyDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}

/** Why a new password will not do, in one English line; null when it is fine. */
export function passwordProblem(password: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return `the password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `the password is too long: it may have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() === '') return 'the password is only spaces';
  return null;
}
