// A small dataset with known figures for the dashboard queries: counties of 怀化市 and one of
// 长沙市 over 2020–2022, the city of 怀化市 itself, a government-scope and a department report,
// both template versions (one 2020 report already in the 2021 format), a prose-only report, a
// report that fails its identities and one whose 上年结转 does not follow the year before.
// Each report is a contract object printed as text (lib/render) and ingested as a file.

import { resolvePlace, type Place } from '../../lib/geo/gazetteer';
import type { AppealsTable, ApplicationsTable, Channel, ProactiveTable, Report, TableName } from '../../lib/report/contract';
import { applicationRowsFor, type ApplicationRowKey } from '../../lib/report/labels';
import { citySubject, countySubject, departmentSubject, governmentSubject, regionOf, type Subject } from '../../lib/synth/places';
import { renderWithProse } from '../../lib/synth/index';

type Six = [number, number, number, number, number, number];
const ZERO: Six = [0, 0, 0, 0, 0, 0];
const withTotal = (cols: readonly number[]) => [...cols, cols.reduce((a, b) => a + b, 0)];

export interface Spec {
  subject: Subject;
  year: number;
  template: '2019' | '2021';
  newReceived?: Six;
  carriedOver?: Six;
  carriedForward?: Six;
  /** outcome rows given; what is left of each column goes to （四）1.本机关不掌握 */
  outcomes?: Partial<Record<ApplicationRowKey, Six>>;
  appeals?: AppealsTable;
  proactive?: ProactiveTable;
  items?: number;
  hotline?: Channel;
  mailbox?: Channel;
  /** prose only: no tables, and the prose states the applications received */
  proseApplications?: number;
  /** （七）总计 printed one too many (natural persons and total) */
  wrongTotal?: boolean;
}

function applications(spec: Spec): ApplicationsTable {
  const fresh = spec.newReceived ?? ZERO;
  const over = spec.carriedOver ?? ZERO;
  const forward = spec.carriedForward ?? ZERO;
  const processed = fresh.map((n, c) => n + over[c] - forward[c]);
  const shape = spec.template === '2021' ? 'otherSplit' : 'otherSingle';
  const table: ApplicationsTable = { newReceived: withTotal(fresh), carriedOver: withTotal(over) };
  const left = [...processed];
  for (const key of applicationRowsFor(shape)) {
    const given = spec.outcomes?.[key];
    if (given) {
      table[key] = withTotal(given);
      given.forEach((v, c) => (left[c] -= v));
    }
  }
  if (left.some((v) => v < 0)) throw new Error(`${spec.subject.issuer} ${spec.year}: outcomes exceed the applications`);
  const rows = Object.fromEntries(
    applicationRowsFor(shape).map((key) => {
      if (table[key]) return [key, table[key]];
      if (key === 'unavailable.notHeld') return [key, withTotal(left.map((v, c) => v + (spec.outcomes?.[key]?.[c] ?? 0)))];
      if (key === 'total') return [key, withTotal(processed)];
      if (key === 'carriedForward') return [key, withTotal(forward)];
      return [key, withTotal(ZERO)];
    }),
  ) as ApplicationsTable;
  if (spec.wrongTotal) rows.total = rows.total!.map((v, c) => (c === 0 || c === 6 ? v! + 1 : v));
  return rows;
}

export function proactive2019(over: ProactiveTable = {}): ProactiveTable {
  return {
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
    normativeDocuments: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
    licensing: { priorItems: 0, itemChange: 0, decisions: 0 },
    otherServices: { priorItems: 0, itemChange: 0, decisions: 0 },
    penalties: { priorItems: 0, itemChange: 0, decisions: 0 },
    enforcement: { priorItems: 0, itemChange: 0, decisions: 0 },
    fees: { priorItems: 0, itemChange: 0 },
    procurement: { projects: 0, amountWan: 0 },
    ...over,
  };
}

export function proactive2021(over: ProactiveTable = {}): ProactiveTable {
  return {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    licensing: { decisions: 0 },
    penalties: { decisions: 0 },
    enforcement: { decisions: 0 },
    fees: { amountWan: 0 },
    ...over,
  };
}

