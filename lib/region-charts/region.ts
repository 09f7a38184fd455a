// The region page's chart inputs, from the dashboard queries' per-year figures: application
// outcomes and applicant mix stacked by year, hotline and mailbox volumes, review and
// litigation results. Pure: the page passes plain data, the chart builds the option.

import type { AppealFigures } from '../../db/queries/appeals';
import type { ApplicantKey, Breakdown, OutcomeBreakdown } from '../../db/queries/applications';
import type { ChannelFigures } from '../../db/queries/channels';
import { PALETTE } from '../charts/palette';
import { APPEAL_COLUMNS } from '../report/labels';
import { APPLICANT_LABELS, OUTCOME_GROUPS } from '../region/outcomes';
import type { BarChartInput } from './bars';

type ByYear<T> = ReadonlyMap<number, T>;

const categories = (years: readonly number[]) => years.map(String);

/** 公开 … 其他处理 stacked per year (counts of the 总计 column). */
export function outcomesChart(years: readonly number[], byYear: ByYear<OutcomeBreakdown>): BarChartInput {
  return {
    categories: categories(years),
    unit: '件',
    series: OUTCOME_GROUPS.map((g, i) => ({ name: g.label, stack: 'outcomes', colour: PALETTE[i], values: years.map((y) => byYear.get(y)?.counts[g.key] ?? null) })),
  };
}

const APPLICANT_KEYS: readonly ApplicantKey[] = ['natural', 'business', 'research', 'publicInterest', 'legal', 'other'];

/** 自然人 … 其他 stacked per year (本年新收). */
export function applicantsChart(years: readonly number[], byYear: ByYear<Breakdown<ApplicantKey>>): BarChartInput {
  return {
    categories: categories(years),
    unit: '件',
    series: APPLICANT_KEYS.map((k, i) => ({ name: APPLICANT_LABELS[i], stack: 'applicants', colour: PALETTE[i], values: years.map((y) => byYear.get(y)?.counts[k] ?? null) })),
  };
}

/** Hotline calls and mailbox letters received, side by side per year. */
export function channelsChart(years: readonly number[], hotline: ByYear<ChannelFigures>, mailbox: ByYear<ChannelFigures>): BarChartInput {
  return {
    categories: categories(years),
    unit: '件',
    series: [
      { name: '热线受理', colour: PALETTE[0], values: years.map((y) => hotline.get(y)?.received ?? null) },
      { name: '信箱收信', colour: PALETTE[1], values: years.map((y) => mailbox.get(y)?.received ?? null) },
    ],
  };
}

const APPEAL_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/**
 * Review and litigation results per year: two stacked bars a year (行政复议, 行政诉讼), the
 * results in the colours of APPEAL_COLUMNS' order.
 */
export function appealsChart(years: readonly number[], byYear: ByYear<AppealFigures>): BarChartInput {
  const kinds = [
    { key: 'review', label: '复议' },
    { key: 'litigation', label: '诉讼' },
  ] as const;
  const cats = years.flatMap((y) => kinds.map((k) => `${y} ${k.label}`));
  const series = APPEAL_PARTS.map((part, i) => ({
    name: APPEAL_COLUMNS[i],
    stack: 'appeals',
    colour: PALETTE[i],
    values: years.flatMap((y) => kinds.map((k) => byYear.get(y)?.[k.key][part] ?? null)),
  }));
  return { categories: cats, unit: '件', series };
}
