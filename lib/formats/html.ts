// HTML report pages to text lines:
// - prose: one block element (or <br>-separated piece) per line, in document order;
// - every row of a leaf table is one line `| c1 | c2 | … |`: a colspan cell once, a cell covered
//   by a rowspan not repeated, an empty cell (nothing, &nbsp;, spaces) as `|  |`, line breaks
//   and paragraphs inside a cell joined with nothing;
// - a table that holds another table, frames the page or lists links is layout: its text flows;
// - page chrome (nav, header, footer, breadcrumbs, share/print bars, metadata such as 发布时间 or
//   浏览次数) is left out; the main article is the element that holds most of the page's text and
//   all its data tables; the report title and a 信息来源/发布机构 line are kept (put first when
//   they sit outside the article).
// The page is parsed as browsers parse it (html-tree.ts), in one pass over the tree.
// Every walk over the tree keeps its own stack (no recursion), so that no depth of nesting
// overflows the call stack, and no part of the tree is walked more than a bounded number of times.

import { ReportReadError } from './errors';
import { HtmlElement as Element, HtmlText, parseHtml, type HtmlDocument as Document, type HtmlNode as ChildNode, type HtmlParent as ParentNode } from './html-tree';
import { bomEncoding, canonicalEncoding, decodeAs, decodeGb18030, looksBinary, strictUtf8, type DecodedText } from './text';

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
 * `knownText`: the caller has already found that the bytes do not look binary (detectFormat).
 */
export function decodeHtml(bytes: Uint8Array, file?: string, knownText = false): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  if (!knownText && looksBinary(bytes)) throw new ReportReadError('this is a binary file, not an HTML page', file);
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

function isElement(node: ChildNode): node is Element {
  return node instanceof Element;
}

function isTextNode(node: ChildNode): node is HtmlText {
  return node instanceof HtmlText;
}

const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(el: Element): boolean {
  const { hidden, style } = el.attribs;
  if (hidden !== undefined) return true;
  // (display:none is the shortest hiding style)
  return style !== undefined && style.length >= 12 && (style.includes('none') || style.includes('hidden')) && HIDDEN_STYLE.test(style);
}

function looksLikeChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const { class: cls, id } = el.attribs;
  return (cls !== undefined && CHROME_NAME.test(cls)) || (id !== undefined && CHROME_NAME.test(id));
}

const TITLE_CLASS = /title|biaoti|bt\b/i;

function isTitleCandidate(el: Element): boolean {
  if (el.name === 'h1' || el.name === 'h2' || el.name === 'h3') return true;
  const cls = el.attribs.class;
  return !!cls && TITLE_CLASS.test(cls);
}

const WHITESPACE = /[\s\u200b\ufeff]+/g;

const HAS_WHITESPACE = /[\s\u200b\ufeff]/;

