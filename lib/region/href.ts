// Addresses of the region and report pages. A region is addressed by its GB/T 2260 code, or
// `r<id>` when it has none (an unlisted district, a department, a township): never by a name,
// which may be ambiguous (鼓楼区).

export interface RegionAddress {
  id: number | null;
  code: string | null;
}

export function regionHref(region: RegionAddress): string {
  if (region.code) return `/regions/${region.code}`;
  if (region.id !== null) return `/regions/r${region.id}`;
  return '/regions';
}

export const reportHref = (id: number, anchor?: string) => `/reports/${id}${anchor ? `#${anchor}` : ''}`;

/** The anchor of a line of the report's normalised text: L123 (1-based). */
export const lineAnchor = (line: number) => `L${line}`;

/** A URL segment, decoded when the router hands it over percent-encoded. */
export function decodeSegment(segment: string): string {
  try {
    return /%[0-9A-Fa-f]{2}/u.test(segment) ? decodeURIComponent(segment) : segment;
  } catch {
    return segment;
  }
}
