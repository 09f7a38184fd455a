// Uploads before they are parsed: the body read within its limit, the client's file name made
// fit to show, the type checked by content, and the limit taken from the environment.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkUploadContent, describeContent, UNSUPPORTED_TYPE } from '../lib/upload/content';
import { FALLBACK_FILE_NAME, MAX_FILE_NAME_CHARS, safeFileName } from '../lib/upload/file-name';
import { ConfigurationError, formatBytes, uploadMaxBytes } from '../lib/upload/limits';
import { declaredTooLarge, EmptyUploadError, readLimited, UploadTooLargeError } from '../lib/upload/read-body';
import { makePdf } from './support/pdf';
import { ROOT } from './support/root';

const MB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);
const seed = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/huitong-2020.txt')));

/** A stream of `chunks` chunks of `size` bytes, produced on demand, counting those pulled. */
function countingStream(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === chunks) return controller.close();
        state.pulled++;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const streamOf = (...chunks: Uint8Array[]) => new Response(new Blob(chunks as BlobPart[])).body;

describe('readLimited', () => {
  it('stops at the first chunk past the limit of a 200 MB body, and cancels the stream', async () => {
    const { stream, state } = countingStream(200, MB);
    const err = await readLimited(stream, 5 * MB).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadTooLargeError);
    expect((err as UploadTooLargeError).limit).toBe(5 * MB);
    expect((err as Error).message).toBe('文件太大：每个文件最大 5 MB');
    expect(state.pulled).toBeLessThanOrEqual(7);
    expect(state.cancelled).toBe(true);
  });

  it('takes a body of exactly the limit, in one chunk or many', async () => {
    const { stream, state } = countingStream(4, 1000);
    const bytes = await readLimited(stream, 4000);
    expect(bytes.length).toBe(4000);
    expect(bytes.every((b) => b === 0x61)).toBe(true);
    expect(state.cancelled).toBe(false);
    expect(await readLimited(streamOf(seed), seed.length)).toEqual(seed);
    await expect(readLimited(streamOf(seed), seed.length - 1)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(await readLimited(streamOf(utf8('年度'), utf8('报告')), 12)).toEqual(utf8('年度报告'));
  });

  it('reads a Request body, as a route handler does', async () => {
    const request = new Request('http://localhost/upload', { method: 'POST', body: seed });
    expect(declaredTooLarge(request.headers, seed.length)).toBe(false);
    expect(await readLimited(request.body, 20 * MB)).toEqual(seed);
    const big = new Request('http://localhost/upload', { method: 'POST', body: new Uint8Array(3 * MB) });
    await expect(readLimited(big.body, 2 * MB)).rejects.toThrow('文件太大：每个文件最大 2 MB');
  });

  it('refuses a missing or empty body', async () => {
    await expect(readLimited(null, MB)).rejects.toBeInstanceOf(EmptyUploadError);
    await expect(readLimited(streamOf(), MB)).rejects.toBeInstanceOf(EmptyUploadError);
    await expect(readLimited(countingStream(0, 10).stream, MB)).rejects.toThrow('上传的文件是空的');
  });

  it('passes on an error of the stream (the client went away)', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('abc'));
        controller.error(new Error('aborted'));
      },
    });
    await expect(readLimited(stream, MB)).rejects.toThrow('aborted');
  });
});

