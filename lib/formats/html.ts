// HTML report pages to text lines: prose one block per line, every leaf table row as one
// `| c1 | c2 |` line, and the page chrome (menus, breadcrumbs, share/print bars, footers) left out.

import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { ReportReadError } from './errors';
import { bomEncoding, canonicalEncoding, decodeAs, decodeGb18030, looksBinary, strictUtf8, type DecodedText } from './text';

type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

// ---------------------------------------------------------------------------------------------
// Decoding

const CHARSET_SNIFF_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv content). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = decodeAs(bytes.subarray(0, CHARSET_SNIFF_BYTES), 'latin1');
  return META_CHARSET.exec(head)?.[1];
}

/**
 * Decodes an HTML page: BOM, else the declared charset, else UTF-8 when valid, else GB18030.
 * A declaration the bytes contradict loses: pages labelled UTF-8 that are GBK (and the
 * reverse) are common, and a long Chinese text that is valid UTF-8 is UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, file?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  if (looksBinary(bytes)) throw new ReportReadError('this is a binary file, not an HTML page', file);
  const declared = declaredCharset(bytes);
  const encoding = declared ? canonicalEncoding(declared) : undefined;
  const utf8 = encoding === undefined || encoding === 'utf-8' || encoding === 'gb18030' || encoding === 'big5' ? strictUtf8(bytes) : undefined;
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (encoding && encoding !== 'utf-8' && encoding !== 'gb18030') {
    return { text: decodeAs(bytes, encoding), encoding };
  }
  return { text: decodeGb18030(bytes, file), encoding: 'gb18030' };
}

// ---------------------------------------------------------------------------------------------
// DOM helpers

const NEVER_RENDERED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'select', 'option', 'button', 'input', 'textarea', 'audio', 'video', 'map', 'link', 'meta',
]);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu']);
/** class/id words of navigation, share bars and footers on Chinese government sites */
const CHROME_NAME =
  /(?:^|[\s_-])(?:nav|navbar|menu|menus|breadcrumbs?|crumbs?|bread|footer|foot|header|topbar|sidebar|share|bdshare|bshare|toolbar|copyright|banner|search|login|pager|pagination|related|relevant|position|location|dqwz|wzdh|mianbao|fenxiang|xgwz|xgxx)(?:[\s_-]|\d|$)/i;
/** a chrome-looking element holding more than this share of the page's text is content after all */
const CHROME_MAX_SHARE = 0.2;
const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'title',
]);

function isElement(node: ChildNode | ParentNode): node is Element {
  // '#text', '#comment', '#document'… start with '#'; element node names never do
  return node.nodeName.charCodeAt(0) !== 35;
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(el: Element): boolean {
  for (const a of el.attrs) {
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && a.value.includes(':') && HIDDEN_STYLE.test(a.value)) return true;
  }
  return false;
}

function looksLikeChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  for (const a of el.attrs) {
    if ((a.name === 'class' || a.name === 'id') && CHROME_NAME.test(a.value)) return true;
  }
  return false;
}

function isTitleCandidate(el: Element): boolean {
  if (el.tagName === 'h1' || el.tagName === 'h2' || el.tagName === 'h3') return true;
  const cls = el.attrs.length > 0 ? attr(el, 'class') : undefined;
  return !!cls && /title|biaoti|bt\b/i.test(cls);
}

const WHITESPACE = /[\s\u200b\ufeff]+/g;

/** Characters that show; whitespace inside a text node is rare enough to count. */
function visibleLength(text: string): number {
  return text.trim().length;
}

// ---------------------------------------------------------------------------------------------
// Measuring: how much text each element holds, which are chrome, which tables are layout

interface Stats {
  /** visible characters */
  text: number;
  /** visible characters inside links */
  link: number;
  /** data tables (leaf tables with two or more rows) inside */
  dataTables: number;
}

interface Measured {
  stats: Map<Element, Stats>;
  /** elements named or tagged like page chrome, decided once the page total is known */
  chromeCandidates: Element[];
  skipped: Set<Element>;
  /** tables rendered as flowing text: they hold another table, or are a page frame */
  layoutTables: Set<Element>;
  titleCandidates: Element[];
}

const LAYOUT_CELL_CHARS = 500;

