// Synthetic report contents, for scale tests only: plausible figures for one body over a run
// of years. Tables 三 and 四 satisfy their identities except where a fault is planted on
// purpose; 上年结转 follows last year's 结转下年度 except where a break is planted; 现行有效
// carries over in the 2021 format. Every report is a contract object plus the prose lines
// that state its activity figures, so that rendering and parsing it gives the same figures.

import type { Activity, AppealsTable, ApplicationsTable, Channel, ProactiveTable, Report, TableName } from '../report/contract';
import { applicationRowsFor, type ApplicationRowKey } from '../report/labels';
import type { TextLayout } from '../render/report';
import { regionOf, type Subject } from './places';
import { createRng, hashSeed, splitCount, type Rng } from './random';

export type Fault = 'outcome-cell' | 'total-cell' | 'appeal-total';

export interface SyntheticReport {
  subject: Subject;
  year: number;
  report: Report;
  /** section 一's lines: the prose the activity figures are read from */
  prose: string[];
  layout: TextLayout;
  /** an identity broken on purpose */
  fault: Fault | null;
  /** 上年结转 deliberately differs from last year's 结转下年度 */
  carryBreak: boolean;
}

export interface Rates {
  fault: number;
  carryBreak: number;
  /** a 2020 report already in the 2021 format */
  early2021: number;
  /** a 2021-format report whose table 三 keeps the single （六）其他处理 row */
  singleOther: number;
  proseOnly: number;
  someTables: number;
}

export const DEFAULT_RATES: Rates = { fault: 0.03, carryBreak: 0.04, early2021: 0.05, singleOther: 0.08, proseOnly: 0.015, someTables: 0.015 };

const APPLICANT_WEIGHTS = [0.86, 0.08, 0.004, 0.006, 0.02, 0.03];

const OUTCOME_WEIGHTS: Partial<Record<ApplicationRowKey, number>> = {
  granted: 0.4,
  partiallyGranted: 0.07,
  'denied.stateSecret': 0.004,
  'denied.prohibitedByLaw': 0.008,
  'denied.securityStability': 0.003,
  'denied.thirdPartyRights': 0.01,
  'denied.internalAffairs': 0.005,
  'denied.processInformation': 0.01,
  'denied.enforcementFiles': 0.003,
  'denied.administrativeQuery': 0.02,
  'unavailable.notHeld': 0.2,
  'unavailable.needsCreation': 0.03,
  'unavailable.stillUnclear': 0.02,
  'notProcessed.petition': 0.04,
  'notProcessed.duplicate': 0.03,
  'notProcessed.publication': 0.005,
  'notProcessed.massRepeated': 0.01,
  'notProcessed.confirmation': 0.01,
  other: 0.077,
  'other.overdueCorrection': 0.03,
  'other.overdueFee': 0.002,
  'other.other': 0.045,
};

const SIZE: Record<Subject['kind'], number> = { county: 1, city: 8, government: 0.35, department: 0.12, township: 0.04 };
const LAYOUTS: TextLayout[] = ['pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe', 'cellBar', 'cellPerLine'];

