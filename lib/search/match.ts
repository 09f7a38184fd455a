// Searching the index: a typed query against every entry, ranked exact > prefix > contains,
// names and codes before pinyin, regions with reports before those without, then provinces,
// cities, counties and bodies, shorter names, codes.

import type { SearchEntry, SearchIndex, SearchText } from './entries';
import { matchPinyin, type Tier } from './pinyin';
import { parseQuery, type SearchQuery } from './query';

export type MatchedBy = 'name' | 'alias' | 'code' | 'pinyin';

export interface SearchHit {
  entry: SearchEntry;
  tier: Tier;
  by: MatchedBy;
  /** the alias or the pinyin (syllables spaced) that matched, when not the name or code */
  matched: string | null;
}

export interface SearchResults {
  /** entries that match, of which `hits` are the first `limit` */
  total: number;
  hits: SearchHit[];
}

type Match = Omit<SearchHit, 'entry'>;

const TIER_RANK: Record<Tier, number> = { exact: 0, prefix: 1, contains: 2 };
const BY_RANK: Record<MatchedBy, number> = { name: 0, alias: 0, code: 0, pinyin: 1 };
const LEVEL_RANK: Record<SearchEntry['level'], number> = { province: 0, city: 1, county: 2, body: 3 };

function better(a: Match | null, b: Match | null): Match | null {
  if (!a || !b) return a ?? b;
  const order = TIER_RANK[a.tier] - TIER_RANK[b.tier] || BY_RANK[a.by] - BY_RANK[b.by] || Number(a.by === 'alias') - Number(b.by === 'alias');
  return order <= 0 ? a : b;
}

function textTier(typed: string, text: string): Tier | null {
  if (text === typed) return 'exact';
  if (text.startsWith(typed)) return 'prefix';
  return text.includes(typed) ? 'contains' : null;
}

function matchTexts(typed: string, texts: readonly SearchText[], tiers: readonly Tier[]): Match | null {
  let best: Match | null = null;
  for (const t of texts) {
    const tier = textTier(typed, t.text);
    if (tier && tiers.includes(tier)) best = better(best, { tier, by: t.alias ? 'alias' : 'name', matched: t.alias ? t.text : null });
  }
  return best;
}

const ALL_TIERS: readonly Tier[] = ['exact', 'prefix', 'contains'];
/** after a leading 福州 the rest must start the name: 福州楼 is no way to write 鼓楼区 */
const QUALIFIED_TIERS: readonly Tier[] = ['exact', 'prefix'];

function matchText(forms: readonly string[], entry: SearchEntry): Match | null {
  let best: Match | null = null;
  for (const typed of forms) {
    best = better(best, matchTexts(typed, entry.texts, ALL_TIERS));
    for (const q of entry.qualifiers) {
      if (typed.length > q.length && typed.startsWith(q)) {
        const rest = matchTexts(typed.slice(q.length), entry.texts, QUALIFIED_TIERS);
        if (rest) best = better(best, { ...rest, by: 'name', matched: null });
      }
    }
  }
  return best;
}

function matchEntry(query: Exclude<SearchQuery, { kind: 'empty' }>, entry: SearchEntry): Match | null {
  switch (query.kind) {
    case 'code':
      if (!entry.code?.startsWith(query.digits)) return null;
      return { tier: entry.code === query.digits ? 'exact' : 'prefix', by: 'code', matched: null };
    case 'text':
      return matchText(query.forms, entry);
    case 'pinyin': {
      let best: Match | null = null;
      for (const form of entry.pinyin) {
        const tier = matchPinyin(query.letters, form);
        if (tier) best = better(best, { tier, by: 'pinyin', matched: form.syllables.join(' ') });
      }
      return best;
    }
  }
}

/** codes in order, regions without one last */
function compareCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
  return a < b ? -1 : 1;
}

function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    BY_RANK[a.by] - BY_RANK[b.by] ||
    Number(b.entry.reports > 0) - Number(a.entry.reports > 0) ||
    LEVEL_RANK[a.entry.level] - LEVEL_RANK[b.entry.level] ||
    a.entry.name.length - b.entry.name.length ||
    compareCodes(a.entry.code, b.entry.code) ||
    a.entry.id - b.entry.id
  );
}

/** The best `limit` regions for what was typed, and how many match in all. */
export function searchRegions(index: SearchIndex, typed: string, limit: number): SearchResults {
  const query = parseQuery(typed);
  if (query.kind === 'empty') return { total: 0, hits: [] };
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    const match = matchEntry(query, entry);
    if (match) hits.push({ entry, ...match });
  }
  hits.sort(compareHits);
  return { total: hits.length, hits: hits.slice(0, limit) };
}
