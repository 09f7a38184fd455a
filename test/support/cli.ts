// Running the project's CLIs as users do. `node --import tsx` keeps each CLI one process, so
// that a signal sent to it reaches the process that holds the database (the tsx binary would
// run the script in a child of its own).

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './root';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnScript(script: 'ingest' | 'reparse', args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, `scripts/${script}.ts`), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const runScript = (script: 'ingest' | 'reparse', args: string[], env: NodeJS.ProcessEnv) => finished(spawnScript(script, args, env));

/** A stack trace line, which no CLI message may contain. */
export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/mu;
