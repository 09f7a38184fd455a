// Who a report is about, who issued it, what its figures cover and which year it reports on
// (report-json.md "Region, issuer, scope, year"). Only the report's own text is read.

import type { Region, Scope, Warning } from '../report/contract';
import {
  isMunicipality,
  isWithin,
  lookupPlace,
  pickPlace,
  resolvePlace,
  scanPlaces,
  type MatchKind,
  type Place,
  type PlaceContext,
  type PlaceMention,
} from '../geo/gazetteer';
import { NO_DEADLINE, type Deadline } from './deadline';

export interface IdentityResult {
  region: Region;
  issuer: string | null;
  scope: Scope;
  year: number | null;
  /** 1-based line numbers of the evidence */
  lines: { region?: number; issuer?: number; year?: number; scope?: number };
  warnings: Warning[];
}

/** non-empty lines searched for the title and the preamble */
const HEAD_LINES = 24;
/** characters of text searched for place names */
const HEAD_CHARS = 6000;
/** non-empty lines searched for a signature */
const TAIL_LINES = 8;
/** a title printed over several lines (up to this many) is joined when each is short */
const TITLE_LINES = 3;
const TITLE_PART = 40;

const CJK_RUN = '[\\u4e00-\\u9fff]';
const YEAR = '(20\\d{2})';
/** …年度报告, but not 《关于做好2021年度政府信息公开工作年度报告编制…的通知》 */
const REPORT_WORDS =
  '(?:政府信息公开|信息公开|政务公开)\\s*(?:工作\\s*)?(?:情况\\s*)?(?:年度\\s*)?(?:报告|年报)' +
  '(?!\\s*(?:编制(?:及|和|与|发布|工作)|发布工作|格式|工作的?通知|有关事项|报送))';
/** 会同县人民政府2020年政府信息公开工作年度报告: the organ before the year */
const NAME_THEN_YEAR = new RegExp(`(${CJK_RUN}{2,40})\\s*${YEAR}\\s*年度?\\s*(?:的\\s*)?${REPORT_WORDS}`, 'gu');
/**
 * 2023年度江永县信息公开年度报告: the organ after the year. The shortest reading, so that
 * "X县政府信息公开…" names the place X县; "X县人民政府信息公开…" shares 政府 (see nameIn).
 */
const YEAR_THEN_NAME = new RegExp(`${YEAR}\\s*年度?\\s*(?:的\\s*)?(${CJK_RUN}{2,30}?)${REPORT_WORDS}`, 'gu');
/** 上海市人民政府办公厅政府信息公开工作年度报告(2019年): the year after the name */
const NAME_THEN_BRACKETED_YEAR = new RegExp(
  `(${CJK_RUN}{2,40}?)(?:政府信息公开|信息公开)\\s*(?:工作\\s*)?(?:年度\\s*)?(?:报告|年报)\\s*\\(\\s*${YEAR}\\s*年?度?\\s*\\)`,
  'gu',
);
/** a place printed without being in the national list (洪江区), at the start of a title */
const UNLISTED_PLACE = new RegExp(`^(${CJK_RUN}{1,8}?(?:自治县|县|区|市|旗|州|盟))`, 'u');
const UNLISTED_BEFORE_ORGAN = new RegExp(
  `^(${CJK_RUN}{1,6}?(?:县|区|市|旗))(?=人民政府|政府|管委会|管理委员会|$)`,
  'u',
);
const TRAILING_WORDS = /(?:关于|的)$/u;

const GOVERNMENT_BODY = /^(?:人民)?政府(?:机关)?$/u;
const OFFICE = /^(?:人民)?政府办(?:公室|公厅)?$/u;
const TOWNSHIP = /^(?:人民政府)?[\u4e00-\u9fff]{1,10}?(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处)?$/u;
const PLACELESS_DEPARTMENT = /^(?:县|区|市|旗)[\u4e00-\u9fff]{1,20}(?:局|委员会|委|办公室|中心)$/u;
const ORGAN_SUFFIX = /(?:局|委员会|委|厅|办公室|办|中心|院|所|队|站|馆|处|署|会|社|部|司|政府)$/u;

