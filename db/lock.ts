// PGlite has no lock between processes, and two writers silently lose data. Every process
// that opens the data directory holds this lock file; a second one gets a clear error.

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DatabaseInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseInUseError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DirectoryLock {
  path: string;
  release(): void;
}

const LOCK_FILE = 'nianbao.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export function acquireDirectoryLock(dir: string, command = process.argv.slice(1).join(' ')): DirectoryLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      const stale = owner !== null && owner.host === me.host && !alive(owner.pid);
      if (stale || owner === null) {
        rmSync(path, { force: true });
        continue;
      }
      throw new DatabaseInUseError(
        `the database in ${dir} is in use by process ${owner.pid} (${owner.command}) since ${owner.since}; ` +
          `stop that process, or set DATABASE_URL to use a PostgreSQL server that several processes can share`,
      );
    }
  }
  throw new DatabaseInUseError(`could not take the lock ${path}`);
}
