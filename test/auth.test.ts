// The pure parts of signing in: password hashes, session tokens and their cookie, the limit on
// failed attempts, and the guard against cross-site writes.
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, parseStoredHash, passwordProblem, verifyDummy, verifyPassword } from '../lib/auth/password';
import { createRateLimiter } from '../lib/auth/rate-limit';
import { isSameOriginRequest } from '../lib/auth/same-origin';
import { newSessionToken, SESSION_COOKIE, SESSION_TTL_MS, sessionCookieAttributes, tokenHash } from '../lib/auth/token';

describe('passwords', () => {
  it('hashes with scrypt N=2^15, r=8, p=1, a 16-byte salt and a 32-byte key, and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/u);
    const parsed = parseStoredHash(hash)!;
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(32);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('refuses a wrong password, including one differing only in case or a trailing space', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('correct horse battery ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts: two hashes of one password differ, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('年报通的口令一二三四'), hashPassword('年报通的口令一二三四')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('年报通的口令一二三四', a)).toBe(true);
    expect(await verifyPassword('年报通的口令一二三四', b)).toBe(true);
  });

  it('compares passwords in NFC: composed and decomposed forms are one password', async () => {
    const hash = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it('says false, never throws, for a malformed or hostile stored hash', async () => {
    const good = await hashPassword('correct horse battery');
    const parts = good.split('$');
    const malformed = [
      '',
      'x',
      'bcrypt$15$8$1$aaaa$bbbb',
      parts.slice(0, 5).join('$'),
      [...parts, 'extra'].join('$'),
      ['scrypt', 'x', ...parts.slice(2)].join('$'),
      ['scrypt', '0', ...parts.slice(2)].join('$'),
      ['scrypt', '40', ...parts.slice(2)].join('$'), // 2^40: would need terabytes
      ['scrypt', '15', '999', ...parts.slice(3)].join('$'),
      [...parts.slice(0, 4), 'not base64!', parts[5]].join('$'),
      [...parts.slice(0, 5), 'AAAA'].join('$'), // a 3-byte key
      good.replace(/.$/u, ''),
    ];
    for (const stored of malformed) expect(await verifyPassword('correct horse battery', stored), stored).toBe(false);
    expect(await verifyPassword('correct horse battery', null as unknown as string)).toBe(false);
  });

  it('verifies against hashes of other (raised or lowered) parameters, read from the string', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('correct horse battery', salt, 32, { N: 2 ** 12, r: 4, p: 2 });
    const stored = `scrypt$12$4$2$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batter', stored)).toBe(false);
  });

  it('has a dummy hash with the current parameters, for names that have no account', async () => {
    const current = parseStoredHash(await hashPassword('correct horse battery'))!;
    const dummy = parseStoredHash(DUMMY_HASH)!;
    expect([dummy.log2N, dummy.r, dummy.p, dummy.salt.length, dummy.key.length]).toEqual([current.log2N, current.r, current.p, current.salt.length, current.key.length]);
    expect(await verifyDummy('correct horse battery')).toBe(false);
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
  });

  it.each([
    ['', /too short/],
    ['123456789', /too short.*10/],
    ['          ', /only spaces/],
    ['\t \n \u3000     \u00a0 ', /only spaces/],
    ['x'.repeat(257), /too long.*256/],
    ['口令'.repeat(4), /too short/], // 8 characters, 24 bytes: characters count
  ])('passwordProblem(%j) says why', (password, reason) => {
    const problem = passwordProblem(password);
    expect(problem).toMatch(reason);
    expect(problem).not.toMatch(/\n/u);
  });

  it.each(['1234567890', 'x'.repeat(256), '年报通的口令一二三四', ' leading and trailing '])('passwordProblem(%j) is null', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});

describe('session tokens', () => {
  it('are 32 random bytes in base64url, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newSessionToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/u);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const t = newSessionToken();
    expect(tokenHash(t)).toMatch(/^[0-9a-f]{64}$/u);
    expect(tokenHash(t)).toBe(tokenHash(t));
    expect(tokenHash(t)).not.toBe(tokenHash(newSessionToken()));
  });

  it('go in a __Host- cookie: Secure, HttpOnly, SameSite=Strict, Path=/, no Domain, 12 hours', () => {
    expect(SESSION_COOKIE).toBe('__Host-nianbao-session');
    expect(SESSION_TTL_MS).toBe(12 * 3600 * 1000);
    const attributes = sessionCookieAttributes(SESSION_TTL_MS / 1000);
    expect(attributes).toEqual({ httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: 43_200 });
    expect(attributes).not.toHaveProperty('domain');
    expect(sessionCookieAttributes(0).maxAge).toBe(0);
    expect(sessionCookieAttributes(-5).maxAge).toBe(0);
  });
});

describe('rate limiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('allows five failures within the window and refuses the sixth attempt, saying for how long', () => {
    const c = clock();
    const limiter = createRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('10.0.0.1').allowed).toBe(true);
      limiter.fail('10.0.0.1');
      c.advance(60_000);
    }
    const refused = limiter.check('10.0.0.1');
    expect(refused.allowed).toBe(false);
    // the first failure was 5 minutes ago: it leaves the 15-minute window in 10 minutes
    expect(refused.retryAfterMs).toBe(10 * 60_000);
    expect(limiter.check('10.0.0.2')).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('allows the key again once its failures leave the window, one at a time', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 1000, now: c.now });
    limiter.fail('k');
    c.advance(100);
    limiter.fail('k');
    limiter.fail('k');
    expect(limiter.check('k').allowed).toBe(false);
    c.advance(899);
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterMs: 1 });
    c.advance(1);
    expect(limiter.check('k').allowed).toBe(true); // the first failure has left
    limiter.fail('k');
    expect(limiter.check('k').allowed).toBe(false);
    c.advance(1000);
    expect(limiter.check('k').allowed).toBe(true);
    expect(limiter.size).toBe(0); // forgotten when all its failures expired
  });

  it('keeps refusing while failures go on', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: c.now });
    for (let i = 0; i < 10; i++) {
      limiter.fail('k');
      c.advance(400);
    }
    expect(limiter.check('k').allowed).toBe(false);
  });

  it('clears a key on success', () => {
    const c = clock();
    const limiter = createRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) limiter.fail('alice');
    expect(limiter.check('alice').allowed).toBe(false);
    limiter.succeed('alice');
    expect(limiter.check('alice')).toEqual({ allowed: true, retryAfterMs: 0 });
    for (let i = 0; i < 4; i++) limiter.fail('alice');
    expect(limiter.check('alice').allowed).toBe(true);
  });

  it('remembers at most maxKeys keys, forgetting the one that failed least recently', () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, maxKeys: 3, now: c.now });
    for (const k of ['a', 'b', 'c']) {
      limiter.fail(k);
      c.advance(1);
    }
    limiter.fail('a'); // a is now the most recent
    c.advance(1);
    limiter.fail('d'); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.check('b').allowed).toBe(true);
    for (const k of ['a', 'c', 'd']) expect(limiter.check(k).allowed, k).toBe(false);
    for (let i = 0; i < 1000; i++) limiter.fail(`x${i}`);
    expect(limiter.size).toBe(3);
  });
});

describe('isSameOriginRequest', () => {
  const h = (init: Record<string, string>) => new Headers(init);

  it('allows GET and HEAD whatever their headers', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }), 'GET')).toBe(true);
    expect(isSameOriginRequest(h({}), 'head')).toBe(true);
  });

  it('allows a write that Sec-Fetch-Site says is same-origin, and nothing else it says', () => {
    expect(isSameOriginRequest(h({ 'sec-fetch-site': 'same-origin', host: 'nianbao.example' }), 'POST')).toBe(true);
    for (const site of ['cross-site', 'same-site', 'none', '']) {
      // Sec-Fetch-Site wins over an Origin that looks right
      expect(isSameOriginRequest(h({ 'sec-fetch-site': site, origin: 'https://nianbao.example', host: 'nianbao.example' }), 'POST'), site).toBe(false);
    }
  });

  it('without Sec-Fetch-Site, compares the Origin host with Host', () => {
    expect(isSameOriginRequest(h({ origin: 'https://nianbao.example', host: 'nianbao.example' }), 'POST')).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }), 'DELETE')).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'https://NIANBAO.example', host: 'nianbao.example:443' }), 'PUT')).toBe(true);
    expect(isSameOriginRequest(h({ origin: 'https://evil.example', host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'http://localhost:3001', host: 'localhost:3000' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'https://nianbao.example.evil.example', host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'null', host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'not a url', host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'file://nianbao.example', host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ origin: 'https://nianbao.example' }), 'POST')).toBe(false);
  });

  it('behind a proxy, compares with X-Forwarded-Host (its first value) instead of Host', () => {
    const proxied = { host: '127.0.0.1:3000', 'x-forwarded-host': 'nianbao.example' };
    expect(isSameOriginRequest(h({ ...proxied, origin: 'https://nianbao.example' }), 'POST')).toBe(true);
    expect(isSameOriginRequest(h({ ...proxied, origin: 'http://127.0.0.1:3000' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ host: 'internal:3000', 'x-forwarded-host': 'nianbao.example, proxy.internal', origin: 'https://nianbao.example' }), 'POST')).toBe(true);
  });

  it('refuses a write with neither Origin nor Sec-Fetch-Site', () => {
    expect(isSameOriginRequest(h({ host: 'nianbao.example' }), 'POST')).toBe(false);
    expect(isSameOriginRequest(h({ host: 'nianbao.example', referer: 'https://nianbao.example/upload' }), 'PATCH')).toBe(false);
  });
});
