// A report as a Word file: paragraphs and real tables, merged cells as gridSpan and vMerge,
// the way the national template is laid out.

import JSZip from 'jszip';
import type { Report } from '../report/contract';
import { documentParts, tableGrids, type Grid } from './report';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

/** Word has no rowspan: a merged cell is a "restart" cell and a "continue" cell in each row below. */
function tableXml(grid: Grid): string {
  const continuing = new Map<string, { colspan: number }>();
  const rows = grid.map((cells, r) => {
    const out: string[] = [];
    let col = 0;
    let i = 0;
    while (i < cells.length || continuing.has(`${r}:${col}`)) {
      const carried = continuing.get(`${r}:${col}`);
      if (carried) {
        const span = carried.colspan > 1 ? `<w:gridSpan w:val="${carried.colspan}"/>` : '';
        out.push(`<w:tc><w:tcPr>${span}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        col += carried.colspan;
        continue;
      }
      const cell = cells[i++];
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      for (let dr = 1; dr < rowspan; dr++) continuing.set(`${r + dr}:${col}`, { colspan });
      const props = `${colspan > 1 ? `<w:gridSpan w:val="${colspan}"/>` : ''}${rowspan > 1 ? '<w:vMerge w:val="restart"/>' : ''}`;
      out.push(`<w:tc><w:tcPr>${props}</w:tcPr>${cell.text ? paragraph(cell.text) : '<w:p/>'}</w:tc>`);
      col += colspan;
    }
    return `<w:tr>${out.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>${rows.join('')}</w:tbl>`;
}

export async function renderDocx(report: Report): Promise<Uint8Array> {
  const grids = tableGrids(report);
  const parts = documentParts(report);
  const body: string[] = [paragraph(parts.title), ...parts.preamble.map(paragraph)];
  for (const s of parts.sections) {
    body.push(paragraph(s.heading), ...s.body.map(paragraph));
    const grid = s.table ? grids[s.table] : undefined;
    if (grid) body.push(tableXml(grid));
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}
