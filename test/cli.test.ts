// The parse and eval commands as users run them: exit codes, JSON shapes, one-line errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, truncateSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CORPUS, CORPUS_DIR } from './support/corpus';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, 'test/fixtures/huitong-2020.txt');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function cli(script: 'parse' | 'eval', ...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, `scripts/${script}.ts`), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const big = join(dir, 'big.txt');
  closeSync(openSync(big, 'w'));
  truncateSync(big, 50 * 1024 * 1024);
});

describe('parse', () => {
  it('prints the seed as one JSON object with every figure', async () => {
    const { code, stdout } = await cli('parse', SEED, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schema).toBe('nianbao.report/1');
    expect(report.applications['notProcessed.massRepeated'][0]).toBe(172);
    expect(report.activity.hotlines[0]).toMatchObject({ received: 7352, resolved: 7346, resolutionRate: 99.92 });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { code, stdout } = await cli('parse', SEED);
    expect(code).toBe(0);
    expect(stdout).toContain('会同县');
    expect(stdout).toContain('本年新收 183 件');
    expect(stdout).toContain('核对：7 项通过，0 项未通过');
  });

  it('prints an array for several files, with {file, error} for the unreadable, and exits 1', async () => {
    const { code, stdout } = await cli('parse', SEED, join(dir, 'empty.txt'), join(dir, 'missing.txt'), '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(3);
    expect(out[0].year).toBe(2020);
    expect(out[1]).toEqual({ file: join(dir, 'empty.txt'), error: 'the file is empty' });
    expect(out[2]).toEqual({ file: join(dir, 'missing.txt'), error: 'no such file' });
  });

  it.each([
    ['empty.txt', /empty/],
    ['binary.txt', /binary/],
    ['big.txt', /50\.0 MB/],
  ])('gives %s a clear one-line error, never a stack trace', async (name, message) => {
    const { code, stderr, stdout } = await cli('parse', join(dir, name));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('exits 2 for bad usage', async () => {
    expect((await cli('parse')).code).toBe(2);
    expect((await cli('parse', SEED, '--xml')).code).toBe(2);
  });
});

describe.skipIf(!HAS_CORPUS)('eval', () => {
  it('scores the corpus with no miss', async () => {
    const { code, stdout } = await cli('eval', CORPUS_DIR);
    expect(stdout).toMatch(/TOTAL\s+(\d+)\s+\1\s+0\s+0/u);
    expect(code).toBe(0);
  });
});