/** Runs of whitespace as one space, trimmed. */
function collapsed(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

/** collapsed() for a short text, which mostly has no whitespace (testing first is faster then) */
function collapsedShort(text: string): string {
  return HAS_WHITESPACE.test(text) ? collapsed(text) : text;
}

/** Characters that show; whitespace inside a text node is rare enough to count. */
function visibleLength(text: string): number {
  return text.trim().length;
}

// ---------------------------------------------------------------------------------------------
// One pass over the DOM: lines out, and per element how much text it holds and where its
// lines are, so that the article can be chosen and the chrome dropped afterwards.

interface Stats {
  /** visible characters */
  text: number;
  /** visible characters inside links */
  link: number;
  /** data tables (leaf tables with two or more rows) inside */
  dataTables: number;
  /** the element's lines: [start, end) in Render.lines */
  start: number;
  end: number;
}

/** a table cell longer than this holds a page, not a figure */
const LAYOUT_CELL_CHARS = 500;

/** an element being rendered: its stats so far and the next child to visit */
interface Frame {
  el: Element;
  s: Stats;
  /** the children's text is link text */
  linked: boolean;
  /** the element or an ancestor is a link (whatever layout tables say) */
  underLink: boolean;
  next: number;
  block: boolean;
  chrome: boolean;
  start: number;
}

class Render {
  readonly lines: string[] = [];
  /** for the elements the article and the chrome are chosen from (body, containers, chrome) */
  readonly stats = new Map<Element, Stats>();
  /** elements named or tagged like page chrome, judged once the page total is known */
  readonly chrome: Element[] = [];
  /** title candidates, in the order they end, and whether they sit inside a link */
  readonly titles: { el: Element; inLink: boolean }[] = [];
  /** tables rendered as rows */
  readonly dataTables = new Set<Element>();
  private buf = '';

  constructor(private readonly findChrome: boolean) {}

  private flush(): void {
    if (this.buf === '') return;
    const text = collapsed(this.buf);
    this.buf = '';
    if (text) this.lines.push(text);
  }

  finish(): void {
    this.flush();
  }

  /** Renders an element and everything in it, depth first, with a stack of frames. */
  element(root: Element, inLink: boolean): Stats {
    const frames: Frame[] = [];
    let result: Stats | undefined;
    const open = (el: Element, linked: boolean, underLink: boolean) => {
      const frame = this.open(el, linked, underLink);
      if (frame.next === -1) {
        const s = this.close(frame);
        if (frames.length === 0) result = s;
        else add(frames[frames.length - 1].s, s);
      } else {
        frames.push(frame);
      }
    };
    open(root, inLink, inLink);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const children = frame.el.children;
      if (frame.next >= children.length) {
        frames.pop();
        const s = this.close(frame);
        if (frames.length === 0) result = s;
        else add(frames[frames.length - 1].s, s);
        continue;
      }
      const child = children[frame.next++];
      if (isElement(child)) {
        if (child.name === 'br') {
          this.flush();
          continue;
        }
        if (NEVER_RENDERED.has(child.name) || isHidden(child)) continue;
        open(child, frame.linked, frame.underLink);
      } else if (isTextNode(child)) {
        const value = child.data;
        this.buf += value;
        const n = visibleLength(value);
        frame.s.text += n;
        if (frame.linked) frame.s.link += n;
      }
    }
    return result!;
  }

  /** The start of an element: a frame whose children are to be rendered, or (next = -1) one already done. */
  private open(el: Element, inLink: boolean, underLink: boolean): Frame {
    const chrome = this.findChrome && looksLikeChrome(el);
    const block = chrome || BLOCK_TAGS.has(el.name);
    if (block) this.flush();
    const start = this.lines.length;
    const frame: Frame = { el, s: emptyStats(), linked: inLink || el.name === 'a', underLink: underLink || el.name === 'a', next: 0, block, chrome, start };
    const scan = el.name === 'table' ? scanTable(el) : undefined;
    if (scan && !scan.nested) {
      const rows = this.leafTable(el, scan.anchors);
      if (rows) {
        frame.s = rows;
        frame.next = -1;
      } else {
        // a table that frames a page or lists links: its text flows, and is no link text
        frame.linked = false;
      }
    }
    return frame;
  }

  private close(frame: Frame): Stats {
    const { el, s, block, chrome } = frame;
    if (block) this.flush();
    s.start = frame.start;
    s.end = this.lines.length;
    if (chrome || CONTAINER_TAGS.has(el.name) || el.name === 'body') this.stats.set(el, s);
    if (chrome) this.chrome.push(el);
    if (isTitleCandidate(el)) this.titles.push({ el, inLink: frame.underLink });
    return s;
  }

  /**
   * A table without tables inside: its rows, unless it frames a page or lists links (then
   * undefined: its text flows). A table of metadata (索引号, 发布机构…) is no data table.
   */
  private leafTable(table: Element, anchors: Element[]): Stats | undefined {
    const rows = tableRows(table);
    const texts = rows.map((r) => rowCells(r).map(cellText));
    let text = 0;
    let longCell = false;
    for (const row of texts) {
      for (const t of row) {
        text += t.length;
        if (t.length > LAYOUT_CELL_CHARS) longCell = true;
      }
    }
    const frame = texts.every((row) => row.length <= 1);
    const links = anchors.reduce((n, a) => n + cellText(a).length, 0);
    const fewNumbers = () => allCells(texts).filter((t) => NUMBER_CELL.test(t)).length < 3;
    if (rows.length === 0 || frame || (longCell && fewNumbers()) || links > text / 2) return undefined;
    this.flush();
    for (const child of table.children) {
      if (isElement(child) && child.name === 'caption') {
        const caption = cellText(child);
        if (caption) this.lines.push(caption);
      }
    }
    for (const row of texts) if (row.length > 0) this.lines.push(`| ${row.join(' | ')} |`);
    this.dataTables.add(table);
    const metadata = rows.length <= METADATA_MAX_ROWS && new Set(allCells(texts).join(' ').match(META_TABLE_LABELS)).size >= 2;
    return { text, link: 0, dataTables: rows.length >= 2 && !metadata ? 1 : 0, start: 0, end: 0 };
  }
}

