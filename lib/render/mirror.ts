// The damage of SEO mirror sites (template.md §5.1): traditional characters, with a pinyin
// gloss after some of the characters that conversion changed (會(huì)同縣).

import { toTraditional } from '../text/opencc';
const SYLLABLES = ['huì', 'xiàn', 'shù', 'xiàng', 'wù', 'jié', 'bào', 'kāi', 'fù', 'sòng', 'zhuǎn', 'chǔ', 'wen', 'zhang'];

/** `pick(n)` returns an integer in [0, n): a seeded generator keeps the damage reproducible. */
export function mirrorText(simplified: string, pick: (n: number) => number): string {
  const traditional = toTraditional(simplified);
  let out = '';
  for (let i = 0; i < traditional.length; i++) {
    const ch = traditional[i];
    out += ch;
    if (ch !== simplified[i] && pick(3) === 0) out += `(${SYLLABLES[pick(SYLLABLES.length)]})`;
  }
  return out;
}

/** A small deterministic generator (mulberry32) for reproducible damage. */
export function seededPick(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