describe('declaredTooLarge', () => {
  it('reads Content-Length; a missing or malformed one says nothing', () => {
    expect(declaredTooLarge(new Headers({ 'content-length': String(20 * MB + 1) }), 20 * MB)).toBe(true);
    expect(declaredTooLarge(new Headers({ 'content-length': String(20 * MB) }), 20 * MB)).toBe(false);
    expect(declaredTooLarge(new Headers({ 'content-length': '0' }), 20 * MB)).toBe(false);
    expect(declaredTooLarge(new Headers(), 20 * MB)).toBe(false);
    expect(declaredTooLarge(new Headers({ 'content-length': 'lots' }), 20 * MB)).toBe(false);
    expect(declaredTooLarge(new Headers({ 'content-length': '-5' }), 20 * MB)).toBe(false);
    expect(declaredTooLarge(new Headers({ 'content-length': '99999999999999999999' }), 20 * MB)).toBe(true);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\x.pdf', 'x.pdf'],
    ['C:\\Users\\张三\\Desktop\\2023年报.pdf', '2023年报.pdf'],
    ['%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 'passwd'],
    ['%E4%BC%9A%E5%90%8C%E5%8E%BF2020%E5%B9%B4%E6%8A%A5.txt', '会同县2020年报.txt'],
    ["UTF-8''%E6%8A%A5%E5%91%8A.pdf", '报告.pdf'],
    ['100%.pdf', '100%.pdf'],
    ['%E4%BC%9A%ZZ.txt', '%E4%BC%9A%ZZ.txt'],
    ['.htaccess', 'htaccess'],
    ['...hidden.docx', 'hidden.docx'],
    ['report\u202Efdp.exe', 'reportfdp.exe'],
    ['re\u0000po\u0007rt\r\n.pdf', 'report.pdf'],
    ['\u200B\u2066报告\u2069.pdf', '报告.pdf'],
    ['  报告   2020 .pdf  ', '报告 2020 .pdf'],
    ['reports/', 'reports'],
    ['', FALLBACK_FILE_NAME],
    ['..', FALLBACK_FILE_NAME],
    ['/', FALLBACK_FILE_NAME],
    ['\u202E\u0000', FALLBACK_FILE_NAME],
    ['\uD800bad.txt', 'bad.txt'],
  ])('%j → %j', (raw, name) => {
    expect(safeFileName(raw)).toBe(name);
  });

  it('no name at all', () => {
    expect(safeFileName(null)).toBe('upload');
  });

  it('NFC: a decomposed name is composed', () => {
    expect(safeFileName('Cafe\u0301.txt')).toBe('Caf\u00e9.txt');
  });

  it('long names are cut to 200 characters, the extension kept, no character split', () => {
    const long = `${'报'.repeat(300)}.docx`;
    const name = safeFileName(long);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('报.docx')).toBe(true);
    const emoji = safeFileName(`${'😀'.repeat(250)}.pdf`);
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(emoji.endsWith('😀.pdf')).toBe(true);
    expect(emoji).not.toMatch(/\p{Cs}/u);
    expect(Array.from(safeFileName('x'.repeat(500)))).toHaveLength(MAX_FILE_NAME_CHARS);
  });
});

/** A zip with these entries. */
async function zip(entries: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(entries)) z.file(name, text);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0]);
/** the start of an OLE2 compound file with a WordDocument stream named in its directory */
function legacyDoc(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(Buffer.from('WordDocument', 'utf16le'), 1024);
  return bytes;
}
const HTML_PAGE = utf8('<!DOCTYPE html><html><head><title>登录</title></head><body><p>请先登录</p></body></html>');

