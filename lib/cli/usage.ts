// Bad usage of a command and its exit code, for every command's argument parsing.

/** Bad usage of a command: exit code 2. */
export class UsageError extends Error {}

/**
 * Runs a command's argument parsing: the parsed arguments, or the exit code when there is nothing
 * more to do (0 after printing the usage for --help, 2 after a UsageError, printed with the usage).
 */
export function parseUsage<T>(command: string, usage: string, parse: () => T | 'help'): T | number {
  try {
    const parsed = parse();
    if (parsed !== 'help') return parsed;
    process.stdout.write(`${usage}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${command}: ${err.message}\n${usage}\n`);
    return 2;
  }
}
