// Figures stated in prose, mostly in 一、总体情况 (template.md §6, report-json.md `activity`):
// items proactively published, hotlines (…热线), mailboxes (…信箱) and what the prose says
// about applications. Only the text before the first standard table is read, and table-like
// lines (pipe rows, number cells) never take part.

import { findProseClaims, type ProseClaim } from '../checks/prose-claims';
import type { Activity, Channel, Warning } from '../report/contract';
import { NO_DEADLINE, type Deadline } from './deadline';

export interface ActivityResult {
  /** only what the prose states; {} when nothing */
  activity: Activity;
  /** path -> 1-based line of the normalised text */
  sources: Record<string, number>;
  warnings: Warning[];
}

// ---------------------------------------------------------------------------------------------
// Prose: the lines before the tables, joined so that a sentence wrapped over lines (PDF text,
// page footers blanked in between) reads as one string. `starts[k]` is where `lineNos[k]`
// begins in `text`.

/** The prose of a report: its lines before the tables, as one text, and where each line starts in it. */
export interface Prose {
  text: string;
  starts: number[];
  lineNos: number[];
}

/** Start of table 二 or 三: their first labels, or their headings in the 2019+ structure. */
const TABLE_LABEL = /第二十条第\s*\(\s*[一五六八九]\s*\)\s*项|申请人情况|本年新收政府信息公开申请数量/u;
const TABLE_HEADING = /^[\s|]*[二三]\s*[、.,]\s*(?:主动公开政府信息情况|收到和处理政府信息公开申请情况)\s*$/u;
/** a cell of numbers, or a PDF table row of three or more bare numbers */
const NUMBER_CELL = /^[\s\d.,%+\-\/—–−()]+$/u;
const NUMBER_ROW = /(?:^|\s)[+-]?\d+(?:\.\d+)?(?=\s|$)(?:\s+[+-]?\d+(?:\.\d+)?(?=\s|$)){2,}/u;
const SENTENCE_PUNCT = /[,;。]/u;
const HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}\s*、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|\d{1,2}\s*[.、](?!\d))/u;

const isTableStart = (line: string) => TABLE_HEADING.test(line) || TABLE_LABEL.test(line);

function isTableLine(line: string): boolean {
  if (line.includes('|') && (line.trimStart().startsWith('|') || line.indexOf('|') !== line.lastIndexOf('|'))) return true;
  if (SENTENCE_PUNCT.test(line)) return false;
  return NUMBER_CELL.test(line) || NUMBER_ROW.test(line);
}

const isHeadingLine = (line: string) => line.length <= 40 && HEADING.test(line) && !line.includes('。');

function endsSentence(line: string): boolean {
  const last = line.trimEnd().at(-1);
  return last === '。' || last === '!' || last === '?';
}

export function buildProse(lines: readonly string[], deadline: Deadline = NO_DEADLINE): Prose {
  const parts: string[] = [];
  const starts: number[] = [];
  const lineNos: number[] = [];
  let length = 0;
  let previous = '';
  const push = (part: string) => {
    parts.push(part);
    length += part.length;
  };
  for (let i = 0; i < lines.length; i++) {
    deadline.tick('reading the prose');
    const line = lines[i];
    if (isTableStart(line)) break;
    if (line.trim() === '') continue; // blank lines are often page footers inside a sentence
    if (isTableLine(line)) {
      if (previous !== '') push('\n');
      previous = '';
      continue;
    }
    if (previous !== '' && (endsSentence(previous) || isHeadingLine(previous) || HEADING.test(line))) push('\n');
    starts.push(length);
    lineNos.push(i + 1);
    push(line.trim());
    previous = line;
  }
  return { text: parts.join(''), starts, lineNos };
}

