// The dashboard queries (db/queries/) on a small dataset with known figures
// (test/support/query-dataset.ts), ingested as files, on both databases: series with
// year-over-year change, rankings, outcome breakdowns, applicant mix, hotlines and mailboxes,
// review and litigation, coverage, failed checks; and the aggregation rules: counts add up over
// one scope and one level only, ratios come from summed counts, figures of the two template
// versions are never mixed, only current versions count.

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { refreshReportFacts, syncReportFacts } from '../db/facts';
import { ingestFile } from '../db/ingest';
import { applicantMix, applicationOutcomes } from '../db/queries/applications';
import { appealOutcomes } from '../db/queries/appeals';
import { addPresent, ratio, shares, yearOverYear } from '../db/queries/arithmetic';
import { channelSeries } from '../db/queries/channels';
import { failedChecks } from '../db/queries/checks';
import { coverage } from '../db/queries/coverage';
import { assertComparable, comparable, metricById, MetricError } from '../db/queries/metrics';
import { metricSeries, rankRegions } from '../db/queries/series';
import { reportFacts as factsTable, reports } from '../db/schema';
import { selectRows } from '../db/sql';
import { parseReportBytes } from '../lib/parse/file';
import { reportFacts } from '../lib/report/facts';
import { reportFigures } from '../lib/report/figures';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from './support/databases';
import { buildReport, reportFile, SPECS, YUELU_REPUBLISHED, type Spec } from './support/query-dataset';

describe('aggregate arithmetic', () => {
  it('ratios come from sums, shares from the parts, changes from the year before', () => {
    expect(ratio(91, 110)).toBeCloseTo(82.7272727, 6);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
    expect(shares({ a: 1, b: 3, c: null })).toEqual({ a: 25, b: 75, c: null });
    expect(yearOverYear(40, 110)).toEqual({ change: -70, changePct: (-70 / 110) * 100 });
    expect(yearOverYear(5, 0)).toEqual({ change: 5, changePct: null });
    expect(yearOverYear(5, null)).toEqual({ change: null, changePct: null });
    expect(addPresent([null, null])).toBeNull();
    expect(addPresent([null, 2, 3])).toBe(5);
  });

  it('metric definitions carry their template version and refuse to be mixed', () => {
    expect(comparable(metricById('proactive.licensing.decisions'), metricById('proactive.penalties.decisions'))).toBe(true);
    expect(comparable(metricById('proactive.fees.priorItems'), metricById('proactive.fees.amountWan'))).toBe(false);
    expect(comparable(metricById('proactive.normativeDocuments.totalPublished'), metricById('proactive.normativeDocuments.inForce'))).toBe(false);
    expect(() => assertComparable([metricById('proactive.fees.priorItems'), metricById('proactive.fees.amountWan')])).toThrow(MetricError);
    expect(() => metricById('no.such.metric')).toThrow(MetricError);
  });
});

describe('report facts', () => {
  const facts = (spec: Spec) => reportFacts(buildReport(spec).report);

  it('adds up groups of rows, keeps a figure the report lacks null, reads each version its own columns', () => {
    const spec2019 = SPECS[0];
    const f = facts(spec2019);
    expect(f).toMatchObject({ app_new: 10, app_new_natural: 8, app_new_business: 2, app_granted: 1, app_unavailable: 9, app_denied: 0, app_total: 10 });
    expect(f).toMatchObject({ fees_prior_items_2019: 10, fees_item_change_2019: 1, fees_amount_2021: null, licensing_decisions: 100, normative_in_force_2021: null });
    expect(f).toMatchObject({ review_total: 2, review_corrected: 1, lit_direct_pending: 1 });
    expect(f).toMatchObject({ hotline_received: 100, hotline_resolved: 50, hotline_received_resolved: 100, hotline_satisfied: 90, mailbox_received: null });
    const g = facts(SPECS[1]);
    expect(g).toMatchObject({ fees_amount_2021: 12.5, fees_prior_items_2019: null, normative_in_force_2021: 50, app_other: 0 });
  });

  it('a prose-only report has prose figures and no table figures', () => {
    const f = facts(SPECS.find((s) => s.proseApplications !== undefined)!);
    expect(f).toMatchObject({ published_items: 130, prose_app_received: 25, app_new: null, review_total: null, licensing_decisions: null });
  });

  it('a hotline without a resolved count counts in received, not in the resolution rate', () => {
    const spec: Spec = { ...SPECS[0], hotline: { name: '县长热线', received: 100, resolutionRate: 98 } };
    expect(facts(spec)).toMatchObject({ hotline_received: 100, hotline_resolved: null, hotline_received_resolved: null, hotline_received_rated: null });
  });

  it('the dataset parses back to its figures', async () => {
    for (const spec of [...SPECS, YUELU_REPUBLISHED]) {
      const file = reportFile(spec);
      const { report } = await parseReportBytes(file.bytes, file.name);
      expect(report.year).toBe(spec.year);
      expect(report.region.name).toBe(spec.subject.place.name);
      expect(report.scope).toBe(spec.subject.scope);
      const figures = (r: typeof report) => Object.fromEntries(reportFigures(r).map((x) => [x.path, x.value]));
      expect(figures(report)).toEqual(figures(file.report));
    }
  });
});

