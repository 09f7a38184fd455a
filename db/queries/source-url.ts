// The address to name for a report: a government page (gov.cn) among its files when there is one,
// else its original file's, else a copy's. Public pages and exports then link only government
// pages (lib/public/sources.ts officialUrl); a mirror address stays unlinked.
import { sql, type SQL } from 'drizzle-orm';

const GOVERNMENT_HOST = '^https?://([^/]*\\.)?gov\\.cn(:[0-9]+)?(/|$)';

/** a scalar subquery: the URL of report `reportId` (an SQL expression such as r.id) */
export const reportUrl = (reportId: SQL): SQL =>
  sql`(select s.url from source_files s where s.report_id = ${reportId} and s.url is not null
        order by (s.url ~* ${GOVERNMENT_HOST}) desc, (s.role = 'original') desc, s.id limit 1)`;
