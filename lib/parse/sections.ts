// Where the three standard tables sit in the normalised lines. Section numerals are reused
// by table 三's own rows (一、本年新收…, 四、结转下年度…), so headings are recognised by their
// titles, never by a bare numeral (template.md §1.4).

import { NO_DEADLINE, type Deadline } from './deadline';

export type Range = readonly [from: number, to: number];

/**
 * The most lines a table's region spans. The longest table of a real report (三, one cell per
 * line, labels wrapped) takes a few hundred lines; a region that would run on for tens of
 * thousands (a page that is a data dump, a missing next heading) is cut here, so that the
 * table parsers never read more than this.
 */
export const MAX_TABLE_LINES = 3000;

export interface TableRegions {
  proactive?: Range;
  applications?: Range;
  appeals?: Range;
}

const LEAD = String.raw`^[\s|]*`;
const NUM = (n: string) => new RegExp(`${LEAD}${n}\\s*[、.,，．]?\\s*`, 'u');
const heading = (n: string, title: string) => new RegExp(NUM(n).source + title, 'u');

const H_PROACTIVE = heading('二', '主动公开');
const H_APPLICATIONS = heading('三', '收到和处理');
const H_APPEALS = heading('四', '(?:政府信息公开)?(?:行政复议|[^|]{0,12}行政复议)');
const H_PROBLEMS = heading('五', '(?:政府信息公开工作)?存在');
const H_OTHER = heading('六', '其他需要报告');

const PROACTIVE_MARK = /第二十条第[(（][一五六八九][)）]项/u;
const APPLICATIONS_MARK = /申请人情况|本年新收/u;
const APPLICATIONS_END = /结转下年度/u;
const APPEALS_MARK = /行政复议/u;

function findLine(lines: readonly string[], re: RegExp, deadline: Deadline, from = 0, to = lines.length): number {
  for (let i = from; i < to; i++) {
    deadline.tick('looking for the tables');
    if (re.test(lines[i])) return i;
  }
  return -1;
}

const firstOf = (...candidates: number[]) => {
  const found = candidates.filter((n) => n >= 0);
  return found.length ? Math.min(...found) : -1;
};

const capped = (from: number, to: number): Range => [from, Math.min(to, from + MAX_TABLE_LINES)];

export function locateTables(lines: readonly string[], deadline: Deadline = NO_DEADLINE): TableRegions {
  const n = lines.length;
  const h2 = findLine(lines, H_PROACTIVE, deadline);
  const h3 = findLine(lines, H_APPLICATIONS, deadline, Math.max(h2, 0));
  const firstMark = findLine(lines, PROACTIVE_MARK, deadline);
  const appsMark = findLine(lines, APPLICATIONS_MARK, deadline, Math.max(h2, firstMark, 0));
  const appsStart = h3 >= 0 ? h3 : appsMark;
  const appsEndRow = appsStart >= 0 ? findLine(lines, APPLICATIONS_END, deadline, appsStart) : -1;
  const h4 = findLine(lines, H_APPEALS, deadline, Math.max(appsStart, 0));
  const appealsStart = h4 >= 0 ? h4 : appsEndRow >= 0 ? findLine(lines, APPEALS_MARK, deadline, appsEndRow) : -1;
  const h5 = findLine(lines, H_PROBLEMS, deadline, Math.max(appealsStart, appsStart, 0));
  const h6 = findLine(lines, H_OTHER, deadline, Math.max(appealsStart, appsStart, 0));

  const regions: TableRegions = {};
  const proactiveStart = firstMark >= 0 ? Math.min(firstMark, h2 >= 0 ? h2 : firstMark) : -1;
  if (proactiveStart >= 0) {
    const end = firstOf(appsStart > proactiveStart ? appsStart : -1, appealsStart > proactiveStart ? appealsStart : -1, h5, h6);
    regions.proactive = capped(proactiveStart, end >= 0 ? end : n);
  }
  if (appsStart >= 0) {
    const end = firstOf(appealsStart, h5, h6);
    regions.applications = capped(appsStart, end >= 0 ? end : n);
  }
  if (appealsStart >= 0) {
    const end = firstOf(h5 > appealsStart ? h5 : -1, h6 > appealsStart ? h6 : -1);
    regions.appeals = capped(appealsStart, end >= 0 ? end : n);
  }
  return regions;
}
