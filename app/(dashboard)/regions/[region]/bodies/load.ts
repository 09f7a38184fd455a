// What the bodies page reads: the region's departments and townships with the chosen year's
// figures, and for a city or province the cities and counties under it.
import type { Db } from '../../../../../db/client';
import { childRegionsWithBodies, regionBodies, type ChildRegion, type RegionBodies } from '../../../../../db/queries/bodies';
import type { RegionSummary } from '../../../../../db/queries/region';
import type { BodiesState } from '../../../../../lib/bodies/state';

export interface BodiesPageData extends RegionBodies {
  /** cities and counties under a city or province (empty for a county) */
  children: ChildRegion[];
}

export async function loadBodiesPage(db: Db, region: RegionSummary & { id: number }, state: BodiesState): Promise<BodiesPageData> {
  const hasChildren = region.level === 'city' || region.level === 'province';
  const [bodies, children] = await Promise.all([regionBodies(db, region.id, state.year), hasChildren ? childRegionsWithBodies(db, region.id) : Promise.resolve([])]);
  return { ...bodies, children };
}
