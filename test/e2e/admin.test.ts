// End to end: staff sign in, upload real reports, check the preview, set the region of an
// excerpt that does not say it, publish, and find the reports on the dashboard and the public
// page. Signed out, every write (route handlers and server actions) is refused; an account
// limited to 会同县 reads and writes nothing of another county; hostile files get a clear error
// while the server keeps serving and nothing else in the database changes.
//
// The tests share one server and run in order: the first publishes what the later ones read.
import { readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import type { UploadSummary } from '../../lib/upload/preview';
import { createStaff, PASSWORD, postSignIn, sessionCookie, signIn, signInPage, untitledExcerpt, upload, uploadOk } from '../support/admin';
import { describeInBrowser, openPage, pageProblems, screenshot } from '../support/browser';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { DIST_DIR } from '../support/next-server';
import { CORPUS_DIR, HAS_CORPUS } from '../support/corpus';
import { ROOT } from '../support/root';

const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS_DIR, name)));

const describeWithCorpus = HAS_CORPUS ? describeInBrowser : describeInBrowser.skip;

/** Every write method exported by a route handler under app/api/admin, as [method, path]. */
function adminWrites(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'route.ts') {
        const source = readFileSync(path, 'utf8');
        const route = '/' + relative(join(ROOT, 'app'), dir).replace(/\[id\]/gu, '1');
        for (const [, method] of source.matchAll(/export async function (POST|PUT|PATCH|DELETE)\b/gu)) found.push([method, route]);
      }
    }
  };
  walk(join(ROOT, 'app/api/admin'));
  return found;
}

