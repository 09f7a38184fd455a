// Traditional to simplified conversion (opencc-js), and the set of characters it changes.

import * as OpenCC from 'opencc-js';

export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
export const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

/** Every character of the CJK blocks that conversion changes, in code point order. */
export function convertibleCharacters(): string {
  const all: string[] = [];
  for (let c = CJK_FIRST; c <= CJK_LAST; c++) all.push(String.fromCharCode(c));
  const converted = toSimplified(all.join('\n')).split('\n');
  return all.filter((ch, i) => converted[i] !== ch).join('');
}
