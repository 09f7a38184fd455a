// HTML source to a DOM tree (elements and texts), built on html-tokenizer.ts (htmlparser2's way of
// tokenizing HTML, in one faster pass).
//
// htmlparser2's own Parser closes elements by simple pairwise rules: `<td><p>a<td>b` nests the
// second cell inside the paragraph of the first, and a page whose <head> is never closed keeps
// its whole body in <head>. Report pages are full of such markup, so the tree is built here by
// the HTML5 tree-construction rules that decide where text and cells land, as browsers (and
// parse5) place them:
// - <html>, <head> and <body> are implied; content after </body> or </html> stays in the body;
// - paragraphs, list items and headings close as blocks, list items and headings open, except in
//   quirks mode, where a table may sit in a paragraph;
// - in a table, a cell or row closes the open cell or row, rows always sit in a <tbody>,
//   <thead> or <tfoot>, a cell without a row gets one, and stray text and elements between
//   rows are moved in front of the table ("foster parenting");
// - end tags close only within their scope (a stray </div> in a cell does not close the table);
// - formatting elements (<a>, <font>, <b>…) left open are reopened in the next paragraph, and
//   their misnested end tags are resolved by the "adoption agency" (<a><div>x</a>y → the link
//   ends before y, the div does not);
// - <noscript> is raw text, <select> holds only options, <colgroup> only columns;
// - SVG and MathML elements may self-close, and HTML content breaks out of them.
// Not done: <template> contents, <frameset> pages, ruby and the rarest error recoveries.
//
// Hostile pages (100,000 unclosed elements, thousands of formatting elements to reopen) are
// read in linear time and memory: the stack of open elements is at most MAX_OPEN_ELEMENTS deep,
// as browsers cap the depth of the tree, so that every look down it is bounded; the list of
// formatting elements is bounded too, and so is the number of elements it may reopen.

import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { ReportReadError } from './errors';
import { tokenize, type TokenCallbacks } from './html-tokenizer';

type Attribs = Record<string, string>;

// The tag names the tree-construction rules single out, as flags.
const VOID = 1 << 0;
/** goes into <head> before the body starts */
const HEAD_CONTENT = 1 << 1;
/** a start tag that closes an open paragraph */
const CLOSES_P = 1 << 2;
/** a start tag before which open formatting elements are not reopened */
const NO_RECONSTRUCT = 1 << 3;
/** an end tag that closes its element when it is in scope, whatever is open inside */
const BLOCK_END = 1 << 4;
/** an element whose end tag may be left out: closed by an end tag of an element around it */
const IMPLIED_END = 1 << 5;
const HEADING = 1 << 6;
const FORMATTING = 1 << 7;
/** HTML's "special" elements: an inline end tag never closes past one */
const SPECIAL = 1 << 8;
/** an element an end tag is not looked for beyond ("has an element in scope") */
const SCOPE = 1 << 9;
/** the further bounds of button scope and of list-item scope */
const BUTTON_SCOPE = 1 << 10;
const LIST_SCOPE = 1 << 11;
const TABLE_SCOPE = 1 << 12;
/** an element that opens a new scope for formatting elements (a "marker") */
const MARKER = 1 << 13;
/** a marker whose scope ends however it is closed; the others end only with their own end tag */
const CELL = 1 << 14;
/** an open element that tells where in a table the parser is; as a start tag, ignored outside a table */
const TABLE_PART = 1 << 15;
/** a current node that holds no text or inline content: what arrives goes before the table */
const FOSTER_TARGET = 1 << 16;
const TABLE = 1 << 17;
const TABLE_SECTION = 1 << 18;
/** a tag that ends a <select> inside a table */
const ENDS_SELECT_IN_TABLE = 1 << 19;
/** an element whose content the tokenizer reads as text */
const RAW_TEXT = 1 << 20;
/** an HTML start tag that ends an unclosed <svg> or <math> */
const BREAKS_FOREIGN = 1 << 21;
const LIST_ITEM = 1 << 22;
const DEFINITION = 1 << 23;
/** (on SVG and MathML elements only) a foreign element whose content is HTML again */
const INTEGRATION_POINT = 1 << 24;
const PARAGRAPH = 1 << 25;

const FLAGS = new Map<string, number>();
const INTEGRATION_POINTS = new Set(['foreignobject', 'desc', 'title', 'mi', 'mo', 'mn', 'ms', 'mtext']);

function flag(bit: number, names: string): void {
  for (const name of names.split(' ')) FLAGS.set(name, (FLAGS.get(name) ?? 0) | bit);
}

flag(VOID, 'area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr');
flag(HEAD_CONTENT, 'base basefont bgsound link meta noscript script style template title');
const CLOSES_P_NAMES =
  'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup hr listing main menu nav ol p plaintext pre search section summary table ul xmp';
flag(CLOSES_P, CLOSES_P_NAMES);
flag(NO_RECONSTRUCT, `${CLOSES_P_NAMES} base basefont bgsound iframe link meta noembed noframes param rb rp rt rtc script source style template textarea title track`);
flag(
  BLOCK_END,
  'address applet article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main marquee menu nav object ol pre search section summary ul',
);
flag(IMPLIED_END, 'dd dt li optgroup option p rb rp rt rtc');
flag(HEADING, 'h1 h2 h3 h4 h5 h6');
flag(FORMATTING, 'a b big code em font i nobr s small strike strong tt u');
flag(
  SPECIAL,
  'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp',
);
flag(SCOPE | BUTTON_SCOPE | LIST_SCOPE, 'applet caption html marquee object table td template th');
flag(BUTTON_SCOPE, 'button');
flag(LIST_SCOPE, 'ol ul');
flag(TABLE_SCOPE, 'html table template');
flag(MARKER, 'applet caption marquee object td template th');
flag(CELL, 'caption td th');
flag(TABLE_PART, 'caption col colgroup table tbody td tfoot th thead tr');
flag(FOSTER_TARGET, 'table tbody tfoot thead tr');
flag(TABLE, 'table');
flag(TABLE_SECTION, 'tbody tfoot thead');
flag(ENDS_SELECT_IN_TABLE, 'caption table tbody td tfoot th thead tr');
flag(RAW_TEXT, 'iframe noembed noframes script style textarea title xmp');
flag(
  BREAKS_FOREIGN,
  'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strike strong sub sup table tt u ul var',
);
flag(LIST_ITEM, 'li');
flag(DEFINITION, 'dd dt');
flag(PARAGRAPH, 'p');

