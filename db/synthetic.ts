// Loads synthetic reports (lib/synth) through the ordinary ingest path: each report is printed
// as text and stored by ingestFile, as a file named synthetic/… with no URL. report_facts is
// then brought up to date (a no-op once ingest keeps it current itself).

import { synthesize, renderSynthetic, syntheticFileName, type SynthOptions, type SyntheticReport } from '../lib/synth/index';
import type { Db } from './client';
import { refreshReportFacts, type FactsRefresh } from './facts';
import { ingestFile, type IngestKind } from './ingest';

export interface LoadOptions extends SynthOptions {
  /** leave out the first reports of the sequence (already loaded): `reports` counts them too */
  skip?: number;
  /** ingests in flight at once (PostgreSQL gains from a few; PGlite runs one at a time anyway) */
  concurrency?: number;
  onProgress?: (done: number) => void;
}

export interface LoadResult {
  reports: number;
  kinds: Partial<Record<IngestKind, number>>;
  /** hard checks failed, by check id */
  failedChecks: Record<string, number>;
  ingestMs: number;
  factsMs: number;
  facts: FactsRefresh;
}

/**
 * The reports in runs of one body (its years in order). Concurrent workers take whole runs: two
 * years of one body stored at once would not see each other, and miss their cross-year check.
 */
function* bySubject(source: Iterator<SyntheticReport>): Generator<SyntheticReport[]> {
  let run: SyntheticReport[] = [];
  for (let next = source.next(); !next.done; next = source.next()) {
    if (run.length && run[0].subject.key !== next.value.subject.key) {
      yield run;
      run = [];
    }
    run.push(next.value);
  }
  if (run.length) yield run;
}

export async function loadSynthetic(db: Db, options: LoadOptions): Promise<LoadResult> {
  const encoder = new TextEncoder();
  const source = synthesize(options);
  for (let i = 0; i < (options.skip ?? 0) && !source.next().done; i++);
  const result: LoadResult = { reports: 0, kinds: {}, failedChecks: {}, ingestMs: 0, factsMs: 0, facts: { derived: 0, removed: 0 } };
  const started = performance.now();
  const store = async (s: SyntheticReport) => {
    const outcome = await ingestFile(db, { bytes: encoder.encode(renderSynthetic(s)), name: syntheticFileName(s), url: null });
    result.reports++;
    result.kinds[outcome.kind] = (result.kinds[outcome.kind] ?? 0) + 1;
    for (const id of outcome.failedChecks ?? []) result.failedChecks[id] = (result.failedChecks[id] ?? 0) + 1;
    if (outcome.kind === 'failed') throw new Error(`${outcome.file}: ${outcome.error}`);
    options.onProgress?.(result.reports);
  };
  const groups = bySubject(source);
  const worker = async () => {
    for (let group = groups.next(); !group.done; group = groups.next()) {
      for (const s of group.value) await store(s);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  result.ingestMs = performance.now() - started;
  const factsStart = performance.now();
  result.facts = await refreshReportFacts(db);
  result.factsMs = performance.now() - factsStart;
  return result;
}
