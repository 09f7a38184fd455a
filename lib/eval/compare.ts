// The corpus evaluation rule (report-json.md "Evaluation"): every field of an expected file
// must be matched; for a complete report the three tables must also hold nothing more.
// Keys starting with "_" are notes, not fields.

export interface FieldDiff {
  path: string;
  expected: unknown;
  found: unknown;
  kind: 'missing' | 'wrong' | 'extra';
}

export interface Score {
  compared: number;
  matched: number;
  missing: number;
  wrong: number;
  diffs: FieldDiff[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const TABLES = ['proactive', 'applications', 'appeals'] as const;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-9 : a === b);

export function scoreReport(expected: Obj, actual: Obj): Score {
  const score: Score = { compared: 0, matched: 0, missing: 0, wrong: 0, diffs: [] };
  const record = (path: string, exp: unknown, found: unknown, present: boolean) => {
    score.compared++;
    if (present && same(exp, found)) score.matched++;
    else if (!present) {
      score.missing++;
      score.diffs.push({ path, expected: exp, found: undefined, kind: 'missing' });
    } else {
      score.wrong++;
      score.diffs.push({ path, expected: exp, found, kind: 'wrong' });
    }
  };

  const walk = (path: string, exp: Json, act: unknown, present: boolean) => {
    if (Array.isArray(exp)) {
      const arr = Array.isArray(act) ? act : [];
      exp.forEach((e, i) => walk(`${path}[${i}]`, e, arr[i], present && i < arr.length));
    } else if (isObj(exp)) {
      const obj = isObj(act) ? act : {};
      for (const [k, v] of Object.entries(exp)) {
        if (k.startsWith('_')) continue;
        walk(path ? `${path}.${k}` : k, v, obj[k], present && k in obj);
      }
    } else {
      record(path, exp, act, present);
    }
  };

  for (const [key, exp] of Object.entries(expected)) {
    if (key.startsWith('_')) continue;
    if (key === 'checks') scoreChecks(exp as Json[], actual.checks, record);
    else if (key === 'warnings') scoreWarnings(exp as Json[], actual.warnings, record);
    else if (key === 'sources') continue;
    else walk(key, exp, actual[key], key in actual);
  }

  const complete = isObj(expected._source) && expected._source.complete === 'yes';
  if (complete) for (const table of TABLES) extraCells(table, expected[table], actual[table], score);
  return score;
}

/** One field per expected check: its id must be there with the same verdict. */
function scoreChecks(expected: Json[], actual: unknown, record: (p: string, e: unknown, f: unknown, present: boolean) => void) {
  const list = Array.isArray(actual) ? actual.filter(isObj) : [];
  for (const exp of expected.filter(isObj)) {
    const found = list.find((c) => c.id === exp.id);
    record(`checks[${String(exp.id)}].ok`, exp.ok, found?.ok, found !== undefined);
  }
}

/** Warnings are matched by code: each expected warning needs one of ours with that code. */
function scoreWarnings(expected: Json[], actual: unknown, record: (p: string, e: unknown, f: unknown, present: boolean) => void) {
  const pool = (Array.isArray(actual) ? actual.filter(isObj) : []).map((w) => w.code);
  for (const exp of expected.filter(isObj)) {
    const i = pool.indexOf(exp.code);
    if (i >= 0) pool.splice(i, 1);
    record(`warnings[${String(exp.code)}]`, exp.code, i >= 0 ? exp.code : undefined, i >= 0);
  }
}

function extraCells(table: string, expected: Json | undefined, actual: unknown, score: Score) {
  if (!isObj(actual)) return;
  const exp = isObj(expected) ? expected : {};
  const note = (path: string, found: unknown) => {
    score.compared++;
    score.wrong++;
    score.diffs.push({ path, expected: undefined, found, kind: 'extra' });
  };
  for (const [row, value] of Object.entries(actual)) {
    const expRow = exp[row];
    if (expRow === undefined) note(`${table}.${row}`, value);
    else if (Array.isArray(value) && Array.isArray(expRow) && value.length > expRow.length) note(`${table}.${row}[${expRow.length}]`, value.slice(expRow.length));
    else if (isObj(value) && isObj(expRow)) for (const col of Object.keys(value)) if (!(col in expRow)) note(`${table}.${row}.${col}`, value[col]);
  }
}
