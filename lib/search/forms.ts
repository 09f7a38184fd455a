// The forms a region's name is searched under: the official name, the short form of an
// autonomous unit and the bare stem for places (麻阳苗族自治县, 麻阳县, 麻阳); for a
// department or township, its name without the county's name and 人民政府 before and after.

import { shortName, splitStem } from '../geo/gazetteer';

export type RegionLevel = 'province' | 'city' | 'county' | 'body';

const PROVINCE_SUFFIX = /(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$/u;
const GOVERNMENT = /人民政府$/u;

/** 会同县 → 会同, 麻阳苗族自治县 → 麻阳, 湖南省 → 湖南, 广西壮族自治区 → 广西 */
export function stemOf(name: string, level: Exclude<RegionLevel, 'body'>): string {
  const stem = level === 'province' ? name.replace(PROVINCE_SUFFIX, '') : splitStem(name).stem;
  return stem || name;
}

/** 沅陵县二酉苗族乡人民政府 under 沅陵县 → 二酉苗族乡人民政府, 二酉苗族乡 */
function localForms(name: string, parentName: string | null): string[] {
  const local = parentName && name.startsWith(parentName) && name.length > parentName.length ? name.slice(parentName.length) : name;
  const bare = local.replace(GOVERNMENT, '');
  return bare ? [local, bare] : [local];
}

/** Every form of the name, official name first, without repeats. */
export function nameForms(name: string, level: RegionLevel, parentName: string | null): string[] {
  const forms = level === 'body' ? [name, ...localForms(name, parentName)] : [name, shortName(name), stemOf(name, level)];
  return [...new Set(forms.filter((f): f is string => !!f))];
}
