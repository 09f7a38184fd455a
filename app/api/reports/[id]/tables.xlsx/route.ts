// GET /api/reports/123/tables.xlsx: the report's tables 二, 三 and 四 laid out as the national
// format, for an office to reuse in its own report (lib/export/national-tables.ts).
import { reportDetail } from '../../../../../db/queries/report';
import { correctionSentence, liveByPath } from '../../../../../lib/corrections/describe';
import { getDatabase } from '../../../../../db/server';
import { contentDisposition, dateStamp, safeFileName, textError, XLSX_TYPE } from '../../../../../lib/export/http';
import { nationalTablesWorkbook } from '../../../../../lib/export/national-tables';
import { xlsxBuffer } from '../../../../../lib/export/xlsx';
import { officialUrl, reportTitle } from '../../../../../lib/public/sources';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^\d{1,9}$/u.test(id)) return textError(400, `报告编号应为正整数（收到“${id}”）`);
  try {
    const { db } = await getDatabase();
    const report = await reportDetail(db, Number(id));
    if (!report) return textError(404, `没有编号为 ${id} 的报告`);
    const name = report.region?.name ?? report.document.region.name ?? '报告';
    const title = report.year ? reportTitle(name, report.issuer, report.year) : `${name}政府信息公开工作年度报告`;
    const url = report.files.map((f) => officialUrl(f.url)).find((u) => u !== null);
    const corrections = [...liveByPath(report.corrections).values()].map((c) => `${correctionSentence(c, report.printed)}。原因：${c.reason}`);
    const workbook = nationalTablesWorkbook(report.document, { title, source: url ? `${title}（${url}）` : title, exportedAt: new Date(), corrections });
    const body = await xlsxBuffer(workbook);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': contentDisposition(safeFileName(`${title}-统计表-${dateStamp(new Date())}.xlsx`), `report-${id}-tables.xlsx`),
        'Cache-Control': 'no-store',
      },
    });
  } catch (err) {
    console.error(err);
    return textError(500, '服务器暂时无法生成这个文件，请稍后再试');
  }
}
