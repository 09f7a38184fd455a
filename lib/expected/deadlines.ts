// The legal deadlines of the annual reports (政府信息公开条例 第五十条): a department publishes
// its report for year Y by 31 January of Y+1, a government (a county's or a city's, and a
// township's or street's, which are governments too) by 31 March of Y+1. A deadline passes at
// the end of its day in China (Asia/Shanghai, UTC+8 all year). Pure: `now` is always given.

import type { BodyKind } from './names';

/** Who reports: one of a region's bodies, or the region's own government. */
export type Reporter = BodyKind | 'government';

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export type DeadlineStatus = { passed: false; daysLeft: number } | { passed: true; daysOverdue: number };

const DAY_MS = 86_400_000;

/** The deadline of a report for `reportYear`: departments 1月31日, governments and townships 3月31日 of the next year. */
export function deadlineOf(reporter: Reporter, reportYear: number): CalendarDate {
  return reporter === 'department' ? { year: reportYear + 1, month: 1, day: 31 } : { year: reportYear + 1, month: 3, day: 31 };
}

const SHANGHAI = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' });

/** The calendar date in China at `now`. */
export function shanghaiDate(now: Date): CalendarDate {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

/** Days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CalendarDate, b: CalendarDate) => dayNumber(b) - dayNumber(a);

/** Whether the deadline has passed at `now`; on its own day there are 0 days left. */
export function deadlineStatus(deadline: CalendarDate, now: Date): DeadlineStatus {
  const days = daysBetween(shanghaiDate(now), deadline);
  return days >= 0 ? { passed: false, daysLeft: days } : { passed: true, daysOverdue: -days };
}

/** The report year a page shows by default: the last year, whose reports are due this year. */
export const defaultReportYear = (now: Date) => shanghaiDate(now).year - 1;

export const formatDate = (d: CalendarDate) => `${d.year}年${d.month}月${d.day}日`;

/** 已过 N 天 / 今天截止 / 未到，还有 N 天: whether a deadline has passed, in a few words. */
export function describeDeadline(status: DeadlineStatus): string {
  if (status.passed) return `已过 ${status.daysOverdue} 天`;
  return status.daysLeft === 0 ? '今天截止' : `未到，还有 ${status.daysLeft} 天`;
}

/** A body's state against its deadline: 已报送, 未报送·已逾期N天, 未报送·还有N天 or 未报送·今天截止. */
export function reportStatusLabel(reported: boolean, status: DeadlineStatus): string {
  if (reported) return '已报送';
  if (status.passed) return `未报送·已逾期${status.daysOverdue}天`;
  return status.daysLeft === 0 ? '未报送·今天截止' : `未报送·还有${status.daysLeft}天`;
}
