// The compare page's marking rules (lib/compare/comparability.ts): which figure may be set beside
// the others, and how one that may not is marked — 口径不同, 范围不同, 层级不同, 检查未通过,
// 未载明, 无从计算, 无报告 — with no database and no browser.
import { describe, expect, it } from 'vitest';
import {
  MARK_ORDER,
  MARKS,
  isComparable,
  markFigure,
  markText,
  marksUsed,
  pickReport,
  referenceLevel,
  referenceVersion,
  variantFor,
  type Reference,
  type ReportFigures,
} from '../lib/compare/comparability';
import { COMPARE_METRICS, type CompareMetric } from '../lib/compare/metrics';

const metric = (key: string): CompareMetric => COMPARE_METRICS.find((m) => m.key === key)!;
const applications = metric('applications');
const granted = metric('granted');
const published = metric('published');
const normative = metric('normative');
const review = metric('review');
const litigation = metric('litigation');
const hotlineResolved = metric('hotlineResolved');

function report(over: Partial<ReportFigures> & { parts?: ReportFigures['parts'] } = {}): ReportFigures {
  return { reportId: 7, scope: 'jurisdiction', template: '2021', failedChecks: [], parts: {}, ...over };
}
const counts = (metricId: string, numerator: number | null, denominator: number | null = null) => ({ [metricId]: { numerator, denominator } });

const REF: Reference = { scope: 'jurisdiction', level: 'county', version: null };

describe('the marks', () => {
  it('are named as the page prints them, in the legend’s order', () => {
    expect(MARK_ORDER.map((m) => MARKS[m].label)).toEqual(['口径不同', '范围不同', '层级不同', '检查未通过', '未载明', '无从计算', '无报告']);
    for (const m of MARK_ORDER) expect(MARKS[m].description.length).toBeGreaterThan(10);
    expect(markText(['scope', 'failed'])).toBe('范围不同、检查未通过');
    expect(markText([])).toBe('');
  });

  it('lists the marks used, once each, in legend order', () => {
    expect(marksUsed([{ marks: ['failed'] }, { marks: ['noReport', 'scope'] }, { marks: [] }, { marks: ['failed'] }])).toEqual(['scope', 'failed', 'noReport']);
    expect(marksUsed([])).toEqual([]);
  });
});

describe('a comparable figure', () => {
  it('is the report’s count, unmarked, linked to the report', () => {
    const f = markFigure(applications, report({ template: '2019', parts: counts('applications.newReceived', 183) }), 'county', REF);
    expect(f).toMatchObject({ value: 183, reportId: 7, marks: [], numerator: null, denominator: null });
    expect(f.variant?.metric).toBe('applications.newReceived');
    expect(isComparable(f)).toBe(true);
  });

  it('is a ratio recomputed from the counts, as a fraction', () => {
    const f = markFigure(granted, report({ parts: counts('applications.grantedRate', 4, 183) }), 'county', REF);
    expect(f.value).toBeCloseTo(4 / 183, 12);
    expect(f).toMatchObject({ numerator: 4, denominator: 183, marks: [] });
    expect(isComparable(f)).toBe(true);
  });

  it('counts a zero that is printed as a figure, never as a gap', () => {
    const f = markFigure(review, report({ parts: counts('appeals.review.total', 0) }), 'county', REF);
    expect(f).toMatchObject({ value: 0, marks: [] });
    expect(isComparable(f)).toBe(true);
  });

  it('takes prose figures from a report without tables', () => {
    const f = markFigure(published, report({ template: null, parts: counts('activity.publishedItems', 2954) }), 'county', REF);
    expect(f).toMatchObject({ value: 2954, marks: [] });
  });
});

