// The search index: one entry per region of the database, with every form of its name and
// aliases, their pinyin, and its province, city and parent, which tell namesakes apart
// (鼓楼区 of 福州市, of 南京市 …) and let a query name them (福州鼓楼).

import { toSimplified } from '../text/opencc';
import { nameForms, type RegionLevel } from './forms';
import { pinyinForm, syllablesOf, type PinyinForm } from './pinyin';

export interface RegionRecord {
  id: number;
  code: string | null;
  name: string;
  level: RegionLevel;
  kind: 'department' | 'township' | null;
  parentId: number | null;
  /** current reports of the region itself */
  reports: number;
}

export interface AliasRecord {
  regionId: number;
  alias: string;
}

export interface SearchText {
  text: string;
  /** a printed name stored for the region, not a form of its official name */
  alias: boolean;
}

export interface SearchEntry {
  id: number;
  code: string | null;
  name: string;
  level: RegionLevel;
  kind: RegionRecord['kind'];
  reports: number;
  /** nearest province and city above the region (not the region itself) */
  province: string | null;
  city: string | null;
  /** the region directly above: for a department or township, its county */
  parent: string | null;
  /** what a typed name is compared with, the official name first */
  texts: SearchText[];
  pinyin: PinyinForm[];
  /** names and stems of the regions above, longest first, that may lead a query */
  qualifiers: string[];
}

export interface SearchIndex {
  entries: SearchEntry[];
}

/** deep enough for any real chain (province → city → county → body); stops a corrupt cycle */
const MAX_DEPTH = 8;
const GOVERNMENT_ALIAS = /人民政府$/u;

function ancestorsOf(region: RegionRecord, byId: ReadonlyMap<number, RegionRecord>): RegionRecord[] {
  const chain: RegionRecord[] = [];
  let parentId = region.parentId;
  while (parentId !== null && chain.length < MAX_DEPTH) {
    const parent = byId.get(parentId);
    if (!parent || parent.id === region.id) break;
    chain.push(parent);
    parentId = parent.parentId;
  }
  return chain;
}

/**
 * Syllables of each form. A form that begins the name (会同 of 会同县) takes the name's first
 * syllables, one per character, instead of asking pinyin-pro again: most of the build's time.
 */
function spell(forms: readonly string[], name: string, syllables: (name: string) => string[]): PinyinForm[] {
  const ofName = syllables(name);
  const aligned = ofName.length === name.length;
  const spelled = forms.map((form) => (form === name ? ofName : aligned && name.startsWith(form) ? ofName.slice(0, form.length) : syllables(form)));
  return dedupePinyin(spelled.filter((s) => s.length > 0).map(pinyinForm));
}

/**
 * Aliases worth spelling (not "… 人民政府", which only adds syllables) in simplified characters,
 * converted in one call: OpenCC costs far more per call than per character.
 */
function simplifiedAliases(aliases: readonly AliasRecord[]): Map<string, string> {
  const sayable = [...new Set(aliases.map((a) => a.alias).filter((a) => !GOVERNMENT_ALIAS.test(a) && !a.includes('\n')))];
  const converted = toSimplified(sayable.join('\n')).split('\n');
  return new Map(sayable.map((alias, i) => [alias, converted[i]]));
}

export function buildSearchIndex(regions: readonly RegionRecord[], aliases: readonly AliasRecord[], syllables: (name: string) => string[] = syllablesOf): SearchIndex {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const simplified = simplifiedAliases(aliases);
  const aliasesOf = new Map<number, string[]>();
  for (const a of aliases) {
    const list = aliasesOf.get(a.regionId);
    if (list) list.push(a.alias);
    else aliasesOf.set(a.regionId, [a.alias]);
  }

  const forms = new Map<number, string[]>();
  const formsOf = (region: RegionRecord): string[] => {
    let known = forms.get(region.id);
    if (!known) {
      const parent = region.parentId !== null ? byId.get(region.parentId) : undefined;
      forms.set(region.id, (known = nameForms(region.name, region.level, parent?.name ?? null)));
    }
    return known;
  };

  const entries = regions.map((region): SearchEntry => {
    const ancestors = ancestorsOf(region, byId);
    const own = formsOf(region);
    const texts: SearchText[] = own.map((text) => ({ text, alias: false }));
    for (const alias of aliasesOf.get(region.id) ?? []) {
      if (!texts.some((t) => t.text === alias)) texts.push({ text: alias, alias: true });
    }
    const sayable = new Set(own);
    for (const t of texts) if (t.alias && simplified.has(t.text)) sayable.add(simplified.get(t.text)!);
    const qualifiers = [...new Set(ancestors.flatMap(formsOf))].filter((q) => q.length >= 2).sort((a, b) => b.length - a.length);
    return {
      id: region.id,
      code: region.code,
      name: region.name,
      level: region.level,
      kind: region.kind,
      reports: region.reports,
      province: ancestors.find((a) => a.level === 'province')?.name ?? null,
      city: ancestors.find((a) => a.level === 'city')?.name ?? null,
      parent: ancestors[0]?.name ?? null,
      texts,
      pinyin: spell([...sayable], region.name, syllables),
      qualifiers,
    };
  });
  return { entries };
}

function dedupePinyin(forms: PinyinForm[]): PinyinForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = f.syllables.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