const LABELLED_ORGAN = new RegExp(
  `(?:信息来源|发文机关|发布机构|发布单位|发文单位)\\s*[:：]?[\\s|]*(${CJK_RUN}{2,40})`,
  'u',
);
const TRAILING_LABEL = /(?:发布时间|发布日期|成文日期|生成日期|浏览次数|点击数|索引号|文号|字号|来源|作者|所属机构|主题分类|分类|日期|时间)$/u;
const WEBSITE = /(?:网|网站|站)$/u;
const SIGNATURE = new RegExp(
  `^${CJK_RUN}{4,40}(?:人民政府|政府|办公室|办公厅|局|委员会|中心|办事处|管委会|领导小组)$`,
  'u',
);

const UNTIL = '(?:起\\s*)?(?:至|到|—|–|－|-|~|～)';
/** 2020年1月1日至(2020年)12月31日, or 2020.1.1-2020.12.31 */
const PERIOD = new RegExp(
  `${YEAR}\\s*年\\s*0?1\\s*月\\s*0?1\\s*日\\s*${UNTIL}\\s*(?:(?:19|20)\\d{2}\\s*年\\s*)?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日` +
    `|${YEAR}(?<sep>[./-])0?1\\k<sep>0?1\\s*${UNTIL}\\s*(?:19|20)\\d{2}\\k<sep>\\d{1,2}\\k<sep>\\d{1,2}`,
  'u',
);
const PERIOD_CONTEXT = /统计|期限|时限|涵盖/u;
/** 年 and 月 glyphs lost: "202011日至1231日" (template.md §5.1) */
const DAMAGED_PERIOD = new RegExp(`${YEAR}0?1\\s*0?1\\s*日\\s*(?:起\\s*)?(?:至|到)`, 'u');
const ANY_YEAR = new RegExp(`${YEAR}\\s*年`, 'gu');
const DATE_LINE = /发布时间|发布日期|成文日期|生成日期|印发日期/u;

const WHOLE = '全(?:县|市|区|旗|州|省)';
/**
 * Patterns as one pattern of alternatives, so that a line is searched once, not once per
 * pattern: the leftmost match of the alternatives starts where the leftmost of the patterns' does.
 */
const anyOf = (patterns: readonly RegExp[]) => new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'u');
/** figures cover the government and its office only */
const GOVERNMENT_SIGNALS = anyOf([
  /(?:人民)?政府及其(?:办公室|办公厅)/u,
  /本级(?:人民)?政府及(?:其)?(?:政府)?办/u,
  /(?:办公厅|办公室|政府办)代表(?:[县市区省州旗]|本级)?(?:人民)?政府/u,
  /政府及政府办(?:公室)?/u,
]);
/** figures cover the whole county or city, departments and townships included */
const JURISDICTION_SIGNALS = anyOf([
  new RegExp(`${WHOLE}(?:共|累计|全年)?(?:主动)?(?:公开|发布|受理|收到|办理)`, 'u'),
  new RegExp(`${WHOLE}各(?:级|部门|单位|政务单位|乡镇|行政机关)`, 'u'),
  new RegExp(`${WHOLE}[^,。;、]{0,10}?(?:平台|网站)[^,。;]{0,4}?(?:发布|公开)`, 'u'),
  new RegExp(`${WHOLE}(?:政府信息公开|政务公开)(?:各项)?工作`, 'u'),
  /部门(?:及|和|与|、)\s*(?:各)?乡镇/u,
  /及(?:县|市|区|旗)直(?:各)?(?:部门|单位)/u,
  /汇总编制|汇总(?:了)?全(?:县|市|区|旗)/u,
]);
/** "本机关收到…" says the body reports on itself; 本机关不掌握 is a table label */
const OWN_BODY = /本机关(?:共|全年)?(?:收到|受理|接收|主动公开)/u;
const TOWNSHIP_AUTHOR = new RegExp(`由${CJK_RUN}{2,10}(?:乡|镇|街道办事处|街道)(?:人民政府)?(?:编制|负责)`, 'u');
const DEPARTMENT_SELF = /(?:^|[,。;])(?:\d{4}年度?,?)?(?:我局|本局|我委|本委)/u;

