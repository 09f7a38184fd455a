// End to end: the production server (`npm run serve`) on a fresh PGlite database loaded with the
// bundle serves the regions list (/regions, the former home page). Uses the build in .next when
// it is newer than the sources, and builds once otherwise (a minute or two).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveApp, startBundledApp } from '../support/bundled-app';

describe('regions list served by the production server', () => {
  const served = serveApp(() => startBundledApp({ browser: false }));

  it('lists the bundled regions and years from the database', { timeout: 60_000 }, async () => {
    const res = await fetch(`${served.base}/regions`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    for (const text of ['年报通', '湖南省', '怀化市', '会同县', '淮安市', '上海市', '完整', '仅正文', '仅表格', '核对未通过', '附原文']) {
      expect(html, text).toContain(text);
    }
    expect(html).toMatch(/<strong>\d+<\/strong>(?:<!-- -->)? ?份报告/u);
  });

  it('reads the database named by NIANBAO_DATA_DIR, holding its lock', () => {
    const lock = JSON.parse(readFileSync(join(served.app.testDb.dataDir!, 'nianbao.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(served.app.next.process.pid);
  });

  it('serves further requests from the same database handle', { timeout: 30_000 }, async () => {
    // a second handle in the same process would find the directory locked and show an error page
    const pages = await Promise.all([1, 2, 3].map(() => fetch(`${served.base}/regions`).then(async (r) => [r.status, (await r.text()).includes('会同县')])));
    expect(pages).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
  });

  it('closes the database and releases its lock on SIGTERM', { timeout: 30_000 }, async () => {
    const exited = new Promise<number | null>((resolve) => served.app.next.process.once('exit', (code) => resolve(code)));
    served.app.next.process.kill('SIGTERM');
    await exited;
    expect(existsSync(join(served.app.testDb.dataDir!, 'nianbao.lock'))).toBe(false);
    // the directory opens cleanly afterwards
    const database = await served.app.testDb.open();
    await database.close();
  });
});
