// When two figures may be compared, and how a figure that may not is marked. The storage layer's
// aggregation rules, applied to one region's figure beside the others':
//   - counts only mean the same over one scope (全域 vs 政府本级) and one level (a city's report
//     covers its counties): another scope or level is 范围不同 / 层级不同;
//   - a figure the 2019 and 2021 templates define differently is 口径不同 beside the reference
//     version's (and a single-version metric is not read from a report of the other version);
//   - a figure whose table fails its accounting identities (hard checks) is 检查未通过;
//   - ratios come from the report's counts; a zero denominator gives no ratio (无从计算);
//   - a missing figure is 未载明 (report without it) or 无报告 (no report), never 0.
// A marked figure is shown with its marks, drawn apart, and never ranked with the others.

import { NO_REPORT, NOT_STATED } from '../format/number';
import { definedFor, metricById, type Version } from '../../db/queries/metrics';
import type { Level, ReportScope } from '../../db/queries/selection';
import { ratio } from '../../db/queries/arithmetic';
import { countScopes } from '../region/scope';
import type { CompareMetric, CompareVariant } from './metrics';

/** Marks of a figure that is shown but not comparable. */
export type ValueMark = 'definition' | 'scope' | 'level' | 'failed';
/** Reasons a cell has no figure. */
export type GapMark = 'unstated' | 'zeroBase' | 'noReport';
export type Mark = ValueMark | GapMark;

export interface MarkInfo {
  label: string;
  /** the legend's explanation */
  description: string;
}

export const MARKS: Record<Mark, MarkInfo> = {
  definition: { label: '口径不同', description: '报告所用的表格版本（2019年版或2021年版）对此项的定义与其他数字不同：数字另行标出，或不取用，不放在一起比较。' },
  scope: { label: '范围不同', description: '报告的统计范围与比较口径不同（如只含政府及其办公室，或未注明范围），不放在一起比较。' },
  level: { label: '层级不同', description: '地区层级与其他地区不同（如市与县：市的全域数字包含所辖各县），不放在一起比较。' },
  failed: { label: '检查未通过', description: '数字所在的统计表没有通过核对（合计与分项对不上），数字存疑，不参与排名。' },
  unstated: { label: NOT_STATED, description: '有报告，但报告没有写明此项（如只有正文、没有统计表）。不当作 0。' },
  zeroBase: { label: '无从计算', description: '比率的分母为 0（如当年没有收到申请），无法计算比例。' },
  noReport: { label: NO_REPORT, description: '数据库中没有该地区该年度的报告。' },
};

/** The order marks are listed in (the legend's order too). */
export const MARK_ORDER: readonly Mark[] = ['definition', 'scope', 'level', 'failed', 'unstated', 'zeroBase', 'noReport'];

/** What one report holds for the compare page (a row of db/queries/compare.ts). */
export interface ReportFigures {
  reportId: number;
  scope: ReportScope;
  template: '2019' | '2021' | 'pre2019' | null;
  /** hard checks the report fails */
  failedChecks: readonly string[];
  /** per metric id: the count or a ratio's numerator, and a ratio's denominator */
  parts: Readonly<Record<string, { numerator: number | null; denominator: number | null }>>;
}

/** What the other figures are: the scope, level and (for metrics with two definitions) version compared. */
export interface Reference {
  scope: ReportScope;
  /** null when no region is given */
  level: Level | null;
  /** the definition compared, for a metric read from one variant per version; null otherwise */
  version: Version | null;
}

export interface MarkedFigure {
  /** a count, or a ratio as a fraction (0–1); null: see marks */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** the variant read (null when none applies) */
  variant: CompareVariant | null;
  reportId: number | null;
  /** empty: comparable with every other unmarked figure of the metric */
  marks: Mark[];
}

/** The figure may be set beside the others (drawn on the shared bars, ranked). */
export const isComparable = (f: MarkedFigure): boolean => f.value !== null && f.marks.length === 0;

