// Staff sessions for end-to-end tests: sign in through the real form endpoint, upload through
// the real upload endpoint, as a browser would (with its Origin header).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, resolveRegion } from '../../db/accounts';
import type { UploadSummary } from '../../lib/upload/preview';
import { ROOT } from './root';

export const PASSWORD = 'correct horse battery staple';

/** An unlimited account and one limited to 会同县 (created before the server opens the database). */
export async function createStaff(database: Database): Promise<void> {
  await createAccount(database.db, { name: 'alice', password: PASSWORD });
  // 会同县 has no report yet: the national list gives its region
  const region = await resolveRegion(database.db, '431225');
  if (typeof region === 'string') throw new Error(region);
  await createAccount(database.db, { name: 'huitong', password: PASSWORD, regionId: region.id });
}

export interface SignInResult {
  status: number;
  location: string | null;
  cookie: string | null;
}

export async function postSignIn(base: string, name: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const res = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ name, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-nianbao-session=') && !c.startsWith('__Host-nianbao-session=;'));
  return { status: res.status, location: res.headers.get('location'), cookie: cookie?.split(';')[0] ?? null };
}

/** The Cookie header of a new session. */
export async function signIn(base: string, name: string): Promise<string> {
  const result = await postSignIn(base, name, PASSWORD);
  expect(result.status).toBe(303);
  expect(result.cookie, `signing in as ${name}`).not.toBeNull();
  return result.cookie!;
}

export function upload(base: string, cookie: string | null, name: string, body: Uint8Array | string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/admin/uploads`, {
    method: 'POST',
    body: body as BodyInit,
    headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}), 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name), ...headers },
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

export async function uploadOk(base: string, cookie: string, name: string, bytes: Uint8Array): Promise<UploadSummary> {
  const res = await upload(base, cookie, name, bytes);
  expect(res.status, `${name}: ${res.status}`).toBe(201);
  return (await res.json()) as UploadSummary;
}

/**
 * The seed report with every name of its place taken out (title, source line, address): a
 * mirror's excerpt that says neither county, city nor province. Written by the test, from the
 * project's own founding document.
 */
export function untitledExcerpt(): string {
  const gloss = '(\\([^)]{1,8}\\))?';
  const names = [`[會会]${gloss}同${gloss}([縣县]${gloss})?`, `[懷怀]${gloss}化${gloss}(市${gloss})?`, `湖${gloss}南${gloss}(省${gloss})?`];
  let text = readFileSync(join(ROOT, 'test/fixtures/huitong-2020.txt'), 'utf8');
  for (const name of names) text = text.replace(new RegExp(name, 'gu'), '');
  return text;
}

/** Signs in through the sign-in form, as a person would. */
export async function signInPage(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/admin/sign-in`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.pathname === '/admin');
}

/** The Cookie header of the page's session. */
export async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-nianbao-session');
  if (!cookie) throw new Error('the page has no session');
  return `${cookie.name}=${cookie.value}`;
}
