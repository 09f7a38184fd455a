// Fair admission of requests for the app's HTTP server (scripts/serve.ts).
//
// libuv (since 1.45, Node 20) accepts at most one new connection per turn of the event loop,
// and a turn starts the handler of every request that has arrived on the connections already
// open. Under load those turns grow with the open connections: at 2 ms of work per request and
// 100 connections a turn lasts 200 ms, so new connections are accepted five per second and wait
// in the kernel's queue past any client's timeout (measured: of 200 connections only ~100 were
// ever served in 10 s). Starting at most one request per turn lets connections be accepted as
// fast as requests are started: a new connection waits for the requests queued before it, not for
// one turn per connection ahead of it. (The continuations of requests already started, such as
// database results and streamed rendering, still run whenever they are ready.) The queue has no
// bound: under overload every request waits longer, rather than some connections not at all.

import type { IncomingMessage, ServerResponse } from 'node:http';

// Next replaces globalThis.setImmediate once loaded, with one that may run callbacks within the
// current task; the admission needs the event loop's own.
const nextTurn = globalThis.setImmediate;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface AdmissionOptions {
  /** called with every error a handler throws or rejects with */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

/**
 * A request listener that queues requests and starts `handler` for the oldest one once per event
 * loop turn (in setImmediate's phase), first come first served. A handler that throws or rejects
 * gets a 500 when nothing was sent yet; the error goes to `onError`.
 */
export function admitOnePerTurn(handler: RequestHandler, { onError }: AdmissionOptions = {}): RequestHandler {
  const waiting: Array<[IncomingMessage, ServerResponse]> = [];
  let head = 0;
  let scheduled = false;

  const fail = (error: unknown, req: IncomingMessage, res: ServerResponse) => {
    onError?.(error, req);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Internal Server Error');
    } else if (!res.writableEnded) {
      res.destroy();
    }
  };

  const start = (req: IncomingMessage, res: ServerResponse) => {
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch((error: unknown) => fail(error, req, res));
    } catch (error) {
      fail(error, req, res);
    }
  };

  const admitNext = () => {
    scheduled = false;
    while (head < waiting.length) {
      const [req, res] = waiting[head];
      waiting[head++] = undefined as never;
      // a client that left while waiting costs nothing more
      if (req.socket.destroyed) continue;
      start(req, res);
      break;
    }
    if (head === waiting.length) {
      waiting.length = 0;
      head = 0;
    } else {
      // a queue that never empties under steady load still gives back the slots it has used
      if (head >= 1024 && head * 2 >= waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      scheduled = true;
      nextTurn(admitNext);
    }
  };

  return (req, res) => {
    waiting.push([req, res]);
    if (!scheduled) {
      scheduled = true;
      nextTurn(admitNext);
    }
  };
}
