// Bounded mutation fuzzing (2,000 cases in CI): mutated, truncated and shuffled reports from
// the corpus and from the renderers never throw anything but ReportReadError, never break the
// contract's schema, and never hang. `npm run fuzz -- --cases 100000` is the long run.
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';
import { fuzz, seeds } from './support/fuzz';

const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const BATCHES = 4;
const TIME_LIMIT_MS = 3000;
const allSeeds = seeds(HAS_CORPUS ? CORPUS_DIR : null);

describe('fuzzing the whole parse', () => {
  it.each(Array.from({ length: BATCHES }, (_, i) => [i + 1]))(
    'batch %i: only valid reports or ReportReadError, within the time bound',
    async (batch) => {
      const summary = await fuzz(allSeeds, Math.ceil(CASES / BATCHES), 1000 + batch, TIME_LIMIT_MS);
      expect(summary.cases).toBe(Math.ceil(CASES / BATCHES));
      expect(summary.reports).toBeGreaterThan(0);
      expect(summary.slowestMs, summary.slowestCase).toBeLessThan(TIME_LIMIT_MS * 2);
    },
    300_000,
  );
});
