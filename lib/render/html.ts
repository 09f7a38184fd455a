// A report as a government web page: chrome around an article whose tables use colspan,
// rowspan and &nbsp; for blank cells, as published pages do.

import type { Report } from '../report/contract';
import { documentParts, tableGrids, type Grid } from './report';

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function gridHtml(grid: Grid): string {
  const rows = grid.map(
    (row) =>
      '<tr>' +
      row
        .map((c) => {
          const attrs = `${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}`;
          return `<td${attrs}><p>${c.text === '' ? '&nbsp;' : escape(c.text)}</p></td>`;
        })
        .join('') +
      '</tr>',
  );
  return `<table border="1" cellspacing="0"><tbody>${rows.join('\n')}</tbody></table>`;
}

export function renderHtml(report: Report, charset = 'utf-8'): string {
  const grids = tableGrids(report);
  const parts = documentParts(report);
  const body: string[] = [`<h1>${escape(parts.title)}</h1>`, ...parts.preamble.map((p) => `<p>${escape(p)}</p>`)];
  for (const s of parts.sections) {
    body.push(`<p><strong>${escape(s.heading)}</strong></p>`, ...s.body.map((p) => `<p>${escape(p)}</p>`));
    const grid = s.table ? grids[s.table] : undefined;
    if (grid) body.push(gridHtml(grid));
  }
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>${escape(parts.title)}</title></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/xxgk">信息公开</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a> &gt; 年度报告</div>
<table width="100%"><tr><td>
<div class="article">
${body.join('\n')}
</div>
</td></tr></table>
<div class="footer"><p>主办单位：示例县人民政府办公室　网站标识码：0000000000</p></div>
</body></html>`;
}