function measure(root: Element): Measured {
  const m: Measured = { stats: new Map(), chromeCandidates: [], skipped: new Set(), layoutTables: new Set(), titleCandidates: [] };
  const total = content(measureElement(root, false, m));
  for (const el of m.chromeCandidates) {
    const s = m.stats.get(el);
    if (s && s.dataTables === 0 && content(s) <= total * CHROME_MAX_SHARE) m.skipped.add(el);
  }
  return m;
}

function measureElement(el: Element, inLink: boolean, m: Measured): Stats {
  const s: Stats = { text: 0, link: 0, dataTables: 0 };
  const linked = inLink || el.tagName === 'a';
  for (const child of childrenOf(el)) {
    if (isElement(child)) {
      if (NEVER_RENDERED.has(child.tagName) || isHidden(child)) {
        m.skipped.add(child);
        continue;
      }
      const c = measureElement(child, linked, m);
      s.text += c.text;
      s.link += c.link;
      s.dataTables += c.dataTables;
    } else if (child.nodeName === '#text') {
      const n = visibleLength((child as DefaultTreeAdapterTypes.TextNode).value);
      s.text += n;
      if (linked) s.link += n;
    }
  }
  if (el.tagName === 'table') classifyTable(el, s, m);
  if (isTitleCandidate(el)) m.titleCandidates.push(el);
  if (el.tagName !== 'body' && looksLikeChrome(el)) m.chromeCandidates.push(el);
  m.stats.set(el, s);
  return s;
}

function classifyTable(table: Element, s: Stats, m: Measured): void {
  if (s.dataTables > 0) {
    m.layoutTables.add(table);
    return;
  }
  const rows = tableRows(table);
  const cells = rows.flatMap((r) => rowCells(r));
  const frame = rows.every((r) => rowCells(r).length <= 1);
  const longCell = cells.some((c) => (m.stats.get(c)?.text ?? 0) > LAYOUT_CELL_CHARS);
  if (rows.length === 0 || frame || (longCell && !hasNumbers(cells, m.skipped))) {
    m.layoutTables.add(table);
    return;
  }
  if (rows.length >= 2) s.dataTables = 1;
}

function hasNumbers(cells: Element[], skipped: Set<Element>): boolean {
  let n = 0;
  for (const c of cells) if (/^[+-]?\d[\d,.]*%?$/.test(cellText(c, skipped))) n++;
  return n >= 3;
}

