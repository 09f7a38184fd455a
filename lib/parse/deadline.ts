// The time bound of one parse, checked inside the long loops of every phase, not only between
// phases: a damaged or giant input (a data dump of 90,000 table rows) must stop on time.
// Reading the clock costs far more than a loop step, so `tick` reads it every 256 steps.

import { ReportReadError } from '../formats/errors';

/** steps between two readings of the clock, minus one (a power of two minus one, as a mask) */
const EVERY = 255;

export class Deadline {
  private steps = 0;

  constructor(
    /** Date.now() value after which the parse stops */
    private readonly at: number,
    /** the limit as configured, for the message */
    readonly limitMs: number,
    readonly file?: string,
  ) {}

  static after(limitMs: number, file?: string): Deadline {
    return new Deadline(Date.now() + limitMs, limitMs, file);
  }

  /** One step of a long loop; `doing` says where, as "reading the cells of table 三". */
  tick(doing: string): void {
    this.steps = (this.steps + 1) & EVERY;
    if (this.steps === 0 && Date.now() > this.at) this.fail(`while ${doing}`);
  }

  /** Reads the clock now: between steps that are each long (a batch of lines to convert). */
  check(doing: string): void {
    if (Date.now() > this.at) this.fail(`while ${doing}`);
  }

  /** Between phases: `done` names the phase that just finished. */
  checkAfter(done: string): void {
    if (Date.now() > this.at) this.fail(`after ${done}`);
  }

  private fail(where: string): never {
    throw new ReportReadError(`parse took longer than ${this.limitMs} ms (stopped ${where})`, this.file);
  }
}

/** For callers of the phases outside parseReportText (tests, tools): no bound. */
export const NO_DEADLINE: Deadline = new Deadline(Infinity, Infinity);
