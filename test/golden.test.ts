// The seed report (会同县 2020, a mirror copy in traditional characters with pinyin glosses)
// is the project's founding document: its whole parse is pinned in a golden file.
// After a deliberate change, review the diff and run with UPDATE_GOLDEN=1 to rewrite it.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../lib/parse/report';

const SEED = new URL('./fixtures/huitong-2020.txt', import.meta.url);
const GOLDEN = new URL('./fixtures/huitong-2020.report.json', import.meta.url);

describe('seed report 会同县 2020', () => {
  const report = parseReportText(readFileSync(SEED, 'utf8'), { file: 'huitong-2020.txt' });

  it('matches the golden parse exactly', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, JSON.stringify(report, null, 2) + '\n');
    expect(report).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('has its identity, template and figures', () => {
    expect(report.region).toEqual({ name: '会同县', city: '怀化市', province: '湖南省' });
    expect(report.issuer).toBe('会同县人民政府');
    expect(report.year).toBe(2020);
    expect(report.template).toBe('2019');
    expect(report.tables).toEqual(['proactive', 'applications', 'appeals']);
    expect(report.applications?.['notProcessed.massRepeated']).toEqual([172, 0, 0, 0, 0, 0, 172]);
    expect(report.applications?.total?.[6]).toBe(183);
    expect(report.proactive?.penalties).toEqual({ priorItems: 1815, itemChange: -181, decisions: 1023 });
    expect(report.proactive?.procurement).toEqual({ projects: 198, amountWan: 26966.28 });
    expect(report.activity?.hotlines?.[0]).toMatchObject({ name: '县长热线', received: 7352, resolved: 7346, resolutionRate: 99.92 });
    expect(report.activity?.mailboxes?.[0]).toMatchObject({ name: '县长信箱', received: 103 });
    expect(report.activity?.mailboxes?.[0].resolved).toBeUndefined();
  });

  it('passes every identity and warns about the percentage printed as a count', () => {
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual([
      'applications.balance',
      'applications.total',
      'applications.rowSums',
      'appeals.review.total',
      'appeals.litigationDirect.total',
      'appeals.litigationAfterReview.total',
      'hotline.rates',
    ]);
    expect(report.warnings.map((w) => w.code)).toEqual(['count-is-percent']);
  });

  it('points every figure at its line', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    expect(lines[report.sources['applications.notProcessed.massRepeated[0]'] - 1]).toContain('172');
    expect(lines[report.sources['activity.hotlines[0].received'] - 1]).toContain('7352');
    expect(lines[report.sources['proactive.procurement.amountWan'] - 1]).toContain('26966.28');
  });
});
