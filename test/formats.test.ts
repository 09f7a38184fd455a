// Reading report files: format detection, decoding, HTML/DOCX tables, PDF layout, and the
// four real non-text reports of ../shared/corpus (figures checked row by row in the text).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectFormat, extractText, MAX_FILE_BYTES, ReportReadError } from '../lib/formats';
import { decodeText } from '../lib/formats/text';
import { htmlToText } from '../lib/formats/html';
import { joinPages, layoutPage, type Fragment } from '../lib/formats/pdf-layout';
import { parseReportBytes } from '../lib/parse/file';
import { renderHtml } from '../lib/render/html';
import { makePdf } from './support/pdf';
import { sampleV2019, sampleV2021 } from './support/samples';

const utf8 = (s: string) => new TextEncoder().encode(s);
const linesOf = (text: string) => text.split('\n');

// ---------------------------------------------------------------------------------------------
// Builders


const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx whose body is the given WordprocessingML. */
async function makeDocx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${text ? para(text) : '<w:p/>'}</w:tc>`;

/** A CJK-width fragment (digits half width), viewport coordinates (y down). */
function frag(text: string, x: number, baseline: number, size = 7.5): Fragment {
  const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1) * size, 0);
  return { text, x0: x, x1: x + width, top: baseline - size * 0.88, bottom: baseline + size * 0.12, baseline, size, vertical: false };
}

const VALUE_X = [260, 300, 337, 377, 421, 465, 496];
function values(baseline: number, vs: (string | number)[]): Fragment[] {
  return vs.map((v, i) => frag(String(v), VALUE_X[i], baseline));
}

async function readError(p: Promise<unknown>): Promise<ReportReadError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ReportReadError);
    const e = err as ReportReadError;
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).not.toMatch(/\bat .+:\d+/);
    return e;
  }
  throw new Error('expected a ReportReadError');
}

// ---------------------------------------------------------------------------------------------

describe('detectFormat: by content, the name only breaks ties', () => {
  const pdf = makePdf([[{ x: 72, y: 700, text: 'Hello' }]]);
  const html = utf8('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>年度报告</p></body></html>');

  it('a PDF named .txt is a PDF; HTML named .pdf is HTML', () => {
    expect(detectFormat(pdf, 'report.txt')).toBe('pdf');
    expect(detectFormat(html, 'report.pdf')).toBe('html');
  });

  it('empty, random binary, zip, legacy .doc', () => {
    expect(detectFormat(new Uint8Array(0), 'a.txt')).toBe('empty');
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255);
    expect(detectFormat(random, 'a.html')).toBe('binary');
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'a.docx')).toBe('unknown');
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]), 'a.doc')).toBe('unknown');
  });

  it('text in UTF-8, GBK and UTF-16 is text; a fragment of markup is HTML', () => {
    expect(detectFormat(utf8('一、总体情况\n规章 | 0 | 0 | 0\n'), 'a.html')).toBe('text');
    expect(detectFormat(iconv.encode('一、总体情况\n年度报告\n', 'gbk'))).toBe('text');
    expect(detectFormat(iconv.encode('\ufeff一、总体情况\n', 'utf-16le'))).toBe('text');
    expect(detectFormat(utf8('<p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table>'))).toBe('html');
    expect(detectFormat(utf8('说明：a<b 且 c>d'), 'notes.txt')).toBe('text');
  });

  it('a docx built in memory is docx, whatever its name', async () => {
    const docx = await makeDocx(para('测试'));
    expect(detectFormat(docx, 'report.pdf')).toBe('docx');
  });
});

describe('extractText refuses what it cannot read, in one line', () => {
  it('empty, binary, unknown, too large', async () => {
    expect((await readError(extractText(new Uint8Array(0), 'a.txt'))).message).toMatch(/empty/);
    const binary = new Uint8Array(1000).map((_, i) => (i * 37) % 256);
    expect((await readError(extractText(binary, 'a.bin'))).message).toMatch(/binary/);
    expect((await readError(extractText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]), 'a.zip'))).message).toMatch(/unsupported/);
    const big = new Uint8Array(50 * 1024 * 1024);
    const e = await readError(extractText(big, 'huge.pdf'));
    expect(e.message).toMatch(/too large.*50\.0 MB.*20\.0 MB/);
    expect(e.file).toBe('huge.pdf');
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('a damaged PDF and a damaged DOCX', async () => {
    const pdf = makePdf([[{ x: 72, y: 700, text: 'Hello' }]]);
    expect((await readError(extractText(pdf.slice(0, 60), 'cut.pdf'))).message).toMatch(/PDF.*damaged/);
    expect((await readError(extractText(utf8('%PDF-1.7\nnot a pdf at all\n%%EOF\n'), 'x.pdf'))).message).toMatch(/damaged/);
    const docx = await makeDocx(para('测试'));
    const broken = docx.slice();
    broken.fill(0x41, 40, broken.length - 200);
    expect((await readError(extractText(broken, 'x.docx'))).message).toMatch(/Word document.*damaged/);
  });

  it('undecodable text', async () => {
    // valid in no encoding we read: lone GB18030 lead bytes followed by control-free junk
    const junk = new Uint8Array(2000).map((_, i) => (i % 2 === 0 ? 0x81 : 0x7f));
    expect((await readError(extractText(junk, 'x.txt'))).message).toMatch(/decode/);
  });
});

describe('text decoding', () => {
  it('UTF-8 with and without BOM, UTF-16 with BOM, GBK', () => {
    const s = '一、总体情况\n（一）予以公开 | 4 | 0\n';
    expect(decodeText(utf8(s))).toEqual({ text: s, encoding: 'utf-8' });
    expect(decodeText(utf8(`\ufeff${s}`))).toEqual({ text: s, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(`\ufeff${s}`, 'utf-16le'))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(`\ufeff${s}`, 'utf-16be'))).toEqual({ text: s, encoding: 'utf-16be' });
    expect(decodeText(iconv.encode(s, 'gbk'))).toEqual({ text: s, encoding: 'gb18030' });
  });

  it('extractText of a GBK text file', async () => {
    const s = '洪泽区人民政府2023年政府信息公开工作年度报告\n';
    expect(await extractText(iconv.encode(s, 'gbk'), 'r.txt')).toEqual({ format: 'text', text: s, encoding: 'gb18030' });
  });
});

describe('HTML', () => {
  const report = '<p>一、总体情况</p><p>本机关全年主动公开政府信息1136条。</p>';

  it('GBK pages: declared by <meta charset>, by http-equiv, or not at all', async () => {
    const pages = [
      `<html><head><meta charset="gbk"><title>年报</title></head><body>${report}</body></html>`,
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${report}</body></html>`,
      `<html><body>${report}</body></html>`,
    ];
    for (const page of pages) {
      const result = await extractText(iconv.encode(page, 'gbk'), 'r.html');
      expect(result.format).toBe('html');
      expect(result.encoding).toBe('gb18030');
      expect(linesOf(result.text)).toContain('本机关全年主动公开政府信息1136条。');
    }
  });

  it('a page labelled GBK that is UTF-8 reads as UTF-8', async () => {
    const result = await extractText(utf8(`<html><head><meta charset="gb2312"></head><body>${report}</body></html>`), 'r.html');
    expect(result.encoding).toBe('utf-8');
    expect(linesOf(result.text)).toContain('一、总体情况');
  });

  it('colspan and rowspan cells once, &nbsp; as an empty cell, <br> inside a cell joined', () => {
    const html = `<table>
      <tr><td colspan="3">第二十条第（一）项</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td></tr>
      <tr><td>（二）部分公开</td><td>&nbsp;</td></tr>
      <tr><td>商业<br>企业</td><td> </td><td><p>1</p></td></tr>
      <tr><td>科研<br/>
          机构</td><td>\u3000</td><td><p>2</p><p></p></td></tr>
    </table>`;
    expect(linesOf(htmlToText(html))).toEqual([
      '| 第二十条第（一）项 |',
      '| 三、本年度办理结果 | （一）予以公开 | 5 |',
      '| （二）部分公开 |  |',
      '| 商业企业 |  | 1 |',
      '| 科研机构 |  | 2 |',
    ]);
  });

  it('a layout table is not rendered as rows; only the leaf table is', () => {
    const html = `<table><tr>
      <td><ul><li><a href="/">首页</a></li><li><a href="/gk">政务公开</a></li></ul></td>
      <td><p>一、总体情况</p><p>${'本年度依法主动公开政府信息。'.repeat(20)}</p>
        <p>二、主动公开政府信息情况</p>
        <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table>
      </td></tr></table>`;
    const lines = linesOf(htmlToText(html));
    expect(lines).toContain('一、总体情况');
    expect(lines).toContain('二、主动公开政府信息情况');
    expect(lines).toContain('| 规章 | 1 |');
    expect(lines).toContain('| 行政规范性文件 | 2 |');
    expect(lines.filter((l) => l.startsWith('|'))).toHaveLength(3);
  });

  it('a table framing the whole page flows as paragraphs', () => {
    const html = `<table><tr><td><p>一、总体情况</p><p>${'全年共受理政府信息公开申请21件。'.repeat(40)}</p></td></tr></table>`;
    expect(linesOf(htmlToText(html))[0]).toBe('一、总体情况');
  });

  it('page chrome is left out; the title and the 信息来源 line are kept', () => {
    const body = '本年度，本机关坚持以公开为常态、不公开为例外。'.repeat(30);
    const html = `<!doctype html><html><head><title>某某县2023年政府信息公开工作年度报告_某某县人民政府</title>
      <script>var x = '<p>脚本</p>';</script><style>p{}</style></head><body>
      <div class="header"><div class="logo">某某县人民政府</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">机构</a></li></ul></div>
      <div class="main">
        <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gk">信息公开</a> &gt; 年报</div>
        <div class="article">
          <h1>某某县2023年政府信息公开工作年度报告</h1>
          <div class="info">信息来源：某某县人民政府办公室&nbsp;&nbsp;发布时间：2024-01-20&nbsp;&nbsp;浏览次数：123</div>
          <div class="content"><p>一、总体情况</p><p>${body}</p>
            <table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td></tr></table>
            <p>六、其他需要报告的事项</p><p>无。</p></div>
          <div class="bdshare">分享到：<a>微信</a><a>微博</a></div>
          <div>【打印本页】【关闭窗口】</div>
        </div>
        <div class="related"><h3><a href="/2022">某某县2022年政府信息公开工作年度报告</a></h3></div>
      </div>
      <div class="footer">版权所有：某某县人民政府 地址：某某路1号 备案号：123</div>
      <div style="display:none">隐藏的垃圾文字</div>
      </body></html>`;
    const lines = linesOf(htmlToText(html));
    expect(lines.slice(0, 3)).toEqual(['某某县2023年政府信息公开工作年度报告', '信息来源：某某县人民政府办公室', '一、总体情况']);
    expect(lines).toContain('| 行政规范性文件 | 3 |');
    expect(lines[lines.length - 1]).toBe('无。');
    const all = lines.join('\n');
    for (const chrome of ['首页', '当前位置', '发布时间', '浏览次数', '分享到', '打印', '2022年', '版权所有', '隐藏', '脚本']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('a table of links is no table; an unnamed list of other reports is left out with the chrome', () => {
    const body = '本年度，本机关坚持以公开为常态、不公开为例外。'.repeat(30);
    const html = `<body><div><div id="zoom"><p>一、总体情况</p><p>${body}</p>
        <table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td></tr></table></div>
      <table><tr><td><a href="/1">某某县2022年政府信息公开工作年度报告</a></td><td>2023-01-20</td></tr>
        <tr><td><a href="/2">某某县2021年政府信息公开工作年度报告</a></td><td>2022-01-20</td></tr></table></div></body>`;
    const lines = linesOf(htmlToText(html));
    expect(lines).toEqual(['一、总体情况', body, '| 规章 | 0 |', '| 行政规范性文件 | 3 |']);
  });

  it('a <header> inside the article goes, but its title and 信息来源 stay', () => {
    const html = `<body><article><header><h1>某某镇2024年政府信息公开工作年度报告</h1>
      <p>信息来源：某某镇人民政府 | 发布时间：2025-01-10</p></header>
      <p>一、总体情况</p><p>${'本镇全年主动公开政府信息。'.repeat(40)}</p><p>六、其他需要报告的事项</p></article></body>`;
    expect(linesOf(htmlToText(html)).slice(0, 3)).toEqual(['某某镇2024年政府信息公开工作年度报告', '信息来源：某某镇人民政府', '一、总体情况']);
  });

  it('markup repaired as browsers do: cells and rows closed by the next one, an open <head>, text between rows', () => {
    const cells = '<table><tr><td><p>（一）予以公开<td><font color=red>12<td><p>3<tr><td>（二）部分公开<td>&nbsp;<td>4</table>';
    expect(linesOf(htmlToText(cells))).toEqual(['| （一）予以公开 | 12 | 3 |', '| （二）部分公开 |  | 4 |']);
    const head = '<html><head><title>报告</title>\r\n<p>一、总体情况</p>\r\n<p>全年受理申请&#x32;&#49;件&copy 本机关&amp;其他</p>';
    expect(linesOf(htmlToText(head, { article: false }))).toEqual(['一、总体情况', '全年受理申请21件© 本机关&其他']);
    const between = '<table><tr><td><a href="/">一</a></td><td>1</td></tr>注：单位为件<tr><td><a href=x>二<td>2</table><p>正文</p>';
    expect(linesOf(htmlToText(between, { article: false }))).toEqual(['注：单位为件', '| 一 | 1 |', '| 二 | 2 |', '正文']);
    const stray = '<div><td>不是表格</td></div><p>甲</p></p>乙<table><td>商业<br>企业<td>3</table>';
    expect(linesOf(htmlToText(stray, { article: false }))).toEqual(['不是表格', '甲', '乙', '| 商业企业 | 3 |']);
  });

  it.each([
    ['gbk', sampleV2019()],
    ['gb2312', sampleV2021()],
  ])('a %s page rendered from a report reads back to its figures', async (charset, report) => {
    const bytes = iconv.encode(renderHtml(report, charset), 'gbk');
    const { format, encoding, report: parsed } = await parseReportBytes(bytes, 'report.html');
    expect([format, encoding]).toEqual(['html', 'gb18030']);
    expect(parsed.proactive).toEqual(report.proactive);
    expect(parsed.applications).toEqual(report.applications);
    expect(parsed.appeals).toEqual(report.appeals);
  });

  it('a metadata table keeps only its 发布机构', () => {
    const html = `<body><table><tr><td>索引号：</td><td>014-001</td><td>发布机构：</td><td>某某区人民政府办公室</td></tr>
      <tr><td>发文日期：</td><td>2024-01-20</td><td>主题分类：</td><td>年报</td></tr></table>
      <p>一、总体情况</p><p>${'正文。'.repeat(50)}</p></body>`;
    const lines = linesOf(htmlToText(html));
    expect(lines[0]).toBe('发布机构：某某区人民政府办公室');
    expect(lines.join('\n')).not.toContain('索引号');
  });
});

describe('DOCX', () => {
  it('gridSpan once, vMerge continuation not repeated, blank cells empty', async () => {
    const tbl =
      '<w:tbl>' +
      `<w:tr>${cell('第二十条第（一）项', '<w:gridSpan w:val="2"/>')}${cell('C')}</w:tr>` +
      `<w:tr>${cell('（三）不予公开', '<w:vMerge w:val="restart"/>')}${cell('1.属于国家秘密')}${cell('')}</w:tr>` +
      `<w:tr>${cell('', '<w:vMerge/>')}${cell('2.其他法律行政法规禁止公开')}${cell('3')}</w:tr>` +
      '</w:tbl>';
    const docx = await makeDocx(para('二、主动公开政府信息情况') + tbl + para('三、收到和处理政府信息公开申请情况'));
    const result = await extractText(docx, 'r.docx');
    expect(result.format).toBe('docx');
    expect(linesOf(result.text)).toEqual([
      '二、主动公开政府信息情况',
      '| 第二十条第（一）项 | C |',
      '| （三）不予公开 | 1.属于国家秘密 |  |',
      '| 2.其他法律行政法规禁止公开 | 3 |',
      '三、收到和处理政府信息公开申请情况',
    ]);
  });
});

describe('PDF layout', () => {
  it('wrapped labels join their row; merged-cell labels come before the rows they span', () => {
    const fragments: Fragment[] = [
      // 三、本年度 printed one character per line down a narrow merged cell
      frag('三、', 76.8, 112),
      frag('本', 76.8, 127),
      frag('年', 76.8, 142),
      frag('度', 76.8, 157),
      frag('（一）予以公开', 101, 100),
      ...values(102, [1288, 21, 0, 0, 50, 3, 1362]),
      // （三）不予公开 wrapped inside its merged cell, centred on its three rows
      frag('（三）不', 101, 142),
      frag('予公开', 101, 157),
      frag('1.属于国家秘密', 143, 124),
      ...values(126, [2, 0, 0, 0, 0, 0, 2]),
      frag('2.其他法律行政法规禁止公开', 143, 148),
      ...values(150, [30, 1, 0, 0, 0, 0, 31]),
      frag('3.危及“三安全一稳定”', 143, 172),
      ...values(174, [5, 0, 0, 0, 0, 0, 5]),
      // a label over three lines, the numbers beside the middle one
      frag('1、申请人无正当理由逾期不补', 143, 200),
      frag('正、行政机关不再处理其政府信', 143, 215),
      ...values(213, [67, 3, 0, 0, 1, 0, 71]),
      frag('息公开申请', 143, 230),
      // a label over two lines, the numbers between them
      frag('（二）部分公开（区分处理的，只计这一情', 101, 256),
      frag('形，不计其他情形）', 101, 271),
      ...values(264, [447, 7, 0, 0, 0, 0, 454]),
      frag('- 4 -', 290, 815, 13),
    ];
    const page = layoutPage(fragments, 842);
    expect(page.lines).toEqual([
      '三、本年度',
      '| （一）予以公开 | 1288 | 21 | 0 | 0 | 50 | 3 | 1362 |',
      '（三）不予公开',
      '| 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| 2.其他法律行政法规禁止公开 | 30 | 1 | 0 | 0 | 0 | 0 | 31 |',
      '| 3.危及“三安全一稳定” | 5 | 0 | 0 | 0 | 0 | 0 | 5 |',
      '| 1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 67 | 3 | 0 | 0 | 1 | 0 | 71 |',
      '| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 447 | 7 | 0 | 0 | 0 | 0 | 454 |',
    ]);
  });

  it('a merged-cell label on the same line as a row is printed before it', () => {
    const page = layoutPage(
      [frag('（四）无', 101, 300), frag('1.本机关不掌握相关政府信息', 143, 298), ...values(300, [746, 12, 0, 0, 10, 1, 769])],
      842,
    );
    expect(page.lines).toEqual(['（四）无', '| 1.本机关不掌握相关政府信息 | 746 | 12 | 0 | 0 | 10 | 1 | 769 |']);
  });

  it('prose stays whole; touching pieces join; a page number goes', () => {
    const page = layoutPage(
      [frag('2023', 74, 100, 16), frag('年全区受理政府信息公开申请', 107, 100, 16), frag('21', 320, 100, 16), frag('件。', 337, 100, 16), frag('3', 290, 820, 12)],
      842,
    );
    expect(page.lines).toEqual(['2023年全区受理政府信息公开申请21件。']);
  });

  it('text set one character per item reads as words, not as a stack of labels', () => {
    const chars = (text: string, x: number, y: number) => [...text].map((ch, i) => frag(ch, x + i * 16, y, 16));
    const page = layoutPage([...chars('本机关全年主动公开', 74, 100), ...chars('政府信息一千余条，', 74, 127), ...chars('均已按时公开。', 74, 154)], 842);
    expect(page.lines).toEqual(['本机关全年主动公开', '政府信息一千余条，', '均已按时公开。']);
  });

  it('running headers repeated on the pages are dropped', () => {
    const head = (n: number) => layoutPage([frag('某某县政府信息公开年报', 250, 40, 9), frag(`正文第${n}页`, 74, 200, 16)], 842);
    expect(joinPages([head(1), head(2), head(3)])).toEqual(['正文第1页', '正文第2页', '正文第3页']);
  });

  it('a generated PDF (named .txt) reads as rows', async () => {
    const pdf = makePdf([
      [
        { x: 72, y: 780, size: 16, text: 'Annual report 2023' },
        { x: 72, y: 700, text: 'Item' },
        { x: 300, y: 700, text: 'Made' },
        { x: 360, y: 700, text: 'Repealed' },
        { x: 72, y: 680, text: 'Rules' },
        { x: 300, y: 680, text: '3' },
        { x: 360, y: 680, text: '0' },
        { x: 72, y: 660, text: 'Normative' },
        { x: 300, y: 660, text: '12' },
        { x: 360, y: 660, text: '4' },
        { x: 290, y: 40, size: 12, text: '- 1 -' },
      ],
      [{ x: 72, y: 780, text: 'Second page.' }],
    ]);
    const result = await extractText(pdf, 'report.txt');
    expect(result.format).toBe('pdf');
    expect(linesOf(result.text)).toEqual([
      'Annual report 2023',
      '| Item | Made | Repealed |',
      '| Rules | 3 | 0 |',
      '| Normative | 12 | 4 |',
      'Second page.',
    ]);
  });
});

describe('PDF printed sideways', () => {
  it('a table whose text runs down the page reads as rows', async () => {
    const row = (x: number, label: string, a: string, b: string) => [
      { x, y: 760, text: label, down: true },
      { x, y: 500, text: a, down: true },
      { x, y: 440, text: b, down: true },
    ];
    const pdf = makePdf([[...row(500, 'Item', 'Made', 'Kept'), ...row(480, 'Rules', '1', '11'), ...row(460, 'Normative', '8', '66')]]);
    expect(linesOf((await extractText(pdf, 'sideways.pdf')).text)).toEqual(['| Item | Made | Kept |', '| Rules | 1 | 11 |', '| Normative | 8 | 66 |']);
  });
});

// ---------------------------------------------------------------------------------------------
// The real reports: every expected figure visible, in its row, in order

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const HAS_CORPUS = existsSync(CORPUS);
if (!HAS_CORPUS) console.warn(`\n*** ${CORPUS} is absent: the corpus checks of test/formats.test.ts are SKIPPED ***\n`);

/** distinctive words of each row label of the national tables (template.md appendix A) */
const APPLICATION_LABELS: Record<string, RegExp> = {
  newReceived: /本年新收/,
  carriedOver: /上年结转/,
  granted: /予以公开/,
  partiallyGranted: /部分公开/,
  'denied.stateSecret': /国家秘密/,
  'denied.prohibitedByLaw': /其他法律行政/,
  'denied.securityStability': /三安全一稳定/,
  'denied.thirdPartyRights': /第三方合法权益/,
  'denied.internalAffairs': /三类内部事务/,
  'denied.processInformation': /四类过程性/,
  'denied.enforcementFiles': /行政执法案卷/,
  'denied.administrativeQuery': /行政查询事项/,
  'unavailable.notHeld': /不掌握相关政府信息/,
  'unavailable.needsCreation': /没有现成信息/,
  'unavailable.stillUnclear': /补正后申请内容/,
  'notProcessed.petition': /信访举报投诉/,
  'notProcessed.duplicate': /重复申请/,
  'notProcessed.publication': /公开出版物/,
  'notProcessed.massRepeated': /大量反复/,
  'notProcessed.confirmation': /重新出具/,
  other: /（六）其他处理/,
  'other.overdueCorrection': /逾期不补正/,
  'other.overdueFee': /缴纳费用/,
  'other.other': /^3[.、．]\s*其他$/,
  total: /（七）总计/,
  carriedForward: /结转下年度/,
};
const PROACTIVE_LABELS: Record<string, RegExp> = {
  regulations: /^规章$/,
  normativeDocuments: /规范性文件$/,
  licensing: /^行政许可$/,
  otherServices: /其他对外管理服务事项/,
  penalties: /^行政处罚$/,
  enforcement: /^行政强制$/,
  fees: /^行政事业性收费$/,
};

const cellsOf = (line: string) => line.slice(2, -2).split(' | ').map((c) => c.trim());
const printed = (v: number | null) => (v === null ? '' : String(v));

/** index of the first pipe row after `from` whose label matches and whose last cells are `vals` */
function findRow(lines: string[], from: number, label: RegExp, vals: string[]): number {
  for (let i = from; i < lines.length; i++) {
    if (!lines[i].startsWith('| ')) continue;
    const cells = cellsOf(lines[i]);
    if (cells.length < vals.length + 1) continue;
    const tail = cells.slice(-vals.length);
    const name = cells[cells.length - vals.length - 1].replace(/\s+/g, '');
    if (label.test(name) && tail.every((c, k) => c === vals[k])) return i;
  }
  return -1;
}

describe.skipIf(!HAS_CORPUS)('the real reports: every expected figure in its row, in order', () => {
  const files = ['hongze-2023.pdf', 'huaian-2024.pdf', 'shanghai-govoffice-2019.html', 'template-2021-blank.docx'];

  it.each(files)('%s', async (file) => {
    const expected = JSON.parse(readFileSync(`${CORPUS}${file.replace(/\.\w+$/, '')}.expected.json`, 'utf8'));
    const { text } = await extractText(new Uint8Array(readFileSync(`${CORPUS}${file}`)), file);
    const lines = linesOf(text);

    let at = 0;
    for (const [key, row] of Object.entries(expected.proactive as Record<string, Record<string, number | null>>)) {
      if (key === 'procurement') continue; // printed in 元, expected in 万元
      const i = findRow(lines, at, PROACTIVE_LABELS[key], Object.values(row).map(printed));
      expect(i, `proactive.${key}`).toBeGreaterThanOrEqual(0);
      at = i + 1;
    }
    for (const [key, row] of Object.entries(expected.applications as Record<string, (number | null)[]>)) {
      const i = findRow(lines, at, APPLICATION_LABELS[key], row.map(printed));
      expect(i, `applications.${key} ${JSON.stringify(row)}`).toBeGreaterThanOrEqual(0);
      at = i + 1;
    }
    const appeals = expected.appeals as Record<string, (number | null)[]>;
    const fifteen = [...appeals.review, ...appeals.litigationDirect, ...appeals.litigationAfterReview].map(printed);
    const row = lines.findIndex((l, k) => k >= at && l.startsWith('| ') && cellsOf(l).join('|') === fifteen.join('|'));
    expect(row, `appeals ${fifteen.join(' ')}`).toBeGreaterThanOrEqual(0);
  });

  it('hongze-2023: table 四 prints 10 1 0 0 0 0 0 0 0 0 5 0 0 0 0', async () => {
    const { text } = await extractText(new Uint8Array(readFileSync(`${CORPUS}hongze-2023.pdf`)), 'hongze-2023.pdf');
    expect(linesOf(text)).toContain('| 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |');
  });

  it('no merged-cell label is left between or after the numbers of a row', async () => {
    for (const file of ['hongze-2023.pdf', 'huaian-2024.pdf']) {
      const { text } = await extractText(new Uint8Array(readFileSync(`${CORPUS}${file}`)), file);
      for (const line of linesOf(text).filter((l) => /^\| .* \| \d+ \|$/.test(l))) {
        const cells = cellsOf(line);
        const firstNumber = cells.findIndex((c) => /^\d+(\.\d+)?$/.test(c));
        expect(cells.slice(firstNumber).every((c) => /^\d+(\.\d+)?$/.test(c)), `${file}: ${line}`).toBe(true);
        expect(firstNumber, `${file}: ${line}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
