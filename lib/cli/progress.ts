// Progress on stderr: a bar redrawn in place on a terminal, one plain "n/N …" line per item
// otherwise (logs, CI, a parent process reading it).

import type { TableProgress } from '../../db/backup';
import { plural } from './format';

export interface Progress {
  /** item n (1-based) is being worked on */
  start(n: number, label: string): void;
  /** item n is done, with a one-word outcome */
  done(n: number, label: string, outcome: string): void;
  /** removes the bar */
  finish(): void;
}

const BAR_WIDTH = 24;

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      start: () => {},
      done: (n, label, outcome) => void stream.write(`${n}/${total} ${outcome} ${label}\n`),
      finish: () => {},
    };
  }
  const draw = (doneCount: number, label: string) => {
    const filled = total ? Math.round((doneCount / total) * BAR_WIDTH) : BAR_WIDTH;
    const head = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${doneCount}/${total} `;
    const room = (stream.columns || 80) - head.length - 1;
    // keep the end of long paths: the file name is what tells files apart
    const shown = label.length <= room ? label : room > 8 ? `…${label.slice(label.length - room + 1)}` : '';
    stream.write(`\r\x1b[K${head}${shown}`);
  };
  return {
    start: (n, label) => draw(n - 1, label),
    done: (n, label) => draw(n, label),
    finish: () => void stream.write('\r\x1b[K'),
  };
}

/** Progress over tables (db/backup.ts): `3/11 restored reports (42 rows)`. */
export function tableProgress(bar: Progress, outcome: string): TableProgress {
  return {
    start: (n, table) => bar.start(n, table),
    done: (n, table, rows) => bar.done(n, `${table} (${plural(rows, 'row')})`, outcome),
  };
}
