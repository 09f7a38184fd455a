// The worker pool that parses files off the main thread: a file that takes too long, takes too
// much memory or crashes its worker gets an error outcome, its worker is replaced and the files
// waiting are parsed; a full queue refuses at once; idle workers keep no process alive. And the
// web server's pool (server-parser.ts), found from the project directory.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_UNPACKED_BYTES } from '../lib/formats/docx';
import { parseFile } from '../lib/ingest/outcome';
import { createParsePool, ParserBusyError, type ParsePool } from '../lib/ingest/parse-pool';
import { closeServerParser, parseUpload, serverParserConfig, serverParserLoad, serverWorkerFile } from '../lib/ingest/server-parser';
import { ConfigurationError } from '../lib/upload/limits';
import { ROOT } from './support/root';

const FIXTURE_WORKER = new URL('./support/parse-worker-fixture.mjs', import.meta.url);
const SEED_NAME = 'huitong-2020.txt';
const seed = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', SEED_NAME)));
const junk = new TextEncoder().encode('x');

const pools: ParsePool[] = [];
function pool(...args: Parameters<typeof createParsePool>): ParsePool {
  const made = createParsePool(...args);
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Parses the seed report and checks it came out as in this thread. */
async function expectSeedParsed(p: ParsePool) {
  const outcome = await p.parse(seed, SEED_NAME);
  expect(outcome.error).toBeNull();
  expect(outcome.parsed!.report).toEqual((await parseFile(seed, SEED_NAME)).parsed!.report);
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

describe('parse pool', () => {
  it('parses a report in a worker as in this thread (createParsePool(size), as scripts call it)', async () => {
    const p = pool(2);
    await expectSeedParsed(p);
    const outcomes = await Promise.all([p.parse(seed, SEED_NAME), p.parse(junk, 'x.txt'), p.parse(new Uint8Array(0), 'empty.txt')]);
    expect(outcomes.map((o) => o.error)).toEqual([null, expect.stringMatching(/annual report/), 'the file is empty']);
    expect(p.load).toEqual({ workers: 2, busy: 0, waiting: 0 });
  });

  it('honours maxBytes per file', async () => {
    const p = pool(1);
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    big.set(seed);
    expect(await p.parse(big, 'big.txt', { maxBytes: 1024 * 1024 })).toEqual({ parsed: null, error: 'the file is too large (2.0 MB; the limit is 1.0 MB)' });
    expect((await p.parse(seed, SEED_NAME, { maxBytes: seed.length })).error).toBeNull();
  });

  it('stops a file over its time limit within a second of it, and parses the next file', async () => {
    const p = pool({ size: 1, timeoutMs: 1000, workerUrl: FIXTURE_WORKER });
    await expectSeedParsed(p); // the worker is up
    const [outcome, ms] = await timed(() => p.parse(junk, 'hang.txt'));
    expect(outcome).toEqual({ parsed: null, error: 'parse stopped after 1 s: the file takes too long to read' });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2000);
    await expectSeedParsed(p);
    expect(p.load.workers).toBe(1);
  });

  it('files waiting behind a stopped file are not lost', async () => {
    const p = pool({ size: 1, timeoutMs: 1000, workerUrl: FIXTURE_WORKER });
    const outcomes = await Promise.all([p.parse(junk, 'hang.txt'), p.parse(seed, SEED_NAME), p.parse(junk, 'hang.txt'), p.parse(seed, SEED_NAME)]);
    expect(outcomes.map((o) => o.error)).toEqual([expect.stringMatching(/too long/), null, expect.stringMatching(/too long/), null]);
  });

  it('a file that takes too much memory: its worker dies, the pool replaces it', async () => {
    const p = pool({ size: 1, maxMemoryMb: 64, timeoutMs: 20_000, workerUrl: FIXTURE_WORKER });
    await expectSeedParsed(p);
    const waiting = p.parse(seed, SEED_NAME);
    const [outcome, ms] = await timed(() => p.parse(junk, 'allocate.txt'));
    expect(outcome).toEqual({ parsed: null, error: 'parse stopped: the file needs more than 64 MB of memory to read' });
    expect(ms).toBeLessThan(15_000);
    expect((await waiting).error).toBeNull();
    await expectSeedParsed(p);
  });

  it('a worker that crashes or exits: its file gets an error, the files waiting are parsed', async () => {
    const p = pool({ size: 1, workerUrl: FIXTURE_WORKER });
    const outcomes = await Promise.all([p.parse(junk, 'crash.txt'), p.parse(seed, SEED_NAME), p.parse(junk, 'exit.txt'), p.parse(seed, SEED_NAME)]);
    expect(outcomes.map((o) => o.error)).toEqual([
      'parse stopped: the parser failed on this file (fixture crash)',
      null,
      'parse stopped: the parser exited unexpectedly (exit code 7)',
      null,
    ]);
    expect(p.load).toEqual({ workers: 1, busy: 0, waiting: 0 });
  });

  it('refuses with ParserBusyError when maxQueue files are waiting', async () => {
    const p = pool({ size: 1, maxQueue: 2, workerUrl: FIXTURE_WORKER });
    await expectSeedParsed(p);
    const accepted = [p.parse(junk, 'slow.txt'), p.parse(junk, 'slow.txt'), p.parse(junk, 'slow.txt')];
    expect(p.load).toEqual({ workers: 1, busy: 1, waiting: 2 });
    const refused = p.parse(seed, SEED_NAME);
    await expect(refused).rejects.toBeInstanceOf(ParserBusyError);
    await expect(refused).rejects.toThrow('请稍后再试');
    expect((await Promise.all(accepted)).map((o) => o.error)).toEqual(['slow fixture', 'slow fixture', 'slow fixture']);
    // room again
    await expectSeedParsed(p);
  });

  it('maxQueue 0: a file is taken only by an idle worker', async () => {
    const p = pool({ size: 1, maxQueue: 0, workerUrl: FIXTURE_WORKER });
    // (no worker is ready yet: nothing may wait)
    await expect(p.parse(seed, SEED_NAME)).rejects.toBeInstanceOf(ParserBusyError);
    await vi.waitFor(() => p.parse(junk, 'slow.txt'), { timeout: 10_000, interval: 100 });
    const busy = p.parse(junk, 'slow.txt');
    await expect(p.parse(junk, 'slow.txt')).rejects.toBeInstanceOf(ParserBusyError);
    await busy;
  });

  it('workers that cannot start: files are refused, no endless restarts, and a later parse tries again', async () => {
    const p = pool({ size: 2, workerUrl: new URL('./support/no-such-worker.mjs', import.meta.url) });
    await expect(p.parse(seed, SEED_NAME)).rejects.toThrow(/^parse workers cannot start: .*no-such-worker/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(p.load.workers).toBe(0);
    await expect(p.parse(seed, SEED_NAME)).rejects.toThrow(/cannot start/);
    // a Worker that cannot even be made
    const q = pool({ size: 1, workerUrl: 'not/absolute.mjs' });
    await expect(q.parse(seed, SEED_NAME)).rejects.toThrow(/^parse workers cannot start: /);
    expect(q.load.workers).toBe(0);
  });

  it('too small a heap for the parser to load is a failed start, not a failed file', async () => {
    const p = pool({ size: 1, maxMemoryMb: 16 });
    await expect(p.parse(seed, SEED_NAME)).rejects.toThrow(/^parse workers cannot start: .*memory limit/);
  });

  it('close refuses the files waiting and those being parsed', async () => {
    const p = pool({ size: 1, workerUrl: FIXTURE_WORKER });
    const files = [p.parse(junk, 'slow.txt'), p.parse(seed, SEED_NAME)].map((file) => expect(file).rejects.toThrow('parse pool is closed'));
    await p.close();
    await Promise.all(files);
    await expect(p.parse(seed, SEED_NAME)).rejects.toThrow('parse pool is closed');
  });

  it('an idle pool does not keep a command-line process alive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
    try {
      const script = join(dir, 'cli.mts');
      const poolModule = JSON.stringify(join(ROOT, 'lib/ingest/parse-pool.ts'));
      writeFileSync(
        script,
        `import { readFileSync } from 'node:fs';
import { createParsePool } from ${poolModule};
const pool = createParsePool({ size: 2, timeoutMs: 60_000 });
const outcome = await pool.parse(new Uint8Array(readFileSync(${JSON.stringify(join(ROOT, 'test/fixtures', SEED_NAME))})), 'huitong-2020.txt');
console.log(outcome.error ?? 'parsed');
// no close: the process must end all the same
`,
      );
      const tsx = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
      const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], { cwd: ROOT, timeout: 30_000 });
      expect(stdout.trim()).toBe('parsed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of deflated entries, written here (zlib deflates 100 MB far faster than JSZip). */
function zipOf(entries: [name: string, data: Uint8Array][]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(fileName.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(header, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A .docx of a few hundred kB whose document.xml unpacks past MAX_UNPACKED_BYTES. */
function zipBomb(): Uint8Array {
  const types = new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  return zipOf([
    ['[Content_Types].xml', types],
    ['word/document.xml', new Uint8Array(MAX_UNPACKED_BYTES + 1024 * 1024).fill(0x20)],
  ]);
}

describe('server parser', () => {
  afterAll(closeServerParser);

  it('finds its worker from the project directory', () => {
    expect(process.cwd()).toBe(ROOT.replace(/\/$/, ''));
    expect(serverWorkerFile()).toBe(join(ROOT, 'lib/ingest/parse-worker-boot.mjs'));
    expect(() => serverWorkerFile(tmpdir())).toThrow(ConfigurationError);
  });

  it('parseUpload parses in the process-wide pool, kept on globalThis', async () => {
    const outcome = await parseUpload(seed, SEED_NAME);
    expect(outcome.error).toBeNull();
    expect(outcome.parsed!.report).toEqual((await parseFile(seed, SEED_NAME)).parsed!.report);
    expect(serverParserLoad()).toEqual({ workers: 1, busy: 0, waiting: 0 });
    // a second copy of the module (as Next may evaluate it) uses the same pool
    vi.resetModules();
    const again = (await import('../lib/ingest/server-parser')) as typeof import('../lib/ingest/server-parser');
    expect(again.parseUpload).not.toBe(parseUpload);
    expect((await again.parseUpload(seed, SEED_NAME)).error).toBeNull();
    expect(again.serverParserLoad()).toEqual({ workers: 1, busy: 0, waiting: 0 });
  });

  it('parseUpload refuses a file over maxBytes unread, and takes the upload limit by default', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    big.set(seed);
    expect(await parseUpload(big, 'big.txt', { maxBytes: 1024 * 1024 })).toEqual({ parsed: null, error: 'the file is too large (2.0 MB; the limit is 1.0 MB)' });
    // the default, NIANBAO_UPLOAD_MAX_MB (20 MB): a 21 MB file is refused
    const huge = new Uint8Array(21 * 1024 * 1024).fill(0x20);
    expect((await parseUpload(huge, 'huge.txt')).error).toMatch(/too large \(21\.0 MB; the limit is 20\.0 MB\)/);
  });

  it('a small .docx that unpacks past the bound gives a clear error quickly', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    // a sound zip, as JSZip reads it
    const unpacked = await (await JSZip.loadAsync(zipOf([['word/document.xml', new TextEncoder().encode('<w:document/>')]]), { checkCRC32: true })).file('word/document.xml')!.async('string');
    expect(unpacked).toBe('<w:document/>');
    const [outcome, ms] = await timed(() => parseUpload(bomb, 'bomb.docx'));
    expect(outcome).toEqual({ parsed: null, error: 'this Word document unpacks to more than 100 MB: too much for a report' });
    expect(ms).toBeLessThan(10_000);
    // and the pool is still there
    expect((await parseUpload(seed, SEED_NAME)).error).toBeNull();
  });

  it('takes its settings from the environment, and names a bad one', () => {
    expect(serverParserConfig({})).toEqual({ size: 1, timeoutMs: 30_000, maxMemoryMb: 512, maxQueue: 32 });
    expect(
      serverParserConfig({ NIANBAO_PARSE_WORKERS: '3', NIANBAO_PARSE_TIMEOUT_S: '2.5', NIANBAO_PARSE_MEMORY_MB: '1024', NIANBAO_PARSE_QUEUE: '0' }),
    ).toEqual({ size: 3, timeoutMs: 2500, maxMemoryMb: 1024, maxQueue: 0 });
    expect(() => serverParserConfig({ NIANBAO_PARSE_WORKERS: 'two' })).toThrow(/NIANBAO_PARSE_WORKERS must be a whole number above 0/);
    expect(() => serverParserConfig({ NIANBAO_PARSE_WORKERS: '1.5' })).toThrow(ConfigurationError);
    expect(() => serverParserConfig({ NIANBAO_PARSE_TIMEOUT_S: '0' })).toThrow(/NIANBAO_PARSE_TIMEOUT_S/);
    expect(() => serverParserConfig({ NIANBAO_PARSE_MEMORY_MB: '32' })).toThrow(/NIANBAO_PARSE_MEMORY_MB must be at least 64/);
    expect(() => serverParserConfig({ NIANBAO_PARSE_QUEUE: '-1' })).toThrow(/NIANBAO_PARSE_QUEUE/);
  });
});