type OrganKind = 'place' | 'government' | 'office' | 'township' | 'department';

interface NamedPlace {
  place: Place | null;
  /** homonyms the text did not settle */
  candidates: Place[];
  printed: string;
  /** the city or province printed right before the name */
  parent: Place | null;
  via: MatchKind | 'unlisted';
}

interface Organ {
  organ: string;
  kind: OrganKind;
  named: NamedPlace | null;
}

interface ReportName extends Organ {
  year: number;
  line: number;
}

interface LineMention extends PlaceMention {
  line: number;
  /** the city or province printed right before it (福州市 in 福州市鼓楼区) */
  parent: Place | null;
  /** it is itself such a prefix */
  qualifies: boolean;
  weight: number;
}

interface Evidence<T> {
  value: T;
  line: number;
}

interface NumberedLine {
  text: string;
  line: number;
}

export function extractIdentity(lines: string[], deadline: Deadline = NO_DEADLINE): IdentityResult {
  const head = nonEmpty(lines, 0, HEAD_LINES);
  const mentions = scanHead(lines, deadline);
  const context = contextOf(mentions);
  const reportName = findReportName(head, context);
  const labelled = findLabelledOrgan(lines, context);
  const signature = findSignature(lines, context);

  const warnings: Warning[] = [];
  const evidence: IdentityResult['lines'] = {};

  const regionSource = regionFrom(reportName, mentions, labelled, signature, context);
  const region = regionSource ? toRegion(regionSource.value, regionSource.line, warnings) : emptyRegion();
  if (regionSource) evidence.region = regionSource.line;

  const issuer = issuerFrom(reportName, labelled, signature);
  if (issuer) evidence.issuer = issuer.line;

  const scope = scopeFrom(lines, reportName, deadline);
  if (scope) evidence.scope = scope.line;

  const year = yearFrom(head, reportName, warnings);
  if (year) evidence.year = year.line;

  return {
    region,
    issuer: issuer?.value ?? null,
    scope: scope?.value ?? 'unknown',
    year: year?.value ?? null,
    lines: evidence,
    warnings,
  };
}

function nonEmpty(lines: readonly string[], from: number, count: number, step = 1): NumberedLine[] {
  const out: NumberedLine[] = [];
  for (let i = from; i >= 0 && i < lines.length && out.length < count; i += step) {
    const text = lines[i].trim();
    if (text) out.push({ text, line: i + 1 });
  }
  return out;
}

// ---------------------------------------------------------------- place names in the text

function scanHead(lines: readonly string[], deadline: Deadline): LineMention[] {
  // The head is scanned as one text, its lines joined by line breaks (which no place name
  // holds): a line of the input is a slice of a longer string, slower to read character by
  // character than a string of its own.
  const lineStarts: number[] = [];
  let chars = 0;
  let offset = 0;
  for (let i = 0; i < lines.length && chars < HEAD_CHARS; i++) {
    deadline.tick('looking for place names');
    chars += lines[i].length;
    lineStarts.push(offset);
    offset += lines[i].length + 1;
  }
  const out: LineMention[] = [];
  let i = 0;
  let previous: LineMention | null = null;
  for (const m of scanPlaces(lines.slice(0, lineStarts.length).join('\n'))) {
    while (i + 1 < lineStarts.length && lineStarts[i + 1] <= m.start) {
      i++;
      previous = null;
    }
    const base = lineStarts[i];
    const inLine: PlaceMention = { start: m.start - base, end: m.end - base, printed: m.printed, places: m.places, weak: m.weak };
    const parent = previous && previous.end === inLine.start ? parentOf(previous, inLine) : null;
    if (parent) previous!.qualifies = true;
    // (its fields one by one: spreading inLine is slower, and the head has hundreds of mentions)
    const mention: LineMention = {
      start: inLine.start,
      end: inLine.end,
      printed: inLine.printed,
      places: inLine.places,
      weak: inLine.weak,
      line: i + 1,
      parent,
      qualifies: false,
      weight: weightOf(lines[i], inLine, parent),
    };
    out.push(mention);
    previous = mention;
  }
  return out;
}

