import { describe, expect, it } from 'vitest';
import { checkCarriedOver, checkInForce, crossYearChecks } from '../lib/checks/cross-year';

const row = (v: number) => [v, 0, 0, 0, 0, 0, v];

describe('cross-year checks', () => {
  it('carriedOver(Y) must equal carriedForward(Y-1), per column', () => {
    const prev = { year: 2022, template: '2021' as const, applications: { carriedForward: row(3) } };
    expect(checkCarriedOver(prev, { year: 2023, template: '2021', applications: { carriedOver: row(3) } })).toMatchObject({ ok: true, severity: 'hard' });
    const bad = checkCarriedOver(prev, { year: 2023, template: '2021', applications: { carriedOver: row(5) } })!;
    expect(bad.ok).toBe(false);
    expect(bad.failures?.map((f) => [f.column, f.expected, f.found])).toEqual([
      ['自然人', 3, 5],
      ['总计', 3, 5],
    ]);
  });

  it('inForce holds only for the 2021 format and is soft', () => {
    const prev = { year: 2023, template: '2021' as const, proactive: { normativeDocuments: { issued: 0, repealed: 5, inForce: 5 } } };
    const next = { year: 2024, template: '2021' as const, proactive: { normativeDocuments: { issued: 3, repealed: 0, inForce: 8 } } };
    expect(checkInForce(prev, next)).toMatchObject({ id: 'crossYear.inForce', ok: true, severity: 'soft' });
    expect(checkInForce(prev, { ...next, proactive: { normativeDocuments: { issued: 3, repealed: 0, inForce: 9 } } })?.ok).toBe(false);
    expect(checkInForce({ ...prev, template: '2019' }, next)).toBeNull();
  });

  it('compares consecutive years only', () => {
    const a = { year: 2020, template: '2019' as const, applications: { carriedForward: row(1) } };
    expect(crossYearChecks(a, { year: 2022, template: '2021', applications: { carriedOver: row(2) } })).toEqual([]);
  });
});