describe('checkUploadContent', () => {
  it('takes the four formats by content', async () => {
    const docx = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(checkUploadContent(seed, 'huitong-2020.txt')).toEqual({ format: 'text' });
    expect(checkUploadContent(HTML_PAGE, 'report.html')).toEqual({ format: 'html' });
    expect(checkUploadContent(makePdf([[{ x: 72, y: 700, text: 'Report' }]]), 'report.pdf')).toEqual({ format: 'pdf' });
    expect(checkUploadContent(docx, 'report.docx')).toEqual({ format: 'docx' });
  });

  it('a readable file under another or no extension is taken by its content', async () => {
    const docx = await zip({ 'word/document.xml': '<w:document/>' });
    expect(checkUploadContent(makePdf([[{ x: 72, y: 700, text: 'Report' }]]), 'report')).toEqual({ format: 'pdf' });
    expect(checkUploadContent(makePdf([[{ x: 72, y: 700, text: 'Report' }]]), 'report.txt')).toEqual({ format: 'pdf' });
    expect(checkUploadContent(docx, 'report.doc')).toEqual({ format: 'docx' });
    expect(checkUploadContent(HTML_PAGE, 'report.txt')).toEqual({ format: 'html' });
    expect(checkUploadContent(seed, 'huitong-2020.html')).toEqual({ format: 'text' });
    expect(checkUploadContent(seed, 'REPORT.TXT')).toEqual({ format: 'text' });
  });

  it('an empty file', () => {
    expect(checkUploadContent(new Uint8Array(0), 'report.pdf')).toEqual({ error: '文件是空的（0 字节）' });
  });

  it('a .pdf that is a web page, a text report or a Word document: refused, saying what it looks like', async () => {
    expect(checkUploadContent(HTML_PAGE, 'x.pdf')).toEqual({ error: '文件名是 .pdf，但内容不是 PDF（看起来是HTML 网页）' });
    // a real report in text, under a .pdf name: the name is what staff believe they have, so
    // the mismatch is theirs to look at (most often a download that saved the wrong thing)
    expect(checkUploadContent(seed, 'huitong-2020.PDF')).toEqual({ error: '文件名是 .pdf，但内容不是 PDF（看起来是纯文本）' });
    const docx = await zip({ 'word/document.xml': '<w:document/>' });
    expect(checkUploadContent(docx, 'report.pdf')).toEqual({ error: '文件名是 .pdf，但内容不是 PDF（看起来是Word 文档（.docx））' });
    expect(checkUploadContent(PNG, 'scan.pdf')).toEqual({ error: '文件名是 .pdf，但内容不是 PDF（看起来是PNG 图片）' });
  });

  it('a .docx that is no Word document: a zip of other entries, a spreadsheet, a PDF, a legacy .doc', async () => {
    const random = await zip({ 'a.txt': 'hello', 'images/b.bin': '\u0001\u0002', 'c/d.json': '{}' });
    expect(checkUploadContent(random, 'report.docx')).toEqual({ error: '文件名是 .docx，但内容不是 Word 文档（看起来是ZIP 压缩包，其中没有 Word 正文（word/document.xml））' });
    const xlsx = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect(checkUploadContent(xlsx, 'report.docx')).toEqual({ error: '文件名是 .docx，但内容不是 Word 文档（看起来是Excel 表格（.xlsx））' });
    expect(checkUploadContent(makePdf([[{ x: 72, y: 700, text: 'Report' }]]), 'report.docx')).toEqual({ error: '文件名是 .docx，但内容不是 Word 文档（看起来是PDF 文件）' });
    expect(checkUploadContent(legacyDoc(), 'report.docx')).toEqual({ error: '文件名是 .docx，但内容不是 Word 文档（看起来是旧版 Word 文档（.doc））' });
  });

  it('binaries of no format we read', async () => {
    expect(checkUploadContent(PNG, 'chart.png')).toEqual({ error: `${UNSUPPORTED_TYPE}（这个文件看起来是PNG 图片）` });
    expect(checkUploadContent(EXE, 'report.exe')).toEqual({ error: `${UNSUPPORTED_TYPE}（这个文件看起来是可执行程序）` });
    expect(checkUploadContent(EXE, 'report')).toEqual({ error: `${UNSUPPORTED_TYPE}（这个文件看起来是可执行程序）` });
    const random = await zip({ 'a.txt': 'hello' });
    expect(checkUploadContent(random, 'reports.zip')).toEqual({ error: `${UNSUPPORTED_TYPE}（这个文件看起来是ZIP 压缩包，其中没有 Word 正文（word/document.xml））` });
    expect(checkUploadContent(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), 'a.jpg')).toEqual({
      error: `${UNSUPPORTED_TYPE}（这个文件看起来是JPEG 图片）`,
    });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(checkUploadContent(noise, 'data.bin')).toEqual({ error: `${UNSUPPORTED_TYPE}（这个文件看起来是二进制数据）` });
    expect(UNSUPPORTED_TYPE).toBe('不支持的文件类型：只接受 txt、html、pdf、docx');
  });

  it('a legacy .doc or an RTF file: save it as .docx', () => {
    expect(checkUploadContent(legacyDoc(), 'report.doc')).toEqual({ error: '不支持旧版 Word 文档（.doc）：请用 Word 或 WPS 另存为 .docx 后再上传' });
    expect(checkUploadContent(utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} 2020年度报告}'), 'report.doc')).toEqual({
      error: '不支持 RTF 文档：请用 Word 或 WPS 另存为 .docx 后再上传',
    });
  });

  it('describeContent names what a file looks like', () => {
    expect(describeContent(HTML_PAGE)).toBe('HTML 网页');
    expect(describeContent(seed)).toBe('纯文本');
    expect(describeContent(new Uint8Array(0))).toBe('空文件');
    expect(describeContent(utf8('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000'))).toBe('GIF 图片');
  });
});

describe('uploadMaxBytes', () => {
  it('20 MB by default; NIANBAO_UPLOAD_MAX_MB in MB otherwise', () => {
    expect(uploadMaxBytes({})).toBe(20 * MB);
    expect(uploadMaxBytes({ NIANBAO_UPLOAD_MAX_MB: '' })).toBe(20 * MB);
    expect(uploadMaxBytes({ NIANBAO_UPLOAD_MAX_MB: ' 50 ' })).toBe(50 * MB);
    expect(uploadMaxBytes({ NIANBAO_UPLOAD_MAX_MB: '0.5' })).toBe(MB / 2);
  });

  it.each(['0', '-1', 'twenty', '20MB', '1e3', 'NaN', 'Infinity'])('NIANBAO_UPLOAD_MAX_MB=%j is a configuration error naming the variable', (value) => {
    expect(() => uploadMaxBytes({ NIANBAO_UPLOAD_MAX_MB: value })).toThrow(ConfigurationError);
    expect(() => uploadMaxBytes({ NIANBAO_UPLOAD_MAX_MB: value })).toThrow(/^NIANBAO_UPLOAD_MAX_MB must be a number above 0/);
  });

  it('formatBytes', () => {
    expect(formatBytes(20 * MB)).toBe('20 MB');
    expect(formatBytes(1.5 * MB)).toBe('1.5 MB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(12)).toBe('12 字节');
  });
});
