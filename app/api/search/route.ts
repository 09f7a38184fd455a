// GET /api/search?q=会同 → the regions that match, best first, for the header box's suggestions:
// { q, total, results: RegionSuggestion[] }. 400 with { error } when q is missing, blank or too
// long; 503 when the database cannot be opened.
import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '../../../db/server';
import { SUGGESTION_LIMIT } from '../../../lib/search/limits';
import { searchRegions } from '../../../lib/search/match';
import { presentHit } from '../../../lib/search/present';
import { checkQuery } from '../../../lib/search/request';
import { regionSearchIndex } from '../../../db/region-index';

export const dynamic = 'force-dynamic';

const HEADERS = { 'Cache-Control': 'no-store' };

export async function GET(request: NextRequest) {
  const checked = checkQuery(request.nextUrl.searchParams.get('q'));
  if (!checked.ok) return NextResponse.json({ error: checked.error }, { status: 400, headers: HEADERS });
  let index;
  try {
    index = await regionSearchIndex((await getDatabase()).db);
  } catch (err) {
    return NextResponse.json({ error: `无法打开数据库：${err instanceof Error ? err.message : String(err)}` }, { status: 503, headers: HEADERS });
  }
  const { total, hits } = searchRegions(index, checked.q, SUGGESTION_LIMIT);
  return NextResponse.json({ q: checked.q, total, results: hits.map(presentHit) }, { headers: HEADERS });
}