/** The cells of all rows, in order: texts.flat(), which costs far more in V8 */
function allCells(texts: readonly string[][]): string[] {
  const cells: string[] = [];
  for (const row of texts) for (const text of row) cells.push(text);
  return cells;
}

const emptyStats = (): Stats => ({ text: 0, link: 0, dataTables: 0, start: 0, end: 0 });

function add(to: Stats, s: Stats): void {
  to.text += s.text;
  to.link += s.link;
  to.dataTables += s.dataTables;
}

const NUMBER_CELL = /^[+-]?\d[\d,.]*%?$/;
const METADATA_MAX_ROWS = 8;

/**
 * Whether a table holds another table, and its links (those inside no other link, so that no
 * text is counted twice). Each node of a page is scanned for one table at most: a table's
 * scan stops at the first table inside it.
 */
function scanTable(table: Element): { nested: boolean; anchors: Element[] } {
  const anchors: Element[] = [];
  // depth first, in document order, with a stack of elements and of their next child's index
  // (tables are most of a report page's elements: no object per element); `linkDepth` is the
  // number of open elements inside a link
  const open: Element[] = [table];
  const next: number[] = [0];
  let linkDepth = 0;
  while (open.length > 0) {
    const top = open.length - 1;
    const el = open[top];
    if (next[top] >= el.children.length) {
      open.pop();
      next.pop();
      if (el.name === 'a') linkDepth--;
      continue;
    }
    const child = el.children[next[top]++];
    if (!isElement(child)) continue;
    if (child.name === 'table') return { nested: true, anchors };
    if (child.name === 'a') {
      if (linkDepth === 0) anchors.push(child);
      linkDepth++;
    }
    open.push(child);
    next.push(0);
  }
  return { nested: false, anchors };
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The table's own rows, not those of tables nested in its cells. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const r of child.children) if (isElement(r) && r.name === 'tr' && !isHidden(r)) rows.push(r);
    }
  }
  return rows;
}

function rowCells(row: Element): Element[] {
  const cells: Element[] = [];
  for (const c of row.children) {
    if (isElement(c) && (c.name === 'td' || c.name === 'th') && !isHidden(c)) cells.push(c);
  }
  return cells;
}

/** A cell's text: line breaks and paragraphs inside it join with nothing (商业<br>企业 → 商业企业). */
export function cellText(cell: Element): string {
  const text = collapsedShort(shallowCellText(cell) ?? collectCellText(cell) ?? '');
  return text.includes('|') ? text.replace(/\|/g, '¦') : text;
}

/** the source's own line breaks inside a cell are layout, not words */
const withoutBreaks = (value: string) => (value.includes('\n') ? value.replace(/\s*[\r\n]\s*/g, '') : value);

