// Sign-out: ends the session in the database (not only in this browser) and clears the cookie.

import { cookies } from 'next/headers';
import { deleteSession } from '../../../../db/accounts';
import { getDatabase } from '../../../../db/server';
import { isSameOriginRequest } from '../../../../lib/auth/same-origin';
import { SESSION_COOKIE, sessionCookieAttributes } from '../../../../lib/auth/token';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers, 'POST')) return Response.json({ error: '跨站请求已拒绝' }, { status: 403 });
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const { db } = await getDatabase();
    await deleteSession(db, token);
  }
  jar.set(SESSION_COOKIE, '', sessionCookieAttributes(0));
  return new Response(null, { status: 303, headers: { Location: '/admin/sign-in?signed-out=1', 'Cache-Control': 'no-store' } });
}
