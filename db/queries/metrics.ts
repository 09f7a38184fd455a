// The figures a dashboard can chart, rank and add up. Each metric names the columns of
// report_facts it is computed from and the template versions that define it: a metric is only
// ever computed over reports of those versions (fees are items in the 2019 table 二 and 万元 in
// the 2021 one; 对外公开总数量 is not 现行有效件数), and the reports of the other version are
// counted as excluded, never added in.
//
// Counts add up. Ratios are recomputed from summed counts (Σ numerator / Σ denominator), never
// averaged over reports.

import type { FactColumn } from '../../lib/report/facts';

export type Version = '2019' | '2021';
/** `prose` metrics do not depend on the tables' version (a prose-only report has none). */
export type Definition = readonly Version[] | 'prose';

interface MetricBase {
  id: string;
  label: string;
  definedBy: Definition;
}

export interface CountMetric extends MetricBase {
  kind: 'count' | 'amount';
  unit: '件' | '条' | '项' | '次' | '万元';
  /** the sum of these columns */
  columns: readonly FactColumn[];
}

export interface RatioMetric extends MetricBase {
  kind: 'ratio';
  unit: '%';
  /** Σ numerator / Σ denominator × 100, over the reports that state both */
  numerator: readonly FactColumn[];
  denominator: readonly FactColumn[];
}

export type Metric = CountMetric | RatioMetric;

const BOTH: readonly Version[] = ['2019', '2021'];
const V2019: readonly Version[] = ['2019'];
const V2021: readonly Version[] = ['2021'];

const count = (id: string, label: string, columns: FactColumn[], definedBy: Definition = BOTH, unit: CountMetric['unit'] = '件'): CountMetric => ({
  id,
  label,
  kind: unit === '万元' ? 'amount' : 'count',
  unit,
  columns,
  definedBy,
});
const ratio = (id: string, label: string, numerator: FactColumn[], denominator: FactColumn[], definedBy: Definition = BOTH): RatioMetric => ({
  id,
  label,
  kind: 'ratio',
  unit: '%',
  numerator,
  denominator,
  definedBy,
});

export const OUTCOME_COLUMNS = {
  granted: 'app_granted',
  partiallyGranted: 'app_partially_granted',
  denied: 'app_denied',
  unavailable: 'app_unavailable',
  notProcessed: 'app_not_processed',
  other: 'app_other',
} as const satisfies Record<string, FactColumn>;

export const APPLICANT_FACT_COLUMNS = {
  natural: 'app_new_natural',
  business: 'app_new_business',
  research: 'app_new_research',
  publicInterest: 'app_new_public_interest',
  legal: 'app_new_legal',
  other: 'app_new_other_applicant',
} as const satisfies Record<string, FactColumn>;

const CONCLUDED = {
  review: ['review_upheld', 'review_corrected', 'review_other'],
  litigation: ['lit_direct_upheld', 'lit_direct_corrected', 'lit_direct_other', 'lit_after_upheld', 'lit_after_corrected', 'lit_after_other'],
} as const satisfies Record<string, FactColumn[]>;