function parentOf(before: PlaceMention, after: PlaceMention): Place | null {
  for (const outer of before.places) {
    if (outer.level === 'county') continue;
    if (after.places.some((p) => isWithin(p, outer))) return outer;
  }
  return null;
}

function contextOf(mentions: readonly LineMention[]): PlaceContext {
  const codes = new Set<string>();
  for (const m of mentions) {
    if (m.places.length !== 1) continue;
    const [p] = m.places;
    if (p.level !== 'county') codes.add(p.code);
  }
  return codes;
}

function namedFromChain(chain: readonly PlaceMention[], context: PlaceContext): NamedPlace {
  let parent: Place | null = null;
  let result: NamedPlace | null = null;
  for (const m of chain) {
    const inside: Place[] = parent ? m.places.filter((p) => isWithin(p, parent!)) : [];
    const candidates = inside.length ? inside : m.places;
    const place = pickPlace(candidates, context);
    result = {
      place,
      candidates: place ? [] : candidates,
      printed: m.printed,
      parent: inside.length ? parent : null,
      via: lookupPlace(m.printed)?.via ?? 'exact',
    };
    if (place) parent = place;
  }
  return result!;
}

// ---------------------------------------------------------------- the report's name

/** The organ or place a report names itself after: the title, or the name quoted in the preamble. */
function findReportName(head: readonly NumberedLine[], context: PlaceContext): ReportName | null {
  let yearOnly: ReportName | null = null;
  // single lines first, so a site header is never glued to the title below it
  for (let parts = 1; parts <= TITLE_LINES; parts++) {
    for (let k = 0; k + parts <= head.length; k++) {
      const group = head.slice(k, k + parts);
      if (parts > 1 && group.some((g) => g.text.length > TITLE_PART)) continue;
      const found = nameIn(group.map((g) => g.text).join(''), context);
      if (found && (found.named || found.kind !== 'place')) return { ...found, line: head[k].line };
      if (found && !yearOnly) yearOnly = { ...found, line: head[k].line };
    }
  }
  return yearOnly;
}

function nameIn(text: string, context: PlaceContext): (Organ & { year: number }) | null {
  let fallback: (Organ & { year: number }) | null = null;
  for (const m of text.matchAll(NAME_THEN_YEAR)) {
    const organ = parseOrgan(m[1], isTitleStart(text, m.index), context);
    const year = Number(m[2]);
    if (organ && (organ.named || organ.kind !== 'place')) return { ...organ, year };
    fallback ??= { organ: '', kind: 'place', named: null, year };
  }
  for (const m of text.matchAll(YEAR_THEN_NAME)) {
    const phrase = sharedGovernment(m[2]);
    const organ = parseOrgan(phrase, false, context);
    if (organ?.named && organ.organ === phrase) return { ...organ, year: Number(m[1]) };
  }
  for (const m of text.matchAll(NAME_THEN_BRACKETED_YEAR)) {
    const organ = parseOrgan(sharedGovernment(m[1]), isTitleStart(text, m.index), context);
    if (organ && (organ.named || organ.kind !== 'place')) return { ...organ, year: Number(m[2]) };
  }
  return fallback;
}

/** "X县人民政府信息公开…" is X县人民政府's report: 政府 belongs to both words */
function sharedGovernment(phrase: string): string {
  return phrase.endsWith('人民') ? `${phrase}政府` : phrase;
}

function isTitleStart(text: string, index: number): boolean {
  return text.slice(0, index).replace(/[\s|:：]|名称|标题/gu, '') === '';
}

/**
 * Splits "现公布淮安市洪泽区人民政府" into the organ (淮安市洪泽区人民政府), its place (洪泽区
 * in 淮安市) and its kind. A place missing from the national list is accepted only at the
 * start of a title line (洪江区2020年…).
 */
