// GET /api/export/figures.xlsx[?regions=…&years=2019..2024&scope=…]: the same rows as
// figures.csv in an XLSX workbook written as it streams (sheets 数据, 数据 (2), … each below
// Excel's row limit, then 说明). 400 with a Chinese message (plain text) for a parameter that
// cannot be read or a region that cannot be found. See db/queries/export.ts.
import { figureExportResponse } from '../../../../db/queries/export';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export function GET(request: Request): Promise<Response> {
  return figureExportResponse(request, 'xlsx');
}