/**
 * collectCellText() of a cell whose elements hold only text (most cells: <td><p>12</p></td>),
 * without its stack; undefined for any other cell.
 */
function shallowCellText(cell: Element): string | undefined {
  let acc = '';
  for (const child of cell.children) {
    if (isTextNode(child)) {
      acc += withoutBreaks(child.data);
      continue;
    }
    if (NEVER_RENDERED.has(child.name) || isHidden(child)) continue;
    if (child.name === 'br' || BLOCK_TAGS.has(child.name)) acc = acc.trimEnd();
    for (const inner of child.children) {
      if (!isTextNode(inner)) return undefined;
      acc += withoutBreaks(inner.data);
    }
  }
  return acc;
}

/**
 * The raw text of an element, depth first; undefined when it visits more than `maxNodes`
 * nodes or gathers more than `maxChars` characters other than whitespace (which then no
 * collapsing brings back under `maxChars`).
 */
function collectCellText(root: Element, maxNodes = Infinity, maxChars = Infinity): string | undefined {
  let acc = '';
  let nodes = 0;
  let chars = 0;
  const frames: { el: Element; next: number }[] = [{ el: root, next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.el.children.length) {
      frames.pop();
      continue;
    }
    const child = frame.el.children[frame.next++];
    if (++nodes > maxNodes) return undefined;
    if (isElement(child)) {
      if (NEVER_RENDERED.has(child.name) || isHidden(child)) continue;
      if (child.name === 'br' || BLOCK_TAGS.has(child.name)) acc = acc.trimEnd();
      frames.push({ el: child, next: 0 });
    } else if (isTextNode(child)) {
      const value = child.data;
      acc += withoutBreaks(value);
      if (maxChars !== Infinity && (chars += value.replace(WHITESPACE, '').length) > maxChars) return undefined;
    }
  }
  return acc;
}

// ---------------------------------------------------------------------------------------------
// The article, its title and its source line

const ARTICLE_SHARE = 0.8;
/** elements that hold a page's parts; a paragraph or heading is never the article */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'form', 'center', 'table', 'tbody', 'thead', 'tr', 'td', 'th', 'dl', 'dd', 'blockquote']);
/** an article has a few lines at least; one long paragraph is not one */
const ARTICLE_MIN_LINES = 3;

function content(s: Stats | undefined): number {
  return s ? s.text - s.link : 0;
}

/**
 * The main article: descend from <body> while one child holds most of the page's non-link
 * text and all its data tables. Never into a data table, whose rows must stay rows.
 */
function chooseArticle(body: Element, r: Render, dropped: Set<Element>): Element {
  const total = content(r.stats.get(body));
  const tables = r.stats.get(body)?.dataTables ?? 0;
  let node = body;
  for (;;) {
    const next = node.children.find((c): c is Element => {
      if (!isElement(c) || !CONTAINER_TAGS.has(c.name) || dropped.has(c) || r.dataTables.has(c)) return false;
      const s = r.stats.get(c);
      return !!s && s.dataTables === tables && content(s) >= total * ARTICLE_SHARE && s.end - s.start >= ARTICLE_MIN_LINES;
    });
    if (!next) return node;
    node = next;
  }
}

/** Page chrome that is small beside the page: its lines go. */
function droppedChrome(body: Element, r: Render): Set<Element> {
  const total = content(r.stats.get(body));
  const dropped = new Set<Element>();
  for (const el of r.chrome) {
    const s = r.stats.get(el);
    if (s && s.dataTables === 0 && content(s) <= total * CHROME_MAX_SHARE) dropped.add(el);
  }
  return dropped;
}

const REPORT_TITLE = /年度报告|年报/;
const TITLE_MAX_CHARS = 120;
/** a heading of more nodes than this is no title (and nested ones are not walked again and again) */
const TITLE_MAX_NODES = 2000;

