// Where a number leads: a region's page (by GB/T 2260 code, or name for unlisted places) and a
// report's page.

export function regionHref(region: { code: string | null; name: string }): string {
  return `/regions/${encodeURIComponent(region.code ?? region.name)}`;
}

export function reportHref(reportId: number): string {
  return `/reports/${reportId}`;
}

/** The token a region is written as in the overview's URL: its code, else its name. */
export const regionToken = (region: { code: string | null; name: string }): string => region.code ?? region.name;
