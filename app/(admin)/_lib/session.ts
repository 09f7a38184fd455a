// Who is signed in, for the admin pages, their server actions and their route handlers. Every
// write goes through requireWriter (route handlers) or requireActionAccount (server actions):
// both refuse a cross-site request and a request without a live session.

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { accountForSession, type Account } from '../../../db/accounts';
import { getDatabase } from '../../../db/server';
import { isSameOriginRequest } from '../../../lib/auth/same-origin';
import { SESSION_COOKIE } from '../../../lib/auth/token';

export async function currentAccount(): Promise<Account | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const { db } = await getDatabase();
  return accountForSession(db, token);
}

/** The signed-in account of an admin page; anyone else is sent to sign in, then back. */
export async function requireAccount(returnTo: string): Promise<Account> {
  const account = await currentAccount();
  if (!account) redirect(`/admin/sign-in?next=${encodeURIComponent(returnTo)}`);
  return account;
}

export class WriteRefusedError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

const CROSS_SITE = '跨站请求已拒绝：请在本站页面上操作';
const SIGNED_OUT = '请先登录';

/** The account behind a server action; throws WriteRefusedError otherwise. */
export async function requireActionAccount(): Promise<Account> {
  if (!isSameOriginRequest(await headers(), 'POST')) throw new WriteRefusedError(403, CROSS_SITE);
  const account = await currentAccount();
  if (!account) throw new WriteRefusedError(401, SIGNED_OUT);
  return account;
}

/** The account behind a write to a route handler, or the JSON response that refuses it. */
export async function requireWriter(request: Request): Promise<Account | Response> {
  if (!isSameOriginRequest(request.headers, request.method)) return refusal(403, CROSS_SITE);
  const account = await currentAccount();
  return account ?? refusal(401, SIGNED_OUT);
}

export const refusal = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