describe('no figure: 无报告, 未载明, 无从计算', () => {
  it('无报告 when the region has no report that year', () => {
    const f = markFigure(applications, null, 'county', REF);
    expect(f).toMatchObject({ value: null, reportId: null, marks: ['noReport'] });
    expect(isComparable(f)).toBe(false);
  });

  it('未载明 when the report does not state the figure (still linked to the report)', () => {
    const f = markFigure(applications, report({ parts: counts('applications.newReceived', null) }), 'county', REF);
    expect(f).toMatchObject({ value: null, reportId: 7, marks: ['unstated'] });
    // a metric the query did not read counts as not stated, never as 0
    expect(markFigure(applications, report({ parts: {} }), 'county', REF).marks).toEqual(['unstated']);
  });

  it('未载明 for a table figure of a report with prose only', () => {
    const f = markFigure(applications, report({ template: null, parts: counts('applications.newReceived', null) }), 'county', REF);
    expect(f).toMatchObject({ value: null, marks: ['unstated'] });
  });

  it('未载明 for a ratio whose counts are not stated', () => {
    expect(markFigure(hotlineResolved, report({ template: null, parts: counts('hotline.resolvedRate', null, null) }), 'county', REF).marks).toEqual(['unstated']);
  });

  it('无从计算 for a ratio over zero, keeping the counts', () => {
    const f = markFigure(granted, report({ parts: counts('applications.grantedRate', 0, 0) }), 'county', REF);
    expect(f).toMatchObject({ value: null, numerator: 0, denominator: 0, marks: ['zeroBase'] });
  });

  it('a gap carries only its reason, whatever else differs', () => {
    const f = markFigure(applications, report({ scope: 'government', failedChecks: ['applications.total'], parts: counts('applications.newReceived', null) }), 'city', REF);
    expect(f.marks).toEqual(['unstated']);
  });
});

describe('口径不同: template versions', () => {
  it('does not read a figure of both versions from an old seven-part report', () => {
    const f = markFigure(applications, report({ template: 'pre2019', parts: counts('applications.newReceived', 50) }), 'county', REF);
    expect(f).toMatchObject({ value: null, marks: ['definition'], reportId: 7 });
  });

  it('does not read a table figure whose version cannot be told', () => {
    const f = markFigure(review, report({ template: null, parts: counts('appeals.review.total', 3) }), 'county', REF);
    expect(f.marks).toEqual(['definition']);
  });

  it('reads each version’s own definition of a figure they define differently', () => {
    expect(variantFor(normative, '2019')?.metric).toBe('proactive.normativeDocuments.totalPublished');
    expect(variantFor(normative, '2021')?.metric).toBe('proactive.normativeDocuments.inForce');
    expect(variantFor(normative, null)).toBeNull();
    expect(variantFor(normative, 'pre2019')).toBeNull();
    expect(variantFor(published, null)?.metric).toBe('activity.publishedItems');
    expect(variantFor(applications, null)).toBeNull();
  });

  it('compares against the newest version in view; the other version’s figure is shown but marked', () => {
    expect(referenceVersion(normative, [{ template: '2019' }, { template: '2021' }, { template: null }])).toBe('2021');
    expect(referenceVersion(normative, [{ template: '2019' }, { template: 'pre2019' }])).toBe('2019');
    expect(referenceVersion(normative, [{ template: null }])).toBeNull();
    expect(referenceVersion(normative, [])).toBeNull();
    // a metric both versions define alike has no reference version
    expect(referenceVersion(applications, [{ template: '2019' }, { template: '2021' }])).toBeNull();

    const parts = { ...counts('proactive.normativeDocuments.totalPublished', 126), ...counts('proactive.normativeDocuments.inForce', null) };
    const old = markFigure(normative, report({ template: '2019', parts }), 'county', { ...REF, version: '2021' });
    expect(old).toMatchObject({ value: 126, marks: ['definition'] });
    expect(old.variant?.version).toBe('2019');
    expect(isComparable(old)).toBe(false);
    const same = markFigure(normative, report({ template: '2019', parts }), 'county', { ...REF, version: '2019' });
    expect(same).toMatchObject({ value: 126, marks: [] });
    const current = markFigure(normative, report({ template: '2021', parts: counts('proactive.normativeDocuments.inForce', 88) }), 'county', { ...REF, version: '2021' });
    expect(current).toMatchObject({ value: 88, marks: [] });
  });
});

