import { describe, expect, it } from 'vitest';
import {
  checkAppealGroups,
  checkApplicationsBalance,
  checkApplicationsRowSums,
  checkApplicationsTotal,
  checkHotlineRates,
  checkProseApplications,
  rateMatches,
  runChecks,
} from '../lib/checks/identities';
import type { ApplicationsTable } from '../lib/report/contract';

const row = (first: number, total = first) => [first, 0, 0, 0, 0, 0, total];

const balanced: ApplicationsTable = {
  newReceived: row(10),
  carriedOver: row(2),
  granted: row(6),
  'unavailable.notHeld': row(3),
  other: row(1),
  total: row(10),
  carriedForward: row(2),
};

describe('table 三 identities', () => {
  it('pass on a consistent table', () => {
    expect(checkApplicationsBalance(balanced)).toMatchObject({ id: 'applications.balance', ok: true, severity: 'hard' });
    expect(checkApplicationsTotal(balanced)).toMatchObject({ ok: true });
    expect(checkApplicationsRowSums(balanced)).toMatchObject({ ok: true });
  });

  it('balance names the column, expected and found', () => {
    const bad = { ...balanced, carriedForward: row(3) };
    const check = checkApplicationsBalance(bad, { 'applications.total[0]': 40 })!;
    expect(check.ok).toBe(false);
    expect(check.failures).toEqual([
      { table: '三', row: 'total', column: '自然人', expected: 9, found: 10, line: 40 },
      { table: '三', row: 'total', column: '总计', expected: 9, found: 10, line: undefined },
    ]);
  });

  it('total is the sum of every outcome leaf, in both (六) shapes', () => {
    const split: ApplicationsTable = { ...balanced, other: undefined, 'other.overdueCorrection': row(1), 'other.other': row(1) };
    delete split.other;
    const check = checkApplicationsTotal(split)!;
    expect(check.ok).toBe(false);
    expect(check.failures?.[0]).toMatchObject({ column: '自然人', expected: 11, found: 10 });
  });

  it('row sums flag the row whose 总计 is off', () => {
    const check = checkApplicationsRowSums({ ...balanced, granted: [5, 1, 0, 0, 0, 0, 5] })!;
    expect(check.failures).toEqual([{ table: '三', row: 'granted', column: '总计', expected: 6, found: 5, line: undefined }]);
  });

  it('blank cells count as 0', () => {
    expect(checkApplicationsRowSums({ newReceived: [3, null, null, null, null, null, 3] })).toMatchObject({ ok: true });
  });

  it('are left out when the table lacks their rows', () => {
    expect(checkApplicationsBalance({ newReceived: row(1) })).toBeNull();
    expect(checkApplicationsTotal({ newReceived: row(1) })).toBeNull();
  });
});

describe('table 四 identities', () => {
  it('flag a printed total of 0 under non-zero outcomes, per group', () => {
    const checks = checkAppealGroups({ review: [10, 1, 0, 0, 0], litigationDirect: [0, 0, 0, 0, 0], litigationAfterReview: [5, 0, 0, 0, 0] });
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['appeals.review.total', false],
      ['appeals.litigationDirect.total', true],
      ['appeals.litigationAfterReview.total', false],
    ]);
    expect(checks[0].failures?.[0]).toMatchObject({ table: '四', row: 'review', column: '总计', expected: 11, found: 0 });
  });
});

describe('hotline rates', () => {
  it('accept the printed precision, rounded or truncated', () => {
    expect(rateMatches(7346, 7352, 99.92)).toBe(true);
    expect(rateMatches(7346, 7352, 99.91)).toBe(true);
    expect(rateMatches(7346, 7352, 99.9)).toBe(true);
    expect(rateMatches(7346, 7352, 99.5)).toBe(false);
    expect(rateMatches(1, 3, 33)).toBe(true);
  });

  it('fail on a rate the counts do not give', () => {
    const check = checkHotlineRates({ hotlines: [{ name: '12345热线', received: 200, resolved: 150, resolutionRate: 99 }] })!;
    expect(check).toMatchObject({ id: 'hotline.rates', ok: false, severity: 'soft' });
    expect(check.failures?.[0]).toMatchObject({ row: '12345热线', expected: 75, found: 99 });
  });

  it('are left out without counts', () => {
    expect(checkHotlineRates({ mailboxes: [{ name: '县长信箱', received: 103, resolutionRate: 100 }] })).toBeNull();
  });
});

describe('prose against table 三', () => {
  it('accepts 新收 with or without the carried-over applications', () => {
    expect(checkProseApplications({ applications: { received: 10 } }, balanced)).toMatchObject({ ok: true });
    expect(checkProseApplications({ applications: { received: 12 } }, balanced)).toMatchObject({ ok: true });
  });

  it('flags a prose count the table does not support', () => {
    const check = checkProseApplications({ applications: { received: 17 } }, { ...balanced, newReceived: row(95) })!;
    expect(check).toMatchObject({ id: 'prose.applications', ok: false, severity: 'soft' });
  });
});

describe('runChecks', () => {
  it('runs only the checks whose figures exist', () => {
    expect(runChecks({}).length).toBe(0);
    expect(runChecks({ applications: balanced }).map((c) => c.id)).toEqual(['applications.balance', 'applications.total', 'applications.rowSums']);
  });
});
