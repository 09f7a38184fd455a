// Where a public figure comes from: the report's title, and a link only to the government's own
// page. Copies on mirror sites (any domain outside gov.cn) are named but never linked publicly.

/** The official page of a report, or null when the known address is not a government site. */
export function officialUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase();
  return host === 'gov.cn' || host.endsWith('.gov.cn') ? parsed.href : null;
}

export interface ReportSource {
  reportId: number;
  year: number;
  /** e.g. 会同县2020年政府信息公开工作年度报告 */
  title: string;
  /** the government's page, when known */
  href: string | null;
  /** a copy is known only from a non-government site */
  mirrorOnly: boolean;
}

/** The report's title as a citizen would search for it: the issuer when printed, else the region. */
export function reportTitle(regionName: string, issuer: string | null, year: number): string {
  return `${issuer?.trim() || regionName}${year}年政府信息公开工作年度报告`;
}

export function reportSource(report: { id: number; year: number; issuer: string | null; url: string | null }, regionName: string): ReportSource {
  const href = officialUrl(report.url);
  return { reportId: report.id, year: report.year, title: reportTitle(regionName, report.issuer, report.year), href, mirrorOnly: href === null && report.url !== null };
}