function lineAt(prose: Prose, offset: number): number {
  let lo = 0;
  let hi = prose.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prose.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return prose.lineNos[lo] ?? 1;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** delimiter sets, as char codes: cheaper than a regex test or a one-char string per step */
type CharSet = ReadonlySet<number>;
const charSet = (chars: string): CharSet => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const CLAUSE_END = charSet(',;:。!?\n');

function lastIndexMatching(text: string, chars: CharSet, before: number, limit: number): number {
  const floor = Math.max(0, before - limit);
  for (let i = before - 1; i >= floor; i--) if (chars.has(text.charCodeAt(i))) return i;
  return floor - 1;
}

function nextIndexMatching(text: string, chars: CharSet, from: number, limit = 400): number {
  const end = Math.min(text.length, from + limit);
  for (let i = from; i < end; i++) if (chars.has(text.charCodeAt(i))) return i;
  return end;
}

const SENTENCE_BREAK = /[。!?\n]/gu;

/** The prose, and where its sentences end (sorted offsets of 。!?\n). */
interface Doc {
  text: string;
  breaks: number[];
  deadline: Deadline;
}

function makeDoc(text: string, deadline: Deadline): Doc {
  const breaks: number[] = [];
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    deadline.tick('reading the prose');
    breaks.push(m.index);
  }
  return { text, breaks, deadline };
}

