// The synthetic reports used for scale: seeded, read back by the parser to the same figures,
// varied as promised, stored through ingest as synthetic/… files without URL, and never
// written into the app's own data directory unless forced.

import { count, eq, isNotNull, like, not } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadSynthetic } from '../db/synthetic';
import { reportFacts, reports, sourceFiles } from '../db/schema';
import { parseReportText } from '../lib/parse/report';
import { reportFigures } from '../lib/report/figures';
import { listedCounties } from '../lib/synth/places';
import { renderSynthetic, synthesize, syntheticFileName, SYNTHETIC_PREFIX, type SyntheticReport } from '../lib/synth/index';
import { createTestDatabase } from './support/databases';
import { runTsxScript } from './support/run-script';

const take = (reports: number, seed = 1) => [...synthesize({ seed, reports })];

describe('synthetic reports', () => {
  it('are seeded: the same seed gives the same reports, a smaller run is a prefix of a larger one', () => {
    const a = take(40).map(renderSynthetic);
    expect(take(40).map(renderSynthetic)).toEqual(a);
    expect(take(120).slice(0, 40).map(renderSynthetic)).toEqual(a);
    expect(take(40, 2).map(renderSynthetic)).not.toEqual(a);
  });

  it('cover the real county list', () => {
    const counties = listedCounties();
    expect(counties.length).toBeGreaterThan(2800);
    expect(new Set(counties.map((c) => c.code)).size).toBe(counties.length);
  });

  it('parse back to their region, issuer, scope, year, template and every figure; only planted faults fail', () => {
    for (const s of take(150, 5)) {
      const parsed = parseReportText(renderSynthetic(s));
      const who = `${syntheticFileName(s)}`;
      expect([parsed.region, parsed.issuer, parsed.scope, parsed.year, parsed.template], who).toEqual([s.report.region, s.report.issuer, s.report.scope, s.year, s.report.template]);
      const figures = (r: typeof parsed) => Object.fromEntries(reportFigures(r).map((f) => [f.path, f.value]));
      expect(figures(parsed), who).toEqual(figures(s.report));
      const failed = parsed.checks.filter((c) => !c.ok).map((c) => c.id);
      expect(failed.length > 0, `${who}: ${failed.join(', ')}`).toBe(s.fault !== null);
    }
  });

  it('vary as real reports do, modestly', () => {
    const all = take(3000, 1);
    const share = (pred: (s: SyntheticReport) => boolean) => all.filter(pred).length / all.length;
    expect(new Set(all.map((s) => s.subject.kind))).toEqual(new Set(['county', 'city', 'government', 'department', 'township']));
    expect(share((s) => s.year <= 2020 && s.report.template === '2019')).toBeGreaterThan(0.2);
    expect(share((s) => s.year === 2020 && s.report.template === '2021')).toBeGreaterThan(0);
    expect(share((s) => s.year >= 2021 && s.report.applications?.other !== undefined)).toBeGreaterThan(0.01);
    expect(share((s) => s.report.tables.length === 0)).toBeGreaterThan(0);
    expect(share((s) => s.report.tables.length === 1 || s.report.tables.length === 2)).toBeGreaterThan(0);
    expect(share((s) => s.fault !== null)).toBeGreaterThan(0.015);
    expect(share((s) => s.fault !== null)).toBeLessThan(0.05);
    expect(share((s) => s.carryBreak)).toBeLessThan(0.08);
    expect(share((s) => (s.report.activity?.hotlines?.length ?? 0) > 0)).toBeGreaterThan(0.4);
    expect(share((s) => s.report.activity?.publishedItems !== undefined)).toBeGreaterThan(0.8);
  });

  it('are stored through ingest as synthetic files without URL, report_facts current', async () => {
    const target = await createTestDatabase('pglite');
    const database = await target.open();
    try {
      const result = await loadSynthetic(database.db, { seed: 9, reports: 10 });
      expect(result.reports).toBe(10);
      expect(result.kinds.stored).toBe(10);
      const files = await database.db.select({ name: sourceFiles.name, url: sourceFiles.url }).from(sourceFiles);
      expect(files).toHaveLength(10);
      expect(files.every((f) => f.name.startsWith(SYNTHETIC_PREFIX) && f.url === null)).toBe(true);
      const [{ n: current }] = await database.db.select({ n: count() }).from(reports).where(eq(reports.isCurrent, true));
      const [{ n: facts }] = await database.db.select({ n: count() }).from(reportFacts);
      expect(facts).toBe(current);
      const [{ n: others }] = await database.db.select({ n: count() }).from(sourceFiles).where(not(like(sourceFiles.name, `${SYNTHETIC_PREFIX}%`)));
      expect(others).toBe(0);
      const [{ n: placed }] = await database.db.select({ n: count() }).from(reports).where(isNotNull(reports.regionId));
      expect(placed).toBe(10);
    } finally {
      await database.close();
      await target.drop();
    }
  }, 60_000);
});

const synthCli = (args: string[], env: NodeJS.ProcessEnv) => runTsxScript('synth', args, env);

describe('npm run synth', () => {
  const env = () => {
    const e = { ...process.env };
    delete e.DATABASE_URL;
    delete e.NIANBAO_DATA_DIR;
    return e;
  };

  it('refuses the app’s data directory without --force', async () => {
    const run = await synthCli(['--reports', '5'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write synthetic reports into the app's data directory/u);
    const explicit = await synthCli(['--reports', '5', '--data-dir', '.data'], env());
    expect(explicit.code).toBe(2);
  });

  it('says what is wrong with its arguments', async () => {
    const run = await synthCli(['--reports', 'many'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--reports takes an integer/u);
  });

  it('stores reports in the directory given, with a timing line', async () => {
    const target = await createTestDatabase('pglite');
    try {
      const run = await synthCli(['--reports', '3', '--seed', '4', '--data-dir', target.dataDir!], env());
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^synth: 3 reports in [\d.]+ s \(ingest/mu);
    } finally {
      await target.drop();
    }
  }, 60_000);
});