const flagsOf = (name: string) => FLAGS.get(name) ?? 0;

// ---------------------------------------------------------------------------------------------
// The tree: elements and texts holding only what is read of them (a page makes thousands, so
// they are lighter than a full DOM's nodes: no sibling links, positions or DOM aliases).

/** What an element without children (or attributes) holds: shared, so never changed (append() gives an element its own children). */
const NO_CHILDREN: HtmlNode[] = Object.freeze([]) as unknown as HtmlNode[];
const NO_ATTRIBUTES: Attribs = Object.freeze({});

/** An element, with the flags of its tag (none for SVG and MathML elements but integration points). */
export class HtmlElement {
  parent: HtmlParent | null = null;
  children: HtmlNode[] = NO_CHILDREN;
  constructor(
    readonly name: string,
    public attribs: Attribs,
    readonly flags: number,
    /** 'svg' or 'math' for foreign elements, else undefined */
    readonly namespace: string | undefined,
  ) {}
}

export class HtmlText {
  parent: HtmlParent | null = null;
  constructor(public data: string) {}
}

/** The root: holds <html>. */
export class HtmlDocument {
  children: HtmlNode[] = [];
}

export type HtmlNode = HtmlElement | HtmlText;
export type HtmlParent = HtmlElement | HtmlDocument;

/** (`flags`: those of `name`, when the caller has them) */
function createElement(name: string, attribs: Attribs, namespace?: string, flags?: number): HtmlElement {
  if (namespace === undefined) return new HtmlElement(name, attribs, flags ?? flagsOf(name), undefined);
  return new HtmlElement(name, attribs, INTEGRATION_POINTS.has(name) ? INTEGRATION_POINT : 0, namespace);
}

/**
 * The deepest the stack of open elements goes (WebKit and Blink cap the depth of the tree at
 * 512 alike). An element opened deeper is inserted empty and what follows goes beside it.
 */
export const MAX_OPEN_ELEMENTS = 512;
/** formatting elements kept for reopening since the last marker (the oldest goes first) */
const MAX_FORMATTING = 32;
/** the list of formatting elements, markers included, is cut from its oldest end beyond this */
const MAX_FORMATTING_LIST = 1024;
/**
 * Elements reopened by reconstruct() in a page, at most: a page of paragraphs after a few dozen
 * unclosed formatting elements would otherwise make dozens of elements per paragraph.
 */
const MAX_REOPENED = 100_000;
/**
 * Elements in a page, at most (a long report has tens of thousands): beyond, the page is
 * refused rather than held in memory (20 MB of `<i>` would be 7 million elements, 2 GB).
 */
export const MAX_ELEMENTS = 1_000_000;

const ASCII_WHITESPACE_ONLY = /^[ \t\n\f\r]*$/;
const LEADING_WHITESPACE = /^[ \t\n\f\r]*/;
const CR_LF = /\r\n?/g;

// ---------------------------------------------------------------------------------------------
// Tree edits

function append(parent: HtmlParent, node: HtmlNode): void {
  node.parent = parent;
  // (most elements hold a single node: an array of one, where a first push would make room for 17)
  if (parent.children.length === 0) parent.children = [node];
  else parent.children.push(node);
}

function appendText(parent: HtmlParent, data: string): void {
  const children = parent.children;
  const last = children.length > 0 ? children[children.length - 1] : null;
  if (last instanceof HtmlText) last.data += data;
  else append(parent, new HtmlText(data));
}

// (both are called with the open table, which is its parent's last child: looked for from the end)

/** the node before `node` among its parent's children, if any */
function previousSibling(node: HtmlNode): HtmlNode | undefined {
  const siblings = node.parent!.children;
  return siblings[siblings.lastIndexOf(node) - 1];
}

function insertBefore(ref: HtmlNode, node: HtmlNode): void {
  const parent = ref.parent!;
  node.parent = parent;
  parent.children.splice(parent.children.lastIndexOf(ref), 0, node);
}

function detach(node: HtmlNode): void {
  const parent = node.parent;
  if (!parent) return;
  parent.children.splice(parent.children.indexOf(node), 1);
  node.parent = null;
}

function moveChildren(from: HtmlElement, to: HtmlElement): void {
  to.children = from.children;
  for (const child of to.children) child.parent = to;
  from.children = NO_CHILDREN;
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

const isSpecial = (el: HtmlElement) => (el.flags & (SPECIAL | INTEGRATION_POINT)) !== 0;

/** (SVG and MathML text containers bound every scope) */
const isScopeBoundary = (el: HtmlElement, scope: number) => (el.flags & (scope | INTEGRATION_POINT)) !== 0;

function sameAttributes(a: Attribs, b: Attribs): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => b[k] === a[k]);
}

// ---------------------------------------------------------------------------------------------

class TreeBuilder implements TokenCallbacks {
  readonly doc = new HtmlDocument();
  private readonly html = createElement('html', {});
  private head: HtmlElement | null = null;
  private body: HtmlElement | null = null;
  /** the stack of open elements; the current node is last */
  private readonly stack: HtmlElement[] = [this.html];
  /** open (or reopenable) formatting elements; null marks a cell, caption or object boundary */
  private readonly formatting: (HtmlElement | null)[] = [];
  /** the open <form>: a nested one is ignored */
  private form: HtmlElement | null = null;
  /** open paragraphs: with none, a block needs no look down the stack for one to close */
  private paragraphs = 0;
  /** what reconstruct() may still reopen */
  private reopenBudget = MAX_REOPENED;
  /** elements the page may still make */
  private elementBudget = MAX_ELEMENTS;
  /** text arrived where the current node is table structure, placed at the next tag */
  private tableText = '';
  /** inside <noscript>, whose content is raw text that no one renders */
  private inNoscript = false;
  /** quirks mode, set by the doctype (or its absence) before the first tag */
  private quirks: boolean | undefined;
  private tagName = '';
  private tagFlags = 0;
  private attribs: Attribs = {};
  private attribName = '';
  private attribValue = '';

