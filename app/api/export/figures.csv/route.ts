// GET /api/export/figures.csv[?regions=431225~会同县&years=2019..2024&scope=jurisdiction]: every
// figure of the current reports in tidy form with its source line and official URL, as CSV
// (UTF-8 with BOM, streamed as the client reads). 400 with a Chinese message (plain text) for a
// parameter that cannot be read or a region that cannot be found. See db/queries/export.ts.
import { figureExportResponse } from '../../../../db/queries/export';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return figureExportResponse(request, 'csv');
}
