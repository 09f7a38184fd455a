// Which files a command reads from the paths it is given.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, MissingPathError } from '../lib/cli/files';

describe('collectFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
    for (const path of ['b.TXT', 'a.html', 'c.htm', 'd.pdf', 'e.docx', 'notes.md', 'x.expected.json', 'sub/f.txt', '.hidden/g.txt', 'node_modules/h.txt', 'other.dat']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    }
    symlinkSync(dir, join(dir, 'sub', 'loop')); // a folder that contains itself
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds report-like files in folders, recursively and sorted, skipping hidden entries, node_modules and loops', async () => {
    const files = await collectFiles([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.html', 'b.TXT', 'c.htm', 'd.pdf', 'e.docx', 'sub/f.txt']);
  });

  it('takes any file given by name, once, whatever its name', async () => {
    const files = await collectFiles([join(dir, 'other.dat'), join(dir, 'a.html'), dir, join(dir, '.hidden')]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['other.dat', 'a.html', 'b.TXT', 'c.htm', 'd.pdf', 'e.docx', 'sub/f.txt', '.hidden/g.txt']);
  });

  it('refuses a path that does not exist', async () => {
    await expect(collectFiles([join(dir, 'missing')])).rejects.toBeInstanceOf(MissingPathError);
  });
});
