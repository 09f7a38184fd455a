// Running any script of the project as a user does (`node --import tsx`, see cli.ts), to its end.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { finished, type CliResult } from './cli';
import { ROOT } from './root';

/** Runs scripts/<script>.ts with these arguments and environment; its exit code and output. */
export function runTsxScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return finished(spawn(process.execPath, ['--import', 'tsx', join(ROOT, `scripts/${script}.ts`), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}
