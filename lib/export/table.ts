// The shapes every export shares: a rectangular table (CSV file or XLSX sheet) and what an
// exported file says about itself.

export type CellValue = string | number | null;
export type Row = readonly CellValue[];

export interface DataTable {
  /** sheet name; sanitised when written (≤31 chars, none of []:*?/\) */
  name: string;
  columns: readonly string[];
  rows: readonly Row[];
}

export interface ExportMeta {
  title: string;
  /** where the figures come from (a URL, or "年报通数据库"), printed as given */
  source?: string;
  exportedAt: Date;
  /** figures staff corrected, in words (表四「行政复议」总计印为 0，更正为 11。原因：…) */
  corrections?: string[];
}

const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 2024-05-01 14:30（北京时间）: the export date as a Chinese reader expects it, whatever the server's zone. */
export function exportTime(date: Date): string {
  const part = Object.fromEntries(BEIJING.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}（北京时间）`;
}

// East Asian wide and full-width characters take two columns in Excel's default fonts.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Width of a text in Excel column units (the width of "0"): CJK characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}
