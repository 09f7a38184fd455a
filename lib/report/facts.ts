// The figures the dashboard aggregates, one number per report: the columns of the
// report_facts table (db/schema.ts). Pure: computed from a contract object.
//
// A figure the report does not state is null, never 0. Groups of rows (the eight 不予公开
// rows) add up the cells that are printed; a blank cell inside a printed row counts as 0, as
// in the checks. Columns read the contract key of one template version only (2019: 本年新制作,
// 对外公开总数量, fee items; 2021: 制发, 现行有效, fee amounts), so a column never holds figures
// the two versions define differently.

import type { Channel, Report } from './contract';
import { APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, type ApplicationRowKey } from './labels';

export const FACT_COLUMNS = [
  // 表三, both versions
  'app_new',
  'app_new_natural',
  'app_new_business',
  'app_new_research',
  'app_new_public_interest',
  'app_new_legal',
  'app_new_other_applicant',
  'app_carried_over',
  'app_granted',
  'app_partially_granted',
  'app_denied',
  'app_unavailable',
  'app_not_processed',
  'app_other',
  'app_total',
  'app_carried_forward',
  // 表四, both versions: 维持 纠正 其他 尚未审结 总计
  'review_upheld',
  'review_corrected',
  'review_other',
  'review_pending',
  'review_total',
  'lit_direct_upheld',
  'lit_direct_corrected',
  'lit_direct_other',
  'lit_direct_pending',
  'lit_direct_total',
  'lit_after_upheld',
  'lit_after_corrected',
  'lit_after_other',
  'lit_after_pending',
  'lit_after_total',
  // 表二, both versions (处理决定数量 / 本年处理决定数量)
  'licensing_decisions',
  'penalties_decisions',
  'enforcement_decisions',
  // 表二, 2019 version
  'regulations_made_2019',
  'regulations_total_2019',
  'normative_made_2019',
  'normative_total_2019',
  'fees_prior_items_2019',
  'fees_item_change_2019',
  'procurement_projects_2019',
  'procurement_amount_2019',
  // 表二, 2021 version
  'regulations_issued_2021',
  'regulations_repealed_2021',
  'regulations_in_force_2021',
  'normative_issued_2021',
  'normative_repealed_2021',
  'normative_in_force_2021',
  'fees_amount_2021',
  // prose
  'published_items',
  'prose_app_received',
  'hotline_channels',
  'hotline_received',
  'hotline_resolved',
  /** received, over the channels that state how many were resolved: the resolution rate's denominator */
  'hotline_received_resolved',
  /** Σ satisfactionRate × received / 100: the satisfied count the printed rate implies */
  'hotline_satisfied',
  'hotline_received_rated',
  'mailbox_channels',
  'mailbox_received',
  'mailbox_resolved',
  'mailbox_received_resolved',
  'mailbox_satisfied',
  'mailbox_received_rated',
] as const;

export type FactColumn = (typeof FACT_COLUMNS)[number];
export type FactValues = Record<FactColumn, number | null>;

type Cells = readonly (number | null)[] | undefined;

/** The printed cells added up (blank = 0); null when none of the rows is printed. */
function addRows(rows: Cells[], index: number): number | null {
  const printed = rows.filter((r): r is readonly (number | null)[] => r !== undefined);
  if (printed.length === 0) return null;
  return printed.reduce((acc, r) => acc + (r[index] ?? 0), 0);
}

const cell = (row: Cells, index: number) => addRows([row], index);

const GROUP_PREFIXES = { denied: 'denied.', unavailable: 'unavailable.', notProcessed: 'notProcessed.', other: 'other' } as const;

function groupRows(report: Report, group: keyof typeof GROUP_PREFIXES): Cells[] {
  const apps = report.applications ?? {};
  return APPLICATION_ROWS.filter((r) => r.key.startsWith(GROUP_PREFIXES[group])).map((r) => apps[r.key as ApplicationRowKey]);
}

const APPEAL_PREFIX = { review: 'review', litigationDirect: 'lit_direct', litigationAfterReview: 'lit_after' } as const;
const APPEAL_SUFFIX = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

function channelColumns(channels: Channel[] | undefined) {
  if (!channels?.length) return { channels: null, received: null, resolved: null, receivedResolved: null, satisfied: null, receivedRated: null };
  const counted = channels.filter((c) => c.received !== undefined);
  const resolvedKnown = counted.filter((c) => c.resolved !== undefined);
  const rated = counted.filter((c) => c.satisfactionRate !== undefined);
  const total = (xs: Channel[], f: (c: Channel) => number) => (xs.length ? xs.reduce((a, c) => a + f(c), 0) : null);
  return {
    channels: channels.length,
    received: total(counted, (c) => c.received!),
    resolved: total(resolvedKnown, (c) => c.resolved!),
    receivedResolved: total(resolvedKnown, (c) => c.received!),
    satisfied: total(rated, (c) => (c.satisfactionRate! * c.received!) / 100),
    receivedRated: total(rated, (c) => c.received!),
  };
}

