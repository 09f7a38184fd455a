// npm run fuzz -- [--cases N] [--seed S]: the long fuzzing run (default 100,000 cases).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fuzz, seeds } from '../test/support/fuzz';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('--cases', 100_000);
const seed = arg('--seed', Date.now() % 100_000);
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const allSeeds = seeds(existsSync(corpus) ? corpus : null);
const t0 = Date.now();
console.log(`fuzzing ${cases} cases from ${allSeeds.length} seed files, seed ${seed}`);
let current = '';
// an unhandled rejection (a library's promise that nothing awaits) would end the run without
// naming the case: name it, then fail as Node would
process.on('unhandledRejection', (reason) => {
  console.error(`FAILED: unhandled rejection during ${current} (or just after it): ${reason instanceof Error ? reason.stack : String(reason)}`);
  process.exit(1);
});
const progress = (done: number) => process.stdout.write(`  ${done} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
fuzz(allSeeds, cases, seed, 3000, progress, (label) => (current = label)).then(
  (s) => {
    console.log(`${s.cases} cases: ${s.reports} reports, ${s.readErrors} ReportReadError, 0 other errors; slowest ${s.slowestMs.toFixed(0)} ms (${s.slowestCase}); ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
  },
  (err) => {
    console.error(`FAILED: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
