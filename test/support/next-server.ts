// The production server for end-to-end tests: `next build` once when the build (.next, or
// NIANBAO_NEXT_DIR) is older than the sources (test files that start at the same time wait for
// one build), then the app's server (scripts/serve.ts, as `npm start` runs it) on a free loopback
// port with the environment given (a test database).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './root';

const NEXT = join(ROOT, 'node_modules/next/dist/bin/next');
const SERVE = join(ROOT, 'scripts/serve.ts');
/** next.config.js builds into NIANBAO_NEXT_DIR when it is set */
export const DIST_DIR = process.env.NIANBAO_NEXT_DIR || '.next';
const BUILD_ID = join(ROOT, DIST_DIR, 'BUILD_ID');
const BUILD_LOCK = join(ROOT, `${DIST_DIR}-build.lock`);
const SOURCES = ['app', 'components', 'db', 'lib', 'next.config.js', 'package.json', 'tsconfig.json', 'tsconfig.next.json'];

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

export function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_ID)) return false;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.every((s) => newestSource(join(ROOT, s)) <= built);
}

/** Builds unless the build is current; one process builds while the others wait for it. */
export async function buildIfStale(timeoutMs = 400_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!buildIsCurrent()) {
    let mine = false;
    try {
      mkdirSync(BUILD_LOCK);
      mine = true;
    } catch {
      // a lock older than the timeout was left by a killed run
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > timeoutMs) rmdirSync(BUILD_LOCK);
    }
    if (mine) {
      try {
        if (buildIsCurrent()) return;
        console.warn(`\n*** ${DIST_DIR} is missing or older than the sources: running next build (a minute or two) ***\n`);
        const build = spawnSync(process.execPath, [NEXT, 'build'], { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8', timeout: timeoutMs });
        if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
        return;
      } finally {
        rmdirSync(BUILD_LOCK);
      }
    }
    if (Date.now() > deadline) throw new Error('gave up waiting for another test file’s next build');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export function freePort(): Promise<number> {
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
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output()}`);
}

export interface NextServer {
  base: string;
  process: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
}

/** The app's server on a free port with `env` (e.g. a test database's), once the build is current. */
export async function startNextServer(env: NodeJS.ProcessEnv): Promise<NextServer> {
  await buildIfStale();
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, NIANBAO_NEXT_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/favicon.ico`, child, () => output, 60_000);
  return {
    base,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