function proactiveValue(report: Report, template: '2019' | '2021' | 'both', row: string, column: string): number | null {
  if (template !== 'both' && report.template !== template) return null;
  const block = (report.proactive as Record<string, Record<string, number | null> | undefined> | undefined)?.[row];
  if (!block || !(column in block)) return null;
  return block[column] ?? 0;
}

export function reportFacts(report: Report): FactValues {
  const apps = report.applications ?? {};
  const T = APPLICANT_TOTAL_INDEX;
  const out = Object.fromEntries(FACT_COLUMNS.map((c) => [c, null])) as FactValues;

  out.app_new = cell(apps.newReceived, T);
  (['app_new_natural', 'app_new_business', 'app_new_research', 'app_new_public_interest', 'app_new_legal', 'app_new_other_applicant'] as const).forEach(
    (c, i) => (out[c] = cell(apps.newReceived, i)),
  );
  out.app_carried_over = cell(apps.carriedOver, T);
  out.app_granted = cell(apps.granted, T);
  out.app_partially_granted = cell(apps.partiallyGranted, T);
  out.app_denied = addRows(groupRows(report, 'denied'), T);
  out.app_unavailable = addRows(groupRows(report, 'unavailable'), T);
  out.app_not_processed = addRows(groupRows(report, 'notProcessed'), T);
  out.app_other = addRows(groupRows(report, 'other'), T);
  out.app_total = cell(apps.total, T);
  out.app_carried_forward = cell(apps.carriedForward, T);

  for (const [group, prefix] of Object.entries(APPEAL_PREFIX) as [keyof typeof APPEAL_PREFIX, string][]) {
    const row = report.appeals?.[group];
    APPEAL_SUFFIX.forEach((suffix, i) => (out[`${prefix}_${suffix}` as FactColumn] = cell(row, i)));
  }

  out.licensing_decisions = proactiveValue(report, 'both', 'licensing', 'decisions');
  out.penalties_decisions = proactiveValue(report, 'both', 'penalties', 'decisions');
  out.enforcement_decisions = proactiveValue(report, 'both', 'enforcement', 'decisions');

  out.regulations_made_2019 = proactiveValue(report, '2019', 'regulations', 'newlyMade');
  out.regulations_total_2019 = proactiveValue(report, '2019', 'regulations', 'totalPublished');
  out.normative_made_2019 = proactiveValue(report, '2019', 'normativeDocuments', 'newlyMade');
  out.normative_total_2019 = proactiveValue(report, '2019', 'normativeDocuments', 'totalPublished');
  out.fees_prior_items_2019 = proactiveValue(report, '2019', 'fees', 'priorItems');
  out.fees_item_change_2019 = proactiveValue(report, '2019', 'fees', 'itemChange');
  out.procurement_projects_2019 = proactiveValue(report, '2019', 'procurement', 'projects');
  out.procurement_amount_2019 = proactiveValue(report, '2019', 'procurement', 'amountWan');

  out.regulations_issued_2021 = proactiveValue(report, '2021', 'regulations', 'issued');
  out.regulations_repealed_2021 = proactiveValue(report, '2021', 'regulations', 'repealed');
  out.regulations_in_force_2021 = proactiveValue(report, '2021', 'regulations', 'inForce');
  out.normative_issued_2021 = proactiveValue(report, '2021', 'normativeDocuments', 'issued');
  out.normative_repealed_2021 = proactiveValue(report, '2021', 'normativeDocuments', 'repealed');
  out.normative_in_force_2021 = proactiveValue(report, '2021', 'normativeDocuments', 'inForce');
  out.fees_amount_2021 = proactiveValue(report, '2021', 'fees', 'amountWan');

  const activity = report.activity;
  out.published_items = activity?.publishedItems ?? null;
  out.prose_app_received = activity?.applications?.received ?? null;
  for (const kind of ['hotline', 'mailbox'] as const) {
    const c = channelColumns(kind === 'hotline' ? activity?.hotlines : activity?.mailboxes);
    out[`${kind}_channels`] = c.channels;
    out[`${kind}_received`] = c.received;
    out[`${kind}_resolved`] = c.resolved;
    out[`${kind}_received_resolved`] = c.receivedResolved;
    out[`${kind}_satisfied`] = c.satisfied;
    out[`${kind}_received_rated`] = c.receivedRated;
  }
  return out;
}