/** An upload that declares `length` bytes and sends one: the status the server answers with. */
function declaredUpload(base: string, cookie: string, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/admin/uploads`, { method: 'POST', headers: { Origin: base, Cookie: cookie, 'Content-Length': length, 'X-File-Name': 'huge.txt' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('x');
  });
}

/** Routes any visitor may post to: signing in, and signing out (which only ends a session). */
const OPEN_WRITES = new Set(['POST /api/admin/session', 'POST /api/admin/sign-out']);

describeWithCorpus('staff upload and publish reports (production server)', () => {
  const served = serveApp(() => startBundledApp({ bundled: false, prepare: createStaff }));
  let staleCookie = '';

  it('signs in, uploads corpus files, previews, sets the region of an untitled excerpt, publishes, and sees them on the dashboard', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-upload-'));
    const excerpt = join(dir, 'mirror-excerpt.txt');
    writeFileSync(excerpt, untitledExcerpt());
    const { page, problems } = await openPage(served.browser);

    await page.goto(`${served.base}/admin/upload`);
    expect(page.url()).toContain('/admin/sign-in?next=%2Fadmin%2Fupload');
    await page.fill('input[name=name]', 'alice');
    await page.fill('input[name=password]', 'wrong password here');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]'), { timeout: 30_000 }).toContain('账号或密码不正确');
    await page.fill('input[name=name]', 'alice');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL('**/admin/upload');
    const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-nianbao-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });

    await page.setInputFiles('input[type=file]', [join(CORPUS_DIR, 'hongze-2023.pdf'), join(CORPUS_DIR, 'huaian-2024.pdf'), join(CORPUS_DIR, 'shanghai-govoffice-2019.html'), excerpt]);
    await page.waitForFunction(() => document.querySelectorAll('li[data-state="staged"]').length === 4, null, { timeout: 120_000 });
    expect(await page.textContent('[role=status]')).toContain('已处理 4 / 4');
    const row = (name: string) => page.locator('li[data-state]', { hasText: name });
    expect(await row('hongze-2023.pdf').textContent()).toMatch(/洪泽区 · 2023年 · 全域，3 张表，2 项核对未通过/u);
    expect(await row('mirror-excerpt.txt').textContent()).toContain('未识别地区 · 2020年');
    expect(await row('mirror-excerpt.txt').textContent()).toContain('请填写地区');
    expect(await row('mirror-excerpt.txt').locator('input[type=checkbox]').isDisabled()).toBe(true);
    await screenshot(page, 'admin-upload-parsed');

    await page.click('button:has-text("发布所选（3）")');
    await page.waitForFunction(() => document.querySelectorAll('li[data-state="published"]').length === 3, null, { timeout: 60_000 });
    for (const name of ['hongze-2023.pdf', 'huaian-2024.pdf', 'shanghai-govoffice-2019.html']) expect(await row(name).textContent()).toContain('已发布为新报告');

    // the excerpt: its preview shows the national tables; the region is set by hand
    await row('mirror-excerpt.txt').locator('a:has-text("填写并发布")').click();
    await page.waitForURL('**/admin/uploads/*');
    expect(await page.textContent('h1')).toContain('预览：mirror-excerpt.txt');
    expect(await page.textContent('main')).toContain('三、收到和处理政府信息公开申请情况');
    expect(await page.textContent('[role=note]')).toContain('报告未载明地区');
    await screenshot(page, 'admin-preview-untitled');
    await page.fill('input[name=region]', '会同');
    await page.click('button:has-text("确认并发布")');
    await page.waitForURL((u) => u.pathname.startsWith('/reports/') && u.searchParams.get('published') === 'stored', { timeout: 60_000 });
    expect(await page.textContent('h1')).toContain('2020年政府信息公开工作年度报告');
    expect(await page.textContent('main')).toContain('湖南省 · 怀化市 · 会同县');
    expect(await page.textContent('[data-warnings]')).toMatch(/地区为会同县（431225）：由工作人员于 \d{4}-\d\d-\d\d 上传时指定/u);
    await screenshot(page, 'admin-published-report');

    // on the dashboard and on the public page at once
    await page.goto(`${served.base}/regions/431225`);
    expect(await page.textContent('main')).toContain('2020');
    const publicPage = await fetch(`${served.base}/public/431225`);
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain('会同县');
    await page.goto(`${served.base}/regions/320813`);
    expect(await page.textContent('main')).toContain('2023');

    // the staff pages list what was published, by whom
    await page.goto(`${served.base}/admin`);
    expect(await page.textContent('main')).toContain('mirror-excerpt.txt');
    expect(await page.textContent('main')).toContain('地区/年度由人工指定');
    await page.goto(`${served.base}/admin/regions/431225`);
    expect(await page.textContent('main')).toMatch(/mirror-excerpt\.txt[\s\S]*alice/u);
    // the server action's request ends when its redirect navigates away
    expect(pageProblems(problems, [/\/admin\/uploads\/\d+$/u, /\/_next\/static\//u])).toEqual([]);
    staleCookie = `__Host-nianbao-session=${cookie.value}`;
    await page.click('button:has-text("退出登录")');
    await page.waitForURL('**/admin/sign-in?signed-out=1');
  });

  it('after signing out, every write is refused: route handlers and server actions', { timeout: 120_000 }, async () => {
    const { page } = await openPage(served.browser);
    await signInPage(page, served.base, 'alice');
    const cookie = await sessionCookie(page);
    const waiting = await uploadOk(served.base, cookie, 'waiting.txt', new TextEncoder().encode(untitledExcerpt()));
    await page.goto(`${served.base}/admin/uploads/${waiting.id}`);
    expect(await page.textContent('h1')).toContain('waiting.txt');

    // sign out in another tab: the session ends on the server, not only in that browser
    const other = await page.context().newPage();
    await other.goto(`${served.base}/admin`);
    await other.click('button:has-text("退出登录")');
    await other.waitForURL('**/admin/sign-in?signed-out=1');
    expect(await other.textContent('main')).toContain('已退出登录');

    // the server actions of the page still open in the first tab
    await page.fill('input[name=region]', '会同县');
    await page.click('button:has-text("确认并发布")');
    await expect.poll(() => page.textContent('[role=alert]'), { timeout: 30_000 }).toContain('请先登录');
    await page.click('button:has-text("丢弃这份上传")');
    await page.waitForURL('**/admin/sign-in**');

    // every route handler, with the ended session and with none
    const writes = adminWrites();
    expect(writes.map(([m, p]) => `${m} ${p}`)).toEqual(expect.arrayContaining(['POST /api/admin/uploads', 'POST /api/admin/uploads/1/publish', 'DELETE /api/admin/uploads/1']));
    for (const [method, path] of writes) {
      if (OPEN_WRITES.has(`${method} ${path}`)) continue;
      for (const sent of [cookie, staleCookie, null]) {
        const res = await fetch(`${served.base}${path.replace('/1', `/${waiting.id}`)}`, { method, headers: { Origin: served.base, ...(sent ? { Cookie: sent } : {}), 'X-File-Name': 'x.txt' }, body: method === 'DELETE' ? undefined : 'text' });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(((await res.json()) as { error: string }).error).toBe('请先登录');
      }
    }
    // a signed-in write from another site is refused too
    const fresh = await signIn(served.base, 'alice');
    const crossSite = await fetch(`${served.base}/api/admin/uploads/${waiting.id}/publish`, { method: 'POST', headers: { Origin: 'https://evil.example', Cookie: fresh } });
    expect(crossSite.status).toBe(403);
    const noOrigin = await fetch(`${served.base}/api/admin/uploads/${waiting.id}/publish`, { method: 'POST', headers: { Cookie: fresh } });
    expect(noOrigin.status).toBe(403);
    // nothing was published or discarded: the upload still waits
    const home = (await (await fetch(`${served.base}/admin`, { headers: { Cookie: fresh } })).text()).replace(/<!-- -->/gu, '');
    expect(home).toContain('waiting.txt');
    expect(home).toContain('待发布（1）');
    // and the internal pages send a signed-out visitor to sign in
    const internal = await fetch(`${served.base}/admin/regions/431225`, { redirect: 'manual', headers: { Cookie: staleCookie } });
    expect(internal.status).toBe(307);
    expect(internal.headers.get('location')).toContain('/admin/sign-in');
  });

  it('an account limited to 会同县 reads and writes nothing of another county', { timeout: 120_000 }, async () => {
    const cookie = await signIn(served.base, 'huitong');
    const get = (path: string) => fetch(`${served.base}${path}`, { headers: { Cookie: cookie } });
    expect((await get('/admin/regions/431225')).status).toBe(200);
    expect((await get('/admin/regions/320813')).status).toBe(404); // 洪泽区
    expect((await get('/admin/regions/320800')).status).toBe(404); // 淮安市

    // alice's waiting upload is neither visible nor writable
    const alice = await signIn(served.base, 'alice');
    const hers = await uploadOk(served.base, alice, 'hers.txt', new TextEncoder().encode(untitledExcerpt() + '\n'));
    expect((await get(`/admin/uploads/${hers.id}`)).status).toBe(404);
    const publishHers = await fetch(`${served.base}/api/admin/uploads/${hers.id}/publish`, { method: 'POST', headers: { Origin: served.base, Cookie: cookie } });
    expect(publishHers.status).toBe(404);

    // a report of another county is refused at publishing, with nothing stored
    const other = await uploadOk(served.base, cookie, 'xupu-2023.txt', corpus('xupu-2023.txt'));
    expect(other.region).toContain('溆浦县');
    const refused = await fetch(`${served.base}/api/admin/uploads/${other.id}/publish`, { method: 'POST', headers: { Origin: served.base, Cookie: cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('不属于您可管理的地区');
    expect(await (await fetch(`${served.base}/api/export/figures.csv`)).text()).not.toContain('溆浦县');

    // setting another county by hand is refused the same way (a server action, in the browser)
    const mine = await uploadOk(served.base, cookie, 'mine.txt', new TextEncoder().encode(untitledExcerpt() + '\n\n'));
    const { page } = await openPage(served.browser);
    await signInPage(page, served.base, 'huitong');
    await page.goto(`${served.base}/admin/uploads/${mine.id}`);
    await page.fill('input[name=region]', '320813');
    await page.click('button:has-text("确认并发布")');
    await expect.poll(() => page.textContent('[role=alert]'), { timeout: 30_000 }).toContain('不属于您可管理的地区');
  });

  it('hostile files get a clear error, the server keeps serving, and nothing else changes', { timeout: 240_000 }, async () => {
    const cookie = await signIn(served.base, 'alice');
    const before = await (await fetch(`${served.base}/api/export/figures.csv`)).text();

    // a "PDF" that is an HTML page
    const fakePdf = await upload(served.base, cookie, 'report.pdf', corpus('shanghai-govoffice-2019.html'));
    expect(fakePdf.status).toBe(415);
    expect(((await fakePdf.json()) as { error: string }).error).toMatch(/文件名是 \.pdf，但内容不是 PDF/u);

    // a zip bomb named .docx: a few hundred KB that would unpack to 300 MB
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', new Uint8Array(300 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const bombed = await upload(served.base, cookie, 'bomb.docx', bomb);
    expect(bombed.status).toBe(201);
    const bombSummary = (await bombed.json()) as UploadSummary;
    expect(bombSummary.error).toMatch(/unpack|解压|MB/u);

    // 200 MB, sent without a length (chunked): refused once 20 MB have arrived
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const tooBig = await upload(served.base, cookie, 'huge.txt', huge).catch((err: Error) => err);
    if (tooBig instanceof Response) {
      expect(tooBig.status).toBe(413);
      expect(((await tooBig.json()) as { error: string }).error).toContain('20 MB');
    }
    expect(sent).toBeLessThan(200);
    // and declared by its length: refused before the body is read
    expect(await declaredUpload(served.base, cookie, 200 * 1024 * 1024)).toBe(413);

    // a path in the file name is only a name
    const traversal = await uploadOk(served.base, cookie, '../../../../etc/passwd.txt', new TextEncoder().encode(untitledExcerpt() + '\n\n\n'));
    expect(traversal.name).toBe('passwd.txt');

    // 50 at once: each answered, and the public page keeps answering meanwhile
    const text = untitledExcerpt();
    const uploads = Array.from({ length: 50 }, (_, i) => upload(served.base, cookie, `copy-${i}.txt`, new TextEncoder().encode(`${text}\n${'\n'.repeat(i + 4)}`)));
    const during = await fetch(`${served.base}/public/431225`);
    expect(during.status).toBe(200);
    const statuses = await Promise.all(uploads.map(async (r) => (await r).status));
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(30);

    expect((await fetch(`${served.base}/public/431225`)).status).toBe(200);
    expect(await (await fetch(`${served.base}/api/export/figures.csv`)).text()).toBe(before);
  });

  it('report text is rendered as text: a published page with <script> and onerror runs nothing', { timeout: 120_000 }, async () => {
    const seed = readFileSync(join(ROOT, 'test/fixtures/huitong-2020.txt'), 'utf8');
    const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
    const hostile =
      '<html><head><meta charset="utf-8"><title>x</title><script>window.__owned = "head"</script></head><body>' +
      '<img src="x" onerror="window.__owned = \'img\'">' +
      seed
        .split('\n')
        .map((line, i) => `<p>${escape(line)}${i === 3 ? escape('<script>window.__owned = "text"</script><img src=x onerror=alert(1)>') : ''}</p>`)
        .join('\n') +
      '</body></html>';
    const { page } = await openPage(served.browser);
    await signInPage(page, served.base, 'alice');
    const staged = await uploadOk(served.base, await sessionCookie(page), 'hostile.html', new TextEncoder().encode(hostile));
    expect(staged.error).toBeNull();
    expect(staged.region).toContain('会同县');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${served.base}/admin/uploads/${staged.id}`);
    expect(await page.textContent('pre')).toContain('<script>window.__owned = "text"</script>');
    // published as 通道侗族自治县's, so that it is a report of its own and its page shows its text
    await page.fill('input[name=region]', '431230');
    await page.click('button:has-text("确认并发布")');
    await page.waitForURL((u) => u.pathname.startsWith('/reports/') && u.searchParams.get('published') === 'stored', { timeout: 60_000 });
    expect(await page.textContent('main')).toContain('<script>window.__owned = "text"</script>');
    expect(await page.evaluate(() => (window as unknown as { __owned?: string }).__owned)).toBeUndefined();
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('no secret or server code reaches the client bundle', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (/\.(js|css|json|html)$/u.test(entry.name)) files.push(join(dir, entry.name));
      }
    };
    walk(join(ROOT, DIST_DIR, 'static'));
    expect(files.length).toBeGreaterThan(10);
    // the names of secrets and of the code that handles them; the value of any NIANBAO_/DATABASE_ variable set here
    const secrets = [...Object.entries(process.env).filter(([k, v]) => /^(NIANBAO_|DATABASE_)/u.test(k) && v && v.length > 8).map(([, v]) => v!), 'password_hash', 'passwordHash', 'token_hash', 'scrypt', 'timingSafeEqual', 'DATABASE_URL', 'postgres://', 'pglite', 'drizzle-orm'];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${relative(ROOT, file)} holds ${secret}`).toBe(false);
    }
  });

  it('limits sign-in attempts by address and by account', { timeout: 60_000 }, async () => {
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (let i = 0; i < 5; i++) {
      const r = await postSignIn(served.base, 'huitong', 'not the password', from('203.0.113.7'));
      expect(r.location).toContain('error=invalid');
    }
    // the account is held, from any address, even with its password
    const held = await postSignIn(served.base, 'huitong', PASSWORD, from('198.51.100.2'));
    expect(held.location).toMatch(/error=rate&minutes=\d+/u);
    expect(held.cookie).toBeNull();
    // and the address is held for every account
    const fromSame = await postSignIn(served.base, 'alice', PASSWORD, from('203.0.113.7'));
    expect(fromSame.location).toContain('error=rate');
    // others are not
    expect((await postSignIn(served.base, 'alice', PASSWORD, from('198.51.100.3'))).cookie).not.toBeNull();
    // the production CSP allows no eval (only next dev relaxes it)
    const csp = (await fetch(`${served.base}/admin/sign-in`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');

    // attempts sent at once all count: five are checked, the rest are held
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => postSignIn(served.base, 'mallory', `guess number ${i}`, from(`192.0.2.${i + 10}`))));
    expect(burst.filter((r) => r.location?.includes('error=invalid'))).toHaveLength(5);
    expect(burst.filter((r) => r.location?.includes('error=rate'))).toHaveLength(7);

    // a sign-in form is small: a large body is not read
    const large = await fetch(`${served.base}/api/admin/session`, { method: 'POST', redirect: 'manual', headers: { Origin: served.base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=alice&password=${'x'.repeat(100_000)}` });
    expect(large.headers.get('location')).toContain('error=form');
  });
});
