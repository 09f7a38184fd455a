// What a typed query asks for: a GB/T 2260 code (digits), pinyin (Latin letters, with or
// without spaces, tone marks or tone numbers), or a name in simplified or traditional
// characters.

import { toSimplified } from '../text/opencc';

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'code'; digits: string }
  /** lowercase letters only, ü written v */
  | { kind: 'pinyin'; letters: string }
  /** the name as typed and converted to simplified characters (both: OpenCC turns 乾县 into 干县) */
  | { kind: 'text'; forms: string[] };

/** grave, acute, macron and caron: the four tone marks (the diaeresis of ü stays) */
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/gu;
/** spaces, punctuation and symbols: "hui tong", "xi'an", "会同·县" */
const SEPARATORS = /[^\p{L}\p{N}]/gu;

function foldLatin(text: string): string {
  return text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').replace(/u:/gu, 'v').replace(/ü/gu, 'v');
}

export function parseQuery(raw: string): SearchQuery {
  const typed = foldLatin(raw.normalize('NFKC').toLowerCase()).replace(SEPARATORS, '');
  if (!typed) return { kind: 'empty' };
  if (/^\d+$/u.test(typed)) return { kind: 'code', digits: typed };
  if (/^[a-z\d]+$/u.test(typed)) {
    // digits among letters are tone numbers: hui4tong2
    const letters = typed.replace(/\d/gu, '');
    return letters ? { kind: 'pinyin', letters } : { kind: 'empty' };
  }
  const simplified = toSimplified(typed);
  return { kind: 'text', forms: simplified === typed ? [typed] : [typed, simplified] };
}