  /** by shape(): 1 when a kept name has that length and first letter */
  private readonly keptShapes: Uint8Array;

  constructor(
    private readonly source: string,
    private readonly keep: ReadonlySet<string> | undefined,
  ) {
    append(this.doc, this.html);
    const kept = [...(keep ?? [])].filter((name) => name !== '');
    this.keptShapes = new Uint8Array((Math.max(0, ...kept.map((name) => name.length)) + 1) << 7);
    for (const name of kept) this.keptShapes[shape(name, 0, name.length)] = 1;
  }

  /** A page without body content still gets its (empty) <body>. */
  finish(): void {
    this.flushTableText();
    if (!this.body) this.openBody({});
  }

  private get current(): HtmlElement {
    return this.stack[this.stack.length - 1];
  }

  // --- tokenizer callbacks -------------------------------------------------------------------

  ontext(start: number, end: number): void {
    if (end === this.source.length && (start < 0 || this.inCutTag(start))) return;
    const raw = this.source.slice(start, end);
    this.text(raw.includes('&') ? this.decoded(raw) : raw);
  }

  /** Text with its character references decoded, except in raw text (scripts, styles…). */
  private decoded(raw: string): string {
    const { name, namespace, flags } = this.current;
    if (flags & RAW_TEXT) return name === 'title' || name === 'textarea' ? references.text(raw) : raw;
    return name === 'plaintext' && namespace === undefined ? raw : references.text(raw);
  }
  /**
   * Whether the text at `start` belongs to a tag cut off by the end of the source (`…<td><p`,
   * `…</td c`): htmlparser2 gives some of those as text, browsers drop them.
   */
  private inCutTag(start: number): boolean {
    const lt = this.source.lastIndexOf('<', start - 1);
    if (lt === -1 || this.source.indexOf('>', lt) !== -1) return false;
    const next = this.source.charCodeAt(lt + 1);
    return isAsciiLetter(next) || (next === 47 && isAsciiLetter(this.source.charCodeAt(lt + 2)));
  }

  onopentagname(start: number, end: number): void {
    const slot = knownSlot(this.source, start, end);
    this.tagName = slot !== -1 ? NAMES[slot]! : this.source.slice(start, end).toLowerCase();
    this.tagFlags = slot !== -1 ? NAME_FLAGS[slot] : flagsOf(this.tagName);
    this.attribs = NO_ATTRIBUTES;
  }
  onattribname(start: number, end: number): void {
    this.attribName = this.keptName(start, end);
    this.attribValue = '';
  }
  /** The name of an attribute to keep, else '' (its length and first letter rule most out at once). */
  private keptName(start: number, end: number): string {
    if (this.keep === undefined) return nameAt(this.source, start, end);
    // (past the end of the table, undefined: longer than any kept name)
    if (this.keptShapes[shape(this.source, start, end)] !== 1) return '';
    const name = nameAt(this.source, start, end);
    return this.keep.has(name) ? name : '';
  }
  onattribdata(start: number, end: number): void {
    if (this.attribName !== '') this.attribValue += this.source.slice(start, end);
  }
  onattribend(quote: QuoteType): void {
    if (this.attribName === '' || Object.hasOwn(this.attribs, this.attribName)) return;
    if (this.attribs === NO_ATTRIBUTES) this.attribs = {};
    const value = this.attribValue;
    this.attribs[this.attribName] = value.includes('&') ? references.attribute(value, quote) : value;
  }
  onopentagend(): void {
    this.flushTableText();
    this.startTag(this.tagName, this.tagFlags, this.attribs, false);
  }
  onselfclosingtag(): void {
    this.flushTableText();
    this.startTag(this.tagName, this.tagFlags, this.attribs, true);
  }
  onclosetag(start: number, end: number): void {
    this.flushTableText();
    const slot = knownSlot(this.source, start, end);
    if (slot !== -1) this.endTag(NAMES[slot]!, NAME_FLAGS[slot]);
    else {
      const name = this.source.slice(start, end).toLowerCase();
      this.endTag(name, flagsOf(name));
    }
  }
  oncomment(): void {
    this.flushTableText();
  }
  oncdata(): void {
    this.flushTableText();
  }
  ondeclaration(start: number, end: number): void {
    this.quirks ??= quirksDoctype(this.source.slice(start, end));
  }
  onend(): void {}
  /** (tells the tokenizer where <title>, <style>, <script>… are not raw text, as in browsers) */
  isInForeignContext(): boolean {
    return this.inNoscript || this.inForeign();
  }

  // --- text ----------------------------------------------------------------------------------

  private text(data: string): void {
    if (this.inNoscript) return;
    let current = this.current;
    if (current.flags & FOSTER_TARGET) {
      this.tableText += data;
      return;
    }
    if (current.name === 'colgroup' && current.namespace === undefined) {
      // blanks stay in a column group; anything else ends it
      const blank = LEADING_WHITESPACE.exec(data)![0];
      if (blank) appendText(current, blank);
      if (blank.length === data.length) return;
      this.pop();
      this.text(data.slice(blank.length));
      return;
    }
    if (!this.body && (current === this.html || current === this.head)) {
      // blanks before the body are not in it
      data = data.replace(LEADING_WHITESPACE, '');
      if (data === '') return;
      this.quirks ??= true;
      this.openBody({});
    }
    // (a select or a raw-text element takes text as it is)
    if (!(current.flags & RAW_TEXT) && this.selectIndex() === -1) this.reconstruct();
    current = this.current;
    appendText(current, withoutNul(data, current.name));
  }