/** A title candidate's text, or '' when it is too long to be a title. */
function titleText(el: Element): string {
  const raw = collectCellText(el, TITLE_MAX_NODES, TITLE_MAX_CHARS);
  if (raw === undefined) return '';
  const text = collapsedShort(raw);
  return text.includes('|') ? text.replace(/\|/g, '¦') : text;
}

/**
 * The report's title: the heading that the page's <title> repeats, else the <title> itself
 * without the site name, else the first report-like heading that is not a link.
 */
function chooseTitle(doc: Document, candidates: { el: Element; inLink: boolean }[]): string | undefined {
  const titleEl = findFirst(doc, 'title');
  const pageTitle = titleEl ? cellText(titleEl) : '';
  // "报告标题_某某区人民政府" / "报告标题 - 站名"
  const main = pageTitle.split(/\s*(?:[_|｜¦]|\s-\s|--)\s*/)[0]?.trim() ?? '';
  const headings = candidates
    .filter((c) => !c.inLink)
    .map((c) => titleText(c.el))
    .filter((t) => t.length >= 6 && t.length <= TITLE_MAX_CHARS && REPORT_TITLE.test(t));
  if (REPORT_TITLE.test(main)) return headings.find((h) => squash(pageTitle).includes(squash(h))) ?? main;
  return headings[0];
}

/** The first element named `tag`, depth first. */
function findFirst(node: ParentNode, tag: string): Element | undefined {
  const frames: { el: ParentNode; next: number }[] = [{ el: node, next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.el.children.length) {
      frames.pop();
      continue;
    }
    const child = frame.el.children[frame.next++];
    if (!isElement(child)) continue;
    if (child.name === tag) return child;
    frames.push({ el: child, next: 0 });
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

/** the attributes read here */
const READ_ATTRIBUTES = ['class', 'id', 'style', 'hidden'];

export interface HtmlTextOptions {
  /** pick the main article and drop page chrome (default true); false for converted documents */
  article?: boolean;
  /** the file, named in a ReportReadError */
  file?: string;
}

/**
 * Renders an HTML document as text lines (see the module comment for the layout). Throws
 * ReportReadError for a page of too many elements.
 */
export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  let doc: Document;
  try {
    doc = parseHtml(html, { attributes: READ_ATTRIBUTES });
  } catch (err) {
    throw err instanceof ReportReadError && err.file === undefined && options.file !== undefined ? new ReportReadError(err.message, options.file) : err;
  }
  const body = findFirst(doc, 'body');
  if (!body) return '';
  const useArticle = options.article !== false;
  const r = new Render(useArticle);
  r.element(body, false);
  r.finish();
  if (!useArticle) return r.lines.join('\n');
  const dropped = droppedChrome(body, r);
  const article = chooseArticle(body, r, dropped);
  return articleLines(r, dropped, article, chooseTitle(doc, r.titles)).join('\n');
}

function lineMask(r: Render, dropped: Set<Element>): Uint8Array {
  const mask = new Uint8Array(r.lines.length);
  for (const el of dropped) {
    const s = r.stats.get(el)!;
    mask.fill(1, s.start, s.end);
  }
  return mask;
}

/** The article's lines, cleaned, after its title and source line when those sit outside it. */
function articleLines(r: Render, dropped: Set<Element>, article: Element, title: string | undefined): string[] {
  const mask = lineMask(r, dropped);
  const { start, end } = r.stats.get(article)!;
  // the source line may sit before the article, or in a <header> dropped with the chrome
  let source: string | undefined;
  for (let i = 0; i < start && !source; i++) source = organLine(r.lines[i]);
  const out: string[] = [];
  for (let i = start; i < end; i++) {
    if (mask[i]) {
      source ??= organLine(r.lines[i]);
      continue;
    }
    const text = cleanLine(r.lines[i]);
    if (text) out.push(text);
  }
  const head: string[] = [];
  if (title && !out.some((l) => squash(l).includes(squash(title)))) head.push(title);
  if (source && !out.some((l) => ORGAN_LABEL.test(l) && l.length < 80)) head.push(source);
  return [...head, ...out];
}
