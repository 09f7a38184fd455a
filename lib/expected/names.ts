// Names of the bodies a county (or city) expects a report from, as staff type them and as
// reports print them: 会同县财政局 and 财政局 are one body under 会同县, and so are 林城镇,
// 林城镇人民政府 and 会同县林城镇人民政府. A body's key is its name without the names of the
// region and its ancestors in front and without a township's 人民政府 (a street's 办事处) at
// the end. Pure: no database, no clock.

export const BODY_KINDS = ['department', 'township'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const KIND_LABELS: Record<BodyKind, string> = { department: '部门', township: '乡镇（街道）' };

export const isBodyKind = (value: unknown): value is BodyKind => value === 'department' || value === 'township';

/** At most this many characters in a body's name (the longest real ones are about 30). */
export const MAX_BODY_NAME_LENGTH = 60;

/** Control, format (zero-width, bidi) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const SPACES = /[\s\u3000]+/gu;

/** A name as stored: NFKC (full-width letters and brackets become ordinary ones), without spaces. */
export function cleanBodyName(name: string): string {
  return name.normalize('NFKC').replace(SPACES, '');
}

/** Why a (cleaned) name will not do, in Chinese; null when it is fine. */
export function bodyNameProblem(name: string): string | null {
  if (name === '') return '名称为空';
  if (INVISIBLE.test(name)) return '名称含有控制字符或不可见字符';
  if ([...name].length > MAX_BODY_NAME_LENGTH) return `名称过长（最多 ${MAX_BODY_NAME_LENGTH} 个字）`;
  if (!/\p{L}/u.test(name)) return '名称中没有文字';
  return null;
}

/**
 * The names that may stand before a body's own, cleaned, longest first: the region's and its
 * ancestors' names and aliases, and the region's level alone (县财政局 in 会同县's list, 市教育局
 * in a city's).
 */
export function namePrefixes(regionNames: readonly (string | null | undefined)[], ancestorNames: readonly (string | null | undefined)[] = []): string[] {
  const clean = (names: readonly (string | null | undefined)[]) =>
    names
      .filter((n): n is string => typeof n === 'string')
      .map(cleanBodyName)
      // 会同县人民政府 is the government, not a prefix: 会同县人民政府办公室 reads as 会同县 + 人民政府办公室
      .filter((n) => n.length >= 2 && !n.endsWith('人民政府'));
  const own = clean(regionNames);
  const levels = own.map((n) => n.slice(-1)).filter((c) => LEVEL_CHARS.includes(c));
  const all = [...own, ...clean(ancestorNames), ...levels];
  return [...new Set(all)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const LEVEL_CHARS = ['县', '市', '区', '旗'];

const TOWNSHIP_END = /(?:乡|镇|苏木|街道)$/u;

/** A township's or street's name without its organ: 林城镇人民政府 → 林城镇, 新华街道办事处 → 新华街道. */
function withoutOrgan(name: string): string {
  if (name.endsWith('人民政府') && TOWNSHIP_END.test(name.slice(0, -4))) return name.slice(0, -4);
  if (name.endsWith('街道办事处')) return name.slice(0, -3);
  if (name.endsWith('街道办')) return name.slice(0, -1);
  return name;
}

/**
 * The key two names of one body share under a region. A prefix goes only when at least two
 * characters of the body's own name remain: 新晃镇 under 新晃侗族自治县 (alias 新晃) stays 新晃镇.
 */
export function bodyKey(name: string, prefixes: readonly string[]): string {
  let key = cleanBodyName(name);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const prefix of prefixes) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      if ([...withoutOrgan(rest)].length < 2) continue;
      key = rest;
      stripped = true;
      break;
    }
  }
  return withoutOrgan(key);
}

/** A township or street by its name (乡, 镇, 苏木, 街道, with or without its organ); else a department. */
export function inferKind(name: string, prefixes: readonly string[] = []): BodyKind {
  return TOWNSHIP_END.test(bodyKey(name, prefixes)) ? 'township' : 'department';
}

/**
 * Whether a name is the region's own government (会同县人民政府, 会同县), which is not one of
 * its bodies: its report is checked on its own.
 */
export function isOwnGovernment(name: string, prefixes: readonly string[]): boolean {
  const key = bodyKey(name, prefixes);
  return key === '人民政府' || key === '政府' || prefixes.includes(key) || prefixes.some((p) => key === `${p}人民政府`);
}

const KIND_WORDS: Record<string, BodyKind> = {
  部门: 'department',
  县直部门: 'department',
  市直部门: 'department',
  单位: 'department',
  department: 'department',
  dept: 'department',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  街道: 'township',
  乡镇街道: 'township',
  '乡镇(街道)': 'township',
  '乡镇、街道': 'township',
  '乡镇/街道': 'township',
  乡镇人民政府: 'township',
  街道办事处: 'township',
  township: 'township',
  town: 'township',
  street: 'township',
};

/** 部门 / 乡镇 / 街道 / department / township …; null for anything else (and for an empty cell). */
export function parseKind(text: string): BodyKind | null {
  const word = text.normalize('NFKC').replace(SPACES, '').toLowerCase();
  return KIND_WORDS[word] ?? null;
}