export const METRICS = [
  count('applications.newReceived', '本年新收政府信息公开申请', ['app_new']),
  // what the prose says (收到/受理 N 件 may include carried-over ones): never added to 本年新收
  count('applications.receivedInProse', '正文所述收到申请', ['prose_app_received'], 'prose'),
  count('applications.carriedOver', '上年结转申请', ['app_carried_over']),
  count('applications.total', '本年度办理结果总计', ['app_total']),
  count('applications.carriedForward', '结转下年度继续办理', ['app_carried_forward']),
  count('applications.granted', '予以公开', ['app_granted']),
  count('applications.partiallyGranted', '部分公开', ['app_partially_granted']),
  count('applications.denied', '不予公开', ['app_denied']),
  count('applications.unavailable', '无法提供', ['app_unavailable']),
  count('applications.notProcessed', '不予处理', ['app_not_processed']),
  count('applications.other', '其他处理', ['app_other']),
  ratio('applications.grantedRate', '予以公开率', ['app_granted'], ['app_total']),
  ratio('applications.disclosedRate', '公开率（予以公开与部分公开）', ['app_granted', 'app_partially_granted'], ['app_total']),
  count('appeals.review.total', '行政复议总计', ['review_total']),
  count('appeals.review.corrected', '行政复议结果纠正', ['review_corrected']),
  ratio('appeals.review.correctedRate', '行政复议纠错率（已审结）', ['review_corrected'], [...CONCLUDED.review]),
  count('appeals.litigation.total', '行政诉讼总计', ['lit_direct_total', 'lit_after_total']),
  count('appeals.litigation.corrected', '行政诉讼结果纠正', ['lit_direct_corrected', 'lit_after_corrected']),
  ratio('appeals.litigation.correctedRate', '行政诉讼纠错率（已审结）', ['lit_direct_corrected', 'lit_after_corrected'], [...CONCLUDED.litigation]),
  count('proactive.licensing.decisions', '行政许可处理决定', ['licensing_decisions']),
  count('proactive.penalties.decisions', '行政处罚处理决定', ['penalties_decisions']),
  count('proactive.enforcement.decisions', '行政强制处理决定', ['enforcement_decisions']),
  count('proactive.normativeDocuments.newlyMade', '规范性文件本年新制作（2019版）', ['normative_made_2019'], V2019),
  count('proactive.normativeDocuments.totalPublished', '规范性文件对外公开总数量（2019版）', ['normative_total_2019'], V2019),
  count('proactive.regulations.totalPublished', '规章对外公开总数量（2019版）', ['regulations_total_2019'], V2019),
  count('proactive.fees.priorItems', '行政事业性收费上一年项目数量（2019版）', ['fees_prior_items_2019'], V2019, '项'),
  count('proactive.procurement.projects', '政府集中采购项目数量（2019版）', ['procurement_projects_2019'], V2019, '项'),
  count('proactive.procurement.amountWan', '政府集中采购总金额（2019版）', ['procurement_amount_2019'], V2019, '万元'),
  count('proactive.normativeDocuments.issued', '行政规范性文件本年制发（2021版）', ['normative_issued_2021'], V2021),
  count('proactive.normativeDocuments.repealed', '行政规范性文件本年废止（2021版）', ['normative_repealed_2021'], V2021),
  count('proactive.normativeDocuments.inForce', '行政规范性文件现行有效（2021版）', ['normative_in_force_2021'], V2021),
  count('proactive.regulations.inForce', '规章现行有效（2021版）', ['regulations_in_force_2021'], V2021),
  count('proactive.fees.amountWan', '行政事业性收费金额（2021版）', ['fees_amount_2021'], V2021, '万元'),
  count('activity.publishedItems', '主动公开信息', ['published_items'], 'prose', '条'),
  count('hotline.received', '热线受理', ['hotline_received'], 'prose'),
  ratio('hotline.resolvedRate', '热线办结率', ['hotline_resolved'], ['hotline_received_resolved'], 'prose'),
  ratio('hotline.satisfactionRate', '热线满意率', ['hotline_satisfied'], ['hotline_received_rated'], 'prose'),
  count('mailbox.received', '信箱收信', ['mailbox_received'], 'prose'),
  ratio('mailbox.resolvedRate', '信箱办结率', ['mailbox_resolved'], ['mailbox_received_resolved'], 'prose'),
  ratio('mailbox.satisfactionRate', '信箱满意率', ['mailbox_satisfied'], ['mailbox_received_rated'], 'prose'),
] as const satisfies readonly Metric[];

export type MetricId = (typeof METRICS)[number]['id'];

export class MetricError extends Error {}

export function metricById(id: string): Metric {
  const metric = (METRICS as readonly Metric[]).find((m) => m.id === id);
  if (!metric) throw new MetricError(`unknown metric ${id}`);
  return metric;
}

export function definedFor(metric: Metric, template: string | null): boolean {
  if (metric.definedBy === 'prose') return true;
  return template !== null && (metric.definedBy as readonly string[]).includes(template);
}

/** Whether two metrics mean the same thing in every report they are defined for, so that their figures may be put side by side. */
export function comparable(a: Metric, b: Metric): boolean {
  if (a.definedBy === 'prose' || b.definedBy === 'prose') return a.definedBy === b.definedBy;
  return a.definedBy.length === b.definedBy.length && a.definedBy.every((v) => (b.definedBy as readonly Version[]).includes(v));
}

/** Refuses to put figures of different definitions in one chart or sum. */
export function assertComparable(metrics: readonly Metric[]): void {
  for (const m of metrics.slice(1)) {
    if (!comparable(metrics[0], m)) throw new MetricError(`${metrics[0].id} (${describeDefinition(metrics[0])}) and ${m.id} (${describeDefinition(m)}) are defined by different template versions and are never mixed`);
  }
}

export function describeDefinition(metric: Metric): string {
  return metric.definedBy === 'prose' ? 'prose' : `template ${metric.definedBy.join('/')}`;
}
