// Text laid out without measuring it: an estimated width per character (a CJK character is one
// em), lines wrapped to a width by that estimate, and a line cut with … when it cannot fit.
// The estimates err wide, so a wrapped line stays inside its width in any of the fonts an image
// names. Pure.

/**
 * Estimated width of a text in ems: CJK, kana, hangul and full-width forms (and the punctuation
 * CJK fonts draw full-width: — … “ ” ‘ ’ ·) count 1, ASCII and the rest about 0.55 (0.56: the
 * digits of WenQuanYi Micro Hei are 0.551), capitals 0.7, m w M W @ % 0.9.
 */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch.codePointAt(0)!);
  return em;
}

export function charWidthEm(cp: number): number {
  if (isWide(cp)) return 1;
  if (WIDEST_ASCII.has(cp)) return 0.9;
  if (cp >= 0x41 && cp <= 0x5a) return 0.7;
  return 0.56;
}

const WIDEST_ASCII = new Set([...'mwMW@%'].map((c) => c.codePointAt(0)!));

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // hangul jamo
    cp === 0x00b7 || // · (full-width in some CJK fonts)
    (cp >= 0x2010 && cp <= 0x2027) || // dashes, quotes, ellipsis
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals … CJK unified ideographs, Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B…
  );
}

/** Punctuation that may not begin a line (it stays with the character before it). */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}']);
/** Punctuation that may not end a line (it goes with the character after it). */
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Break points: each CJK character on its own, a run of ASCII (a word, a number, a year) whole,
 * spaces apart; closing punctuation held to what precedes it, opening punctuation to what follows.
 */
function tokens(text: string): string[] {
  const raw = text.match(/[\x21-\x7e]+|\s+|[\s\S]/gu) ?? [];
  const out: string[] = [];
  let carry = '';
  for (const t of raw) {
    const first = [...t][0];
    if (out.length > 0 && !carry && NO_LINE_START.has(first) && !/\s/.test(out[out.length - 1])) {
      out[out.length - 1] += t;
    } else {
      const joined = carry + t;
      carry = '';
      const last = [...joined].at(-1)!;
      if (NO_LINE_END.has(last) && !/\s/.test(joined)) carry = joined;
      else out.push(joined);
    }
  }
  if (carry) out.push(carry);
  return out;
}

/**
 * The text in lines of at most maxEm ems each (by textWidthEm), at most maxLines of them; when
 * it needs more, the last line ends in …. Spaces at a break are dropped; a word longer than a
 * line is cut where it must be.
 */
export function wrapText(text: string, maxEm: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  let lineEm = 0;
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
    lineEm = 0;
  };
  for (const token of tokens(text.replace(/\s+/g, ' ').trim())) {
    const em = textWidthEm(token);
    if (lineEm + em <= maxEm) {
      line += token;
      lineEm += em;
      continue;
    }
    if (/^\s+$/.test(token)) {
      flush();
      continue;
    }
    if (line) flush();
    if (em <= maxEm) {
      line = token;
      lineEm = em;
      continue;
    }
    // longer than a line: cut it by characters
    for (const ch of token) {
      const w = charWidthEm(ch.codePointAt(0)!);
      if (lineEm + w > maxEm && line) flush();
      line += ch;
      lineEm += w;
    }
  }
  if (line.trim()) flush();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = ellipsize(`${kept[kept.length - 1]}…`, maxEm);
  return kept;
}

/** The text, or as much of it as fits in maxEm followed by …. */
export function ellipsize(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text.replace(/…$/, '')];
  const dots = charWidthEm(0x2026);
  let em = 0;
  let n = 0;
  while (n < chars.length && em + charWidthEm(chars[n].codePointAt(0)!) + dots <= maxEm) em += charWidthEm(chars[n++].codePointAt(0)!);
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
