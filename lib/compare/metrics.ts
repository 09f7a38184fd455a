// The figures the compare page sets side by side, each read from one or two metrics of
// db/queries/metrics.ts. A figure the two template versions define differently (规范性文件:
// 对外公开总数量 in 2019, 现行有效件数 in 2021) names one metric per version; the page never
// puts the two in one line or one ranking (lib/compare/comparability.ts marks them).

import type { MetricId, Version } from '../../db/queries/metrics';

export interface CompareVariant {
  metric: MetricId;
  /** the template version this variant is read from; null: the metric's own definition (both versions, or prose) */
  version: Version | null;
  /** what the variant is called in that version */
  label: string;
}

export interface CompareMetric {
  /** anchor and test key */
  key: string;
  title: string;
  /** one sentence: what is counted and where in the report it is printed */
  description: string;
  kind: 'count' | 'ratio';
  /** 件, 条 …; '' for ratios (shown as %) */
  unit: string;
  variants: readonly CompareVariant[];
  /** hard checks whose failure puts the figure in doubt (the identities of its own table) */
  checkedBy: readonly string[];
}

const TABLE_3_CHECKS = ['applications.balance', 'applications.total', 'applications.rowSums'];

export const COMPARE_METRICS: readonly CompareMetric[] = [
  {
    key: 'applications',
    title: '本年新收申请',
    description: '表三“一、本年新收政府信息公开申请数量”的总计。',
    kind: 'count',
    unit: '件',
    variants: [{ metric: 'applications.newReceived', version: null, label: '本年新收申请' }],
    checkedBy: TABLE_3_CHECKS,
  },
  {
    key: 'granted',
    title: '予以公开率',
    description: '表三“予以公开”占办理结果总计的比例，由件数重新计算。',
    kind: 'ratio',
    unit: '',
    variants: [{ metric: 'applications.grantedRate', version: null, label: '予以公开率' }],
    checkedBy: TABLE_3_CHECKS,
  },
  {
    key: 'published',
    title: '主动公开信息',
    description: '正文所述本年主动公开的信息条数。',
    kind: 'count',
    unit: '条',
    variants: [{ metric: 'activity.publishedItems', version: null, label: '主动公开信息' }],
    checkedBy: [],
  },
  {
    key: 'normative',
    title: '行政规范性文件数量',
    description: '表二第二十条第（一）项：2019年版表格为“对外公开总数量”，2021年版为“现行有效件数”，两者定义不同。',
    kind: 'count',
    unit: '件',
    variants: [
      { metric: 'proactive.normativeDocuments.totalPublished', version: '2019', label: '对外公开总数量（2019年版）' },
      { metric: 'proactive.normativeDocuments.inForce', version: '2021', label: '现行有效件数（2021年版）' },
    ],
    checkedBy: [],
  },
  {
    key: 'hotline',
    title: '热线受理',
    description: '正文所述政务服务热线、县（市）长热线等受理的来电件数。',
    kind: 'count',
    unit: '件',
    variants: [{ metric: 'hotline.received', version: null, label: '热线受理' }],
    checkedBy: [],
  },
  {
    key: 'hotlineResolved',
    title: '热线办结率',
    description: '热线办结件数占受理件数的比例，只计两项都写明的热线，由件数重新计算。',
    kind: 'ratio',
    unit: '',
    variants: [{ metric: 'hotline.resolvedRate', version: null, label: '热线办结率' }],
    checkedBy: [],
  },
  {
    key: 'review',
    title: '行政复议',
    description: '表四因政府信息公开申请行政复议的总计件数。',
    kind: 'count',
    unit: '件',
    variants: [{ metric: 'appeals.review.total', version: null, label: '行政复议总计' }],
    checkedBy: ['appeals.review.total'],
  },
  {
    key: 'litigation',
    title: '行政诉讼',
    description: '表四行政诉讼的总计件数（未经复议直接起诉与复议后起诉之和）。',
    kind: 'count',
    unit: '件',
    variants: [{ metric: 'appeals.litigation.total', version: null, label: '行政诉讼总计' }],
    checkedBy: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
  },
];

/** Every METRICS id the compare page reads. */
export function compareMetricIds(metrics: readonly CompareMetric[] = COMPARE_METRICS): MetricId[] {
  return [...new Set(metrics.flatMap((m) => m.variants.map((v) => v.metric)))];
}

/** The heading with its unit: 本年新收申请（件）, 予以公开率（%）. */
export const titleWithUnit = (m: CompareMetric) => `${m.title}（${m.kind === 'ratio' ? '%' : m.unit}）`;