describe('范围不同, 层级不同, 检查未通过', () => {
  const stated = counts('applications.newReceived', 21);

  it('范围不同: a report of another scope keeps its figure, marked', () => {
    for (const scope of ['government', 'unknown', 'department', 'township'] as const) {
      const f = markFigure(applications, report({ scope, parts: stated }), 'county', REF);
      expect(f, scope).toMatchObject({ value: 21, marks: ['scope'] });
      expect(isComparable(f)).toBe(false);
    }
    // the same scope as the reference is no mark, whichever it is
    expect(markFigure(applications, report({ scope: 'government', parts: stated }), 'county', { ...REF, scope: 'government' }).marks).toEqual([]);
  });

  it('层级不同: a city beside counties, a department beside counties', () => {
    expect(markFigure(applications, report({ parts: stated }), 'city', REF).marks).toEqual(['level']);
    expect(markFigure(applications, report({ parts: stated }), 'body', REF).marks).toEqual(['level']);
    expect(markFigure(applications, report({ parts: stated }), 'county', { ...REF, level: null }).marks).toEqual([]);
  });

  it('检查未通过: only a failure of the figure’s own table marks it', () => {
    const fails = (ids: string[]) => report({ failedChecks: ids, parts: { ...stated, ...counts('appeals.review.total', 11), ...counts('appeals.litigation.total', 5), ...counts('activity.publishedItems', 9) } });
    const appealsFail = fails(['appeals.review.total', 'appeals.litigationAfterReview.total']);
    expect(markFigure(review, appealsFail, 'county', REF).marks).toEqual(['failed']);
    expect(markFigure(litigation, appealsFail, 'county', REF).marks).toEqual(['failed']);
    expect(markFigure(applications, appealsFail, 'county', REF).marks).toEqual([]);
    for (const id of ['applications.balance', 'applications.total', 'applications.rowSums']) {
      expect(markFigure(applications, fails([id]), 'county', REF).marks, id).toEqual(['failed']);
      expect(markFigure(review, fails([id]), 'county', REF).marks, id).toEqual([]);
    }
    // a failure across years or of prose figures does not put table three's own sums in doubt
    expect(markFigure(applications, fails(['crossYear.carriedOver']), 'county', REF).marks).toEqual([]);
    expect(markFigure(published, fails(['applications.total', 'appeals.review.total']), 'county', REF).marks).toEqual([]);
    expect(markFigure(litigation, fails(['appeals.litigationDirect.total']), 'county', REF).marks).toEqual(['failed']);
  });

  it('lists every mark that applies, in legend order', () => {
    const parts = { ...counts('proactive.normativeDocuments.totalPublished', 40) };
    const f = markFigure(normative, report({ template: '2019', scope: 'government', failedChecks: [], parts }), 'city', { ...REF, version: '2021' });
    expect(f.marks).toEqual(['definition', 'scope', 'level']);
    const g = markFigure(applications, report({ scope: 'unknown', failedChecks: ['applications.total'], parts: stated }), 'city', REF);
    expect(g.marks).toEqual(['scope', 'level', 'failed']);
    expect(g.value).toBe(21);
  });
});

describe('which report and which reference', () => {
  it('shows the report of the compared scope, else the first other scope in a fixed order', () => {
    const r = (scope: ReportFigures['scope']) => ({ scope, id: scope });
    expect(pickReport([r('government'), r('jurisdiction')], 'jurisdiction')?.id).toBe('jurisdiction');
    expect(pickReport([r('township'), r('unknown'), r('government')], 'jurisdiction')?.id).toBe('government');
    expect(pickReport([r('township'), r('unknown')], 'jurisdiction')?.id).toBe('unknown');
    expect(pickReport([r('township'), r('department')], 'government')?.id).toBe('department');
    expect(pickReport([r('jurisdiction'), r('government')], 'government')?.id).toBe('government');
    expect(pickReport([], 'jurisdiction')).toBeNull();
  });

  it('compares against the level most regions share; a tie goes to the first named', () => {
    expect(referenceLevel(['county', 'city', 'county'])).toBe('county');
    expect(referenceLevel(['city', 'county', 'county', 'city', 'city'])).toBe('city');
    expect(referenceLevel(['city', 'county'])).toBe('city');
    expect(referenceLevel(['county', 'city', 'body', 'city', 'county'])).toBe('county');
    expect(referenceLevel([])).toBeNull();
  });
});