  /** Text between rows stays there when blank, else goes before the table as a whole, as in browsers. */
  private flushTableText(): void {
    if (this.tableText === '') return;
    const data = withoutNul(this.tableText, 'table');
    this.tableText = '';
    if (!ASCII_WHITESPACE_ONLY.test(data)) this.reconstruct();
    if (!ASCII_WHITESPACE_ONLY.test(data) && this.current.flags & FOSTER_TARGET) {
      const table = this.openTable();
      const prev = previousSibling(table);
      if (prev instanceof HtmlText) prev.data += data;
      else insertBefore(table, new HtmlText(data));
    } else {
      appendText(this.current, data);
    }
  }

  // --- start tags ----------------------------------------------------------------------------

  private startTag(name: string, flags: number, attribs: Attribs, selfClosing: boolean): void {
    this.quirks ??= true;
    if (this.inNoscript) return;
    if (this.inForeign()) {
      const breaks = flags & BREAKS_FOREIGN || (name === 'font' && ('color' in attribs || 'face' in attribs || 'size' in attribs));
      if (!breaks) {
        this.insert(name, attribs, !selfClosing);
        return;
      }
      while (this.inForeign()) this.pop();
    }
    if (!this.body && !this.beforeBody(name, flags, attribs)) return;
    const current = this.current;
    if (current.name === 'colgroup' && current.namespace === undefined) {
      if (name === 'col') {
        this.insert(name, attribs, false);
        return;
      }
      if (name !== 'template') this.pop();
    }
    if (this.selectIndex() !== -1 && !this.selectStartTag(name, flags, attribs)) return;
    if (flags & TABLE_PART) this.tableStartTag(name, attribs);
    else if (name === 'image') this.bodyStartTag('img', flagsOf('img'), attribs, selfClosing);
    else this.bodyStartTag(name, flags, attribs, selfClosing);
  }

  /** Start tags before the body: head content goes to <head>; false when the tag was consumed. */
  private beforeBody(name: string, flags: number, attribs: Attribs): boolean {
    if (name === 'html' || name === 'frameset' || name === 'frame') return false;
    if (name === 'head') {
      if (!this.head) this.openHead();
      return false;
    }
    if (name === 'body') {
      this.openBody(attribs);
      return false;
    }
    if (!(flags & HEAD_CONTENT)) {
      this.openBody({});
      return true;
    }
    if (!this.head) this.openHead();
    // after </head>, head content still goes into the head
    const el = this.createElement(name, attribs);
    append(this.stack.includes(this.head!) ? this.current : this.head!, el);
    const open = !(flags & VOID) && this.push(el);
    if (name === 'noscript' && open) this.inNoscript = true;
    return false;
  }

  private openHead(): void {
    this.head = createElement('head', {});
    append(this.html, this.head);
    this.stack.push(this.head);
  }

  private openBody(attribs: Attribs): void {
    this.stack.length = 1;
    // (its own attributes: a second <body> adds to them)
    this.body = createElement('body', attribs === NO_ATTRIBUTES ? {} : attribs);
    append(this.html, this.body);
    this.stack.push(this.body);
  }

  private bodyStartTag(name: string, flags: number, attribs: Attribs, selfClosing: boolean): void {
    switch (name) {
      case 'html':
      case 'head':
      case 'frameset':
      case 'frame':
        return;
      case 'body':
        // a second <body> lends its attributes to the first
        for (const key of Object.keys(attribs)) if (!Object.hasOwn(this.body!.attribs, key)) this.body!.attribs[key] = attribs[key];
        return;
      case 'noscript':
        if (this.opened(this.insert(name, attribs, true))) this.inNoscript = true;
        return;
      case 'form':
        this.startForm(attribs);
        return;
      case 'li':
      case 'dd':
      case 'dt':
        this.closeListItem(name === 'li' ? LIST_ITEM : DEFINITION);
        this.closeParagraph();
        this.insert(name, attribs, true);
        return;
      case 'a':
        this.startAnchor(attribs);
        return;
      case 'nobr':
        this.reconstruct();
        if (this.inScope('nobr', SCOPE) !== -1) {
          this.adoptionAgency('nobr');
          this.reconstruct();
        }
        this.pushFormatting(this.insert(name, attribs, true));
        return;
      case 'button':
        if (this.inScope('button', SCOPE) !== -1) this.popTo(this.inScope('button', SCOPE));
        break;
      case 'option':
      case 'optgroup':
        if (this.current.name === 'option') this.pop();
        break;
      case 'table':
        // (in quirks mode a table may sit inside a paragraph)
        if (!this.quirks) this.closeParagraph();
        this.insert(name, attribs, true);
        return;
    }
    if (flags & HEADING) {
      this.closeParagraph();
      if (this.current.flags & HEADING) this.pop();
    } else if (flags & CLOSES_P) {
      this.closeParagraph();
    }
    if (!(flags & NO_RECONSTRUCT) || name === 'xmp') this.reconstruct();
    const open = !(flags & VOID) && !(selfClosing && (name === 'svg' || name === 'math'));
    const el = this.insert(name, attribs, open, flags);
    if (flags & FORMATTING) this.pushFormatting(el);
    else if (flags & MARKER && this.opened(el)) this.pushMarker();
  }

  private startForm(attribs: Attribs): void {
    if (this.form) return;
    const at = this.tableContext();
    if (at !== -1 && this.stack[at].flags & FOSTER_TARGET) {
      // a form between rows stays there, empty
      this.form = this.insert('form', attribs, false);
      return;
    }
    this.closeParagraph();
    this.form = this.insert('form', attribs, true);
  }

  /** An <a> inside an open <a> ends the first link. */
  private startAnchor(attribs: Attribs): void {
    const open = this.lastFormatting('a');
    if (open) {
      this.adoptionAgency('a');
      const entry = this.formatting.lastIndexOf(open);
      if (entry !== -1) this.formatting.splice(entry, 1);
      const at = this.stack.lastIndexOf(open);
      if (at !== -1) this.stack.splice(at, 1);
    }
    this.reconstruct();
    this.pushFormatting(this.insert('a', attribs, true));
  }

