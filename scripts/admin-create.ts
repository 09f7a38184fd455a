// npm run -s admin:create -- NAME [--region CODE_OR_NAME] [--reset-password]
// Creates a staff account that can sign in to the app and upload reports, optionally limited
// to a region and the regions under it; or, with --reset-password, gives an existing account a
// new password (and ends its sessions).
// The password is typed twice at a hidden prompt when run in a terminal; otherwise it is read
// from NIANBAO_ADMIN_PASSWORD. It is never an argument: arguments end up in shell histories and
// process lists.
// Exit 0 when done, 1 when the account could not be created or changed (or the database cannot
// be opened), 2 for bad usage or no way to get a password, 130 when the prompt is interrupted.

import { openDatabase, type Database } from '../db/client';
import { AccountError, createAccount, findAccount, nameProblem, normaliseName, resolveRegion, setPassword, type RegionChoice } from '../db/accounts';
import { passwordProblem } from '../lib/auth/password';
import { parseUsage, UsageError } from '../lib/cli/usage';
import { openFailure } from '../lib/cli/errors';
import { runCommand } from '../lib/cli/main';

const USAGE = `usage: npm run -s admin:create -- NAME [--region CODE_OR_NAME] [--reset-password]
  creates the staff account NAME, limited to the region (GB/T 2260 code, name, or r<id>) and the
  regions under it when --region is given; --reset-password gives an existing account a new
  password. The password is asked for twice in a terminal, else read from NIANBAO_ADMIN_PASSWORD.`;

const PASSWORD_ENV = 'NIANBAO_ADMIN_PASSWORD';
const ATTEMPTS = 3;

interface Args {
  name: string;
  region: string | null;
  reset: boolean;
}

function parseArgs(argv: string[]): Args | 'help' {
  const names: string[] = [];
  let region: string | null = null;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      names.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--reset-password') reset = true;
    else if (arg === '--region' || arg.startsWith('--region=')) {
      const value = arg === '--region' ? argv[++i] : arg.slice('--region='.length);
      if (value === undefined || value === '') throw new UsageError('--region needs a GB/T 2260 code or a region name');
      if (region !== null) throw new UsageError('--region given twice');
      region = value;
    } else if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg}`);
    else names.push(arg);
  }
  if (names.length === 0) throw new UsageError('no account name given');
  if (names.length > 1) throw new UsageError(`one account name at a time (got ${names.join(' ')})`);
  if (reset && region !== null) throw new UsageError('--reset-password changes the password only; leave out --region');
  return { name: names[0], region, reset };
}

/**
 * One line typed without echo: the terminal in raw mode, read character by character. Backspace
 * and Ctrl-U edit, escape sequences (arrow keys, bracketed paste markers) are ignored, Enter ends
 * it. Null for Ctrl-C, or Ctrl-D on an empty line.
 */
function readHidden(prompt: string): Promise<string | null> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    const chars: string[] = [];
    /** 0: text; 1: after ESC; 2: inside a CSI sequence (ESC [ … final byte) */
    let escape = 0;
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (escape === 1) {
          escape = ch === '[' || ch === 'O' ? 2 : 0;
          continue;
        }
        if (escape === 2) {
          if (ch >= '@' && ch <= '~') escape = 0;
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish(chars.join(''));
        if (ch === '\u0003') return finish(null); // Ctrl-C
        if (ch === '\u0004') {
          if (chars.length === 0) return finish(null); // Ctrl-D on an empty line
          continue;
        }
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u0015') chars.length = 0; // Ctrl-U
        else if (ch === '\u001b') escape = 1;
        else if (ch >= ' ') chars.push(ch);
      }
    };
    // echo off before the prompt shows: what is typed after it must never appear
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.resume();
    stdin.on('data', onData);
  });
}

type Prompted = { password: string } | { error: string; code: number };

/** The new password from the terminal: typed twice, asked again (up to three times) when weak or mistyped. */
async function promptPassword(name: string): Promise<Prompted> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const first = await readHidden(`new password for ${name}: `);
    if (first === null) return { error: 'cancelled', code: 130 };
    const problem = passwordProblem(first);
    if (problem) {
      process.stderr.write(`${problem}\n`);
      continue;
    }
    const second = await readHidden('the same password again: ');
    if (second === null) return { error: 'cancelled', code: 130 };
    if (second === first) return { password: first };
    process.stderr.write('the two passwords differ\n');
  }
  return { error: `no acceptable password after ${ATTEMPTS} attempts`, code: 1 };
}

const regionLabel = (r: Pick<RegionChoice, 'id' | 'name' | 'code'>) => `${r.name} ${r.code ?? `r${r.id}`}`;

function fail(message: string, code: number): number {
  process.stderr.write(`admin-create: ${message}\n`);
  return code;
}

async function main(argv: string[]): Promise<number> {
  const args = parseUsage('admin-create', USAGE, () => parseArgs(argv));
  if (typeof args === 'number') return args;
  const badName = nameProblem(args.name);
  if (badName) return fail(badName, 1);
  const name = normaliseName(args.name);

  // without a terminal, the password must be at hand before the database is opened
  const terminal = process.stdin.isTTY === true;
  let password: string | null = null;
  if (!terminal) {
    password = process.env[PASSWORD_ENV] ?? '';
    delete process.env[PASSWORD_ENV];
    if (password === '') return fail(`no password: run this in a terminal to type it, or set ${PASSWORD_ENV}`, 2);
    const problem = passwordProblem(password);
    if (problem) return fail(problem, 1);
  }

  let database: Database;
  try {
    database = await openDatabase();
  } catch (err) {
    return fail(openFailure(err), 1);
  }
  try {
    const { db } = database;
    let region: RegionChoice | null = null;
    if (args.region !== null) {
      const found = await resolveRegion(db, args.region);
      if (typeof found === 'string') return fail(found, 1);
      region = found;
    }
    // before asking for a password that could not be used
    const existing = await findAccount(db, name);
    if (args.reset && !existing) return fail(`there is no account named ${name}; leave out --reset-password to create it`, 1);
    if (!args.reset && existing) return fail(`an account named ${name} already exists; to give it a new password, add --reset-password`, 1);

    if (password === null) {
      const typed = await promptPassword(name);
      if ('error' in typed) return fail(typed.error, typed.code);
      password = typed.password;
    }

    try {
      if (args.reset) {
        await setPassword(db, name, password);
        process.stdout.write(`password reset for ${name}\n`);
      } else {
        await createAccount(db, { name, password, regionId: region?.id ?? null });
        process.stdout.write(`created account ${name} (${region ? `limited to ${regionLabel(region)}` : 'every region'})\n`);
      }
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      const hint = err.kind === 'duplicate' ? '; to give it a new password, add --reset-password' : '';
      return fail(`${err.message}${hint}`, 1);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand('admin-create', main);
