// What the prose says about figures the tables also print, beyond the contract's `activity`
// (report-json.md): applications answered (答复/办结 N 件 → table 三 （七）总计), carried
// forward (N 件顺延到下年度 → 四、结转下年度), cases of review and litigation (行政复议 N 件 →
// table 四), and regulations and normative documents made this year (制发规章 N 件 → table 二).
// They are read for the prose-versus-tables check only (lib/checks/prose-tables.ts): the
// contract has no place for them, so they are not part of the report JSON.
//
// Reads the joined prose of lib/parse/activity.ts (normalised: half-width , ; : ( ), 。 kept).
// The first statement of each kind counts: later ones are mostly parts (其中…) or other bodies.
// Approximate figures (余, 多, 约, 近, 超过, 逾) are not claims: they cannot contradict a count.

export const PROSE_CLAIM_KEYS = [
  'applications.answered',
  'applications.carriedForward',
  'appeals.review',
  'appeals.litigation',
  'proactive.regulations',
  'proactive.normativeDocuments',
] as const;
export type ProseClaimKey = (typeof PROSE_CLAIM_KEYS)[number];

/** A figure the prose states, and the 1-based line of the normalised text it is on. */
export interface ProseClaim {
  key: ProseClaimKey;
  value: number;
  line: number;
}

export interface FoundClaim {
  key: ProseClaimKey;
  value: number;
  /** offset of the number in the text */
  offset: number;
}

const COUNT = String.raw`(\d{1,9})\s*件`;
const APPROX_AFTER = /^\s*件?\s*(?:余|多)/u;
const APPROX_BEFORE = /(?:约|近|超过|逾|余)\s*$/u;

/** 答复 3050 件, 已办结12件, 答复政府信息公开申请805件 */
const ANSWERED = new RegExp(String.raw`(?:答复|办结)(?:了|完毕)?(?:政府信息公开|信息公开)?(?:申请)?(?:共计|共|合计)?\s*${COUNT}`, 'dgu');
/** 结转下年度继续办理3件, 转下一年办理0件 */
const FORWARD_BEFORE = new RegExp(String.raw`(?:结转|转入|转至|转|顺延)(?:到|至)?下一?年度?(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?(?:共|为)?\s*${COUNT}`, 'dgu');
/** 另有103件顺延到下年度, 72件申请按照《条例》顺延到下年度, 2件结转下年办理 */
const FORWARD_AFTER = new RegExp(String.raw`${COUNT}[^\d,;:。!?\n]{0,12}?(?:结转|转入|转至|转|顺延)(?:到|至)?下一?年`, 'dgu');
/** 行政复议351件, 被行政复议4件, 行政复议案件9件 */
const REVIEW = new RegExp(String.raw`行政复议(?:案件|申请)?(?:共计|共|合计|为)?\s*${COUNT}`, 'dgu');
/** 行政诉讼46件; a bare 诉讼9件 right after a 复议 count (信息公开类行政复议7件,诉讼9件) */
const LITIGATION = new RegExp(String.raw`(行政)?诉讼(?:案件)?(?:共计|共|合计|为)?\s*${COUNT}`, 'dgu');
/** 未发生因政府信息公开引起的行政复议、行政诉讼; 未引起行政复议或行政诉讼 */
const NO_APPEALS = /(?:未|没有|无)(?:发生|引起|出现|产生|收到|因)[^\d,;:。!?\n]{0,24}?行政复议(?:[^\d,;:。!?\n]{0,3}?(行政诉讼))?/dgu;
/** 规章1件, 行政规范性文件60件: the number right after the noun */
const PROACTIVE = new RegExp(String.raw`(规章|规范性文件)\s*${COUNT}`, 'dgu');
const MAKE_OR_PUBLISH = /新制定|制定|制发|印发|出台|发布|公开/u;
/** a clause on another count of documents: in force, reviewed, repealed, read, another body's */
const NOT_THIS_YEARS = /现行有效|清理|累计|截至|截止|废止|修改|修订|部门|解读|备案|审查|审核|评估|历年/u;

const APPLICATION = /申请/gu;
const APPLICATION_AFTER = /^[^,;:。!?\n]{0,10}申请/u;
/** matters a count may be about other than information-disclosure applications */
const OTHER_MATTER = /来信|来电|留言|热线|信箱|建议|提案|咨询|投诉|举报|信访|复议|诉讼|诉求|工单/gu;
const DISCLOSURE = /信息公开|申请/u;

const CLAUSE_CHARS = new Set([',', ';', ':', '。', '!', '?', '\n']);
const SENTENCE_CHARS = new Set(['。', '!', '?', '\n']);

function startOf(text: string, at: number, stops: Set<string>, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) if (stops.has(text[i])) return i + 1;
  return floor;
}

const sentenceStart = (text: string, at: number) => startOf(text, at, SENTENCE_CHARS, 300);
const clauseStart = (text: string, at: number) => startOf(text, at, CLAUSE_CHARS, 80);

function lastIndex(re: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(re)) last = m.index;
  return last;
}

