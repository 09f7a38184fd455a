// Prints a contract object back as a report, in the layouts real reports use, so that the
// parser can be tested on text it did not write: parse(render(report)) must give the figures
// back. Tables are built once as a grid of cells (with spans) and then laid out.

import type { AppealsTable, ApplicationsTable, Cell, ProactiveTable, Report } from '../report/contract';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  ARTICLE_LABEL,
  PROACTIVE_COLUMNS,
  PROACTIVE_ROWS,
  SECTION_TITLES,
  applicationRowsFor,
  proactiveRowLabel,
  type ApplicationRowKey,
} from '../report/labels';

export interface GridCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}
export type Grid = GridCell[][];

export interface RenderedTables {
  proactive?: Grid;
  applications?: Grid;
  appeals?: Grid;
}

export type TextLayout = 'cellPerLine' | 'cellBar' | 'pipe' | 'spaced';
export type Version = '2019' | '2021';

const cell = (text: string, colspan?: number, rowspan?: number): GridCell => ({ text, ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) });
const printed = (v: Cell | undefined) => (v === null || v === undefined ? '' : String(v));

export function proactiveGrid(table: ProactiveTable, version: Version): Grid {
  const grid: Grid = [];
  const articles = [...new Set(PROACTIVE_ROWS.map((r) => r.article))];
  for (const article of articles) {
    const columns = PROACTIVE_COLUMNS[version][article];
    if (columns.length === 0) continue;
    const rows = PROACTIVE_ROWS.filter((r) => r.article === article && proactiveRowLabel(r.key, version) !== undefined);
    const span = version === '2021' && columns.length === 1 ? 3 : undefined;
    grid.push([cell(ARTICLE_LABEL[article], 4)]);
    grid.push([cell('信息内容'), ...columns.map((c) => cell(c.label, span))]);
    for (const row of rows) {
      const figures = table[row.key] ?? {};
      grid.push([cell(proactiveRowLabel(row.key, version)!), ...columns.map((c) => cell(moneyText(figures[c.key], c.money === true, version), span))]);
    }
  }
  return grid;
}

function moneyText(v: Cell | undefined, money: boolean, version: Version): string {
  if (!money || version === '2021' || v === null || v === undefined) return printed(v);
  return `${v}万元`;
}

export function applicationsGrid(table: ApplicationsTable): Grid {
  const split = table['other.overdueCorrection'] !== undefined || table['other.overdueFee'] !== undefined || table['other.other'] !== undefined;
  const keys = applicationRowsFor(split ? 'otherSplit' : 'otherSingle');
  const values = (key: ApplicationRowKey) => APPLICANT_COLUMNS.map((_, i) => cell(printed(table[key]?.[i])));
  const grid: Grid = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 7)],
    [cell('自然人', undefined, 2), cell('法人或其他组织', 5), cell('总计', undefined, 2)],
    [cell('商业企业'), cell('科研机构'), cell('社会公益组织'), cell('法律服务机构'), cell('其他')],
  ];
  const outcomeKeys = keys.filter((k) => APPLICATION_ROWS.find((r) => r.key === k)!.outcome || k === 'total');
  let firstOutcome = true;
  let lastGroup = '';
  for (const key of keys) {
    const label = APPLICATION_ROWS.find((r) => r.key === key)!.label;
    const leaf = /^（([三四五六])）(.+)$/u.exec(label);
    const row: GridCell[] = [];
    if (!outcomeKeys.includes(key)) {
      row.push(cell(label, 3));
    } else {
      if (firstOutcome) row.push(cell('三、本年度办理结果', undefined, outcomeKeys.length));
      firstOutcome = false;
      if (leaf && (leaf[1] !== '六' || split)) {
        const group = leaf[1];
        if (group !== lastGroup) row.push(cell(GROUP_TITLES[group], undefined, keys.filter((k) => APPLICATION_ROWS.find((r) => r.key === k)!.label.startsWith(`（${group}）`)).length));
        lastGroup = group;
        row.push(cell(leaf[2]));
      } else {
        row.push(cell(label, 2));
      }
    }
    grid.push([...row, ...values(key)]);
  }
  return grid;
}

const GROUP_TITLES: Record<string, string> = { 三: '（三）不予公开', 四: '（四）无法提供', 五: '（五）不予处理', 六: '（六）其他处理' };

export function appealsGrid(table: AppealsTable): Grid {
  return [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...APPEAL_COLUMNS.map((c) => cell(c, undefined, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...APPEAL_COLUMNS.map((c) => cell(c)), ...APPEAL_COLUMNS.map((c) => cell(c))],
    APPEAL_GROUPS.flatMap((g) => table[g.key].map((v) => cell(printed(v)))),
  ];
}

export function tableGrids(report: Pick<Report, 'proactive' | 'applications' | 'appeals' | 'template'>): RenderedTables {
  const version: Version = report.template === '2021' ? '2021' : '2019';
  return {
    proactive: report.proactive ? proactiveGrid(report.proactive, version) : undefined,
    applications: report.applications ? applicationsGrid(report.applications) : undefined,
    appeals: report.appeals ? appealsGrid(report.appeals) : undefined,
  };
}

/** Lays a grid out as text lines. Spanned cells are printed once, as real pages do. */
export function gridLines(grid: Grid, layout: TextLayout): string[] {
  const out: string[] = [];
  for (const row of grid) {
    const texts = row.map((c) => c.text);
    switch (layout) {
      case 'cellPerLine':
        for (const t of texts) out.push(t, '');
        break;
      case 'cellBar':
        for (const t of texts) out.push(`${t} |`);
        break;
      case 'pipe':
        out.push(`| ${texts.join(' | ')} |`);
        break;
      case 'spaced':
        out.push(texts.map((t) => t || '0').join(' '));
        break;
    }
  }
  return out;
}

export interface DocumentParts {
  title: string;
  preamble: string[];
  /** blocks of lines, in order; tables are inserted after their section headings */
  sections: { heading: string; body: string[]; table?: keyof RenderedTables }[];
}

export function documentParts(report: Report): DocumentParts {
  const year = report.year ?? 2020;
  const who = report.issuer ?? `${report.region.name ?? ''}人民政府`;
  return {
    title: `${who}${year}年政府信息公开工作年度报告`,
    preamble: [`本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`],
    sections: [
      { heading: `一、${SECTION_TITLES[0]}`, body: ['本年度政务公开工作稳步推进。'] },
      { heading: `二、${SECTION_TITLES[1]}`, body: [], table: 'proactive' },
      { heading: `三、${SECTION_TITLES[2]}`, body: [], table: 'applications' },
      { heading: `四、${SECTION_TITLES[3]}`, body: [], table: 'appeals' },
      { heading: `五、${SECTION_TITLES[4]}`, body: ['下一步将继续改进。'] },
      { heading: `六、${SECTION_TITLES[5]}`, body: ['无。'] },
    ],
  };
}

/** `parts` replaces the default title and prose (e.g. with generated prose figures). */
export function renderText(report: Report, layout: TextLayout, parts: DocumentParts = documentParts(report)): string {
  const grids = tableGrids(report);
  const lines = [parts.title, '', ...parts.preamble, ''];
  for (const section of parts.sections) {
    lines.push(section.heading, ...section.body);
    const grid = section.table ? grids[section.table] : undefined;
    if (grid) lines.push(...gridLines(grid, layout));
    lines.push('');
  }
  return lines.join('\n');
}