  private tableStartTag(name: string, attribs: Attribs): void {
    const at = this.tableContext();
    if (at === -1) {
      // cells, rows and sections outside any table are ignored, as browsers do
      if (name === 'table') this.bodyStartTag(name, flagsOf(name), attribs, false);
      return;
    }
    const context = this.stack[at].name;
    if (context === 'td' || context === 'th' || context === 'caption') {
      if (name === 'table') {
        this.bodyStartTag(name, flagsOf(name), attribs, false);
        return;
      }
      this.popTo(at);
      this.tableStartTag(name, attribs);
      return;
    }
    switch (name) {
      case 'table':
        // a table directly in a table ends the first one
        this.popTo(this.stack.lastIndexOf(this.openTable()));
        this.tableStartTag(name, attribs);
        return;
      case 'caption':
        this.clearTo(TABLE);
        if (this.opened(this.insert(name, attribs, true))) this.pushMarker();
        return;
      case 'colgroup':
      case 'tbody':
      case 'thead':
      case 'tfoot':
        this.clearTo(TABLE);
        this.insert(name, attribs, true);
        return;
      case 'col':
        this.clearTo(TABLE);
        this.insert('colgroup', {}, true);
        this.insert(name, attribs, false);
        return;
      case 'tr':
        this.clearTo(TABLE | TABLE_SECTION);
        if (this.current.name === 'table') this.insert('tbody', {}, true);
        this.insert(name, attribs, true);
        return;
      default: // td, th
        this.clearTo(FOSTER_TARGET);
        if (this.current.name === 'table') this.insert('tbody', {}, true);
        if (this.current.name !== 'tr') this.insert('tr', {}, true);
        if (this.opened(this.insert(name, attribs, true))) this.pushMarker();
    }
  }

  /** Start tags inside <select>, which holds options only; true when the tag is processed as usual after the select. */
  private selectStartTag(name: string, flags: number, attribs: Attribs): boolean {
    switch (name) {
      case 'option':
        if (this.current.name === 'option') this.pop();
        this.insert(name, attribs, true);
        return false;
      case 'optgroup':
      case 'hr':
        if (this.current.name === 'option') this.pop();
        if (this.current.name === 'optgroup') this.pop();
        this.insert(name, attribs, name === 'optgroup');
        return false;
      case 'select':
        this.popTo(this.selectIndex());
        return false;
      case 'input':
      case 'keygen':
      case 'textarea':
        this.popTo(this.selectIndex());
        return true;
      case 'script':
      case 'template':
        this.insert(name, attribs, true);
        return false;
    }
    if (flags & ENDS_SELECT_IN_TABLE && this.tableContext() !== -1) {
      this.popTo(this.selectIndex());
      return true;
    }
    return false;
  }

