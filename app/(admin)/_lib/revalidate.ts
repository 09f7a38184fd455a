// After staff store or correct a report, the public page of its region shows it at once: the
// cached copies of that page are dropped, at each address it is served under (code, name,
// r<id>). Other regions' pages stay cached. The dashboard reads through the data version and
// needs nothing.
import { revalidatePath } from 'next/cache';
import { inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { regions, reports } from '../../../db/schema';
import { publicRegionHref } from '../../../lib/public/href';

/** The public pages of these reports' regions (a body's report changes its county's page too). */
export async function revalidateReports(db: Db, reportIds: readonly number[]): Promise<void> {
  if (reportIds.length === 0) return;
  const own = db.select({ id: sql<number>`${reports.regionId}` }).from(reports).where(inArray(reports.id, [...reportIds]));
  const parents = db.select({ id: sql<number>`${regions.parentId}` }).from(regions).where(inArray(regions.id, own));
  const pages = await db
    .select({ id: regions.id, code: regions.code, name: regions.name })
    .from(regions)
    .where(or(inArray(regions.id, own), inArray(regions.id, parents)));
  for (const region of pages) {
    // publicRegionHref is the code's address (or r<id>); the name and r<id> serve the same page
    for (const path of new Set([publicRegionHref(region), `/public/r${region.id}`, `/public/${region.name}`, `/public/${encodeURIComponent(region.name)}`])) {
      revalidatePath(path);
    }
  }
  // the list of regions on /public
  revalidatePath('/public');
}
