// GET /api/charts/outcomes.png?regions=431225&years=2019..2024&width=1600: a chart as PNG or SVG
// (with its title, regions, years, sources and export date), or the data behind it as CSV or
// XLSX, from the same parameters. Bad parameters get a 400 that says which and why.
import { ChartRequestError, loadChart, type ChartData } from '../../../../db/queries/chart-data';
import { cachedRead } from '../../../../db/read-cache';
import { getDatabase } from '../../../../db/server';
import { chartModelSvg } from '../../../../lib/chart-data/image';
import { chartQuery, parseChartRequest, type ChartRequest } from '../../../../lib/chart-data/request';
import { MissingFontError } from '../../../../lib/chart-images/font';
import { pngRenders, RenderBusyError } from '../../../../lib/chart-images/limit';
import type { ImageMeta } from '../../../../lib/chart-images/meta';
import { svgToPngAsync } from '../../../../lib/chart-images/png';
import { parseImageSize } from '../../../../lib/chart-images/size';
import { toCsv } from '../../../../lib/export/csv';
import { contentDisposition, dateStamp, safeFileName, textError, XLSX_TYPE } from '../../../../lib/export/http';
import { workbookOf, xlsxBuffer } from '../../../../lib/export/xlsx';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function fileName(data: ChartData, extension: string): string {
  const regions = data.regions.length > 3 ? `${data.regions.slice(0, 3).map((r) => r.name).join('、')}等${data.regions.length}地` : data.regions.map((r) => r.name).join('、');
  const years = data.years.length === 0 ? '' : data.years.length === 1 ? `${data.years[0]}年` : `${data.years[0]}-${data.years.at(-1)}年`;
  return safeFileName(`${regions}-${data.model.title}-${years}-${dateStamp(new Date())}.${extension}`);
}

const headers = (type: string, data: ChartData, request: ChartRequest, attachment: boolean) => ({
  'Content-Type': type,
  'Content-Disposition': contentDisposition(fileName(data, request.format), `${request.chart}.${request.format}`, !attachment),
  'Cache-Control': 'public, max-age=60',
});

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const search = new URL(request.url).searchParams;
  const parsed = parseChartRequest(file, search);
  if (!parsed.ok) return textError(400, parsed.error);
  const asked = parsed.value;
  const image = asked.format === 'png' || asked.format === 'svg';
  const size = image ? parseImageSize(search) : null;
  if (size && !size.ok) return textError(400, size.error);
  const attachment = search.get('download') === '1' || !image;

  try {
    const { db } = await getDatabase();
    const data = await cachedRead(db, `chart:${asked.chart}:${chartQuery(asked)}`, () => loadChart(db, asked));
    if (size && size.ok) {
      const meta: ImageMeta = { title: data.model.title, regions: data.regions.map((r) => r.name), years: data.years, sources: data.reports.map((r) => r.title), exportedAt: new Date() };
      if (asked.format === 'svg') return new Response(chartModelSvg(data.model, meta, size), { headers: headers('image/svg+xml; charset=utf-8', data, asked, attachment) });
      const png = await pngRenders.run(() => svgToPngAsync(chartModelSvg(data.model, meta, size, { fauxBold: true }), { width: size.width, scale: size.scale }));
      return new Response(new Uint8Array(png), { headers: headers('image/png', data, asked, attachment) });
    }
    if (asked.format === 'csv') return new Response(toCsv(data.model.tables[0]), { headers: headers('text/csv; charset=utf-8', data, asked, true) });
    const workbook = workbookOf(data.model.tables, { title: `${data.regions.map((r) => r.name).join('、')} ${data.model.title}`, source: data.reports.map((r) => r.title).join('；'), exportedAt: new Date() });
    return new Response(new Uint8Array(await xlsxBuffer(workbook)), { headers: headers(XLSX_TYPE, data, asked, true) });
  } catch (err) {
    if (err instanceof ChartRequestError) return textError(400, err.message);
    if (err instanceof RenderBusyError) return new Response(`${err.message}\n`, { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' } });
    if (err instanceof MissingFontError) return textError(503, `${err.message}（PNG 需要服务器上的中文字体；页面上的“下载 PNG”按钮由浏览器绘制，不受影响）`);
    console.error(err);
    return textError(500, '服务器暂时无法生成这个文件，请稍后再试');
  }
}