function parseOrgan(phrase: string, atTitleStart: boolean, context: PlaceContext): Organ | null {
  const mentions = scanPlaces(phrase);
  const unlisted = atTitleStart ? UNLISTED_PLACE.exec(phrase) : null;
  const first = mentions[0];
  if (unlisted && (!first || first.start >= unlisted[1].length)) {
    const printed = unlisted[1];
    const found = lookupPlace(printed);
    const place = resolvePlace(printed, context);
    const homonyms = !place && found && found.via !== 'renamed' ? found.places : [];
    const named: NamedPlace = {
      place,
      candidates: homonyms,
      printed,
      parent: null,
      via: place || homonyms.length ? found!.via : 'unlisted',
    };
    return organOf(phrase, phrase.slice(printed.length), named);
  }
  if (!first) return atTitleStart ? placelessOrgan(phrase) : null;

  const chain = [first];
  for (let k = 1; k < mentions.length && mentions[k].start === mentions[k - 1].end; k++) chain.push(mentions[k]);
  let named = namedFromChain(chain, context);
  let rest = phrase.slice(chain[chain.length - 1].end);
  const deeper = named.place && named.place.level !== 'county' ? UNLISTED_BEFORE_ORGAN.exec(rest) : null;
  if (deeper) {
    named = { place: null, candidates: [], printed: deeper[1], parent: named.place, via: 'unlisted' };
    rest = rest.slice(deeper[1].length);
  }
  return organOf(phrase.slice(first.start), rest, named);
}

/** a title naming only a township (X镇人民政府) or a bare department (县教育局) */
function placelessOrgan(phrase: string): Organ | null {
  if (TOWNSHIP.test(phrase)) return { organ: phrase, kind: 'township', named: null };
  if (PLACELESS_DEPARTMENT.test(phrase)) return { organ: phrase, kind: 'department', named: null };
  return null;
}

function organOf(organ: string, rest: string, named: NamedPlace): Organ {
  const trimmedRest = rest.replace(TRAILING_WORDS, '');
  const trimmedOrgan = organ.slice(0, organ.length - (rest.length - trimmedRest.length));
  return { organ: trimmedOrgan, kind: organKind(trimmedRest), named };
}

function organKind(rest: string): OrganKind {
  if (!rest) return 'place';
  if (GOVERNMENT_BODY.test(rest)) return 'government';
  if (OFFICE.test(rest)) return 'office';
  if (TOWNSHIP.test(rest)) return 'township';
  if (ORGAN_SUFFIX.test(rest)) return 'department';
  return 'place';
}

// ---------------------------------------------------------------- issuer lines

/** 信息来源/发文机关/发布机构 in the page's metadata */
function findLabelledOrgan(lines: readonly string[], context: PlaceContext): (Organ & { line: number }) | null {
  const candidates = [...nonEmpty(lines, 0, HEAD_LINES), ...nonEmpty(lines, lines.length - 1, TAIL_LINES, -1)];
  for (const { text, line } of candidates) {
    const m = LABELLED_ORGAN.exec(text);
    if (!m) continue;
    let value = m[1];
    for (let t = TRAILING_LABEL.exec(value); t; t = TRAILING_LABEL.exec(value)) value = value.slice(0, t.index);
    if (value.length < 2 || WEBSITE.test(value)) continue;
    const organ = parseOrgan(value, false, context);
    return { organ: value, kind: organ?.kind ?? 'place', named: organ?.named ?? null, line };
  }
  return null;
}

/** the organ signing the report at its end (会同县政务公开政务服务领导小组办公室) */
function findSignature(lines: readonly string[], context: PlaceContext): (Organ & { line: number }) | null {
  for (const { text, line } of nonEmpty(lines, lines.length - 1, TAIL_LINES, -1)) {
    if (!SIGNATURE.test(text)) continue;
    const organ = parseOrgan(text, false, context);
    if (organ?.named && organ.organ === text) return { ...organ, line };
  }
  return null;
}

function issuerFrom(
  reportName: ReportName | null,
  labelled: (Organ & { line: number }) | null,
  signature: (Organ & { line: number }) | null,
): Evidence<string> | null {
  if (reportName && reportName.kind !== 'place') return { value: reportName.organ, line: reportName.line };
  if (labelled) return { value: labelled.organ, line: labelled.line };
  if (signature) return { value: signature.organ, line: signature.line };
  return null;
}

