/**
 * The one error type a reader of report files throws. Its message is a single line meant for
 * the user (no stack, no library internals); `file` and `line` say where, when known.
 */
export class ReportReadError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ReportReadError';
  }

  /** "FILE: message" or "FILE:LINE: message", for a command-line report */
  describe(): string {
    if (!this.file) return this.message;
    return this.line === undefined ? `${this.file}: ${this.message}` : `${this.file}:${this.line}: ${this.message}`;
  }
}

/** Wraps whatever a parsing library threw into a one-line ReportReadError. */
export function readFailure(what: string, cause: unknown, file?: string): ReportReadError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const firstLine = detail.split('\n', 1)[0].trim().slice(0, 200);
  const err = new ReportReadError(firstLine ? `${what} (${firstLine})` : what, file);
  return err;
}
