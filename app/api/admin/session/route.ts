// Sign-in: the form on /admin/sign-in posts here. Attempts are limited per account name and per
// client address; the session lives in a secure, HTTP-only, same-site cookie.

import { cookies } from 'next/headers';
import { authenticate, createSession, normaliseName } from '../../../../db/accounts';
import { getDatabase } from '../../../../db/server';
import { createRateLimiter } from '../../../../lib/auth/rate-limit';
import { isSameOriginRequest } from '../../../../lib/auth/same-origin';
import { SESSION_COOKIE, sessionCookieAttributes } from '../../../../lib/auth/token';
import { safeReturnPath, signInErrorHref } from '../../../../lib/auth/sign-in';
import { declaredTooLarge, readLimited } from '../../../../lib/upload/read-body';

export const dynamic = 'force-dynamic';

/** A sign-in form is a few hundred bytes: nothing larger is read. */
const MAX_FORM_BYTES = 16 * 1024;

// Names and addresses apart, so that filling one table (many made-up names, or a forged
// X-Forwarded-For per attempt) never pushes an account's own failures out of the other.
const KEY = Symbol.for('nianbao.signInLimiters');
const holder = globalThis as typeof globalThis & { [KEY]?: { names: ReturnType<typeof createRateLimiter>; addresses: ReturnType<typeof createRateLimiter> } };
const limiters = (holder[KEY] ??= { names: createRateLimiter(), addresses: createRateLimiter() });

const see = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/u;

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (declaredTooLarge(request.headers, MAX_FORM_BYTES)) return null;
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
  try {
    return new URLSearchParams(new TextDecoder().decode(await readLimited(request.body, MAX_FORM_BYTES)));
  } catch {
    return null;
  }
}

export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers, 'POST')) return Response.json({ error: '跨站请求已拒绝：请在本站页面上登录' }, { status: 403 });
  const form = await readForm(request);
  if (!form) return see(signInErrorHref('form', null));
  const next = safeReturnPath(form.get('next'));
  const name = normaliseName(form.get('name') ?? '').slice(0, 100);
  const password = (form.get('password') ?? '').slice(0, 1000);
  if (!name || !password) return see(signInErrorHref('missing', next));

  // the cookie is Secure: a browser keeps it only over HTTPS (or on this machine)
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim() ?? new URL(request.url).protocol.replace(':', '');
  if (proto !== 'https' && !LOOPBACK.test(request.headers.get('host') ?? '')) return see(signInErrorHref('https', next));

  // Next sets X-Forwarded-For from the socket unless the request has one: behind a proxy, the
  // proxy's value; without one, a client can forge it, which only weakens the address limit
  const address = request.headers.get('x-forwarded-for')?.split(',')[0].trim() || 'unknown';
  const checks = [limiters.names.check(name), limiters.addresses.check(address)].filter((c) => !c.allowed);
  if (checks.length) return see(signInErrorHref('rate', next, Math.max(...checks.map((c) => c.retryAfterMs))));
  // counted before the password is checked: attempts sent in parallel all count
  limiters.names.fail(name);
  limiters.addresses.fail(address);

  const { db } = await getDatabase();
  const account = await authenticate(db, name, password);
  if (!account) return see(signInErrorHref('invalid', next));
  limiters.names.succeed(name);
  limiters.addresses.succeed(address);
  const session = await createSession(db, account.id);
  const maxAge = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  (await cookies()).set(SESSION_COOKIE, session.token, sessionCookieAttributes(maxAge));
  return see(next);
}