/** index of the first break at or after `at` */
function breakIndex(doc: Doc, at: number): number {
  let lo = 0;
  let hi = doc.breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.breaks[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** start of the sentence holding offset `at` */
const sentenceFrom = (doc: Doc, at: number) => {
  const k = breakIndex(doc, at);
  return k === 0 ? 0 : doc.breaks[k - 1] + 1;
};

/** end of the sentence holding offset `at` (its 。, or the end of the text) */
const sentenceTo = (doc: Doc, at: number) => doc.breaks[breakIndex(doc, at)] ?? doc.text.length;

const clauseStart = (text: string, at: number) => lastIndexMatching(text, CLAUSE_END, at, 160) + 1;

/** "1,226" -> 1226; "1.2" with 万 -> 12000 */
const toNumber = (digits: string, wan?: string) => {
  const n = Number(digits.replace(/,/gu, ''));
  return wan ? Math.round(n * 10000) : n;
};

/** 约 / 近 / 超过 / 逾 before a number make it approximate, like 余 / 多 after it */
const APPROX_BEFORE = /(?:约|近|超过|逾)\s*$/u;

// ---------------------------------------------------------------------------------------------
// publishedItems (§6.1): "(共计)?(发布|公开)(各类)?(政府|政务)?信息 N 条", the first sentence that
// states a total. Sub-counts (其中…), cumulative figures (截至…, 历年累计) and per-channel figures
// are not totals.

const ITEM_COUNT = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(万)?\s*(余|多)?\s*[条篇]/gu;
/** "信息" then only filler words before the number */
const INFO_TAIL = /信息((?:总数|总量|数量|更新|共计|合计|总计|累计|达到|共|达|为|约|近|超过|逾|\s){0,6})$/u;
/** what may stand right before 信息 in a total: a verb, a total word, or 等 closing a list */
const PLAIN_HEAD = /(?:公开|发布|公布|推送|更新|刊发|编发|上传|转载|转发|共计|共|累计|总计|合计|等|了)$/u;
const HEAD_NOUN = /(?:政府|政务)$/u;
const HEAD_ADJ = /(?:各类|各项|各种|相关|有关)$/u;
/** a qualified head ("公告类信息") is still a total when it closes a list: "…等有关政务新闻和公告类信息" */
const LIST_CLOSE = /等[^,;:。]{0,12}$/u;
const PUBLISH_VERB = /公开|发布|公布|推送|更新|刊发|编发|上传/u;
const NEW_MEDIA = /微信|微博|公众号|公众平台|新媒体|抖音|头条号|视频号|客户端|小程序|APP/iu;
const TOTAL_MARK = /共计|总计|合计|累计|总数|总量|全[县市区州旗镇乡]|(?<![公中])共(?![享建同性])/u;
/** figures over several years: "历年累计…", "截至…累计…" */
const CUMULATIVE = /历年|累计至|至今/u;
const AS_OF = /截至|截止/u;
const SUMMED = /累计/u;
/** "通过网站、微信公众号等平台…": a figure over several channels is a total */
const MULTI_CHANNEL = /等[^,;。]{0,10}(?:平台|渠道|载体|媒体|方式)|(?:不同|多种|多个|多)渠道/u;
const THIS_YEAR = /本年|今年|当年|新增/u;
const SUM_CLAUSE = /^\s*(?:以上|上述)?\s*(?:共计|合计|总计|总共|共)\s*(?:约|近|超过|逾)?\s*$/u;
const SUB_COUNT = /其中/u;
/** "依申请公开信息" and the like are applications, not published items */
const NOT_ITEMS = /申请/u;
const FRAMED = /^[\s,;:。]*[((]?\s*其中/u;

interface ItemFigure {
  value: number;
  offset: number;
  approximate: boolean;
  clause: string;
  sentenceFrom: number;
  end: number;
}

function itemFigures(doc: Doc): ItemFigure[] {
  const { text } = doc;
  const out: ItemFigure[] = [];
  for (const m of text.matchAll(ITEM_COUNT)) {
    doc.deadline.tick('reading published items');
    const value = toNumber(m[1], m[2]);
    if (!Number.isInteger(value)) continue;
    const offset = m.index;
    const clause = text.slice(clauseStart(text, offset), offset);
    out.push({
      value,
      offset,
      approximate: Boolean(m[3]),
      clause,
      sentenceFrom: sentenceFrom(doc, offset),
      end: offset + m[0].length,
    });
  }
  return out;
}

/** the clause names a plain item total: "…发布各类信息", "…等政府信息共计", "…信息总数" */
function namesItemTotal(clause: string): boolean {
  const tail = INFO_TAIL.exec(clause);
  if (!tail) return false;
  let head = clause.slice(0, tail.index);
  head = head.replace(HEAD_NOUN, '').replace(HEAD_ADJ, '');
  return PLAIN_HEAD.test(head) || LIST_CLOSE.test(head);
}

interface ItemCandidate extends ItemFigure {
  marked: boolean;
  newMedia: boolean;
}

function isSubCount(text: string, f: ItemFigure) {
  return SUB_COUNT.test(text.slice(f.sentenceFrom, f.offset));
}

/** A total cannot be smaller than a figure listed beside it (unless the parts follow 其中). */
function outgrownBySibling(doc: Doc, figures: ItemFigure[], index: number): boolean {
  const f = figures[index];
  if (FRAMED.test(doc.text.slice(f.end, f.end + 6))) return false;
  const end = sentenceTo(doc, f.end);
  for (let j = index + 1; j < figures.length && figures[j].offset < end; j++) {
    doc.deadline.tick('reading published items');
    const g = figures[j];
    if (g.value > f.value && !isCumulative(doc.text, g)) return true;
  }
  return false;
}

/** "截至年底,累计…" is cumulative, unless the clause itself speaks of the year (本年度新增…) */
function isCumulative(text: string, f: ItemFigure): boolean {
  if (CUMULATIVE.test(f.clause)) return true;
  const before = text.slice(f.sentenceFrom, f.offset);
  return AS_OF.test(before) && SUMMED.test(before) && !THIS_YEAR.test(f.clause);
}

/** the sentence's item figures summed: "网站发布信息N条,微博发布信息M条,共计K条" */
function isSumOfItems(f: ItemFigure, itemSentences: Set<number>): boolean {
  return SUM_CLAUSE.test(f.clause) && itemSentences.has(f.sentenceFrom);
}

function findPublishedItems(doc: Doc): ItemCandidate | null {
  const { text } = doc;
  const figures = itemFigures(doc);
  const candidates: ItemCandidate[] = [];
  const seenSentences = new Set<number>();
  const itemSentences = new Set<number>();
  let partsListed = false;
  for (let i = 0; i < figures.length; i++) {
    doc.deadline.tick('reading published items');
    const f = figures[i];
    const sum = isSumOfItems(f, itemSentences);
    if (!sum) {
      if (seenSentences.has(f.sentenceFrom)) continue;
      if (!f.clause.includes('信息') || NOT_ITEMS.test(f.clause)) continue;
      if (!PUBLISH_VERB.test(f.clause) || !namesItemTotal(f.clause)) continue;
      itemSentences.add(f.sentenceFrom);
      if (isSubCount(text, f) || isCumulative(text, f)) continue;
      seenSentences.add(f.sentenceFrom); // only a sentence's first figure can be its total
    }
    if (outgrownBySibling(doc, figures, i)) {
      partsListed = true;
      continue;
    }
    const marked = sum || TOTAL_MARK.test(f.clause) || MULTI_CHANNEL.test(text.slice(f.sentenceFrom, f.offset));
    // Once the report has listed parts without a total, only a figure that says it is a total is one.
    if (partsListed && !marked) continue;
    const approximate = f.approximate || APPROX_BEFORE.test(f.clause);
    candidates.push({ ...f, approximate, marked, newMedia: !sum && NEW_MEDIA.test(f.clause) });
  }
  const channelFigures = figures.filter(
    (f) => NEW_MEDIA.test(f.clause) && PUBLISH_VERB.test(f.clause) && !isSubCount(text, f),
  );
  const primary = candidates.filter((c) => !c.newMedia);
  if (channelFigures.length === 0) return primary[0] ?? null;
  // Per-channel figures (website N, WeChat M): the website's is the total only when it says so.
  if (primary.length > 0) return primary.find((c) => c.marked) ?? null;
  return channelFigures.length === 1 ? (candidates.find((c) => c.newMedia) ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// Hotlines and mailboxes (§6.2): a channel is a name ending in 热线 or 信箱; its figures are in
// the clause that names it and in the clauses after it that go on about it (办结…, 满意率…).

type ChannelKind = 'hotlines' | 'mailboxes';
type FigureKey = Exclude<keyof Channel, 'name'>;
type RateKey = 'resolutionRate' | 'callbackRate' | 'satisfactionRate';

interface Mention {
  kind: ChannelKind;
  name: string;
  /** start of the scanned name including lead words (通过, 收到…), start and end of the name */
  scanFrom: number;
  nameFrom: number;
  nameEnd: number;
}

interface Figure {
  value: number;
  offset: number;
}

interface ChannelDraft {
  kind: ChannelKind;
  name: string;
  figures: Partial<Record<FigureKey, Figure>>;
}

interface Note {
  code: string;
  message: string;
  offset: number;
}

interface SharedRate {
  key: RateKey;
  value: number;
  offset: number;
  sentence: number;
}

interface ChannelScan {
  drafts: ChannelDraft[];
  notes: Note[];
  shared: SharedRate[];
  /** the channels read in each sentence (by the sentence's start) */
  placed: Map<number, { draft: ChannelDraft; offset: number }[]>;
}

const CHANNEL_SUFFIX = /热线|信箱/gu;
const NAME_CHAR = /[\u3400-\u9fff\d“”"'‘’]/u;
const QUOTES = /[“”"'‘’]/gu;
const OPEN_QUOTE = /[“"‘']/u;
const CLOSE_QUOTE = /[”"’']/u;
const NAME_MAX = 20;
/** words that open a clause before a channel's name: "2022年", "全年共收到", "办理", "通过" */
const NAME_LEAD =
  /^(?:\d{4}年度?|\d{1,2}月份?|全年|本年度?|今年|年内|其中|同时|另外|此外|并且?|通过|依托|借助|利用|畅通|开通|拨打|共计|共|累计|总计|全部|办理|受理|收理|收到|接到|接听|接收|处理|答复|回复|针对|围绕|以及|和|及|与|或者|或|了|全[县市区州镇乡]|我[县市区州镇乡])+/u;
/** "县政府门户网站县长信箱" -> "县长信箱" */
const NAME_PLACE = /^.*(?:网站|门户网|平台|专栏|栏目|的)/u;
const NOT_A_CHANNEL = /电子|邮政|邮箱/u;
/** two names for one channel: "书记县长信箱或领导信箱" */
const JOIN_SAME = /^\s*(?:或者|或|\/)\s*$/u;
/** two channels stated together: "12345热线和县长信箱" */
const JOIN_GROUP = /^\s*(?:以及|和|及|与|、)\s*$/u;

function channelMentions(text: string, deadline: Deadline): Mention[] {
  const out: Mention[] = [];
  let floor = 0;
  for (const m of text.matchAll(CHANNEL_SUFFIX)) {
    deadline.tick('reading hotlines and mailboxes');
    const nameEnd = m.index + 2;
    let i = m.index;
    const quoted = i > floor && CLOSE_QUOTE.test(text[i - 1]);
    if (quoted) i--;
    while (i > floor && m.index - i < NAME_MAX && NAME_CHAR.test(text[i - 1])) {
      if (OPEN_QUOTE.test(text[i - 1])) {
        if (quoted) i--;
        break;
      }
      i--;
    }
    floor = nameEnd;
    const scanned = text.slice(i, nameEnd);
    let name = scanned.slice(NAME_LEAD.exec(scanned)?.[0].length ?? 0);
    const place = NAME_PLACE.exec(name.slice(0, -2));
    if (place) name = name.slice(place[0].length);
    const nameFrom = nameEnd - name.length;
    name = name.replace(QUOTES, '');
    if (name.length <= 2 || NOT_A_CHANNEL.test(name)) continue;
    out.push({ kind: m[0] === '热线' ? 'hotlines' : 'mailboxes', name, scanFrom: i, nameFrom, nameEnd });
  }
  return out;
}

const COUNT_UNIT = '件|次|个|条|封|通|宗|例|单|人次';
const NOT_A_COUNT = '(?![\\d.%年月日号])';
const GAP = '[^\\d,;:。!?\\n、]{0,24}?';
const COUNT = `(\\d+(?:\\.\\d+)?)\\s*(万)?\\s*(余|多)?\\s*`;
const RECEIPT = new RegExp(
  `(?:受理解答|受理|收理|收到|接听|接到|接收|收件|收悉|来电|来信)${GAP}${COUNT}(?:${COUNT_UNIT})?${NOT_A_COUNT}`,
  'du',
);
/** 办理 N 件 is the received volume when nothing else is stated */
const HANDLED = new RegExp(`(?:办理|办件)${GAP}${COUNT}(?:${COUNT_UNIT})?${NOT_A_COUNT}`, 'du');
/** a count right after the name: "…信箱(网上信访)112件" */
const DIRECT = new RegExp(`^[”"’']?\\s*(?:\\([^()]{0,12}\\))?\\s*${COUNT}(?:${COUNT_UNIT})`, 'du');
const RESOLVED = /办结(?:量|数|件数|总量)?\s*(?:了|为|达到?|共)?\s*(\d+(?:\.\d+)?)\s*(余|多)?\s*(%)?/du;
const RATE_NAME = '(?:按时|及时)?(?:办结|回访|答复|回复|办复|受理)率|(?:回访)?满意(?:率|度)';
const RATE = new RegExp(
  `((?:${RATE_NAME})(?:\\s*(?:以及|和|、|及|与)\\s*(?:${RATE_NAME}))*)\\s*(均|都|全部)?\\s*(?:为|达到?|是|保持|在)?\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*(以上)?`,
  'dgu',
);
const RATE_NAME_ALL = new RegExp(RATE_NAME, 'gu');
/** a clause that goes on about the channel just named */
const PROPERTY_CLAUSE =
  /^\s*(?:其中|均|都|已经|已|全部|并且?|且|共|累计|总|按时|及时|目前|整体|群众|市民|来电|来信|全年|本年度?|今年|年内|\d{4}\s*年度?)*\s*(?:办结|办复|回访|满意|答复|回复|办理|受理|收理|收到|接听|处理|解答)/u;
/** a clause on another matter, even when it opens like one about the channel (收到…申请) */
const OTHER_TOPIC = /申请|建议|提案|复议|诉讼|留言/u;
const CHANNEL_CLAUSE_END = charSet(',;:。!?\n、');

function rateKey(label: string): RateKey | null {
  if (label.endsWith('办结率')) return 'resolutionRate';
  if (label.includes('满意')) return 'satisfactionRate';
  if (label === '回访率') return 'callbackRate';
  return null; // 答复率, 回复率, 办复率, 受理率 have no contract key
}

/** where the figures about a channel end: the next channel, the sentence end, or a clause on another topic */
function segmentEnd(doc: Doc, from: number, limit: number): number {
  const { text } = doc;
  const stop = Math.min(limit, sentenceTo(doc, from));
  let at = nextIndexMatching(text, CHANNEL_CLAUSE_END, from, stop - from);
  while (at < stop && text[at] !== '。' && text[at] !== '\n') {
    const next = nextIndexMatching(text, CHANNEL_CLAUSE_END, at + 1, stop - at - 1);
    const clause = text.slice(at + 1, next);
    if (!PROPERTY_CLAUSE.test(clause) || OTHER_TOPIC.test(clause)) break;
    at = next;
  }
  return Math.min(at, stop);
}

/** text[from, to) with the channel names blanked, so "12345" is never read as a count */
function masked(text: string, from: number, to: number, names: Mention[]): string {
  let out = text.slice(from, to);
  for (const n of names) {
    const a = n.nameFrom - from;
    if (a >= 0 && n.nameEnd <= to) out = out.slice(0, a) + '□'.repeat(n.nameEnd - n.nameFrom) + out.slice(n.nameEnd - from);
  }
  return out;
}

function takeReceived(scan: ChannelScan, draft: ChannelDraft, re: RegExp, source: string, base: number): boolean {
  const m = re.exec(source);
  const value = m ? toNumber(m[1], m[2]) : NaN;
  if (!m || !Number.isInteger(value)) return false;
  const offset = base + m.indices![1][0];
  draft.figures.received = { value, offset };
  if (m[3]) scan.notes.push({ code: 'approximate', message: `${draft.name}: received '${m[0].trim()}' (approximate)`, offset });
  return true;
}

/** received, from the clause naming the channel: a verb may stand before the name (收到“领导信箱”来信97件) */
function readReceived(text: string, scan: ChannelScan, draft: ChannelDraft, names: Mention[], floor: number, limit: number, segmentTo: number) {
  const first = names[0];
  const last = names[names.length - 1];
  const leadFrom = Math.max(floor, lastIndexMatching(text, CHANNEL_CLAUSE_END, first.nameFrom, 60) + 1);
  const clauseEnd = Math.min(nextIndexMatching(text, CHANNEL_CLAUSE_END, last.nameEnd), limit);
  const clause = masked(text, leadFrom, clauseEnd, names);
  if (takeReceived(scan, draft, RECEIPT, clause, leadFrom)) return;
  if (takeReceived(scan, draft, HANDLED, clause, leadFrom)) return;
  if (takeReceived(scan, draft, DIRECT, text.slice(last.nameEnd, clauseEnd), last.nameEnd)) return;
  // "开通了12345热线,全年共接听来电3200次": the count may come in a following clause
  const rest = text.slice(clauseEnd, segmentTo);
  if (!takeReceived(scan, draft, RECEIPT, rest, clauseEnd)) takeReceived(scan, draft, HANDLED, rest, clauseEnd);
}

const RESPECTIVELY = /^[^\d,;:。!?\n]{0,6}分别[^\d,;:。!?\n]{0,12}?(?:受理|收理|收到|接听|接到|接收|办理)/u;
const RESPECTIVE_COUNT = new RegExp(`${COUNT}(?:${COUNT_UNIT})`, 'dgu');

/** "县长信箱和12345热线分别收到来信50件、来电1000件": one count per channel, in order */
function readRespectively(text: string, scan: ChannelScan, group: ChannelDraft[], from: number, limit: number) {
  const end = Math.min(nextIndexMatching(text, CLAUSE_END, from), limit);
  const clause = text.slice(from, end);
  if (!RESPECTIVELY.test(clause)) return;
  const counts = [...clause.matchAll(RESPECTIVE_COUNT)];
  if (counts.length !== group.length) return;
  counts.forEach((m, k) => {
    const offset = from + m.indices![1][0];
    const value = toNumber(m[1], m[2]);
    if (!Number.isInteger(value)) return;
    group[k].figures.received ??= { value, offset };
    if (m[3]) scan.notes.push({ code: 'approximate', message: `${group[k].name}: received '${m[0].trim()}' (approximate)`, offset });
  });
}

function readResolved(segment: string, base: number, scan: ChannelScan, draft: ChannelDraft) {
  const m = RESOLVED.exec(segment);
  if (!m) return;
  const offset = base + m.indices![1][0];
  if (m[3]) {
    scan.notes.push({
      code: 'count-is-percent',
      message: `${draft.name}: '${m[0].trim()}' is a percentage where a count belongs; resolved left out`,
      offset,
    });
    return;
  }
  draft.figures.resolved = { value: Number(m[1]), offset };
  if (m[2]) scan.notes.push({ code: 'approximate', message: `${draft.name}: resolved '${m[0].trim()}' (approximate)`, offset });
}

function readRates(doc: Doc, segment: string, base: number, scan: ChannelScan, group: ChannelDraft[]) {
  for (const r of segment.matchAll(RATE)) {
    const offset = base + r.indices![3][0];
    const value = Number(r[3]);
    const keys = (r[1].match(RATE_NAME_ALL) ?? []).map(rateKey).filter((k) => k !== null);
    for (const key of keys) {
      for (const draft of group) draft.figures[key] ??= { value, offset };
      if (r[2]) scan.shared.push({ key, value, offset, sentence: sentenceFrom(doc, offset) });
    }
    if (keys.length > 0 && r[4]) {
      scan.notes.push({ code: 'approximate', message: `${group.map((d) => d.name).join('、')}: '${r[0].trim()}' (a lower bound)`, offset });
    }
  }
}

/** how two consecutive mentions relate: one channel under two names, two channels stated together, or neither */
function joinOf(text: string, a: Mention | undefined, b: Mention | undefined): 'same' | 'group' | null {
  if (!a || !b) return null;
  const gap = text.slice(a.nameEnd, b.nameFrom);
  if (JOIN_SAME.test(gap)) return a.kind === b.kind ? 'same' : 'group';
  return JOIN_GROUP.test(gap) ? 'group' : null;
}

function findChannels(doc: Doc): ChannelScan {
  const { text } = doc;
  const scan: ChannelScan = { drafts: [], notes: [], shared: [], placed: new Map() };
  const mentions = channelMentions(text, doc.deadline);
  const byName = new Map<string, ChannelDraft>();
  let group: ChannelDraft[] = [];
  let groupNames: Mention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    doc.deadline.tick('reading hotlines and mailboxes');
    const mention = mentions[k];
    const join = joinOf(text, mentions[k - 1], mention);
    if (join === 'same') {
      const draft = group[group.length - 1];
      byName.delete(draft.name);
      draft.name += text.slice(mentions[k - 1].nameEnd, mention.nameFrom).trim() + mention.name;
      byName.set(draft.name, draft);
      groupNames.push(mention);
    } else {
      let draft = byName.get(mention.name);
      if (!draft) {
        draft = { kind: mention.kind, name: mention.name, figures: {} };
        byName.set(draft.name, draft);
        scan.drafts.push(draft);
      }
      group = join === 'group' ? [...group, draft] : [draft];
      groupNames = join === 'group' ? [...groupNames, mention] : [mention];
    }
    const next = mentions[k + 1];
    if (joinOf(text, mention, next)) continue; // the figures follow the last name
    const limit = next ? next.scanFrom : text.length;
    const floor = mentions[k - groupNames.length]?.nameEnd ?? 0;
    const segmentTo = segmentEnd(doc, mention.nameEnd, limit);
    // A count after "A和B" is their sum, not either's, unless it says 分别 (respectively).
    const lone = group.length === 1 ? group[0] : null;
    if (!lone) readRespectively(text, scan, group, mention.nameEnd, limit);
    else if (!lone.figures.received) readReceived(text, scan, lone, groupNames, floor, limit, segmentTo);
    const segment = text.slice(mention.nameEnd, segmentTo);
    if (lone && !lone.figures.resolved) readResolved(segment, mention.nameEnd, scan, lone);
    readRates(doc, segment, mention.nameEnd, scan, group);
    const sentence = sentenceFrom(doc, mention.nameEnd);
    const inSentence = scan.placed.get(sentence) ?? [];
    for (const draft of group) inSentence.push({ draft, offset: mention.nameEnd });
    scan.placed.set(sentence, inSentence);
  }
  // "…办结率均为100%": one rate stated after several channels applies to each of them
  for (const s of scan.shared) {
    for (const p of scan.placed.get(s.sentence) ?? []) {
      doc.deadline.tick('reading hotlines and mailboxes');
      if (p.offset <= s.offset) p.draft.figures[s.key] ??= { value: s.value, offset: s.offset };
    }
  }
  return scan;
}

// ---------------------------------------------------------------------------------------------
// Applications in prose (§6.3): "收到/受理 N 件 …申请", "上年结转 N 件".

const APPLICATIONS_RECEIVED = /(?:收到|受理|接收|接到|收悉|新收)([^\d,;:。!?\n]{0,24}?)(\d+)\s*(余|多)?\s*件([^\d,;:。!?\n]{0,10})/dgu;
const APPLICATION_WORD = /申请/u;
const APPLICATION_AFTER = /^[^,;:。]{0,10}申请/u;
const OTHER_MATTER = /复议|诉讼|赔偿|建议|提案|投诉|举报|来信|来电|留言|咨询|热线|信箱/u;
const CARRIED_OVER = /上年度?(?:结转|转结|遗留)([^\d,;:。!?\n]{0,16}?)(\d+)\s*件/dgu;

interface Counted {
  value: number;
  offset: number;
  approximate: boolean;
  phrase: string;
}

function findApplicationsReceived(text: string, deadline: Deadline): Counted | null {
  for (const m of text.matchAll(APPLICATIONS_RECEIVED)) {
    deadline.tick('reading applications in the prose');
    const gap = m[1];
    if (OTHER_MATTER.test(gap)) continue;
    if (!APPLICATION_WORD.test(gap) && !APPLICATION_AFTER.test(m[4])) continue;
    const offset = m.indices![2][0];
    return { value: Number(m[2]), offset, approximate: Boolean(m[3]), phrase: m[0] };
  }
  return null;
}

function findCarriedOver(text: string, deadline: Deadline): Counted | null {
  for (const m of text.matchAll(CARRIED_OVER)) {
    deadline.tick('reading applications in the prose');
    if (/下年/u.test(m[1])) continue;
    return { value: Number(m[2]), offset: m.indices![2][0], approximate: false, phrase: m[0] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * (`sources`: the record the figures' lines are added to, as in parseReportText; a new one by
 * default. `prose`: buildProse() of the lines, when the caller has it.)
 */
export function extractActivity(
  lines: string[],
  deadline: Deadline = NO_DEADLINE,
  sources: Record<string, number> = {},
  prose: Prose = buildProse(lines, deadline),
): ActivityResult {
  const doc = makeDoc(prose.text, deadline);
  const text = prose.text;
  const activity: Activity = {};
  const warnings: Warning[] = [];
  const warn = (code: string, message: string, offset: number) => warnings.push({ code, message, line: lineAt(prose, offset) });

  const items = findPublishedItems(doc);
  if (items) {
    activity.publishedItems = items.value;
    sources['activity.publishedItems'] = lineAt(prose, items.offset);
    if (items.approximate) {
      const phrase = (items.clause.length > 16 ? '…' + items.clause.slice(-16) : items.clause) + text.slice(items.offset, items.end);
      warn('approximate', `publishedItems: '${phrase}' (approximate)`, items.offset);
    }
  }

  const channels = findChannels(doc);
  for (const draft of channels.drafts) {
    const keys = Object.keys(draft.figures) as FigureKey[];
    if (keys.length === 0) continue; // a channel named without figures
    const list = (activity[draft.kind] ??= []);
    const path = `activity.${draft.kind}[${list.length}]`;
    const channel: Channel = { name: draft.name };
    for (const key of ['received', 'resolved', 'resolutionRate', 'callbackRate', 'satisfactionRate'] as const) {
      const figure = draft.figures[key];
      if (!figure) continue;
      channel[key] = figure.value;
      sources[`${path}.${key}`] = lineAt(prose, figure.offset);
    }
    list.push(channel);
  }
  for (const note of channels.notes) warn(note.code, note.message, note.offset);

  const received = findApplicationsReceived(text, deadline);
  const carried = findCarriedOver(text, deadline);
  if (received || carried) activity.applications = {};
  if (received) {
    activity.applications!.received = received.value;
    sources['activity.applications.received'] = lineAt(prose, received.offset);
    if (received.approximate) warn('approximate', `applications.received: '${received.phrase}' (approximate)`, received.offset);
  }
  if (carried) {
    activity.applications!.carriedOver = carried.value;
    sources['activity.applications.carriedOver'] = lineAt(prose, carried.offset);
  }
  return { activity, sources, warnings };
}

/**
 * The prose's statements about figures the tables print, which the contract has no place for
 * (lib/checks/prose-claims.ts): read from the same prose as the activity figures, for the
 * prose-versus-tables checks.
 */
/** (`prose`: buildProse() of the lines, when the caller has it) */
export function extractProseClaims(lines: string[], deadline: Deadline = NO_DEADLINE, prose: Prose = buildProse(lines, deadline)): ProseClaim[] {
  return findProseClaims(prose.text, () => deadline.tick('reading the prose')).map(({ key, value, offset }) => ({ key, value, line: lineAt(prose, offset) }));
}
