// Running a script's main function and exiting with its outcome.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneLine } from './errors';

/** Runs a command's main on its arguments and exits with its code; anything it throws is `command: message`, exit 1. */
export function runCommand(command: string, main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${command}: ${oneLine(err)}\n`);
      process.exit(1);
    },
  );
}

/**
 * When the module at `moduleUrl` (its import.meta.url) is the script being run, rather than
 * imported: runs main, then exits with process.exitCode, or 1 with the error's message.
 */
export function runIfScript(moduleUrl: string, main: () => Promise<void>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
