// One stored report version for its page: the parser's document, the region it is about, its
// checks (cross-year ones included) and warnings, its source files (the original and any
// copies, with the normalised text where stored) and the other versions of the same report.

import { sql } from 'drizzle-orm';
import type { CheckFailure, Report } from '../../lib/report/contract';
import type { Db } from '../client';
import { correctionHistory, type CorrectionRecord } from '../corrections';
import type { ReportRow, SourceFileRow } from '../schema';
import { selectRows } from '../sql';
import { regionById, type RegionSummary } from './region';

export interface StoredCheck {
  checkId: string;
  ok: boolean;
  severity: 'hard' | 'soft';
  detail: string | null;
  failures: CheckFailure[];
  /** cross-year checks: the other year's report */
  otherReportId: number | null;
}

export interface StoredWarning {
  code: string;
  message: string;
  line: number | null;
}

export interface SourceFileInfo {
  id: number;
  name: string;
  format: SourceFileRow['format'];
  role: SourceFileRow['role'];
  url: string | null;
  size: number;
  bundled: boolean;
  hasText: boolean;
  ingestedAt: string;
}

export interface ReportVersion {
  id: number;
  version: number;
  isCurrent: boolean;
  supersedesId: number | null;
  createdAt: string;
  parserVersion: string;
}

export interface ReportDetail {
  id: number;
  year: number | null;
  scope: ReportRow['scope'];
  issuer: string | null;
  template: ReportRow['template'];
  completeness: ReportRow['completeness'];
  status: ReportRow['status'];
  version: number;
  isCurrent: boolean;
  supersedesId: number | null;
  parserVersion: string;
  /** the report as corrected by staff (the printed report when nothing is corrected) */
  document: Report;
  /** the report as printed */
  printed: Report;
  /** every correction, newest first (undone ones too) */
  corrections: CorrectionRecord[];
  region: RegionSummary | null;
  checks: StoredCheck[];
  warnings: StoredWarning[];
  /** the original first, then copies */
  files: SourceFileInfo[];
  /** the normalised text the figures' lines point into (the original's, else a copy's), or null */
  text: { fileId: number; name: string; content: string } | null;
  /** every version of this report (same region, year and scope), oldest first */
  versions: ReportVersion[];
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export async function reportDetail(db: Db, id: number): Promise<ReportDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await selectRows<Record<string, unknown>>(
    db,
    sql`select id, identity_key, region_id, year, scope, issuer, template, completeness, status, version, is_current,
          supersedes_id, parser_version, coalesce(effective, document) as document, document as printed from reports where id = ${id}`,
  );
  if (!row) return null;
  const [region, checks, warnings, files, versions, corrections] = await Promise.all([
    row.region_id === null ? Promise.resolve(null) : regionById(db, Number(row.region_id)),
    selectRows<Record<string, unknown>>(
      db,
      sql`select check_id, ok, severity, detail, failures, other_report_id from check_results where report_id = ${id}
          order by ok, (severity = 'hard') desc, check_id, id`,
    ),
    selectRows<Record<string, unknown>>(db, sql`select code, message, line from report_warnings where report_id = ${id} order by line nulls first, id`),
    selectRows<Record<string, unknown>>(
      db,
      sql`select id, name, format, role, url, size, bundled, text is not null as has_text, ingested_at
          from source_files where report_id = ${id} order by (role = 'original') desc, id`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select id, version, is_current, supersedes_id, created_at, parser_version from reports
          where identity_key = ${row.identity_key as string} order by version, id`,
    ),
    correctionHistory(db, id),
  ]);
  const fileInfos: SourceFileInfo[] = files.map((f) => ({
    id: Number(f.id),
    name: f.name as string,
    format: f.format as SourceFileRow['format'],
    role: (f.role as SourceFileRow['role']) ?? null,
    url: (f.url as string | null) ?? null,
    size: Number(f.size),
    bundled: Boolean(f.bundled),
    hasText: Boolean(f.has_text),
    ingestedAt: iso(f.ingested_at),
  }));
  const withText = fileInfos.find((f) => f.hasText);
  let text: ReportDetail['text'] = null;
  if (withText) {
    const [t] = await selectRows<{ text: string }>(db, sql`select text from source_files where id = ${withText.id}`);
    if (t?.text != null) text = { fileId: withText.id, name: withText.name, content: t.text };
  }
  return {
    id: Number(row.id),
    year: row.year === null ? null : Number(row.year),
    scope: row.scope as ReportRow['scope'],
    issuer: (row.issuer as string | null) ?? null,
    template: (row.template as ReportRow['template']) ?? null,
    completeness: row.completeness as ReportRow['completeness'],
    status: row.status as ReportRow['status'],
    version: Number(row.version),
    isCurrent: Boolean(row.is_current),
    supersedesId: row.supersedes_id === null ? null : Number(row.supersedes_id),
    parserVersion: row.parser_version as string,
    document: (typeof row.document === 'string' ? JSON.parse(row.document) : row.document) as Report,
    printed: (typeof row.printed === 'string' ? JSON.parse(row.printed) : row.printed) as Report,
    corrections,
    region,
    checks: checks.map((c) => ({
      checkId: c.check_id as string,
      ok: Boolean(c.ok),
      severity: c.severity as 'hard' | 'soft',
      detail: (c.detail as string | null) ?? null,
      failures: ((typeof c.failures === 'string' ? JSON.parse(c.failures) : c.failures) as CheckFailure[] | null) ?? [],
      otherReportId: c.other_report_id === null ? null : Number(c.other_report_id),
    })),
    warnings: warnings.map((w) => ({ code: w.code as string, message: w.message as string, line: w.line === null ? null : Number(w.line) })),
    files: fileInfos,
    text,
    versions: versions.map((v) => ({
      id: Number(v.id),
      version: Number(v.version),
      isCurrent: Boolean(v.is_current),
      supersedesId: v.supersedes_id === null ? null : Number(v.supersedes_id),
      createdAt: iso(v.created_at),
      parserVersion: v.parser_version as string,
    })),
  };
}
