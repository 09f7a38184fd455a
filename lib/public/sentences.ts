// One plain sentence under each public chart, about the latest year that states the figures:
// "2020年共收到申请183件，其中172件因“无正当理由大量反复申请”不予处理。" Pure: figures in,
// Chinese out; a figure that is not stated is said to be missing, never guessed.

import type { AppealFigures } from '../../db/queries/appeals';
import type { OutcomeBreakdown } from '../../db/queries/applications';
import type { ChannelFigures } from '../../db/queries/channels';
import { formatNumber, formatPercent } from '../format/number';
import type { DominantCause } from '../region/dominant-cause';

const count = (n: number, unit = '件') => `${formatNumber(n)}${unit}`;
/** a percentage from a 0–100 value */
const percent = (p: number) => formatPercent(p / 100, 1);

/** Change of a count from the year before, e.g. "，比上年增加12条（+8.5%）". */
export function countChange(value: number, previous: number | null | undefined, unit: string): string {
  if (previous === null || previous === undefined) return '';
  const delta = value - previous;
  if (delta === 0) return '，与上年持平';
  const pct = previous > 0 ? `（${delta > 0 ? '+' : '−'}${formatPercent(Math.abs(delta) / previous, 1)}）` : '';
  return `，比上年${delta > 0 ? '增加' : '减少'}${formatNumber(Math.abs(delta))}${unit}${pct}`;
}

/** Change of a rate (0–100) from the year before, in percentage points. */
export function rateChange(value: number, previous: number | null | undefined): string {
  if (previous === null || previous === undefined) return '';
  const points = Math.round((value - previous) * 10) / 10;
  if (points === 0) return '，与上年持平';
  return `，比上年${points > 0 ? '提高' : '降低'}${Math.abs(points)}个百分点`;
}

export function proactiveSentence(year: number, items: number | null, previous?: number | null): string {
  if (items === null) return `${year}年的报告没有载明主动公开信息的条数。`;
  return `${year}年主动公开政府信息${count(items, '条')}${countChange(items, previous, '条')}。`;
}

const GROUP_VERB: Record<DominantCause['group'], string> = {
  granted: '予以公开',
  partiallyGranted: '部分公开',
  denied: '不予公开',
  unavailable: '无法提供',
  notProcessed: '不予处理',
  other: '作其他处理',
};

/**
 * What became of a year's applications: the dominant refusal cause when one stands out, else
 * how many were disclosed in full or in part.
 */
export function applicationsSentence(year: number, received: number | null, outcomes: OutcomeBreakdown | undefined, cause?: DominantCause): string {
  const handled = outcomes?.total ?? null;
  if (received === null && handled === null) return `${year}年的报告没有可提取的申请办理统计。`;
  const opening = received !== null ? `${year}年共收到申请${count(received)}` : `${year}年办理申请${count(handled!)}`;
  if (cause && cause.of === 'all') {
    const refused = `${count(cause.count)}因“${cause.cause}”${GROUP_VERB[cause.group]}`;
    // what was handled includes applications carried over: "of those received" only when it is the same number
    return cause.whole === received ? `${opening}，其中${refused}。` : `${opening}；办理的${count(cause.whole)}申请中，${refused}。`;
  }
  const granted = outcomes?.counts.granted ?? null;
  const partly = outcomes?.counts.partiallyGranted ?? null;
  if (!outcomes || handled === null || handled === 0 || granted === null || partly === null) return `${opening}。`;
  const share = percent(((granted + partly) / handled) * 100);
  const tail = cause ? `；${cause.groupLabel}的${count(cause.whole)}中，${count(cause.count)}属于“${cause.cause}”` : '';
  return `${opening}；办理结果中予以公开${count(granted)}、部分公开${count(partly)}，占办理总数的${share}${tail}。`;
}

export function hotlineSentence(year: number, hotline: ChannelFigures | undefined, previousRate?: number | null): string {
  if (!hotline || (hotline.received === null && hotline.resolvedRate === null)) return `${year}年的报告没有载明政务热线的数字。`;
  const parts: string[] = [];
  if (hotline.received !== null) parts.push(`政务热线受理${count(hotline.received)}`);
  if (hotline.resolvedRate !== null) parts.push(`办结率${percent(hotline.resolvedRate)}${rateChange(hotline.resolvedRate, previousRate)}`);
  else parts.push('报告没有载明办结率');
  if (hotline.satisfactionRate !== null) parts.push(`满意率${percent(hotline.satisfactionRate)}`);
  return `${year}年${parts.join('，')}。`;
}

export function appealsSentence(year: number, appeals: AppealFigures | undefined): string {
  const review = appeals?.review.total ?? null;
  const litigation = appeals?.litigation.total ?? null;
  if (review === null && litigation === null) return `${year}年的报告没有载明行政复议、行政诉讼的数字。`;
  if (review === 0 && litigation === 0) return `${year}年没有因政府信息公开引起的行政复议和行政诉讼。`;
  const what = [
    review !== null ? `被申请行政复议${count(review)}` : '行政复议数未载明',
    litigation !== null ? `被提起行政诉讼${count(litigation)}` : '行政诉讼数未载明',
  ].join('、');
  // corrected cases of the kinds stated; unknown when any of them is not stated
  const corrections = [review !== null ? (appeals?.review.corrected ?? null) : 0, litigation !== null ? (appeals?.litigation.corrected ?? null) : 0];
  const corrected = corrections.includes(null) ? null : (corrections as number[]).reduce((a, c) => a + c, 0);
  const result = corrected === null ? '' : corrected > 0 ? `，其中结果被纠正${count(corrected)}` : '，没有结果被纠正的';
  return `${year}年因政府信息公开${what}${result}。`;
}