// ---------------------------------------------------------------- region

function regionFrom(
  reportName: ReportName | null,
  mentions: readonly LineMention[],
  labelled: (Organ & { line: number }) | null,
  signature: (Organ & { line: number }) | null,
  context: PlaceContext,
): Evidence<NamedPlace> | null {
  if (reportName?.named) return { value: reportName.named, line: reportName.line };
  return mostNamed(mentions, [labelled, signature], context);
}

/**
 * Without a title, the place the text names most: each mention counts once, a qualified one
 * (福州市鼓楼区) counts for the county only, weak names (随县, 城区) count only when qualified or
 * followed by 政府, a province counts little unless it is a municipality.
 */
function mostNamed(
  mentions: readonly LineMention[],
  organs: readonly ((Organ & { line: number }) | null)[],
  context: PlaceContext,
): Evidence<NamedPlace> | null {
  const scores = new Map<string, { score: number; first: Evidence<NamedPlace> }>();
  const add = (named: NamedPlace, line: number, weight: number) => {
    const key = named.place?.code ?? `?${named.printed}`;
    const entry = scores.get(key);
    if (entry) entry.score += weight;
    else scores.set(key, { score: weight, first: { value: named, line } });
  };
  for (const m of mentions) {
    const { weight } = m;
    if (m.qualifies || weight === 0) continue;
    const inside = m.parent ? m.places.filter((p) => isWithin(p, m.parent!)) : [];
    const candidates = inside.length ? inside : m.places;
    const place = pickPlace(candidates, context);
    const named: NamedPlace = {
      place,
      candidates: place ? [] : candidates,
      printed: m.printed,
      parent: m.parent,
      via: lookupPlace(m.printed)?.via ?? 'exact',
    };
    add(named, m.line, place?.level === 'province' && !isMunicipality(place) ? weight * 0.3 : weight);
  }
  for (const organ of organs) if (organ?.named?.place) add(organ.named, organ.line, 2);

  let best: { score: number; first: Evidence<NamedPlace> } | null = null;
  for (const entry of scores.values()) {
    if (!best || entry.score > best.score || (entry.score === best.score && entry.first.line < best.first.line)) {
      best = entry;
    }
  }
  return best?.first ?? null;
}

const WEAK_FOLLOWER = /^(?:人民政府|政府|政务|县委|区委|市委|融媒体)/u;

/** a weak name (随县, 城区) counts when its city precedes it, half when 政府 follows it */
function weightOf(text: string, m: PlaceMention, parent: Place | null): number {
  if (!m.weak || parent) return 1;
  return WEAK_FOLLOWER.test(text.slice(m.end)) ? 0.5 : 0;
}

function emptyRegion(): Region {
  return { name: null, city: null, province: null };
}

function toRegion(named: NamedPlace, line: number, warnings: Warning[]): Region {
  const { place } = named;
  if (place) {
    if (named.via === 'alias' || named.via === 'renamed') {
      warnings.push({
        code: 'region-alias',
        message: `${named.printed} read as ${place.name} (${named.via === 'alias' ? 'known misprint' : 'former name'})`,
        line,
      });
    }
    return { name: place.name, city: place.city, province: place.province };
  }
  if (named.candidates.length > 1) {
    const provinces = new Set(named.candidates.map((p) => p.province));
    const names = new Set(named.candidates.map((p) => p.name));
    warnings.push({
      code: 'region-ambiguous',
      message: `${named.printed} may be any of ${named.candidates
        .map((p) => `${p.province ?? ''}${p.city ?? ''}${p.name}`)
        .join(', ')}; the text names none of their cities`,
      line,
    });
    return {
      name: names.size === 1 ? [...names][0] : named.printed,
      city: null,
      province: provinces.size === 1 ? [...provinces][0] : null,
    };
  }
  warnings.push({
    code: 'region-unlisted',
    message: `${named.printed} is not in the national list of divisions`,
    line,
  });
  const parent = named.parent;
  return {
    name: named.printed,
    city: parent?.level === 'city' ? parent.name : null,
    province: parent ? (parent.level === 'province' ? parent.name : parent.province) : null,
  };
}

