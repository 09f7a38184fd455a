// The overview opens on "the latest year for which most regions have table figures": the
// latest year in which more than half of the regions that ever print the tables print them.
// Reports of the newest year arrive over months, so the newest year is often not that year.

export interface YearCount {
  year: number;
  /** regions with a report that year */
  regions: number;
  /** regions whose report that year has table figures (complete or tables only) */
  withTables: number;
}

/**
 * `regionsWithTables`: regions with table figures in any year. When no year reaches a
 * majority, the year with the most regions with tables (the latest of equals); when no report
 * has tables, the latest year with a report; null when there is no report at all.
 */
export function defaultYear(counts: readonly YearCount[], regionsWithTables: number): number | null {
  const years = counts.filter((c) => c.regions > 0).sort((a, b) => b.year - a.year);
  if (years.length === 0) return null;
  const majority = years.find((c) => c.withTables * 2 > regionsWithTables && c.withTables > 0);
  if (majority) return majority.year;
  const most = Math.max(...years.map((c) => c.withTables));
  if (most > 0) return years.find((c) => c.withTables === most)!.year;
  return years[0].year;
}
