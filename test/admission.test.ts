// Requests admitted one per event loop turn (lib/server/admission.ts): in order, one per turn,
// errors answered with a 500; and the reason for it, on real sockets: a burst of new visitors to a
// busy server is accepted and served in turn, where a plain Node server leaves them waiting in the
// kernel's queue for one connection per (ever longer) turn.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, get, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { admitOnePerTurn } from '../lib/server/admission';
import { parseServeArgs } from '../lib/server/serve-args';
import { ROOT } from './support/root';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function pair(socketDestroyed = false): [IncomingMessage, ServerResponse] {
  return [{ socket: { destroyed: socketDestroyed } } as IncomingMessage, {} as ServerResponse];
}

describe('admitOnePerTurn', () => {
  it('starts one waiting request per event loop turn, oldest first', async () => {
    const started: number[] = [];
    const requests = [pair(), pair(), pair()];
    const listener = admitOnePerTurn((req) => void started.push(requests.findIndex(([r]) => r === req)));
    for (const [req, res] of requests) listener(req, res);
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0]);
    await nextTurn();
    expect(started).toEqual([0, 1]);
    listener(...requests[0]);
    await nextTurn();
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 0]);
  });

  it('passes over a request whose client left while it waited, without spending a turn on it', async () => {
    const started: string[] = [];
    const listener = admitOnePerTurn((req) => void started.push((req as unknown as { name: string }).name));
    const gone = Object.assign(pair(true)[0], { name: 'gone' });
    const here = Object.assign(pair()[0], { name: 'here' });
    listener(gone, {} as ServerResponse);
    listener(here, {} as ServerResponse);
    await nextTurn();
    expect(started).toEqual(['here']);
  });

  describe('on a real server', () => {
    const servers: Server[] = [];
    afterEach(() => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));

    async function serve(handler: Parameters<typeof admitOnePerTurn>[0]): Promise<{ base: string; errors: unknown[] }> {
      const errors: unknown[] = [];
      const server = createServer(admitOnePerTurn(handler, { onError: (error) => errors.push(error) }));
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      return { base: `http://127.0.0.1:${port}`, errors };
    }

    it('answers 500 for a handler that rejects or throws before answering, and reports the error', async () => {
      const { base, errors } = await serve(async (req) => {
        if (req.url === '/reject') throw new Error('rejected');
        return undefined;
      });
      const res = await fetch(`${base}/reject`);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('Internal Server Error');
      expect(errors).toHaveLength(1);

      const sync = await serve(() => {
        throw new Error('thrown');
      });
      expect((await fetch(`${sync.base}/`)).status).toBe(500);
      expect(String(sync.errors[0])).toContain('thrown');
    });

    it('cuts the connection of a handler that fails halfway through its answer', async () => {
      const { base, errors } = await serve(async (_req, res) => {
        res.writeHead(200);
        res.write('half');
        throw new Error('halfway');
      });
      await expect(fetch(`${base}/`).then((res) => res.text())).rejects.toThrow();
      expect(errors).toHaveLength(1);
    });
  });
});

describe('a burst of new connections to a busy server', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill()));

  function startBusyServer(mode: 'gated' | 'plain'): Promise<number> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/busy-server.ts'), mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout!.setEncoding('utf8').once('data', (line: string) => resolve(Number(line)));
      child.once('exit', (code) => reject(new Error(`busy-server exited (${code})`)));
    });
  }

  function getNumber(url: string, agent: Agent | false): Promise<number> {
    return new Promise((resolve, reject) => {
      get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(Number(body)));
      }).on('error', reject);
    });
  }

  const STEADY = 20;
  const BURST = 100;

  /**
   * STEADY keep-alive clients keep the server busy (each request costs it 2 ms); then BURST new
   * clients connect at once, one request each. The answer: how many answers the server sent from
   * the burst's start until the last newcomer's answer.
   */
  async function burstWait(mode: 'gated' | 'plain'): Promise<number> {
    const port = await startBusyServer(mode);
    const url = `http://127.0.0.1:${port}/`;
    const agent = new Agent({ keepAlive: true, maxSockets: STEADY });
    let latest = 0;
    let running = true;
    const steady = Array.from({ length: STEADY }, async () => {
      while (running) latest = Math.max(latest, await getNumber(url, agent));
    });
    await new Promise((r) => setTimeout(r, 300));
    const start = latest;
    const answers = await Promise.all(Array.from({ length: BURST }, () => getNumber(url, false)));
    running = false;
    await Promise.all(steady);
    agent.destroy();
    return Math.max(...answers) - start;
  }

  // each newcomer waits for at most the requests queued before it: the steady clients' and the
  // newcomers' ahead of it (and a few answers sent while the burst was being sent)
  const FAIR = 2 * (STEADY + BURST) + 20;

  it('gated (as the app serves): the last newcomer is answered within one round of every client', async () => {
    const waited = await burstWait('gated');
    expect(waited).toBeLessThanOrEqual(FAIR);
  }, 60_000);

  it('plain Node (the control): newcomers are accepted one per turn and the last waits many rounds', async () => {
    const waited = await burstWait('plain');
    expect(waited).toBeGreaterThan(FAIR);
  }, 60_000);
});

describe('parseServeArgs', () => {
  it('takes the port from --port, -p or PORT, else 3000, and the hostname from --hostname or -H', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 3000, hostname: undefined });
    expect(parseServeArgs([], { PORT: '4000' })).toEqual({ port: 4000, hostname: undefined });
    expect(parseServeArgs(['--', '-p', '5000', '-H', '127.0.0.1'], { PORT: '4000' })).toEqual({ port: 5000, hostname: '127.0.0.1' });
    expect(parseServeArgs(['--port=8080', '--hostname=::1'], {})).toEqual({ port: 8080, hostname: '::1' });
    expect(parseServeArgs(['--help'], {})).toBe('help');
  });

  it('refuses a bad port, a missing value and unknown arguments, naming them', () => {
    expect(() => parseServeArgs(['--port', 'http'], {})).toThrow(/--port needs a port number/u);
    expect(() => parseServeArgs([], { PORT: '70000' })).toThrow(/PORT needs a port number/u);
    expect(() => parseServeArgs(['-p', '0'], {})).toThrow(/-p needs a port number from 1/u);
    expect(() => parseServeArgs(['-H'], {})).toThrow(/-H needs a value/u);
    expect(() => parseServeArgs(['--turbo'], {})).toThrow(/unknown argument --turbo/u);
  });
});