describeEachDatabase('dashboard queries', (kind) => {
  let target: TestDatabase;
  let database: Database;
  const ids: Record<string, number> = {};
  const YEARS = [2020, 2021, 2022];

  beforeAll(async () => {
    target = await createTestDatabase(kind);
    database = await target.open();
    for (const spec of SPECS) {
      const file = reportFile(spec);
      const result = await ingestFile(database.db, { name: file.name, bytes: file.bytes, url: null });
      expect(result.kind).toBe('stored');
    }
    const rows = await selectRows<{ id: number; code: string }>(database.db, sql`select id, code from regions where code is not null`);
    const byCode = new Map(rows.map((r) => [r.code, Number(r.id)]));
    Object.assign(ids, {
      huitong: byCode.get('431225'),
      zhijiang: byCode.get('431228'),
      yuelu: byCode.get('430104'),
      huaihua: byCode.get('431200'),
      changsha: byCode.get('430100'),
      hunan: byCode.get('430000'),
    });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await target?.drop();
  });

  const db = () => database.db;

  describe('metric series', () => {
    it('gives each region and the total of the level per year, with the change from the year before', async () => {
      const s = await metricSeries(db(), { metric: 'applications.newReceived', regionIds: [ids.zhijiang, ids.huitong], years: YEARS });
      expect(s.regions.map((r) => r.region.name)).toEqual(['会同县', '芷江侗族自治县']);
      const [huitong, zhijiang] = s.regions;
      expect(huitong.points.map((p) => p.value)).toEqual([10, 20, null]);
      expect(huitong.points[1]).toMatchObject({ change: 10, changePct: 100, reports: 1 });
      expect(huitong.points[2]).toMatchObject({ value: null, change: null, reports: 0, unstated: 1 });
      expect(zhijiang.points.map((p) => p.value)).toEqual([100, 20, 30]);
      expect(zhijiang.points[2]).toMatchObject({ change: 10, changePct: 50 });
      expect(s.totals).toHaveLength(1);
      expect(s.totals[0].level).toBe('county');
      expect(s.totals[0].points.map((p) => p.value)).toEqual([110, 40, 30]);
      expect(s.totals[0].points[1].changePct).toBeCloseTo((-70 / 110) * 100, 6);
    });

    it('reads the year before the first one asked for', async () => {
      const s = await metricSeries(db(), { metric: 'applications.newReceived', regionIds: [ids.zhijiang], years: [2021] });
      expect(s.regions[0].points).toEqual([expect.objectContaining({ year: 2021, value: 20, change: -80, changePct: -80 })]);
    });

    it('never adds a city to its own counties, nor another scope to the jurisdiction', async () => {
      const mixed = await metricSeries(db(), { metric: 'applications.newReceived', regionIds: [ids.huaihua, ids.huitong, ids.zhijiang], years: [2021] });
      expect(mixed.totals.map((t) => [t.level, t.points[0].value])).toEqual([
        ['city', 500],
        ['county', 40],
      ]);
      const counties = await metricSeries(db(), { metric: 'applications.newReceived', within: { regionId: ids.huaihua, level: 'county' }, years: [2021] });
      expect(counties.totals.map((t) => [t.level, t.points[0].value, t.points[0].reports])).toEqual([['county', 40, 2]]);
      expect(counties.regions).toEqual([]);
      const province = await metricSeries(db(), { metric: 'applications.newReceived', within: { regionId: ids.hunan, level: 'county' }, years: [2021] });
      expect(province.totals[0].points[0].value).toBe(80);
      const government = await metricSeries(db(), { metric: 'applications.newReceived', regionIds: [ids.huitong], years: [2021], scope: 'government' });
      expect(government.regions[0].points[0].value).toBe(3);
      const departments = await metricSeries(db(), { metric: 'applications.newReceived', within: { regionId: ids.huitong, level: 'body' }, years: [2021], scope: 'department' });
      expect(departments.totals.map((t) => [t.level, t.points[0].value])).toEqual([['body', 2]]);
      // every region: still one total per level, the same as each level asked for alone
      const all = await metricSeries(db(), { metric: 'applications.newReceived', all: true, years: [2021] });
      const cities = await metricSeries(db(), { metric: 'applications.newReceived', within: { level: 'city' }, years: [2021] });
      const allCounties = await metricSeries(db(), { metric: 'applications.newReceived', within: { level: 'county' }, years: [2021] });
      expect(all.totals).toEqual([...cities.totals, ...allCounties.totals]);
      expect(all.totals.map((t) => [t.level, t.points[0].value])).toEqual([
        ['city', 500],
        ['county', 80],
      ]);
    });

    it('recomputes ratios from summed counts, never averaging the regions’ ratios', async () => {
      const s = await metricSeries(db(), { metric: 'applications.grantedRate', regionIds: [ids.huitong, ids.zhijiang], years: [2020] });
      expect(s.regions.map((r) => r.points[0].value)).toEqual([10, 90]);
      expect(s.totals[0].points[0]).toMatchObject({ numerator: 91, denominator: 110 });
      expect(s.totals[0].points[0].value).toBeCloseTo((91 / 110) * 100, 6);
      const hotline = await metricSeries(db(), { metric: 'hotline.resolvedRate', within: { regionId: ids.huaihua, level: 'county' }, years: [2020] });
      expect(hotline.totals[0].points[0]).toMatchObject({ numerator: 1040, denominator: 1100 });
      const satisfaction = await metricSeries(db(), { metric: 'hotline.satisfactionRate', within: { regionId: ids.huaihua, level: 'county' }, years: [2020] });
      expect(satisfaction.totals[0].points[0].value).toBeCloseTo(((90 + 990) / 1100) * 100, 6);
    });

    it('counts a figure only in reports of the template version that defines it', async () => {
      const items = await metricSeries(db(), { metric: 'proactive.fees.priorItems', regionIds: [ids.huitong, ids.zhijiang], years: [2020, 2021] });
      expect(items.totals[0].points).toEqual([
        expect.objectContaining({ year: 2020, value: 10, reports: 1, excluded: 1 }),
        expect.objectContaining({ year: 2021, value: null, reports: 0, excluded: 2, change: null }),
      ]);
      const amount = await metricSeries(db(), { metric: 'proactive.fees.amountWan', regionIds: [ids.huitong, ids.zhijiang], years: [2020, 2021] });
      expect(amount.totals[0].points).toEqual([
        expect.objectContaining({ year: 2020, value: 12.5, reports: 1, excluded: 1 }),
        expect.objectContaining({ year: 2021, value: 50, reports: 2, excluded: 0, change: 37.5 }),
      ]);
      const decisions = await metricSeries(db(), { metric: 'proactive.licensing.decisions', regionIds: [ids.huitong, ids.zhijiang], years: [2020, 2021] });
      expect(decisions.totals[0].points.map((p) => [p.value, p.excluded])).toEqual([
        [300, 0],
        [400, 0],
      ]);
    });
  });

  describe('rankings', () => {
    it('ranks the counties of a province, equal values sharing a rank, with their city', async () => {
      const r = await rankRegions(db(), { metric: 'applications.newReceived', year: 2021, within: { regionId: ids.hunan, level: 'county' } });
      expect(r.ranked).toBe(3);
      expect(r.rows.map((x) => [x.rank, x.region.name, x.value, x.city, x.province])).toEqual([
        [1, '岳麓区', 40, '长沙市', '湖南省'],
        [2, '会同县', 20, '怀化市', '湖南省'],
        [2, '芷江侗族自治县', 20, '怀化市', '湖南省'],
      ]);
      const ascending = await rankRegions(db(), { metric: 'applications.newReceived', year: 2021, within: { regionId: ids.hunan, level: 'county' }, order: 'asc', limit: 2 });
      expect(ascending.rows.map((x) => [x.rank, x.region.name])).toEqual([
        [1, '会同县'],
        [1, '芷江侗族自治县'],
      ]);
      expect(ascending.ranked).toBe(3);
    });

    it('ranks by each region’s own ratio, leaving out small denominators when asked', async () => {
      const r = await rankRegions(db(), { metric: 'applications.grantedRate', year: 2021, within: { regionId: ids.hunan, level: 'county' } });
      expect(r.rows.map((x) => [x.region.name, x.value, x.numerator, x.denominator])).toEqual([
        ['岳麓区', 100, 40, 40],
        ['会同县', 55, 11, 20],
        ['芷江侗族自治县', 50, 10, 20],
      ]);
      const big = await rankRegions(db(), { metric: 'applications.grantedRate', year: 2021, within: { regionId: ids.hunan, level: 'county' }, minDenominator: 30 });
      expect(big.rows.map((x) => x.region.name)).toEqual(['岳麓区']);
      expect(big.unstated).toBe(2);
    });

    it('ranks nothing of another template version, and cities apart from counties', async () => {
      const fees = await rankRegions(db(), { metric: 'proactive.fees.priorItems', year: 2021, within: { level: 'county' } });
      expect(fees).toMatchObject({ rows: [], ranked: 0, excluded: 3 });
      const cities = await rankRegions(db(), { metric: 'applications.newReceived', year: 2021, within: { level: 'city' } });
      expect(cities.rows.map((x) => [x.region.name, x.value])).toEqual([['怀化市', 500]]);
    });
  });

  describe('breakdowns', () => {
    it('application outcomes add up per level, with shares of their sum', async () => {
      const o = await applicationOutcomes(db(), { within: { regionId: ids.huaihua, level: 'county' }, years: [2021] });
      expect(o.regions).toEqual([]);
      expect(o.totals).toHaveLength(1);
      expect(o.totals[0]).toMatchObject({
        level: 'county',
        year: 2021,
        reports: 2,
        counts: { granted: 21, partiallyGranted: 2, denied: 0, unavailable: 17, notProcessed: 0, other: 0 },
        total: 40,
        printedTotal: 40,
        shares: { granted: 52.5, partiallyGranted: 5, unavailable: 42.5 },
      });
      const perRegion = await applicationOutcomes(db(), { regionIds: [ids.huitong], years: [2021, 2022] });
      expect(perRegion.regions.map((r) => [r.year, r.reports, r.counts.granted])).toEqual([
        [2021, 1, 11],
        [2022, 0, null],
      ]);
    });

    it('applicant mix: the six columns of 本年新收', async () => {
      const m = await applicantMix(db(), { regionIds: [ids.huitong, ids.zhijiang], years: [2020] });
      expect(m.totals[0]).toMatchObject({ reports: 2, counts: { natural: 98, business: 12, research: 0, publicInterest: 0, legal: 0, other: 0 }, total: 110 });
      expect(m.totals[0].shares.natural).toBeCloseTo((98 / 110) * 100, 6);
      expect(m.regions.map((r) => [r.region.name, r.total])).toEqual([
        ['会同县', 10],
        ['芷江侗族自治县', 100],
      ]);
    });

    it('hotlines and mailboxes: sums and rates recomputed from them', async () => {
      const h = await channelSeries(db(), { channel: 'hotline', within: { regionId: ids.huaihua, level: 'county' }, years: [2020, 2021] });
      expect(h.totals[0]).toMatchObject({ year: 2020, reports: 2, channels: 2, received: 1100, resolved: 1040, receivedWithResolved: 1100, receivedWithSatisfaction: 1100 });
      expect(h.totals[0].resolvedRate).toBeCloseTo((1040 / 1100) * 100, 6);
      expect(h.totals[0].satisfactionRate).toBeCloseTo((1080 / 1100) * 100, 6);
      expect(h.totals[1]).toMatchObject({ year: 2021, reports: 1, received: 200, resolvedRate: 95, satisfactionRate: 90 });
      const m = await channelSeries(db(), { channel: 'mailbox', regionIds: [ids.zhijiang], years: [2021] });
      expect(m.regions[0]).toMatchObject({ received: 10, resolved: 10, resolvedRate: 100, satisfactionRate: null });
    });

    it('review and litigation outcomes per group, with the correction rate over concluded cases', async () => {
      const a = await appealOutcomes(db(), { regionIds: [ids.huitong, ids.zhijiang], years: [2020] });
      const t = a.totals[0];
      expect(t.reports).toBe(2);
      expect(t.review).toMatchObject({ upheld: 3, corrected: 2, other: 1, pending: 0, total: 6 });
      expect(t.review.correctedRate).toBeCloseTo((2 / 6) * 100, 6);
      expect(t.litigationDirect).toMatchObject({ upheld: 0, corrected: 1, other: 0, pending: 1, total: 2, correctedRate: 100 });
      expect(t.litigationAfterReview).toMatchObject({ total: 0, correctedRate: null });
      expect(t.litigation).toMatchObject({ corrected: 1, total: 2, correctedRate: 100 });
    });
  });

  describe('coverage', () => {
    it('lists every county of the city in the national list, with what each year holds', async () => {
      const c = await coverage(db(), { within: { regionId: ids.huaihua, level: 'county' }, years: YEARS });
      expect(c.rows).toHaveLength(13);
      const row = (name: string) => c.rows.find((r) => r.name === name)!;
      expect(row('会同县').cells.map((x) => x.status)).toEqual(['complete', 'failed', 'partial']);
      expect(row('会同县').cells[1].failedChecks).toBe(1);
      expect(row('会同县').cells[2].completeness).toBe('prose');
      expect(row('芷江侗族自治县').cells.map((x) => x.status)).toEqual(['complete', 'complete', 'failed']);
      expect(row('沅陵县')).toMatchObject({ regionId: null, code: '431222' });
      expect(row('沅陵县').cells.every((x) => x.status === 'missing')).toBe(true);
      expect(c.counts).toEqual([
        { year: 2020, complete: 2, partial: 0, failed: 0, missing: 11, tablesOnly: 0, proseOnly: 0 },
        { year: 2021, complete: 1, partial: 0, failed: 1, missing: 11, tablesOnly: 0, proseOnly: 0 },
        { year: 2022, complete: 0, partial: 1, failed: 1, missing: 11, tablesOnly: 0, proseOnly: 1 },
      ]);
      const counts = await coverage(db(), { within: { regionId: ids.huaihua, level: 'county' }, years: YEARS, detail: false });
      expect(counts.rows).toEqual([]);
      expect(counts.counts).toEqual(c.counts);
    });

    it('covers the regions asked for, per scope', async () => {
      const city = await coverage(db(), { regionIds: [ids.huaihua], years: [2020, 2021] });
      expect(city.rows.map((r) => r.cells.map((x) => x.status))).toEqual([['missing', 'complete']]);
      const government = await coverage(db(), { regionIds: [ids.huitong], years: [2021], scope: 'government' });
      expect(government.rows[0].cells[0].status).toBe('complete');
    });
  });

  describe('failed checks', () => {
    it('lists the failures of current reports, newest first, with counts per check', async () => {
      const all = await failedChecks(db());
      expect(all.total).toBe(4);
      expect(all.rows.map((r) => [r.year, r.region.name, r.checkId, r.severity])).toEqual([
        [2022, '芷江侗族自治县', 'applications.balance', 'hard'],
        [2022, '芷江侗族自治县', 'applications.total', 'hard'],
        // the 2022 table 二 prints 现行有效 0 after 55 in 2021
        [2022, '芷江侗族自治县', 'crossYear.inForce', 'soft'],
        [2021, '会同县', 'crossYear.carriedOver', 'hard'],
      ]);
      expect(all.rows[3]).toMatchObject({ otherReportId: expect.any(Number) });
      expect(all.rows[3].failures[0]).toMatchObject({ row: 'carriedOver', expected: 0, found: 1 });
      expect(all.byCheck).toEqual(
        expect.arrayContaining([
          { checkId: 'applications.balance', severity: 'hard', failed: 1 },
          { checkId: 'applications.total', severity: 'hard', failed: 1 },
          { checkId: 'crossYear.carriedOver', severity: 'hard', failed: 1 },
          { checkId: 'crossYear.inForce', severity: 'soft', failed: 1 },
        ]),
      );
    });

    it('filters by check, severity, region, year and scope', async () => {
      const cross = await failedChecks(db(), { checkIds: ['crossYear.carriedOver'] });
      expect(cross.rows.map((r) => r.region.name)).toEqual(['会同县']);
      expect(cross.total).toBe(1);
      expect(cross.byCheck).toHaveLength(4);
      expect((await failedChecks(db(), { regionIds: [ids.zhijiang] })).total).toBe(3);
      expect((await failedChecks(db(), { years: [2021] })).total).toBe(1);
      expect((await failedChecks(db(), { severity: 'hard' })).total).toBe(3);
      expect((await failedChecks(db(), { severity: 'soft' })).rows.map((r) => r.checkId)).toEqual(['crossYear.inForce']);
      expect((await failedChecks(db(), { within: { regionId: ids.changsha, level: 'county' } })).total).toBe(0);
      expect((await failedChecks(db(), { scope: 'government' })).total).toBe(0);
      const page = await failedChecks(db(), { limit: 1, offset: 1 });
      expect(page.rows.map((r) => r.checkId)).toEqual(['applications.total']);
      expect(page.total).toBe(4);
    });
  });

  describe('keeping report_facts current', () => {
    it('ingest keeps it current: a refresh finds nothing to do', async () => {
      expect(await refreshReportFacts(db())).toEqual({ derived: 0, removed: 0 });
    });

    it('only the current version counts: a republished report replaces the first', async () => {
      const file = reportFile(YUELU_REPUBLISHED);
      expect((await ingestFile(db(), { name: file.name, bytes: file.bytes, url: null })).kind).toBe('version');
      const r = await rankRegions(db(), { metric: 'applications.newReceived', year: 2021, within: { regionId: ids.changsha, level: 'county' } });
      expect(r.rows.map((x) => [x.region.name, x.value])).toEqual([['岳麓区', 50]]);
      const rows = await db().select({ reportId: factsTable.reportId }).from(factsTable).where(eq(factsTable.regionId, ids.yuelu));
      expect(rows).toHaveLength(1);
    });

    it('syncReportFacts re-derives the rows of the identities it is given', async () => {
      const [current] = await db().select({ key: reports.identityKey }).from(reports).where(eq(reports.regionId, ids.yuelu));
      await db().delete(factsTable).where(eq(factsTable.regionId, ids.yuelu));
      await db().transaction((tx) => syncReportFacts(tx, [current.key]));
      const [row] = await db().select().from(factsTable).where(eq(factsTable.regionId, ids.yuelu));
      expect(row).toMatchObject({ year: 2021, scope: 'jurisdiction', level: 'county', app_new: 50, app_granted: 45, cityId: ids.changsha, provinceId: ids.hunan });
      expect(await refreshReportFacts(db())).toEqual({ derived: 0, removed: 0 });
    });

    it('a refresh catches a row that no longer matches its report, and one missing', async () => {
      const [row] = await db().select({ id: factsTable.reportId }).from(factsTable).where(eq(factsTable.regionId, ids.yuelu));
      await db().update(factsTable).set({ figuresHash: 'stale' }).where(eq(factsTable.reportId, row.id));
      expect(await refreshReportFacts(db())).toEqual({ derived: 1, removed: 1 });
      await db().delete(factsTable).where(eq(factsTable.regionId, ids.huitong));
      expect(await refreshReportFacts(db())).toEqual({ derived: 4, removed: 0 });
    });
  });
});
