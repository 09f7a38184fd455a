// A readable Chinese summary of one parsed report, for the CLI.

import { describeFailure } from '../checks/identities';
import type { ApplicantRow, Report, Scope } from './contract';
import { APPEAL_GROUPS, APPEAL_TOTAL_INDEX, APPLICANT_TOTAL_INDEX, APPLICATION_ROWS, type ApplicationRowKey } from './labels';

export const SCOPE_LABEL: Record<Scope, string> = {
  jurisdiction: '全域（含部门、乡镇）',
  government: '本级政府及其办公室',
  department: '部门',
  township: '乡镇（街道）',
  unknown: '未说明',
};

const TABLE_LABEL = { proactive: '二 主动公开', applications: '三 依申请公开', appeals: '四 复议诉讼' } as const;

const OUTCOME_GROUPS: [string, (k: ApplicationRowKey) => boolean][] = [
  ['予以公开', (k) => k === 'granted'],
  ['部分公开', (k) => k === 'partiallyGranted'],
  ['不予公开', (k) => k.startsWith('denied.')],
  ['无法提供', (k) => k.startsWith('unavailable.')],
  ['不予处理', (k) => k.startsWith('notProcessed.')],
  ['其他处理', (k) => k === 'other' || k.startsWith('other.')],
];

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
const totalOf = (row: ApplicantRow | undefined) => row?.[APPLICANT_TOTAL_INDEX] ?? null;

function applicationsLine(r: Report): string | null {
  const apps = r.applications;
  if (!apps) return null;
  const outcomes = OUTCOME_GROUPS.map(([label, test]) => {
    const rows = APPLICATION_ROWS.filter((row) => test(row.key) && apps[row.key]);
    if (rows.length === 0) return null;
    const sum = rows.reduce((acc, row) => acc + (totalOf(apps[row.key]) ?? 0), 0);
    return `${label} ${sum}`;
  }).filter(Boolean);
  return `申请：本年新收 ${fmt(totalOf(apps.newReceived))} 件，上年结转 ${fmt(totalOf(apps.carriedOver))} 件；${outcomes.join('，')}；总计 ${fmt(totalOf(apps.total))}，结转下年度 ${fmt(totalOf(apps.carriedForward))}`;
}

function appealsLine(r: Report): string | null {
  if (!r.appeals) return null;
  return APPEAL_GROUPS.map((g) => `${g.label} ${fmt(r.appeals![g.key][APPEAL_TOTAL_INDEX])} 件（纠正 ${fmt(r.appeals![g.key][1])}）`).join('；');
}

function activityLine(r: Report): string | null {
  const a = r.activity;
  if (!a) return null;
  const parts: string[] = [];
  if (a.publishedItems !== undefined) parts.push(`主动公开信息 ${a.publishedItems} 条`);
  for (const c of [...(a.hotlines ?? []), ...(a.mailboxes ?? [])]) {
    const bits = [
      c.received !== undefined && `受理 ${c.received}`,
      c.resolved !== undefined && `办结 ${c.resolved}`,
      c.resolutionRate !== undefined && `办结率 ${c.resolutionRate}%`,
      c.satisfactionRate !== undefined && `满意率 ${c.satisfactionRate}%`,
    ].filter(Boolean);
    parts.push(`${c.name}${bits.length ? ' ' + bits.join(' ') : ''}`);
  }
  if (a.applications?.received !== undefined) parts.push(`正文称收到申请 ${a.applications.received} 件`);
  return parts.length ? `正文：${parts.join('；')}` : null;
}

export function summariseReport(r: Report, file: string): string {
  const place = r.region.name ?? '（地区未知）';
  const parents = [r.region.city, r.region.province].filter(Boolean).join('，');
  const failed = r.checks.filter((c) => !c.ok);
  const lines = [
    `${file}`,
    `  ${place}${parents ? `（${parents}）` : ''}  ${r.year ?? '年份未知'}年  发布机关：${r.issuer ?? '未署名'}  范围：${SCOPE_LABEL[r.scope]}  模板：${r.template ? `${r.template}版` : '无标准表格'}`,
    `  表格：${r.tables.length ? r.tables.map((t) => TABLE_LABEL[t]).join('、') : '无'}`,
    ...[applicationsLine(r), appealsLine(r), activityLine(r)].filter((l): l is string => l !== null).map((l) => `  ${l}`),
    `  核对：${r.checks.length - failed.length} 项通过，${failed.length} 项未通过`,
    ...failed.flatMap((c) => (c.failures ?? []).map((f) => `    ✗ ${describeFailure(c, f)}${f.line ? `（第 ${f.line} 行）` : ''}`)),
  ];
  if (r.warnings.length) {
    lines.push(`  提示 ${r.warnings.length} 条：`);
    for (const w of r.warnings) lines.push(`    ${w.line ? `第 ${w.line} 行 ` : ''}[${w.code}] ${w.message}`);
  }
  return lines.join('\n');
}
