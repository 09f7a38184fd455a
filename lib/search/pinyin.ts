// Pinyin of region names (pinyin-pro, server-side) and how typed letters match them: every
// syllable may be typed whole or cut short, so huitong, hui tong, htx, htxian and huitx all
// find 会同县 (hui tong xian).

import { pinyin } from 'pinyin-pro';

export type Tier = 'exact' | 'prefix' | 'contains';

/** 绿春县 → ['lv', 'chun', 'xian']: lowercase, ü written v, characters without pinyin left out */
export function syllablesOf(name: string): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/u.test(s));
}

/** The same syllables for the same name, computed once per process (the index is rebuilt as regions are added). */
export function memoisedSyllables(): (name: string) => string[] {
  const known = new Map<string, string[]>();
  return (name) => {
    let syllables = known.get(name);
    if (!syllables) known.set(name, (syllables = syllablesOf(name)));
    return syllables;
  };
}

/** a typed u also stands for ü (v): lu finds 绿 (lv) */
const sameLetter = (typed: string, letter: string) => typed === letter || (typed === 'u' && letter === 'v');

function sameLetters(typed: string, letters: string): boolean {
  if (typed.length !== letters.length) return false;
  for (let i = 0; i < typed.length; i++) if (!sameLetter(typed[i], letters[i])) return false;
  return true;
}

/**
 * `letters` read as consecutive syllables from syllables[start], each typed whole or as a
 * prefix of at least one letter, the last one possibly cut short. A depth-first walk over
 * (letters read, syllable), remembering the dead ends.
 */
function readsFrom(letters: string, syllables: readonly string[], start: number): boolean {
  if (!sameLetter(letters[0], syllables[start][0])) return false;
  const stride = syllables.length + 1;
  const dead = new Uint8Array((letters.length + 1) * stride);
  const read = (at: number, j: number): boolean => {
    const syllable = syllables[j];
    for (let k = 0; k < syllable.length && at + k < letters.length && sameLetter(letters[at + k], syllable[k]); k++) {
      const next = at + k + 1;
      if (next === letters.length) return true;
      if (j + 1 < syllables.length && dead[next * stride + j + 1] === 0 && read(next, j + 1)) return true;
    }
    dead[at * stride + j] = 1;
    return false;
  };
  return read(0, start);
}

/** A name's syllables with their two spellings that count as exact: huitongxian and htx. */
export interface PinyinForm {
  syllables: readonly string[];
  full: string;
  initials: string;
}

export function pinyinForm(syllables: readonly string[]): PinyinForm {
  return { syllables, full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

/**
 * How typed letters match a name's syllables: exact when they spell all of it (whole
 * syllables or initials), prefix when they read from its first syllable, contains when from a
 * later one; null otherwise.
 */
export function matchPinyin(letters: string, form: PinyinForm): Tier | null {
  if (letters.length === 0 || form.syllables.length === 0) return null;
  // most names have no syllable starting with the first letter typed
  if (!form.initials.includes(letters[0]) && !(letters[0] === 'u' && form.initials.includes('v'))) return null;
  if (sameLetters(letters, form.full) || sameLetters(letters, form.initials)) return 'exact';
  if (readsFrom(letters, form.syllables, 0)) return 'prefix';
  for (let start = 1; start < form.syllables.length; start++) if (readsFrom(letters, form.syllables, start)) return 'contains';
  return null;
}
