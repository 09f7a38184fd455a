// Session tokens and their cookie. The cookie holds a random token; the database holds only its
// SHA-256, so that a copy of the sessions table signs no one in.

import { createHash, randomBytes } from 'node:crypto';

/**
 * The __Host- prefix makes browsers accept the cookie only when it is Secure, has Path=/ and no
 * Domain: no other host (a sibling subdomain) and no plain-HTTP page can set or overwrite it.
 * Browsers treat http://localhost as secure, so development works without TLS.
 */
export const SESSION_COOKIE = '__Host-nianbao-session';

/** A session lasts 12 hours from sign-in, whatever is done in it. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes, base64url (43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table stores for a token: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface SessionCookieAttributes {
  httpOnly: true;
  secure: true;
  sameSite: 'strict';
  path: '/';
  maxAge: number;
}

/** The options of `cookies().set(SESSION_COOKIE, token, options)`; maxAge 0 deletes the cookie. */
export function sessionCookieAttributes(maxAgeSeconds: number): SessionCookieAttributes {
  return { httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: Math.max(0, Math.floor(maxAgeSeconds)) };
}
