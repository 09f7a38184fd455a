// The files a command reads: every file given by name, and the report-like files found in the
// folders given (recursively, skipping hidden entries and node_modules). Each file once, in order.

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const REPORT_FILE = /\.(?:txt|htm|html|pdf|docx)$/iu;

export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`no such file or folder: ${path}`);
    this.name = 'MissingPathError';
  }
}

export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string) => {
    const real = await realpath(path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push(path);
  };
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symlink loop, or a folder given twice
    seen.add(real);
    const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
      if (target?.isDirectory()) await walk(path);
      else if (target?.isFile() && REPORT_FILE.test(entry.name)) await add(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new MissingPathError(path);
      throw err;
    });
    if (info.isDirectory()) await walk(path);
    else await add(path);
  }
  return files;
}