  /** <li> closes an open list item, <dd>/<dt> an open definition, unless a block other than div/p/address intervenes */
  private closeListItem(item: number): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i];
      if (el.flags & item) {
        this.popTo(i);
        return;
      }
      if (isSpecial(el) && el.name !== 'address' && el.name !== 'div' && el.name !== 'p') return;
    }
  }

  private closeParagraph(): void {
    const at = this.paragraphInScope();
    if (at !== -1) this.popTo(at);
  }

  private paragraphInScope(): number {
    return this.paragraphs === 0 ? -1 : this.inScope('p', BUTTON_SCOPE);
  }

  /** Inserts an element at the current node, or before the table when the current node is table structure. */
  private insert(name: string, attribs: Attribs, open: boolean, flags?: number): HtmlElement {
    const current = this.current;
    const namespace = this.inForeign() ? current.namespace : name === 'svg' || name === 'math' ? name : undefined;
    const el = this.createElement(name, attribs, namespace, flags);
    this.insertAt(current, el, !(el.flags & TABLE_PART) && name !== 'form');
    if (open) this.push(el);
    return el;
  }

  private createElement(name: string, attribs: Attribs, namespace?: string, flags?: number): HtmlElement {
    if (--this.elementBudget < 0) {
      throw new ReportReadError(`this HTML page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements: too many for a report`);
    }
    return createElement(name, attribs, namespace, flags);
  }

  private insertAt(target: HtmlElement, node: HtmlElement, foster = true): void {
    if (foster && target.flags & FOSTER_TARGET) insertBefore(this.openTable(), node);
    else append(target, node);
  }

  // --- end tags ------------------------------------------------------------------------------

  private endTag(name: string, flags: number): void {
    this.quirks ??= true;
    if (this.inNoscript) {
      if (name !== 'noscript') return;
      this.inNoscript = false;
      const at = this.stack.findLastIndex((el) => el.name === 'noscript');
      if (at > 0) this.popTo(at);
      return;
    }
    if (this.current.namespace !== undefined) {
      if (name === 'p' || name === 'br') {
        while (this.inForeign()) this.pop();
      }
      for (let i = this.stack.length - 1; i > 0 && this.stack[i].namespace !== undefined; i--) {
        if (this.stack[i].name === name) {
          this.popTo(i);
          return;
        }
      }
    }
    if (!this.body) {
      this.endTagBeforeBody(name);
      return;
    }
    const current = this.current;
    if (current.name === 'colgroup' && current.namespace === undefined) {
      if (name === 'col') return;
      this.pop();
      if (name === 'colgroup') return;
    }
    if (this.selectIndex() !== -1 && !this.selectEndTag(name)) return;
    this.bodyEndTag(name, flags);
  }

  private endTagBeforeBody(name: string): void {
    if (name === 'br' || name === 'body' || name === 'html') {
      // as browsers do: these end the head and start the body
      this.openBody({});
      if (name === 'br') this.insert('br', {}, false);
      return;
    }
    if (this.stack.length > 1 && this.current.name === name) this.pop();
  }

  private bodyEndTag(name: string, flags: number): void {
    switch (name) {
      case 'body':
      case 'html':
        return;
      case 'br':
        this.reconstruct();
        this.insert('br', {}, false);
        return;
      case 'p':
        // a stray </p> makes an empty paragraph, as in browsers
        if (this.paragraphInScope() === -1) this.insert('p', {}, false);
        else this.closeParagraph();
        return;
      case 'li':
        this.popInScope(name, LIST_SCOPE);
        return;
      case 'dd':
      case 'dt':
        this.popInScope(name, SCOPE);
        return;
      case 'form':
        this.endForm();
        return;
    }
    if (flags & HEADING) {
      for (let i = this.stack.length - 1; i > 0; i--) {
        const el = this.stack[i];
        if (el.flags & HEADING) return this.popTo(i);
        if (isScopeBoundary(el, SCOPE)) return;
      }
    } else if (flags & TABLE_PART) {
      this.popInScope(name, TABLE_SCOPE);
    } else if (flags & BLOCK_END) {
      const at = this.inScope(name, SCOPE);
      if (at === -1) return;
      this.popTo(at);
      if (flags & MARKER) this.clearToLastMarker();
    } else if (!(flags & FORMATTING) || !this.adoptionAgency(name)) {
      this.anyOtherEndTag(name);
    }
  }

  /** </form> ends the form and an open paragraph or list item; other elements opened in it stay open. */
  private endForm(): void {
    const form = this.form;
    this.form = null;
    if (!form || !this.elementInScope(form)) return;
    while (this.current.flags & IMPLIED_END) this.pop();
    this.stack.splice(this.stack.lastIndexOf(form), 1);
  }

  /** An inline end tag closes the nearest open element of its name unless a special element comes first. */
  private anyOtherEndTag(name: string): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i];
      if (el.name === name && el.namespace === undefined) {
        this.popTo(i);
        if (name === 'template') this.clearToLastMarker();
        return;
      }
      if (isSpecial(el)) return;
    }
  }

  /** End tags inside <select>; true when the tag is processed as usual after the select. */
  private selectEndTag(name: string): boolean {
    const current = this.current;
    switch (name) {
      case 'optgroup':
        if (current.name === 'option' && this.stack[this.stack.length - 2].name === 'optgroup') this.pop();
        if (this.current.name === 'optgroup') this.pop();
        return false;
      case 'option':
        if (current.name === 'option') this.pop();
        return false;
      case 'select':
        this.popTo(this.selectIndex());
        return false;
    }
    if (flagsOf(name) & ENDS_SELECT_IN_TABLE && this.tableContext() !== -1 && this.inScope(name, TABLE_SCOPE) !== -1) {
      this.popTo(this.selectIndex());
      return true;
    }
    return false;
  }

  // --- formatting elements -------------------------------------------------------------------

  /** Adds an element just opened to the formatting elements (one that could not be opened is not one). */
  private pushFormatting(el: HtmlElement): void {
    if (!this.opened(el)) return;
    // at most three identical entries since the last marker (the "Noah's Ark" clause), and at
    // most MAX_FORMATTING in all
    let same = 0;
    let earliest = -1;
    let i = this.formatting.length - 1;
    for (; i >= 0; i--) {
      const entry = this.formatting[i];
      if (entry === null) break;
      if (entry.name === el.name && sameAttributes(entry.attribs, el.attribs)) {
        same++;
        earliest = i;
      }
    }
    if (same >= 3) this.formatting.splice(earliest, 1);
    else if (this.formatting.length - 1 - i >= MAX_FORMATTING) this.formatting.splice(i + 1, 1);
    this.addFormatting(el);
  }

  private pushMarker(): void {
    this.addFormatting(null);
  }

  private addFormatting(entry: HtmlElement | null): void {
    const list = this.formatting;
    list.push(entry);
    // (markers of objects closed by another end tag stay, as in browsers: the list may grow)
    if (list.length > 2 * MAX_FORMATTING_LIST) list.splice(0, list.length - MAX_FORMATTING_LIST);
  }

  /** whether an element just inserted is open (false when the stack was full) */
  private opened(el: HtmlElement): boolean {
    return this.current === el;
  }

  private lastFormatting(name: string): HtmlElement | undefined {
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      const entry = this.formatting[i];
      if (entry === null) return undefined;
      if (entry.name === name) return entry;
    }
    return undefined;
  }

  /** Reopens the formatting elements that a block closed (<p><b>a</p><p>b → b is bold too). */
  private reconstruct(): void {
    const list = this.formatting;
    if (list.length === 0 || this.reopenBudget <= 0 || this.stack.length >= MAX_OPEN_ELEMENTS) return;
    let i = list.length - 1;
    if (list[i] === null || this.stack.lastIndexOf(list[i]!) !== -1) return;
    while (i > 0 && list[i - 1] !== null && this.stack.lastIndexOf(list[i - 1]!) === -1) i--;
    for (; i < list.length && this.reopenBudget > 0; i++, this.reopenBudget--) {
      const entry = list[i]!;
      const el = this.insert(entry.name, { ...entry.attribs }, true);
      if (!this.opened(el)) return;
      list[i] = el;
    }
  }

  private clearToLastMarker(): void {
    while (this.formatting.length > 0 && this.formatting.pop() !== null);
  }

  /**
   * The end tag of a formatting element with blocks opened inside it (HTML's "adoption agency"):
   * the formatting element ends, the blocks stay open and what they already hold keeps the
   * formatting. False when there is no such formatting element to end.
   */
  private adoptionAgency(name: string): boolean {
    const current = this.current;
    if (current.name === name && current.namespace === undefined && this.formatting.lastIndexOf(current) === -1) {
      this.pop();
      return true;
    }
    for (let round = 0; round < 8; round++) {
      const element = this.lastFormatting(name);
      if (!element) return false;
      const at = this.stack.lastIndexOf(element);
      if (at === -1) {
        this.formatting.splice(this.formatting.lastIndexOf(element), 1);
        return true;
      }
      if (!this.elementInScope(element)) return true;
      let block = at + 1;
      while (block < this.stack.length && !isSpecial(this.stack[block])) block++;
      if (block === this.stack.length) {
        this.popTo(at);
        this.formatting.splice(this.formatting.lastIndexOf(element), 1);
        return true;
      }
      this.adopt(element, at, this.stack[block]);
    }
    return true;
  }

  /** One round of the adoption agency: `element` (at `at` in the stack) ends above `furthestBlock`. */
  private adopt(element: HtmlElement, at: number, furthestBlock: HtmlElement): void {
    const commonAncestor = this.stack[at - 1];
    let bookmark = this.formatting.lastIndexOf(element);
    let lastNode = furthestBlock;
    let index = this.stack.indexOf(furthestBlock);
    for (let inner = 1; ; inner++) {
      index--;
      let node = this.stack[index];
      if (node === element) break;
      let entry = this.formatting.lastIndexOf(node);
      if (inner > 3 && entry !== -1) {
        this.formatting.splice(entry, 1);
        if (entry < bookmark) bookmark--;
        entry = -1;
      }
      if (entry === -1) {
        this.stack.splice(index, 1);
        continue;
      }
      node = createElement(node.name, { ...node.attribs });
      this.formatting[entry] = node;
      this.stack[index] = node;
      if (lastNode === furthestBlock) bookmark = entry + 1;
      detach(lastNode);
      append(node, lastNode);
      lastNode = node;
    }
    detach(lastNode);
    this.insertAt(commonAncestor, lastNode);
    const clone = createElement(element.name, { ...element.attribs });
    moveChildren(furthestBlock, clone);
    append(furthestBlock, clone);
    const entry = this.formatting.lastIndexOf(element);
    this.formatting.splice(entry, 1);
    if (entry < bookmark) bookmark--;
    this.formatting.splice(bookmark, 0, clone);
    this.stack.splice(this.stack.indexOf(element), 1);
    this.stack.splice(this.stack.indexOf(furthestBlock) + 1, 0, clone);
  }

  // --- the stack -----------------------------------------------------------------------------

  /** Opens an element: false when the stack is full (the element stays empty). */
  private push(el: HtmlElement): boolean {
    if (this.stack.length >= MAX_OPEN_ELEMENTS) return false;
    this.stack.push(el);
    if (el.flags & PARAGRAPH) this.paragraphs++;
    return true;
  }

  private pop(): void {
    const el = this.stack.pop()!;
    if (el.flags & CELL) this.clearToLastMarker();
    if (el.flags & PARAGRAPH) this.paragraphs--;
  }

  /** Pops the element at `index` and everything above it. */
  private popTo(index: number): void {
    while (this.stack.length > index) this.pop();
  }

  private popInScope(name: string, boundaries: number): void {
    const at = this.inScope(name, boundaries);
    if (at !== -1) this.popTo(at);
  }

  /** Pops until the current node has one of `flags` (or is the root). */
  private clearTo(flags: number): void {
    while (this.stack.length > 1 && !(this.current.flags & flags)) this.pop();
  }

  private inScope(name: string, boundaries: number): number {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const el = this.stack[i];
      if (el.name === name && el.namespace === undefined) return i;
      if (isScopeBoundary(el, boundaries)) return -1;
    }
    return -1;
  }

  private elementInScope(target: HtmlElement): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const el = this.stack[i];
      if (el === target) return true;
      if (isScopeBoundary(el, SCOPE)) return false;
    }
    return false;
  }

  /** Index of the innermost open table part (cell, row, section, caption, table), or -1. */
  private tableContext(): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i];
      if (el.flags & TABLE_PART) return i;
      if (el.name === 'template') return -1;
    }
    return -1;
  }

  /** the innermost open table (called only where one is open) */
  private openTable(): HtmlElement {
    for (let i = this.stack.length - 1; i > 0; i--) if (this.stack[i].flags & TABLE) return this.stack[i];
    return this.body!;
  }

  /** Index of the open <select> when only its options are above it, else -1. */
  private selectIndex(): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i];
      if (el.namespace !== undefined) return -1;
      if (el.name === 'select') return i;
      if (el.name !== 'option' && el.name !== 'optgroup') return -1;
    }
    return -1;
  }

  private inForeign(): boolean {
    const current = this.current;
    return current.namespace !== undefined && !(current.flags & INTEGRATION_POINT);
  }
}

