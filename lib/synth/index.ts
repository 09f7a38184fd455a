// Synthetic reports for scale tests (never part of the bundled data): which bodies report in
// which years, in a seeded order, and each report printed as text by the same renderer the
// parser's round-trip tests use. Stored with a `synthetic/` file name and no URL.

import { documentParts, renderText, type TextLayout } from '../render/report';
import type { Report } from '../report/contract';
import { DEFAULT_RATES, generateSeries, type Rates, type SyntheticReport } from './generate';
import {
  DEPARTMENTS,
  TOWNSHIPS,
  citySubject,
  countySubject,
  departmentSubject,
  governmentSubject,
  listedCities,
  listedCounties,
  townshipSubject,
  type Subject,
} from './places';
import { createRng, hashSeed, shuffle } from './random';

export type { SyntheticReport } from './generate';
export type { Subject } from './places';

export const SYNTHETIC_PREFIX = 'synthetic/';
export const DEFAULT_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

export interface SynthOptions {
  seed: number;
  /** stop after this many reports */
  reports: number;
  years?: readonly number[];
  /** how many counties take part (all of them by default) */
  counties?: number;
  /** share of prefecture cities that publish a report for the whole city */
  cityShare?: number;
  /** per county: the chance of a government-scope report; departments and townships (see pickBodies) */
  governmentShare?: number;
  departmentShare?: number;
  townshipShare?: number;
  /** share of body-years without a report (coverage: missing) */
  missingRate?: number;
  rates?: Rates;
}

/**
 * `share` bodies of `names` on average: below 1 the chance of one, from 1 up that many distinct
 * ones (at most all of them).
 */
function pickBodies(rng: ReturnType<typeof createRng>, names: readonly string[], share: number): string[] {
  if (share < 1) return rng.chance(share) ? [rng.pick(names)] : [];
  return shuffle([...names], rng).slice(0, Math.floor(share));
}

/** Bodies in the order their reports are produced: counties shuffled, each followed by its extras. */
export function planSubjects(options: SynthOptions): Subject[] {
  const { seed, cityShare = 0.15, governmentShare = 0.01, departmentShare = 0.012, townshipShare = 0.012 } = options;
  const counties = shuffle(listedCounties(), createRng(hashSeed(seed, 'order'))).slice(0, options.counties ?? Infinity);
  const cities = new Map(listedCities().map((c) => [c.code, c]));
  const citiesDone = new Set<string>();
  const out: Subject[] = [];
  for (const county of counties) {
    const rng = createRng(hashSeed(seed, 'extras', county.code));
    const city = county.cityCode ? cities.get(county.cityCode) : undefined;
    if (city && !citiesDone.has(city.code)) {
      citiesDone.add(city.code);
      if (createRng(hashSeed(seed, 'city', city.code)).chance(cityShare)) out.push(citySubject(city));
    }
    out.push(countySubject(county));
    if (rng.chance(governmentShare)) out.push(governmentSubject(county));
    for (const name of pickBodies(rng, DEPARTMENTS, departmentShare)) out.push(departmentSubject(county, name));
    for (const name of pickBodies(rng, TOWNSHIPS, townshipShare)) out.push(townshipSubject(county, name));
  }
  return out;
}

/** The reports, subject by subject, up to `options.reports`. */
export function* synthesize(options: SynthOptions): Generator<SyntheticReport> {
  const years = [...(options.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  const missingRate = options.missingRate ?? 0.03;
  let produced = 0;
  for (const subject of planSubjects(options)) {
    const series = generateSeries(subject, years, options.seed, options.rates ?? DEFAULT_RATES);
    const missing = createRng(hashSeed(options.seed, 'missing', subject.key));
    for (const report of series) {
      if (missing.chance(missingRate)) continue;
      if (produced >= options.reports) return;
      produced++;
      yield report;
    }
  }
}

/** The report as text, with `prose` as section 一 (where the activity figures are read from). */
export function renderWithProse(report: Report, prose: readonly string[], layout: TextLayout = 'pipe'): string {
  const parts = documentParts(report);
  parts.sections[0] = { ...parts.sections[0], body: [...prose] };
  return renderText(report, layout, parts);
}

export const renderSynthetic = (s: SyntheticReport): string => renderWithProse(s.report, s.prose, s.layout);

export function syntheticFileName(s: Pick<SyntheticReport, 'subject' | 'year'>): string {
  return `${SYNTHETIC_PREFIX}${s.subject.key.replaceAll(':', '-')}-${s.year}.txt`;
}