function isApproximate(text: string, numberAt: number, numberEnd: number): boolean {
  return APPROX_BEFORE.test(text.slice(Math.max(0, numberAt - 3), numberAt)) || APPROX_AFTER.test(text.slice(numberEnd, numberEnd + 3));
}

/**
 * The count is about applications: since the sentence began, 申请 was the last matter named
 * (not 来信, 热线, 建议 …), or 申请 follows the count (按时办结16件政府信息公开申请).
 */
function aboutApplications(text: string, start: number, end: number): boolean {
  const before = text.slice(sentenceStart(text, start), start);
  const application = lastIndex(APPLICATION, before);
  if (application >= 0 && application > lastIndex(OTHER_MATTER, before)) return true;
  return lastIndex(OTHER_MATTER, before) < 0 && APPLICATION_AFTER.test(text.slice(end));
}

/** A review or litigation count is about disclosure when 信息公开 or 申请 is named shortly before it. */
function aboutDisclosure(text: string, at: number): boolean {
  const from = Math.max(0, at - 200);
  const paragraph = text.lastIndexOf('\n', at - 1);
  return DISCLOSURE.test(text.slice(Math.max(from, paragraph + 1), at));
}

interface Hit {
  value: number;
  offset: number;
}

function numberHit(text: string, m: RegExpExecArray | RegExpMatchArray, group: number): Hit | null {
  const [from, to] = m.indices![group];
  if (isApproximate(text, from, to)) return null;
  return { value: Number(m[group]), offset: from };
}

function firstHit(text: string, re: RegExp, group: number, accept: (m: RegExpMatchArray) => boolean, tick: () => void): Hit | null {
  for (const m of text.matchAll(re)) {
    tick();
    if (!accept(m)) continue;
    const hit = numberHit(text, m, group);
    if (hit) return hit;
  }
  return null;
}

function earliest(...hits: (Hit | null)[]): Hit | null {
  return hits.filter((h): h is Hit => h !== null).sort((a, b) => a.offset - b.offset)[0] ?? null;
}

function findAppeals(text: string, tick: () => void): { review: Hit | null; litigation: Hit | null } {
  let review = firstHit(text, REVIEW, 1, (m) => aboutDisclosure(text, m.index!), tick);
  let litigation = firstHit(
    text,
    LITIGATION,
    2,
    (m) => {
      if (!aboutDisclosure(text, m.index!)) return false;
      if (m[1]) return true;
      // a bare 诉讼 continues a 复议 count of the same sentence
      return /行政复议/u.test(text.slice(sentenceStart(text, m.index!), m.index!));
    },
    tick,
  );
  // "未发生…行政复议、行政诉讼" states none, when no count came before it
  for (const m of text.matchAll(NO_APPEALS)) {
    tick();
    if (!aboutDisclosure(text, m.index + m[0].length)) continue;
    const at = m.indices![0][0];
    if (!review || review.offset > at) review = { value: 0, offset: at };
    if (m[1] && (!litigation || litigation.offset > at)) litigation = { value: 0, offset: m.indices![1][0] };
    break;
  }
  return { review, litigation };
}

function findProactive(text: string, tick: () => void): { regulations: Hit | null; normativeDocuments: Hit | null } {
  const out: { regulations: Hit | null; normativeDocuments: Hit | null } = { regulations: null, normativeDocuments: null };
  for (const m of text.matchAll(PROACTIVE)) {
    tick();
    const key = m[1] === '规章' ? 'regulations' : 'normativeDocuments';
    if (out[key]) continue;
    const clause = text.slice(clauseStart(text, m.index), m.index);
    if (NOT_THIS_YEARS.test(clause)) continue;
    // the verb may stand in the clause or earlier in the sentence (主动公开规章13件,行政规范性文件60件)
    const sentence = text.slice(sentenceStart(text, m.index), m.index);
    if (!MAKE_OR_PUBLISH.test(sentence)) continue;
    const hit = numberHit(text, m, 2);
    if (hit) out[key] = hit;
  }
  return out;
}

/** The first statement of each kind in the prose, with the offset of its number. */
export function findProseClaims(text: string, tick: () => void = () => {}): FoundClaim[] {
  const answered = firstHit(text, ANSWERED, 1, (m) => aboutApplications(text, m.index!, m.index! + m[0].length), tick);
  const forward = earliest(
    firstHit(text, FORWARD_BEFORE, 1, (m) => aboutApplications(text, m.index!, m.index! + m[0].length), tick),
    firstHit(text, FORWARD_AFTER, 1, (m) => aboutApplications(text, m.index!, m.index! + m[0].length), tick),
  );
  const { review, litigation } = findAppeals(text, tick);
  const { regulations, normativeDocuments } = findProactive(text, tick);
  const hits: [ProseClaimKey, Hit | null][] = [
    ['applications.answered', answered],
    ['applications.carriedForward', forward],
    ['appeals.review', review],
    ['appeals.litigation', litigation],
    ['proactive.regulations', regulations],
    ['proactive.normativeDocuments', normativeDocuments],
  ];
  return hits.filter((h): h is [ProseClaimKey, Hit] => h[1] !== null).map(([key, hit]) => ({ key, value: hit.value, offset: hit.offset }));
}
