// Addresses of the public pages. A region is named as on the dashboard (lib/region/href.ts): by
// its GB/T 2260 code, else `r<id>`; a reader may also type a name (/public/会同县).
import type { RegionAddress } from '../region/href';

export const PUBLIC_HOME = '/public';
export const GLOSSARY_PATH = '/public/glossary';

export function publicRegionHref(region: RegionAddress & { name: string }): string {
  if (region.code) return `${PUBLIC_HOME}/${region.code}`;
  if (region.id !== null) return `${PUBLIC_HOME}/r${region.id}`;
  return `${PUBLIC_HOME}/${encodeURIComponent(region.name)}`;
}