/** The report of a region-year the page shows: the reference scope's, else the first other scope (全域, 政府本级, 未注明, 部门, 乡镇). */
export function pickReport<R extends { scope: ReportScope }>(reports: readonly R[], scope: ReportScope): R | null {
  const same = reports.find((r) => r.scope === scope);
  if (same) return same;
  const first = countScopes(reports)[0];
  return first ? reports.find((r) => r.scope === first.scope)! : null;
}

/** The level most regions share; on a tie, that of the first-listed region among the tied levels. */
export function referenceLevel(levels: readonly Level[]): Level | null {
  const counts = new Map<Level, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: Level | null = null;
  for (const l of levels) if (best === null || counts.get(l)! > counts.get(best)!) best = l;
  return best;
}

/** The variant of a metric a report's template defines (null: none does). */
export function variantFor(metric: CompareMetric, template: ReportFigures['template']): CompareVariant | null {
  return metric.variants.find((v) => definedFor(metricById(v.metric), template)) ?? null;
}

/** For a metric with one variant per version, the newest version any of these reports uses; null otherwise. */
export function referenceVersion(metric: CompareMetric, reports: readonly Pick<ReportFigures, 'template'>[]): Version | null {
  if (metric.variants.length < 2) return null;
  const used = new Set(reports.map((r) => variantFor(metric, r.template)?.version).filter((v): v is Version => v !== null && v !== undefined));
  return used.has('2021') ? '2021' : used.has('2019') ? '2019' : null;
}

const gap = (mark: Mark, reportId: number | null, variant: CompareVariant | null = null): MarkedFigure => ({
  value: null,
  numerator: null,
  denominator: null,
  variant,
  reportId,
  marks: [mark],
});

/** One region's figure for a metric in a year, with whatever keeps it from being compared. */
export function markFigure(metric: CompareMetric, report: ReportFigures | null, regionLevel: Level, reference: Reference): MarkedFigure {
  if (!report) return gap('noReport', null);
  const variant = variantFor(metric, report.template);
  if (!variant) {
    // a table figure of a report without tables is not stated; of a report of another version, defined differently
    const anyStated = metric.variants.some((v) => report.parts[v.metric]?.numerator != null);
    return gap(report.template === null && !anyStated ? 'unstated' : 'definition', report.reportId);
  }
  const parts = report.parts[variant.metric] ?? { numerator: null, denominator: null };
  if (parts.numerator === null) return gap('unstated', report.reportId, variant);
  let value = parts.numerator;
  if (metric.kind === 'ratio') {
    const pct = ratio(parts.numerator, parts.denominator);
    if (pct === null) return { ...gap(parts.denominator === null ? 'unstated' : 'zeroBase', report.reportId, variant), numerator: parts.numerator, denominator: parts.denominator };
    value = pct / 100;
  }
  const marks: Mark[] = [];
  if (variant.version !== null && reference.version !== null && variant.version !== reference.version) marks.push('definition');
  if (report.scope !== reference.scope) marks.push('scope');
  if (reference.level !== null && regionLevel !== reference.level) marks.push('level');
  if (report.failedChecks.some((id) => metric.checkedBy.includes(id))) marks.push('failed');
  return {
    value,
    numerator: metric.kind === 'ratio' ? parts.numerator : null,
    denominator: metric.kind === 'ratio' ? parts.denominator : null,
    variant,
    reportId: report.reportId,
    marks,
  };
}

/** The marks that occur in these figures, in legend order (for a legend that lists only what is shown). */
export function marksUsed(figures: Iterable<{ marks: readonly Mark[] }>): Mark[] {
  const seen = new Set<Mark>();
  for (const f of figures) for (const m of f.marks) seen.add(m);
  return MARK_ORDER.filter((m) => seen.has(m));
}

/** The marks as one phrase: 范围不同、检查未通过. */
export const markText = (marks: readonly Mark[]): string => marks.map((m) => MARKS[m].label).join('、');
