// What an upload's list row and preview say about a parse before anything is stored: the
// region, year and scope found (or what is missing), the tables, and the checks that failed.

import type { ParsedFile } from '../parse/file';
import type { Report, Scope, TemplateVersion } from '../report/contract';

/** What is known of an upload once parsed (kept beside it, so that lists never read a parse). */
export interface UploadDigest {
  name: string;
  size: number;
  format: ParsedFile['format'] | null;
  /** why the file could not be read as a report; null when it was */
  error: string | null;
  region: string | null;
  year: number | null;
  scope: Scope | null;
  issuer: string | null;
  template: TemplateVersion | null;
  tables: number;
  failedChecks: number;
  warnings: number;
  /** what must be filled in before it can be published */
  missing: string[];
}

export interface UploadSummary extends UploadDigest {
  id: number;
  createdAt: string;
}

/** 地区 and 年度 when a report does not give them: without both it would appear on no page. */
export function missingIdentity(report: Pick<Report, 'region' | 'year'>): string[] {
  const missing: string[] = [];
  if (!report.region.name && !report.region.city && !report.region.province) missing.push('地区');
  if (report.year === null) missing.push('年度');
  return missing;
}

const placeName = (r: Report['region']) => [r.province, r.city, r.name].filter((n, i, all) => n && all.indexOf(n) === i).join('') || null;

export function uploadDigest(row: { name: string; size: number; parsed: ParsedFile | null; error: string | null }): UploadDigest {
  const report = row.parsed?.report ?? null;
  return {
    name: row.name,
    size: row.size,
    format: row.parsed?.format ?? null,
    error: report ? null : (row.error ?? '无法解析'),
    region: report ? placeName(report.region) : null,
    year: report?.year ?? null,
    scope: report?.scope ?? null,
    issuer: report?.issuer ?? null,
    template: report?.template ?? null,
    tables: report?.tables.length ?? 0,
    failedChecks: report?.checks.filter((c) => !c.ok && c.severity === 'hard').length ?? 0,
    warnings: report?.warnings.length ?? 0,
    missing: report ? missingIdentity(report) : [],
  };
}

export function previewSummary(row: { id: number; name: string; size: number; createdAt: Date | string; parsed: ParsedFile | null; error: string | null }): UploadSummary {
  return { ...uploadDigest(row), id: row.id, createdAt: new Date(row.createdAt).toISOString() };
}

export const FORMAT_LABELS: Record<ParsedFile['format'], string> = { text: '纯文本', html: '网页（HTML）', pdf: 'PDF', docx: 'Word（DOCX）' };