/** What a body carries from one year to the next. */
interface State {
  size: number;
  carriedForward: number[] | null;
  /** 2019 format: 对外公开总数量; 2021 format: 现行有效件数 */
  regulations: number;
  normativeDocuments: number;
  items: Record<'licensing' | 'otherServices' | 'penalties' | 'enforcement' | 'fees', number>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const count = (rng: Rng, mean: number) => Math.max(0, Math.round(mean + Math.sqrt(Math.max(mean, 0)) * rng.normal()));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withTotal = (cols: number[]) => [...cols, sum(cols)];

function initialState(subject: Subject, rng: Rng): State {
  const size = SIZE[subject.kind] * rng.logNormal(1, 0.8);
  return {
    size,
    carriedForward: null,
    regulations: subject.kind === 'city' ? rng.int(5, 40) : 0,
    normativeDocuments: Math.round(rng.logNormal(60, 0.6) * Math.sqrt(size)),
    items: {
      licensing: Math.round(rng.logNormal(300, 0.4)),
      otherServices: Math.round(rng.logNormal(400, 0.5)),
      penalties: Math.round(rng.logNormal(1500, 0.5)),
      enforcement: Math.round(rng.logNormal(100, 0.5)),
      fees: Math.round(rng.logNormal(20, 0.5)),
    },
  };
}

export function templateFor(year: number, rng: Rng, rates: Rates): '2019' | '2021' {
  if (year >= 2021) return '2021';
  return year === 2020 && rng.chance(rates.early2021) ? '2021' : '2019';
}

/** 一 + 二 = （七）总计 + 四 and （七）总计 = the outcome rows, per column; 总计 = the six columns, per row. */
export function applicationsTable(rng: Rng, newTotal: number, carriedOver: number[], shape: 'otherSingle' | 'otherSplit'): ApplicationsTable {
  const fresh = splitCount(newTotal, APPLICANT_WEIGHTS, rng);
  const forward = fresh.map((n, c) => count(rng, (n + carriedOver[c]) * 0.03));
  const clamped = forward.map((f, c) => Math.min(f, fresh[c] + carriedOver[c]));
  const processed = fresh.map((n, c) => n + carriedOver[c] - clamped[c]);
  const outcomeKeys = applicationRowsFor(shape).filter((k) => OUTCOME_WEIGHTS[k] !== undefined);
  const weights = outcomeKeys.map((k) => OUTCOME_WEIGHTS[k]!);
  const byColumn = processed.map((p) => splitCount(p, weights, rng));
  const table: ApplicationsTable = {
    newReceived: withTotal(fresh),
    carriedOver: withTotal(carriedOver),
  };
  outcomeKeys.forEach((key, i) => (table[key] = withTotal(byColumn.map((col) => col[i]))));
  table.total = withTotal(processed);
  table.carriedForward = withTotal(clamped);
  return orderRows(table, shape);
}

function orderRows(table: ApplicationsTable, shape: 'otherSingle' | 'otherSplit'): ApplicationsTable {
  return Object.fromEntries(applicationRowsFor(shape).map((k) => [k, table[k]])) as ApplicationsTable;
}

/** 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group. */
export function appealsTable(rng: Rng, applications: number): AppealsTable {
  const group = (mean: number) => withTotal(splitCount(count(rng, mean), [0.6, 0.12, 0.13, 0.15], rng));
  return { review: group(applications * 0.03), litigationDirect: group(applications * 0.015), litigationAfterReview: group(applications * 0.006) };
}

function proactive2019(rng: Rng, state: State, subject: Subject): ProactiveTable {
  const regMade = subject.kind === 'city' ? rng.int(0, 3) : 0;
  const docMade = count(rng, 8 * Math.sqrt(state.size));
  state.regulations += regMade;
  state.normativeDocuments += docMade;
  const block = (key: keyof State['items'], decisionsMean: number) => {
    const priorItems = state.items[key];
    const itemChange = Math.max(-priorItems, rng.int(-Math.ceil(priorItems * 0.08), Math.ceil(priorItems * 0.1)));
    state.items[key] = priorItems + itemChange;
    return { priorItems, itemChange, decisions: count(rng, decisionsMean * state.size) };
  };
  const projects = count(rng, 80 * state.size);
  const { priorItems, itemChange } = block('fees', 0);
  return {
    regulations: { newlyMade: regMade, newlyPublished: regMade, totalPublished: state.regulations },
    normativeDocuments: { newlyMade: docMade, newlyPublished: docMade, totalPublished: state.normativeDocuments },
    licensing: block('licensing', 5000),
    otherServices: block('otherServices', 20000),
    penalties: block('penalties', 900),
    enforcement: block('enforcement', 120),
    fees: { priorItems, itemChange },
    procurement: { projects, amountWan: round2(projects * rng.logNormal(120, 0.5)) },
  };
}

/** 现行有效 (Y) = 现行有效 (Y−1) + 制发 − 废止, except where `inForceSlip` plants a difference. */
function proactive2021(rng: Rng, state: State, subject: Subject, inForceSlip: boolean): ProactiveTable {
  const row = (current: number, issuedMean: number) => {
    const issued = count(rng, issuedMean);
    const repealed = Math.min(current + issued, count(rng, issuedMean * 0.4));
    return { issued, repealed, inForce: current + issued - repealed };
  };
  const regulations = subject.kind === 'city' ? row(state.regulations, 2) : { issued: 0, repealed: 0, inForce: 0 };
  const normativeDocuments = row(state.normativeDocuments, 8 * Math.sqrt(state.size));
  if (inForceSlip) normativeDocuments.inForce += rng.int(1, 5);
  state.regulations = regulations.inForce;
  state.normativeDocuments = normativeDocuments.inForce;
  return {
    regulations,
    normativeDocuments,
    licensing: { decisions: count(rng, 5000 * state.size) },
    penalties: { decisions: count(rng, 900 * state.size) },
    enforcement: { decisions: count(rng, 120 * state.size) },
    fees: { amountWan: round2(rng.logNormal(300, 0.7) * state.size) },
  };
}

function plantFault(rng: Rng, report: Report): Fault | null {
  const apps = report.applications;
  const options: Fault[] = [];
  if (apps?.granted) options.push('outcome-cell', 'total-cell');
  if (report.appeals) options.push('appeal-total');
  if (options.length === 0) return null;
  const fault = rng.pick(options);
  const delta = rng.pick([1, 2, 10, -1]);
  const bump = (row: (number | null)[], i: number) => {
    const v = row[i] ?? 0;
    row[i] = v + delta >= 0 ? v + delta : v + 1;
  };
  if (fault === 'outcome-cell') bump(apps!.granted!, 0);
  if (fault === 'total-cell') bump(apps!.total!, 6);
  if (fault === 'appeal-total') bump(report.appeals!.review, 4);
  return fault;
}

const rate2 = (part: number, whole: number) => round2((part / whole) * 100);

function channel(rng: Rng, name: string, receivedMedian: number): Channel {
  const received = Math.max(1, Math.round(rng.logNormal(receivedMedian, 0.6)));
  const resolved = received - Math.min(received, count(rng, received * 0.01));
  const c: Channel = { name, received };
  if (rng.chance(0.9)) c.resolved = resolved;
  c.resolutionRate = rate2(resolved, received);
  if (rng.chance(0.8)) c.satisfactionRate = round2(Math.min(100, 100 - Math.abs(rng.normal()) * 2));
  return c;
}

export interface Prose {
  activity: Activity;
  lines: string[];
}

/** The prose of section 一 and the activity figures it states. */
export function proseFor(rng: Rng, subject: Subject, year: number, size: number, proseApplications: number | null): Prose {
  const activity: Activity = {};
  const lines: string[] = [];
  const items = rng.chance(0.9) ? Math.max(1, Math.round(rng.logNormal(1500, 0.6) * Math.sqrt(size))) : null;
  if (items !== null) activity.publishedItems = items;
  const body = subject.kind === 'department' || subject.kind === 'township';
  const who = body ? '本机关' : subject.kind === 'government' ? '本级政府及其办公室' : subject.whole;
  lines.push(items !== null ? `${year}年，${who}共主动公开政府信息${items}条。` : `${year}年，${body ? '本机关' : who}政府信息公开各项工作有序推进。`);
  if (subject.kind === 'government' && items === null) lines.push('本报告统计本级政府及其办公室的政府信息公开工作。');

  if (!body && rng.chance(0.7)) {
    const name = rng.chance(0.4) ? '12345政务服务便民热线' : `${subject.head}热线`;
    const c = channel(rng, name, 3000 * Math.sqrt(size));
    activity.hotlines = [c];
    lines.push(`${name}共受理群众来电${c.received}件，${channelTail(c)}`);
  }
  if (rng.chance(body ? 0.2 : 0.5)) {
    const name = body ? '局长信箱' : `${subject.head}信箱`;
    const c = channel(rng, name, 100 * Math.sqrt(size));
    activity.mailboxes = [c];
    lines.push(`“${name}”共收到群众来信${c.received}件，${channelTail(c)}`);
  }
  if (proseApplications !== null) {
    activity.applications = { received: proseApplications };
    lines.push(`全年共收到政府信息公开申请${proseApplications}件。`);
  }
  return { activity, lines };
}

function channelTail(c: Channel): string {
  const parts = [c.resolved !== undefined ? `办结${c.resolved}件` : null, `办结率${c.resolutionRate}%`, c.satisfactionRate !== undefined ? `满意率${c.satisfactionRate}%` : null];
  return `${parts.filter(Boolean).join('，')}。`;
}

/** The version the parser reads off the printed tables (lib/parse/template.ts). */
export function printedTemplate(version: '2019' | '2021', shape: 'otherSingle' | 'otherSplit', tables: readonly TableName[], year: number): Report['template'] {
  if (tables.includes('proactive')) return version;
  if (tables.includes('applications')) return shape === 'otherSplit' ? '2021' : '2019';
  if (tables.includes('appeals')) return year >= 2021 ? '2021' : '2019';
  return null;
}

function tablesFor(rng: Rng, rates: Rates): TableName[] {
  const r = rng.next();
  if (r < rates.proseOnly) return [];
  if (r < rates.proseOnly + rates.someTables) return rng.pick([['proactive', 'applications'], ['applications'], ['proactive', 'appeals']] as TableName[][]);
  return ['proactive', 'applications', 'appeals'];
}

/**
 * One body's reports over `years` (ascending), skipping none: the caller drops the years it
 * wants missing. Deterministic in (seed, subject key).
 */
export function generateSeries(subject: Subject, years: readonly number[], seed: number, rates: Rates = DEFAULT_RATES): SyntheticReport[] {
  const rng = createRng(hashSeed(seed, subject.key));
  const state = initialState(subject, rng);
  const growth = rng.logNormal(1.06, 0.05);
  const out: SyntheticReport[] = [];
  for (const [i, year] of years.entries()) {
    const template = templateFor(year, rng, rates);
    const shape = template === '2021' && !rng.chance(rates.singleOther) ? 'otherSplit' : 'otherSingle';
    const tables = tablesFor(rng, rates);
    const newTotal = count(rng, 60 * state.size * growth ** i);
    const carryBreak = state.carriedForward !== null && rng.chance(rates.carryBreak);
    const carriedOver = !state.carriedForward || carryBreak ? splitCount(count(rng, newTotal * 0.03), APPLICANT_WEIGHTS, rng) : state.carriedForward.slice(0, 6);
    const applications = applicationsTable(rng, newTotal, carriedOver, shape);
    state.carriedForward = applications.carriedForward as number[];
    const proactive = template === '2019' ? proactive2019(rng, state, subject) : proactive2021(rng, state, subject, rng.chance(0.03));
    const appeals = appealsTable(rng, newTotal);

    const report: Report = {
      schema: 'nianbao.report/1',
      region: regionOf(subject.place),
      issuer: subject.issuer,
      scope: subject.scope,
      year,
      template: printedTemplate(template, shape, tables, year),
      checks: [],
      tables,
      warnings: [],
      sources: {},
    };
    if (tables.includes('proactive')) report.proactive = proactive;
    if (tables.includes('applications')) report.applications = applications;
    if (tables.includes('appeals')) report.appeals = appeals;
    const fault = rng.chance(rates.fault) ? plantFault(rng, report) : null;
    const prose = proseFor(rng, subject, year, state.size, tables.includes('applications') ? null : newTotal);
    if (Object.keys(prose.activity).length) report.activity = prose.activity;
    out.push({ subject, year, report, prose: prose.lines, layout: rng.pick(LAYOUTS), fault, carryBreak });
  }
  return out;
}