// ---------------------------------------------------------------------------------------------
// Names

/** Tag and attribute names, lowercase; common ones without a new string (tokens are mostly these). */
const NAME_SLOTS = 2048;
/** known names by nameHash() modulo NAME_SLOTS (a name whose slot is taken is made anew each time) */
const NAMES: (string | undefined)[] = new Array(NAME_SLOTS).fill(undefined);
for (const name of [
  ...FLAGS.keys(),
  'abbr', 'cite', 'del', 'ins', 'kbd', 'label', 'q', 'samp', 'span', 'sub', 'sup', 'var', 'svg', 'math', 'path', 'g', 'option',
  'optgroup', 'select', 'class', 'id', 'style', 'hidden', 'href', 'src', 'alt', 'type', 'name', 'value', 'width', 'height',
  'align', 'valign', 'border', 'colspan', 'rowspan', 'nowrap', 'target', 'content', 'charset', 'lang', 'color', 'face', 'size',
]) {
  NAMES[nameHash(name, 0, name.length) & (NAME_SLOTS - 1)] ??= name;
}
/** the flags of the names in NAMES, by slot */
const NAME_FLAGS = Int32Array.from(NAMES, (name) => (name === undefined ? 0 : flagsOf(name)));

/** A name's length and first letter (its low 7 bits), as one number. */
const shape = (s: string, start: number, end: number) => ((end - start) << 7) | ((s.charCodeAt(start) | 0x20) & 0x7f);

/** A small-integer hash of a name, case-insensitive for ASCII letters. */
function nameHash(s: string, start: number, end: number): number {
  let hash = end - start;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + (s.charCodeAt(i) | 0x20)) & 0x3fffffff;
  return hash;
}

/** The slot in NAMES of the known name at `start` (ignoring case), else -1. */
function knownSlot(s: string, start: number, end: number): number {
  const slot = nameHash(s, start, end) & (NAME_SLOTS - 1);
  const known = NAMES[slot];
  return known !== undefined && known.length === end - start && sameName(known, s, start) ? slot : -1;
}

function nameAt(s: string, start: number, end: number): string {
  const slot = knownSlot(s, start, end);
  return slot !== -1 ? NAMES[slot]! : s.slice(start, end).toLowerCase();
}

