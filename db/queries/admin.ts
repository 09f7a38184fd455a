// What the staff pages read: an account's published uploads, and a region's stored files with
// who uploaded them and what was set by hand. Internal: only signed-in staff of the region see it.

import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { SourceFileRow } from '../schema';
import { selectRows } from '../sql';

export interface StoredFile {
  fileId: number;
  name: string;
  format: SourceFileRow['format'];
  size: number;
  status: SourceFileRow['status'];
  role: SourceFileRow['role'];
  ingestedAt: Date;
  uploadedBy: string | null;
  /** set by staff at upload (region, year, scope): the report's warning says what */
  assigned: boolean;
  reportId: number | null;
  isCurrent: boolean | null;
  version: number | null;
  year: number | null;
  scope: string | null;
  regionId: number | null;
  regionName: string | null;
  regionCode: string | null;
  failedHard: number;
}

const FILE_COLUMNS = sql`s.id as file_id, s.name, s.format, s.size, s.status, s.role, s.ingested_at, a.name as uploaded_by,
  s.assigned is not null as assigned, r.id as report_id, r.is_current, r.version, r.year, r.scope,
  g.id as region_id, g.name as region_name, g.code as region_code,
  (select count(*)::int from check_results c where c.report_id = r.id and not c.ok and c.severity = 'hard') as failed_hard`;

const FILE_JOINS = sql`from source_files s
  left join accounts a on a.id = s.uploaded_by
  left join reports r on r.id = s.report_id
  left join regions g on g.id = r.region_id`;

function storedFile(r: Record<string, unknown>): StoredFile {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    fileId: Number(r.file_id),
    name: String(r.name),
    format: r.format as StoredFile['format'],
    size: Number(r.size),
    status: r.status as StoredFile['status'],
    role: (r.role as StoredFile['role']) ?? null,
    ingestedAt: new Date(r.ingested_at as string),
    uploadedBy: (r.uploaded_by as string | null) ?? null,
    assigned: Boolean(r.assigned),
    reportId: n(r.report_id),
    isCurrent: r.is_current === null || r.is_current === undefined ? null : Boolean(r.is_current),
    version: n(r.version),
    year: n(r.year),
    scope: (r.scope as string | null) ?? null,
    regionId: n(r.region_id),
    regionName: (r.region_name as string | null) ?? null,
    regionCode: (r.region_code as string | null) ?? null,
    failedHard: Number(r.failed_hard ?? 0),
  };
}

/** Files an account uploaded and published, newest first. */
export async function filesUploadedBy(db: Db, accountId: number, limit = 50): Promise<StoredFile[]> {
  const rows = await selectRows<Record<string, unknown>>(db, sql`select ${FILE_COLUMNS} ${FILE_JOINS} where s.uploaded_by = ${accountId} order by s.id desc limit ${limit}`);
  return rows.map(storedFile);
}

/** Every file stored for a region and the bodies under it (all versions), newest first. */
export async function filesOfRegion(db: Db, regionId: number, limit = 500): Promise<StoredFile[]> {
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`select ${FILE_COLUMNS} ${FILE_JOINS}
        where r.region_id = ${regionId} or r.region_id in (select id from regions where parent_id = ${regionId} and level = 'body')
        order by r.year desc nulls last, s.id desc limit ${limit}`,
  );
  return rows.map(storedFile);
}