// ---------------------------------------------------------------- scope

function scopeFrom(lines: readonly string[], reportName: ReportName | null, deadline: Deadline): Evidence<Scope> | null {
  const kind = reportName?.kind ?? 'place';
  if (kind === 'township' || kind === 'department') return { value: kind, line: reportName!.line };

  const government = firstLine(lines, GOVERNMENT_SIGNALS, deadline);
  if (government) return { value: 'government', line: government };
  if (kind === 'office') return null;
  const jurisdiction = firstLine(lines, JURISDICTION_SIGNALS, deadline);
  if (jurisdiction) return { value: 'jurisdiction', line: jurisdiction };
  const township = firstLine(lines, TOWNSHIP_AUTHOR, deadline);
  if (township) return { value: 'township', line: township };
  const own = firstLine(lines, OWN_BODY, deadline);
  if (own) return { value: 'government', line: own };
  const department = kind === 'place' && !reportName?.named ? firstLine(lines, DEPARTMENT_SELF, deadline) : 0;
  if (department) return { value: 'department', line: department };
  return null;
}

/** the first line where `pattern` starts, also when a line break cuts the phrase */
function firstLine(lines: readonly string[], pattern: RegExp, deadline: Deadline): number {
  for (let i = 0; i < lines.length; i++) {
    deadline.tick('reading the scope');
    const text = lines[i];
    if (!text) continue;
    const span = text + nextNonEmpty(lines, i);
    if (startsWithin(pattern, span, text.length)) return i + 1;
  }
  return 0;
}

function nextNonEmpty(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length && j <= i + 2; j++) if (lines[j]) return lines[j];
  return '';
}

function startsWithin(re: RegExp, text: string, limit: number): RegExpExecArray | null {
  const m = re.exec(text);
  return m && m.index < limit ? m : null;
}

// ---------------------------------------------------------------- year

function yearFrom(
  head: readonly NumberedLine[],
  reportName: ReportName | null,
  warnings: Warning[],
): Evidence<number> | null {
  const period = findPeriod(head);
  const titled = reportName ? { value: reportName.year, line: reportName.line } : null;
  if (period && titled && period.value !== titled.value) {
    warnings.push({
      code: 'year-conflict',
      message: `statistics period starts in ${period.value} but the report is named for ${titled.value}`,
      line: period.line,
    });
  }
  if (period ?? titled) return period ?? titled;

  for (const { text, line } of head) {
    const m = DAMAGED_PERIOD.exec(text);
    if (!m) continue;
    warnings.push({ code: 'date-damaged', message: `year read from a damaged date "${m[0]}"`, line });
    return { value: Number(m[1]), line };
  }
  const guessed = commonestYear(head);
  if (guessed) {
    warnings.push({
      code: 'year-inferred',
      message: `no statistics period or report name: ${guessed.value} is the year the opening names most`,
      line: guessed.line,
    });
  }
  return guessed;
}

function findPeriod(head: readonly NumberedLine[]): Evidence<number> | null {
  let loose: Evidence<number> | null = null;
  for (let k = 0; k < head.length; k++) {
    const { text, line } = head[k];
    const m = startsWithin(PERIOD, text + (head[k + 1]?.text ?? ''), text.length);
    if (!m) continue;
    const found = { value: Number(m[1] ?? m[2]), line };
    if (PERIOD_CONTEXT.test(text)) return found;
    loose ??= found;
  }
  return loose;
}

function commonestYear(head: readonly NumberedLine[]): Evidence<number> | null {
  const counts = new Map<number, Evidence<number> & { n: number }>();
  for (const { text, line } of head) {
    if (DATE_LINE.test(text)) continue;
    for (const m of text.matchAll(ANY_YEAR)) {
      const value = Number(m[1]);
      const entry = counts.get(value);
      if (entry) entry.n++;
      else counts.set(value, { value, line, n: 1 });
    }
  }
  let best: (Evidence<number> & { n: number }) | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best ? { value: best.value, line: best.line } : null;
}
