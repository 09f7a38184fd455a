// The region an internal page is about, for the signed-in account: found by its address (code,
// name or r<id>), stored, and inside the account's region; any other is not found (404), so a
// limited account learns nothing of other regions.
import { notFound } from 'next/navigation';
import type { Account } from '../../../db/accounts';
import { regionInScope } from '../../../db/accounts';
import type { Db } from '../../../db/client';
import { lookupRegion, type RegionSummary } from '../../../db/queries/region';
import { getDatabase } from '../../../db/server';
import { decodeSegment } from '../../../lib/region/href';
import { requireAccount } from './session';

export interface RegionPageContext {
  account: Account;
  db: Db;
  region: RegionSummary & { id: number };
}

export async function requireRegionPage(segment: string, path: string): Promise<RegionPageContext> {
  const account = await requireAccount(path);
  const { db } = await getDatabase();
  const found = await lookupRegion(db, decodeSegment(segment));
  if (found.kind !== 'found' || found.region.id === null) notFound();
  const region = found.region as RegionSummary & { id: number };
  if (!(await regionInScope(db, account, region.id))) notFound();
  return { account, db, region };
}