function childrenOf(el: ParentNode): ChildNode[] {
  return el.nodeName === 'template' ? (el as DefaultTreeAdapterTypes.Template).content.childNodes : el.childNodes;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The table's own rows, not those of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const r of child.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

function rowCells(row: Element): Element[] {
  return row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

/** A cell's text: line breaks and paragraphs inside it join with nothing (商业<br>企业 → 商业企业). */
export function cellText(cell: Element, skipped: Set<Element>): string {
  const parts: string[] = [];
  collectCellText(cell, skipped, parts);
  const text = parts.join('').replace(WHITESPACE, ' ').trim();
  return text.includes('|') ? text.replace(/\|/g, '¦') : text;
}

function collectCellText(el: Element, skipped: Set<Element>, parts: string[]): void {
  for (const child of childrenOf(el)) {
    if (isElement(child)) {
      if (skipped.has(child) || NEVER_RENDERED.has(child.tagName)) continue;
      if (child.tagName === 'br' || BLOCK_TAGS.has(child.tagName)) trimTrailingSpace(parts);
      collectCellText(child, skipped, parts);
    } else if (child.nodeName === '#text') {
      let value = (child as DefaultTreeAdapterTypes.TextNode).value;
      // the source's own line breaks inside a cell are layout, not words
      if (/[\r\n]/.test(value)) value = value.replace(/\s*[\r\n]\s*/g, '');
      parts.push(value);
    }
  }
}

function trimTrailingSpace(parts: string[]): void {
  if (parts.length > 0) parts[parts.length - 1] = parts[parts.length - 1].replace(/[\s\u00a0\u3000]+$/, '');
}

function tableLines(table: Element, skipped: Set<Element>): string[] {
  const lines: string[] = [];
  for (const child of table.childNodes) {
    if (isElement(child) && child.tagName === 'caption') {
      const caption = cellText(child, skipped);
      if (caption) lines.push(caption);
    }
  }
  for (const row of tableRows(table)) {
    if (skipped.has(row)) continue;
    const texts = rowCells(row).filter((c) => !skipped.has(c)).map((c) => cellText(c, skipped));
    if (texts.length === 0) continue;
    lines.push(`| ${texts.join(' | ')} |`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface Line {
  text: string;
  inArticle: boolean;
}

class LineSink {
  readonly lines: Line[] = [];
  private buf = '';
  inArticle = false;

  append(text: string): void {
    this.buf += text;
  }

  flush(): void {
    const text = this.buf.replace(WHITESPACE, ' ').trim();
    this.buf = '';
    if (text) this.lines.push({ text, inArticle: this.inArticle });
  }

  push(text: string): void {
    this.flush();
    this.lines.push({ text, inArticle: this.inArticle });
  }
}

function render(el: Element, m: Measured, article: Element, sink: LineSink): void {
  const entering = el === article;
  if (entering) {
    sink.flush();
    sink.inArticle = true;
  }
  if (el.tagName === 'table' && !m.layoutTables.has(el)) {
    for (const line of tableLines(el, m.skipped)) sink.push(line);
  } else {
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) sink.flush();
    for (const child of childrenOf(el)) {
      if (isElement(child)) {
        if (m.skipped.has(child)) continue;
        if (child.tagName === 'br') sink.flush();
        else render(child, m, article, sink);
      } else if (child.nodeName === '#text') {
        sink.append((child as DefaultTreeAdapterTypes.TextNode).value);
      }
    }
    if (block) sink.flush();
  }
  if (entering) {
    sink.flush();
    sink.inArticle = false;
  }
}

// ---------------------------------------------------------------------------------------------
// The article, its title and its source line

const ARTICLE_SHARE = 0.8;

function content(s: Stats | undefined): number {
  return s ? s.text - s.link : 0;
}

/**
 * The main article: descend from <body> while one child holds most of the page's non-link
 * text and all its data tables. Never into a data table, whose rows must stay rows.
 */
function chooseArticle(body: Element, m: Measured): Element {
  const total = content(m.stats.get(body));
  const tables = m.stats.get(body)?.dataTables ?? 0;
  let node = body;
  for (;;) {
    const next = node.childNodes.find((c): c is Element => {
      if (!isElement(c) || m.skipped.has(c)) return false;
      if (c.tagName === 'table' && !m.layoutTables.has(c)) return false;
      const s = m.stats.get(c);
      return !!s && s.dataTables === tables && content(s) >= total * ARTICLE_SHARE;
    });
    if (!next) return node;
    node = next;
  }
}

function textOf(el: Element, skipped: Set<Element>): string {
  return cellText(el, skipped);
}

const REPORT_TITLE = /年度报告|年报/;

/**
 * The report's title: the heading that the page's <title> repeats, else the <title> itself
 * without the site name, else the first report-like heading that is not a link.
 */
function chooseTitle(doc: DefaultTreeAdapterTypes.Document, m: Measured): string | undefined {
  const titleEl = findFirst(doc, 'title');
  const pageTitle = titleEl ? textOf(titleEl, NOTHING_SKIPPED) : '';
  // "报告标题_某某区人民政府" / "报告标题 - 站名"
  const main = pageTitle.split(/\s*(?:[_|｜¦]|\s-\s|--)\s*/)[0]?.trim() ?? '';
  const headings = m.titleCandidates
    .filter((el) => !insideLink(el))
    .map((el) => textOf(el, NOTHING_SKIPPED))
    .filter((t) => t.length >= 6 && t.length <= 120 && REPORT_TITLE.test(t));
  if (REPORT_TITLE.test(main)) return headings.find((h) => squash(pageTitle).includes(squash(h))) ?? main;
  return headings[0];
}

const NOTHING_SKIPPED = new Set<Element>();

function insideLink(el: Element): boolean {
  for (let p: ParentNode | null = el; p && isElement(p); p = (p as Element).parentNode) {
    if (p.tagName === 'a') return true;
  }
  return false;
}

function findFirst(node: ParentNode, tag: string): Element | undefined {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) return child;
    const found = findFirst(child, tag);
    if (found) return found;
  }
  return undefined;
}

const ORGAN_LABEL = /(信息来源|发布机构|发文机关|发布单位|发文单位|来源)\s*[:：]\s*/;
const ORGAN_STOP =
  /\s{2,}|\s*(?:发布时间|发布日期|更新时间|成文日期|时间|日期|浏览|点击|阅读|访问|字号|字体|作者|编辑|责任编辑|审核|分享|打印|关闭|索引号|【|\[|\||¦)/;
const META_LINE = /(?:发布时间|发布日期|更新时间|浏览次数|浏览量|点击次数|点击数|点击量|阅读次数|访问次数)\s*[:：]/;
const CHROME_LINE_START = /^(?:上一篇|下一篇|上一条|下一条|您当前的位置|当前位置|您现在的位置|您所在的位置|所在位置)/;
/** what share/print/close/font-size bars are made of; a short line of nothing else is chrome */
const CHROME_WORDS =
  /分享到|分享|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|加入收藏|收藏本页|收藏|字号|字体|默认|扫一扫|在手机上打开|手机扫码|微信|微博|QQ空间|[大中小【】\[\]:：|¦·•\s]/g;

function isChromeLine(text: string): boolean {
  if (text.length > 60) return false;
  if (CHROME_LINE_START.test(text)) return true;
  if (/首页/.test(text) && (text.match(/[>›»]/g)?.length ?? 0) >= 2) return true;
  return text.replace(CHROME_WORDS, '') === '';
}

/** "信息来源：X" (or 发布机构/发文机关) out of a metadata line, else undefined. */
export function organLine(text: string): string | undefined {
  const m = ORGAN_LABEL.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const stop = ORGAN_STOP.exec(rest);
  const value = (stop ? rest.slice(0, stop.index) : rest).trim();
  if (!value || value.length > 60) return undefined;
  return `${m[1]}：${value}`;
}

/** Metadata and chrome lines become their organ part (信息来源：X) or disappear. */
function cleanLine(text: string): string | undefined {
  if (text.startsWith('|')) return metadataRow(text) ?? text;
  if (text.length <= 200 && META_LINE.test(text)) return organLine(text);
  if (isChromeLine(text)) return undefined;
  return text;
}

const META_TABLE_LABELS = /索引号|主题分类|发文日期|成文日期|公开方式|公开时限|文号|生成日期|公开范围|所属机构|信息分类/g;

/** A gov.cn metadata table row (索引号 | … | 发布机构 | X) reduced to its organ, if it is one. */
function metadataRow(row: string): string | undefined {
  const labels = row.match(META_TABLE_LABELS)?.length ?? 0;
  if (labels === 0) return undefined;
  const cells = row.slice(1, -1).split(' | ').map((c) => c.trim());
  for (let i = 0; i < cells.length; i++) {
    const inCell = organLine(cells[i]);
    if (inCell) return inCell;
    const label = /^(信息来源|发布机构|发文机关|发布单位|发文单位)[:：]?$/.exec(cells[i]);
    if (label && cells[i + 1]) return `${label[1]}：${cells[i + 1]}`;
  }
  return '';
}

const squash = (s: string) => s.replace(WHITESPACE, '');

export interface HtmlTextOptions {
  /** pick the main article and drop page chrome (default true); false for converted documents */
  article?: boolean;
}

/** Renders an HTML document as text lines (see the module comment for the layout). */
export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  const doc = parse(html);
  const body = findFirst(doc, 'body');
  if (!body) return '';
  const m = measure(body);
  const useArticle = options.article !== false;
  const article = useArticle ? chooseArticle(body, m) : body;
  const sink = new LineSink();
  render(body, m, article, sink);
  sink.flush();
  if (!useArticle) return sink.lines.map((l) => l.text).join('\n');
  return articleLines(sink.lines, useArticle ? chooseTitle(doc, m) : undefined).join('\n');
}

function articleLines(lines: Line[], title: string | undefined): string[] {
  const out: string[] = [];
  let source: string | undefined;
  let seenArticle = false;
  for (const line of lines) {
    if (!line.inArticle) {
      // before the article: only its source line matters; after it, nothing
      if (!seenArticle && !source) source = organLine(line.text);
      continue;
    }
    seenArticle = true;
    const text = cleanLine(line.text);
    if (text) out.push(text);
  }
  const head: string[] = [];
  if (title && !out.some((l) => squash(l).includes(squash(title)))) head.push(title);
  if (source && !out.some((l) => ORGAN_LABEL.test(l) && l.length < 80)) head.push(source);
  return [...head, ...out];
}
