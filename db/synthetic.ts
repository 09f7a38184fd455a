// Loads synthetic reports (lib/synth) through the ordinary ingest path: each report is printed
// as text and stored by ingestFile, as a file named synthetic/… with no URL. report_facts is
// then brought up to date (a no-op once ingest keeps it current itself).

import { synthesize, renderSynthetic, syntheticFileName, type SynthOptions, type SyntheticReport } from '../lib/synth/index';
import type { ParseOutcome } from '../lib/ingest/outcome';
import { createParsePool, type ParsePool } from '../lib/ingest/parse-pool';
import type { Db } from './client';
import { refreshReportFacts, type FactsRefresh } from './facts';
import { ingestFile, type IngestKind } from './ingest';

export interface LoadOptions extends SynthOptions {
  /** leave out the first reports of the sequence (already loaded): `reports` counts them too */
  skip?: number;
  /** ingests in flight at once (PostgreSQL gains from a few; PGlite runs one at a time anyway) */
  concurrency?: number;
  onProgress?: (done: number) => void;
  /** worker threads that parse ahead of the writes (0: parse on this thread, as ingest does) */
  parseWorkers?: number;
}

interface Prepared {
  report: SyntheticReport;
  bytes: Uint8Array;
  name: string;
  parsing?: Promise<ParseOutcome>;
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
function* bySubject(source: Iterator<Prepared>): Generator<Prepared[]> {
  let run: Prepared[] = [];
  for (let next = source.next(); !next.done; next = source.next()) {
    if (run.length && run[0].report.subject.key !== next.value.report.subject.key) {
      yield run;
      run = [];
    }
    run.push(next.value);
  }
  if (run.length) yield run;
}

/** Each report printed, and (with a pool) its parse started, `ahead` reports before it is stored. */
function* prepared(source: Iterator<SyntheticReport>, pool: ParsePool | null, ahead: number): Generator<Prepared> {
  const encoder = new TextEncoder();
  const queue: Prepared[] = [];
  let done = false;
  const fill = () => {
    while (!done && queue.length < ahead) {
      const next = source.next();
      if (next.done) {
        done = true;
        break;
      }
      const bytes = encoder.encode(renderSynthetic(next.value));
      const name = syntheticFileName(next.value);
      queue.push({ report: next.value, bytes, name, parsing: pool?.parse(bytes, name, { encode: true }) });
    }
  };
  for (fill(); queue.length; fill()) yield queue.shift()!;
}

export async function loadSynthetic(db: Db, options: LoadOptions): Promise<LoadResult> {
  const source = synthesize(options);
  for (let i = 0; i < (options.skip ?? 0) && !source.next().done; i++);
  const result: LoadResult = { reports: 0, kinds: {}, failedChecks: {}, ingestMs: 0, factsMs: 0, facts: { derived: 0, removed: 0 } };
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const pool = options.parseWorkers ? createParsePool(options.parseWorkers) : null;
  const started = performance.now();
  const store = async ({ bytes, name, parsing }: Prepared) => {
    const outcome = await ingestFile(db, { bytes, name, url: null }, { parsing });
    result.reports++;
    result.kinds[outcome.kind] = (result.kinds[outcome.kind] ?? 0) + 1;
    for (const id of outcome.failedChecks ?? []) result.failedChecks[id] = (result.failedChecks[id] ?? 0) + 1;
    if (outcome.kind === 'failed') throw new Error(`${outcome.file}: ${outcome.error}`);
    options.onProgress?.(result.reports);
  };
  try {
    const groups = bySubject(prepared(source, pool, pool ? 4 * (options.parseWorkers ?? 1) + 2 * concurrency : 1));
    const worker = async () => {
      for (let group = groups.next(); !group.done; group = groups.next()) {
        for (const s of group.value) await store(s);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await pool?.close();
  }
  result.ingestMs = performance.now() - started;
  const factsStart = performance.now();
  result.facts = await refreshReportFacts(db);
  result.factsMs = performance.now() - factsStart;
  return result;
}
