// A search hit as the page and the header box show it: the name, where it lies (which tells
// the four 鼓楼区 apart), its level, its code and reports, and the address of its page.

import { placeByCode, isMunicipality } from '../geo/gazetteer';
import { regionHref } from '../region/href';
import type { SearchEntry } from './entries';
import type { MatchedBy, SearchHit } from './match';

export interface RegionSuggestion {
  id: number;
  name: string;
  /** 福建省 · 福州市, or '' for a province or a region placed under none */
  within: string;
  /** 省级, 直辖市, 市级, 县级, 部门, 乡镇（街道） */
  level: string;
  code: string | null;
  reports: number;
  href: string;
  /** the alias or pinyin that matched, when it was neither the name nor the code */
  matched: { by: Extract<MatchedBy, 'alias' | 'pinyin'>; text: string } | null;
}

export function levelLabel(entry: Pick<SearchEntry, 'level' | 'kind' | 'code'>): string {
  switch (entry.level) {
    case 'province': {
      const place = entry.code ? placeByCode(entry.code) : null;
      return place && isMunicipality(place) ? '直辖市' : '省级';
    }
    case 'city':
      return '市级';
    case 'county':
      return '县级';
    case 'body':
      return entry.kind === 'township' ? '乡镇（街道）' : '部门';
  }
}

/** province, city and (for a department or township) its county, each once */
export function withinOf(entry: Pick<SearchEntry, 'province' | 'city' | 'parent'>): string {
  const places = [entry.province, entry.city, entry.parent].filter((p): p is string => !!p);
  return [...new Set(places)].join(' · ');
}

export function presentHit(hit: SearchHit): RegionSuggestion {
  const { entry } = hit;
  return {
    id: entry.id,
    name: entry.name,
    within: withinOf(entry),
    level: levelLabel(entry),
    code: entry.code,
    reports: entry.reports,
    href: regionHref({ id: entry.id, code: entry.code }),
    matched: (hit.by === 'alias' || hit.by === 'pinyin') && hit.matched ? { by: hit.by, text: hit.matched } : null,
  };
}
