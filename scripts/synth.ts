// npm run -s synth -- --reports N [--seed N] [--years 2019-2025] [--counties N] [--concurrency N]
//                     [--data-dir DIR] [--force]
// Stores N synthetic reports (lib/synth: scale tests only) through the ingest path, into PGlite
// in --data-dir, or PostgreSQL at DATABASE_URL without it. Never into the app's own data
// directory (./.data, or NIANBAO_DATA_DIR) unless --force. Synthetic files are named
// synthetic/… and have no URL; they are never part of the bundled data.
// Exit 0 on success, 1 when the database cannot be opened or a report cannot be stored, 2 for bad usage.

import { resolve } from 'node:path';
import { defaultDataDir } from '../db/client';
import { loadSynthetic } from '../db/synthetic';
import { defaultPoolSize } from '../lib/ingest/parse-pool';
import { parseUsage, UsageError } from '../lib/cli/usage';
import { withDatabase } from '../lib/cli/database';
import { openFailure } from '../lib/cli/errors';
import { runCommand } from '../lib/cli/main';

const USAGE =
  'usage: npm run -s synth -- --reports N [--seed N] [--years 2019-2025] [--counties N] [--concurrency N] [--data-dir DIR | DATABASE_URL set] [--force]';

interface Args {
  reports: number;
  seed: number;
  years: number[];
  counties?: number;
  concurrency?: number;
  dataDir?: string;
  force: boolean;
}

const VALUE_OPTIONS = new Set(['--reports', '--seed', '--years', '--counties', '--concurrency', '--data-dir']);

function positive(name: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} takes an integer of at least ${min}, not ${value}`);
  return n;
}

function parseYears(value: string): number[] {
  const range = /^(\d{4})(?:-(\d{4}))?$/u.exec(value);
  if (!range) throw new UsageError(`--years takes YYYY or YYYY-YYYY, not ${value}`);
  const from = Number(range[1]);
  const to = Number(range[2] ?? range[1]);
  if (from < 2019 || to > 2030 || to < from) throw new UsageError(`--years must lie within 2019-2030: ${value}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (VALUE_OPTIONS.has(a)) {
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      values.set(a, argv[++i]);
    } else throw new UsageError(`unknown argument ${a}`);
  }
  if (!values.has('--reports')) throw new UsageError('--reports is required');
  return {
    reports: positive('--reports', values.get('--reports')!),
    seed: values.has('--seed') ? positive('--seed', values.get('--seed')!, 0) : 1,
    years: values.has('--years') ? parseYears(values.get('--years')!) : [2019, 2020, 2021, 2022, 2023, 2024, 2025],
    counties: values.has('--counties') ? positive('--counties', values.get('--counties')!) : undefined,
    concurrency: values.has('--concurrency') ? positive('--concurrency', values.get('--concurrency')!) : undefined,
    dataDir: values.get('--data-dir'),
    force,
  };
}

/** The app's own PGlite directory: ./.data, or NIANBAO_DATA_DIR. */
function isAppDataDir(dir: string): boolean {
  const target = resolve(dir);
  return target === resolve('.data') || target === defaultDataDir();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function progressReporter(total: number): (done: number) => void {
  const started = performance.now();
  let last = started;
  return (done) => {
    const now = performance.now();
    if (done !== total && now - last < 2000) return;
    last = now;
    const perReport = (now - started) / done;
    const eta = perReport * (total - done);
    process.stderr.write(`  ${done}/${total} reports, ${perReport.toFixed(1)} ms/report${done < total ? `, about ${seconds(eta)} to go` : ''}\n`);
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('synth', USAGE, () => (argv.includes('-h') || argv.includes('--help') ? 'help' : parseArgs(argv.filter((a) => a !== '--'))));
  if (typeof args === 'number') return args;
  const usesPostgres = !args.dataDir && !!process.env.DATABASE_URL;
  const dataDir = args.dataDir ?? (usesPostgres ? undefined : defaultDataDir());
  if (dataDir && isAppDataDir(dataDir) && !args.force) {
    process.stderr.write(`synth: refusing to write synthetic reports into the app's data directory ${resolve(dataDir)}; pass --data-dir DIR (or --force)\n`);
    return 2;
  }

  return withDatabase({ command: 'synth', options: dataDir ? { dataDir } : {}, openMessage: openFailure }, async (database) => {
    const concurrency = args.concurrency ?? (database.kind === 'postgres' ? 4 : 1);
    process.stderr.write(`synth: ${args.reports} synthetic reports (seed ${args.seed}, ${args.years[0]}–${args.years.at(-1)}) into ${database.kind} ${database.location}\n`);
    const result = await loadSynthetic(database.db, {
      seed: args.seed,
      reports: args.reports,
      years: args.years,
      counties: args.counties,
      concurrency,
      // a worker starts in about 0.3 s: worth it for a bulk load only
      parseWorkers: args.reports >= 500 ? defaultPoolSize() : 0,
      onProgress: progressReporter(args.reports),
    });
    const kinds = Object.entries(result.kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const failed = Object.entries(result.failedChecks)
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    process.stdout.write(`reports: ${kinds}${failed ? `; failed hard checks: ${failed}` : ''}\n`);
    process.stdout.write(
      `synth: ${result.reports} reports in ${seconds(result.ingestMs + result.factsMs)} (ingest ${seconds(result.ingestMs)}, ${(result.ingestMs / Math.max(result.reports, 1)).toFixed(1)} ms/report; ` +
        `report_facts ${seconds(result.factsMs)}, ${result.facts.derived} rows) into ${database.kind}\n`,
    );
    return 0;
  });
}

runCommand('synth', main);
