// End to end: the production server (`next start`) on a fresh PGlite database loaded with the
// bundle serves the home page. Uses the build in .next when it is newer than the sources, and
// builds once otherwise (a minute or two).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../db/bundle';
import { createTestDatabase, ROOT, type TestDatabase } from '../support/databases';

const NEXT = join(ROOT, 'node_modules/next/dist/bin/next');
const BUILD_ID = join(ROOT, '.next/BUILD_ID');
const SOURCES = ['app', 'components', 'db', 'lib', 'next.config.js', 'package.json', 'tsconfig.json'];

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_ID)) return false;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.every((s) => newestSource(join(ROOT, s)) <= built);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited early:\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output()}`);
}

describe('home page served by next start', () => {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  let testDb: TestDatabase;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';

  beforeAll(async () => {
    if (!buildIsCurrent()) {
      console.warn('\n*** .next is missing or older than the sources: running next build (a minute or two) ***\n');
      const build = spawnSync(process.execPath, [NEXT, 'build'], { cwd: ROOT, env, encoding: 'utf8', timeout: 290_000 });
      if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
    }

    testDb = await createTestDatabase('pglite');
    const database = await testDb.open();
    try {
      await loadBundle(database.db);
    } finally {
      await database.close();
    }

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...testDb.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
    server.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
    await waitForServer(`${base}/favicon.ico`, server, () => output, 60_000);
  }, 300_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
    await testDb?.drop();
  }, 30_000);

  it('lists the bundled regions and years from the database', { timeout: 60_000 }, async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN"');
    for (const text of ['年报通', '湖南省', '怀化市', '会同县', '淮安市', '上海市', '完整', '仅正文', '仅表格', '核对未通过', '附原文']) {
      expect(html, text).toContain(text);
    }
    expect(html).toMatch(/<strong>\d+<\/strong>(?:<!-- -->)? ?份报告/u);
  });

  it('reads the database named by NIANBAO_DATA_DIR, holding its lock', () => {
    const lock = JSON.parse(readFileSync(join(testDb.dataDir!, 'nianbao.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(server!.pid);
  });

  it('serves further requests from the same database handle', { timeout: 30_000 }, async () => {
    // a second handle in the same process would find the directory locked and show an error page
    const pages = await Promise.all([1, 2, 3].map(() => fetch(`${base}/`).then(async (r) => [r.status, (await r.text()).includes('会同县')])));
    expect(pages).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
  });

  it('closes the database and releases its lock on SIGTERM', { timeout: 30_000 }, async () => {
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    await exited;
    expect(existsSync(join(testDb.dataDir!, 'nianbao.lock'))).toBe(false);
    // the directory opens cleanly afterwards
    const database = await testDb.open();
    await database.close();
  });
});
