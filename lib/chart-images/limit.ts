// At most a few PNGs drawn at once, a short queue behind them, and a clear "busy" beyond it: a
// burst of large images must not take the server's memory (each holds its pixels two or three
// times while drawn and encoded).

export class RenderBusyError extends Error {
  constructor() {
    super('正在生成的图片太多，请稍后再试');
  }
}

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** running and waiting, for tests */
  readonly load: { running: number; waiting: number };
}

export function limiter(concurrency: number, queue: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  // a finished task hands its slot straight to the first in the queue, so no newcomer slips in between
  const release = () => {
    const first = waiting.shift();
    if (first) first();
    else running--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= queue) throw new RenderBusyError();
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else running++;
      try {
        return await task();
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}

/** the server's PNG drawing: two at a time, eight waiting */
export const pngRenders = limiter(2, 8);