const NO_APPEALS: AppealsTable = { review: [0, 0, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [0, 0, 0, 0, 0] };

function channelSentence(c: Channel, kind: 'hotline' | 'mailbox'): string {
  const tail = [c.resolved !== undefined ? `办结${c.resolved}件` : null, `办结率${c.resolutionRate}%`, c.satisfactionRate !== undefined ? `满意率${c.satisfactionRate}%` : null].filter(Boolean).join('，');
  return kind === 'hotline' ? `${c.name}共受理群众来电${c.received}件，${tail}。` : `“${c.name}”共收到群众来信${c.received}件，${tail}。`;
}

export function buildReport(spec: Spec): { report: Report; prose: string[] } {
  const { subject, year } = spec;
  const proseOnly = spec.proseApplications !== undefined;
  const tables: TableName[] = proseOnly ? [] : ['proactive', 'applications', 'appeals'];
  const report: Report = {
    schema: 'nianbao.report/1',
    region: regionOf(subject.place),
    issuer: subject.issuer,
    scope: subject.scope,
    year,
    template: proseOnly ? null : spec.template,
    checks: [],
    tables,
    warnings: [],
    sources: {},
  };
  if (!proseOnly) {
    report.proactive = spec.proactive ?? (spec.template === '2019' ? proactive2019() : proactive2021());
    report.applications = applications(spec);
    report.appeals = spec.appeals ?? NO_APPEALS;
  }
  const body = subject.kind === 'department' || subject.kind === 'township';
  const who = body ? '本机关' : subject.kind === 'government' ? '本级政府及其办公室' : subject.whole;
  const prose = [spec.items !== undefined ? `${year}年，${who}共主动公开政府信息${spec.items}条。` : `${year}年，${who}政府信息公开各项工作有序推进。`];
  const activity: Report['activity'] = {};
  if (spec.items !== undefined) activity.publishedItems = spec.items;
  if (spec.hotline) {
    activity.hotlines = [spec.hotline];
    prose.push(channelSentence(spec.hotline, 'hotline'));
  }
  if (spec.mailbox) {
    activity.mailboxes = [spec.mailbox];
    prose.push(channelSentence(spec.mailbox, 'mailbox'));
  }
  if (proseOnly) {
    activity.applications = { received: spec.proseApplications };
    prose.push(`全年共收到政府信息公开申请${spec.proseApplications}件。`);
  }
  if (Object.keys(activity).length) report.activity = activity;
  return { report, prose };
}

const place = (name: string): Place => resolvePlace(name)!;

export const HUITONG = countySubject(place('会同县'));
export const ZHIJIANG = countySubject(place('芷江侗族自治县'));
export const YUELU = countySubject(place('岳麓区'));
export const HUAIHUA = citySubject(place('怀化市'));
export const HUITONG_GOVERNMENT = governmentSubject(place('会同县'));
export const HUITONG_EDUCATION = departmentSubject(place('会同县'), '教育局');

const six = (a: number, b = 0): Six => [a, b, 0, 0, 0, 0];

export const SPECS: Spec[] = [
  {
    subject: HUITONG,
    year: 2020,
    template: '2019',
    newReceived: six(8, 2),
    outcomes: { granted: six(1) },
    appeals: { review: [1, 1, 0, 0, 2], litigationDirect: [0, 0, 0, 1, 1], litigationAfterReview: [0, 0, 0, 0, 0] },
    proactive: proactive2019({ licensing: { priorItems: 30, itemChange: 2, decisions: 100 }, fees: { priorItems: 10, itemChange: 1 } }),
    items: 100,
    hotline: { name: '县长热线', received: 100, resolved: 50, resolutionRate: 50, satisfactionRate: 90 },
  },
  {
    // a 2020 report already in the 2021 format
    subject: ZHIJIANG,
    year: 2020,
    template: '2021',
    newReceived: six(90, 10),
    outcomes: { granted: six(80, 10), partiallyGranted: six(5) },
    appeals: { review: [2, 1, 1, 0, 4], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [0, 0, 0, 0, 0] },
    proactive: proactive2021({ normativeDocuments: { issued: 5, repealed: 0, inForce: 50 }, licensing: { decisions: 200 }, fees: { amountWan: 12.5 } }),
    items: 300,
    hotline: { name: '县长热线', received: 1000, resolved: 990, resolutionRate: 99, satisfactionRate: 99 },
  },
  {
    // 上年结转 1 where 2020 carried nothing forward: crossYear.carriedOver fails
    subject: HUITONG,
    year: 2021,
    template: '2021',
    newReceived: six(18, 2),
    carriedOver: six(1),
    carriedForward: six(1),
    outcomes: { granted: six(10, 1), partiallyGranted: six(2) },
    proactive: proactive2021({ licensing: { decisions: 150 }, fees: { amountWan: 20 } }),
    items: 120,
    hotline: { name: '县长热线', received: 200, resolved: 190, resolutionRate: 95, satisfactionRate: 90 },
  },
  {
    subject: ZHIJIANG,
    year: 2021,
    template: '2021',
    newReceived: six(20),
    outcomes: { granted: six(10) },
    proactive: proactive2021({ normativeDocuments: { issued: 5, repealed: 0, inForce: 55 }, licensing: { decisions: 250 }, fees: { amountWan: 30 } }),
    mailbox: { name: '县长信箱', received: 10, resolved: 10, resolutionRate: 100 },
  },
  { subject: YUELU, year: 2021, template: '2021', newReceived: six(40), outcomes: { granted: six(40) } },
  { subject: HUAIHUA, year: 2021, template: '2021', newReceived: six(500), outcomes: { granted: six(300) } },
  { subject: HUITONG_GOVERNMENT, year: 2021, template: '2021', newReceived: six(3), outcomes: { granted: six(3) } },
  { subject: HUITONG_EDUCATION, year: 2021, template: '2021', newReceived: six(2), outcomes: { granted: six(2) } },
  { subject: HUITONG, year: 2022, template: '2021', items: 130, proseApplications: 25 },
  { subject: ZHIJIANG, year: 2022, template: '2021', newReceived: six(30), outcomes: { granted: six(30) }, wrongTotal: true },
];

/** 岳麓区 2021 republished with other figures: a new version replaces the first. */
export const YUELU_REPUBLISHED: Spec = { subject: YUELU, year: 2021, template: '2021', newReceived: six(50), outcomes: { granted: six(45) } };

export function reportFile(spec: Spec): { name: string; bytes: Uint8Array; report: Report } {
  const { report, prose } = buildReport(spec);
  const text = renderWithProse(report, prose);
  return { name: `synthetic/test/${spec.subject.key}-${spec.year}-${text.length}.txt`, bytes: new TextEncoder().encode(text), report };
}
