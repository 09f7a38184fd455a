// Where a check failure leads on the report page: the id of the figure it names
// (components/report/Figure.tsx gives every printed figure one, from its contract path), else
// the section of its table. Pure: the quality page and the report page share it.

import type { CheckFailure } from '../report/contract';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROW_KEYS, PROACTIVE_COLUMNS, PROACTIVE_ROWS } from '../report/labels';

/** A figure's element id: `applications.total[6]` → `f-applications-total-6`. */
export function figureAnchor(path: string): string {
  return `f-${path.replace(/[.[\]]+/gu, '-').replace(/-+$/u, '')}`;
}

/** The contract path of the one cell a failure names, or null when it names none (a prose channel, two rows together). */
export function failurePath(f: Pick<CheckFailure, 'table' | 'row' | 'column'>): string | null {
  if (f.table === '三') {
    const c = (APPLICANT_COLUMNS as readonly string[]).indexOf(f.column);
    return c >= 0 && (APPLICATION_ROW_KEYS as readonly string[]).includes(f.row) ? `applications.${f.row}[${c}]` : null;
  }
  if (f.table === '四') {
    const c = (APPEAL_COLUMNS as readonly string[]).indexOf(f.column);
    return c >= 0 && APPEAL_GROUPS.some((g) => g.key === f.row) ? `appeals.${f.row}[${c}]` : null;
  }
  if (f.table === '二') {
    const row = PROACTIVE_ROWS.find((r) => r.key === f.row);
    if (!row) return null;
    const column = [PROACTIVE_COLUMNS['2021'], PROACTIVE_COLUMNS['2019']].flatMap((v) => v[row.article]).find((c) => c.label === f.column);
    return column ? `proactive.${row.key}.${column.key}` : null;
  }
  return f.row === 'applications.received' ? 'activity.applications.received' : null;
}

/** The section id of each table on the report page (app/(dashboard)/reports/[id]/page.tsx). */
const TABLE_SECTION: Record<CheckFailure['table'], string> = { 二: 't2', 三: 't3', 四: 't4', 正文: 'prose' };

/** The anchor a failure links to: its figure, else its table's section. */
export function failureAnchor(f: Pick<CheckFailure, 'table' | 'row' | 'column'>): string {
  const path = failurePath(f);
  return path ? figureAnchor(path) : TABLE_SECTION[f.table];
}