/** `name` (lowercase) equals the name at `start` in `s`, ignoring the case of ASCII letters */
function sameName(name: string, s: string, start: number): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = s.charCodeAt(start + i);
    if (c !== name.charCodeAt(i) && !(c >= 65 && c <= 90 && c + 32 === name.charCodeAt(i))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------

/** Text as browsers keep it: NUL dropped (replaced in <title> and <textarea>). */
function withoutNul(data: string, parent: string): string {
  // (searched for in text only: a search for NUL through a whole page is slow in V8)
  if (!data.includes('\0')) return data;
  return data.replaceAll('\0', parent === 'title' || parent === 'textarea' ? '\ufffd' : '');
}

/** Doctypes that put browsers in quirks mode (the HTML Standard's list, in short). */
const QUIRKS_PUBLIC_ID =
  /^(?:\+\/\/silmaril\/\/|-\/\/(?:as|advasoft ltd|ietf|metrius|microsoft|netscape comm\. corp\.|o'reilly and associates|sq|softquad software|softquad|spyglass|sun microsystems corp\.|webtechs)\/\/|-\/\/w3c\/\/dtd (?:html 3|html 4\.0 (?:frameset|transitional)\/\/|html experimental|w3 html\/\/)|-\/\/w3o\/\/dtd w3 html 3\.0\/\/)/i;
const QUIRKS_PUBLIC_ID_WITHOUT_SYSTEM_ID = /^-\/\/w3c\/\/dtd html 4\.01 (?:frameset|transitional)\/\//i;
const QUIRKS_EXACT_ID = new Set(['-//w3o//dtd w3 html strict 3.0//en//', '-/w3c/dtd html 4.0 transitional/en', 'html']);
const DOCTYPE = /^doctype\s*([^\s>]*)\s*(?:public\s*(["'])(.*?)\2\s*(?:(["'])(.*?)\4)?|system\s*(["'])(.*?)\6)?/is;

function quirksDoctype(declaration: string): boolean {
  const m = DOCTYPE.exec(declaration);
  if (!m || m[1].toLowerCase() !== 'html') return true;
  const publicId = m[3];
  const systemId = m[5] ?? m[7];
  if (systemId?.toLowerCase() === 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd') return true;
  if (publicId === undefined) return false;
  if (QUIRKS_EXACT_ID.has(publicId.toLowerCase()) || QUIRKS_PUBLIC_ID.test(publicId)) return true;
  return systemId === undefined && QUIRKS_PUBLIC_ID_WITHOUT_SYSTEM_ID.test(publicId);
}

const COMMON_REFERENCE = /&(nbsp|amp|lt|gt|quot);/g;
const OTHER_REFERENCE = /&(?!(?:nbsp|amp|lt|gt|quot);)/;
/** a reference and the text after it, up to the next one or a '<' */
const REFERENCE_RUN = /&[^&<]*/g;
const COMMON_CHARACTER: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"' };
const commonCharacter = (_: string, name: string) => COMMON_CHARACTER[name];

/** Text whose references are all common ones; most are &nbsp;, many a whole cell's text. */
function decodeCommon(raw: string): string {
  if (raw === '&nbsp;') return '\u00a0';
  const text = raw.replaceAll('&nbsp;', '\u00a0');
  return text.includes('&') ? text.replace(COMMON_REFERENCE, commonCharacter) : text;
}

/**
 * Character references (&nbsp;, &#8212;…). The page is tokenized without decoding them, which is
 * faster; the few texts that hold one are decoded here: the commonest references at once, the
 * rest by htmlparser2's tokenizer itself, with the HTML rules (legacy names without ';'…).
 */
class References implements TokenizerCallbacks {
  private out = '';
  private source = '';
  private tokenizer: Tokenizer | undefined;

  text(raw: string): string {
    if (!OTHER_REFERENCE.test(raw)) return decodeCommon(raw);
    // a reference at a time, so that the tokenizer sees no '<' of the text (nor takes it for a tag)
    return raw.replace(REFERENCE_RUN, (run) => this.decode(run));
  }

  attribute(raw: string, quote: QuoteType): string {
    if (!OTHER_REFERENCE.test(raw)) return decodeCommon(raw);
    const q = quote === QuoteType.Double ? '"' : quote === QuoteType.Single ? "'" : '';
    return this.decode(`<a b=${q}${raw}${q}>`);
  }

  private decode(source: string): string {
    this.out = '';
    this.source = source;
    this.tokenizer ??= new Tokenizer({ decodeEntities: true }, this);
    this.tokenizer.reset();
    this.tokenizer.write(source);
    this.tokenizer.end();
    return this.out;
  }

  ontext(start: number, end: number): void {
    this.out += this.source.slice(start, end);
  }
  ontextentity(codepoint: number): void {
    this.out += String.fromCodePoint(codepoint);
  }
  onattribdata(start: number, end: number): void {
    this.out += this.source.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.out += String.fromCodePoint(codepoint);
  }
  onattribname(): void {}
  onattribend(): void {}
  oncdata(): void {}
  onclosetag(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}
  onopentagend(): void {}
  onopentagname(): void {}
  onprocessinginstruction(): void {}
  onselfclosingtag(): void {}
}

const references = new References();

export interface ParseHtmlOptions {
  /** the only attributes the caller reads (all are kept when not given): keeping few is faster */
  attributes?: Iterable<string>;
}

/** attributes the tree construction reads itself (a <font> with one of these ends an open <svg>) */
const OWN_ATTRIBUTES = ['color', 'face', 'size'];

/** Parses an HTML document (or fragment) into a tree that always has <html> and <body>. */
export function parseHtml(html: string, options: ParseHtmlOptions = {}): HtmlDocument {
  // as in browsers, CR and CRLF are LF before anything else
  const source = html.includes('\r') ? html.replace(CR_LF, '\n') : html;
  const keep = options.attributes && new Set([...options.attributes, ...OWN_ATTRIBUTES]);
  const builder = new TreeBuilder(source, keep);
  tokenize(source, builder);
  builder.finish();
  return builder.doc;
}
