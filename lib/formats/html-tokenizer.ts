// HTML source to tokens, read exactly as htmlparser2's Tokenizer reads HTML without decoding
// character references (the same callbacks, at the same positions: test/formats-tokenizer.test.ts
// compares the two), nearly three times faster: its state lives in local variables, not in an
// object updated for every character, and the usual text, end tags and start tags with their
// attributes are each read in one go, where that tokenizer goes through a state per character.
// Anything unusual (comments, raw text, a tag cut off by the end of the source) is read a
// character at a time, by the same states as htmlparser2's.

import { QuoteType } from 'htmlparser2';

export interface TokenCallbacks {
  ontext(start: number, end: number): void;
  onopentagname(start: number, end: number): void;
  onattribname(start: number, end: number): void;
  onattribdata(start: number, end: number): void;
  onattribend(quote: QuoteType, end: number): void;
  onopentagend(end: number): void;
  onselfclosingtag(end: number): void;
  onclosetag(start: number, end: number): void;
  oncomment(start: number, end: number, endOffset: number): void;
  oncdata(start: number, end: number, endOffset: number): void;
  ondeclaration(start: number, end: number): void;
  onend(): void;
  /** whether <script>, <title>… open raw text here (not inside SVG or MathML) */
  isInForeignContext(): boolean;
}

// States, named as in htmlparser2
const TEXT = 1;
const BEFORE_TAG_NAME = 2;
const IN_TAG_NAME = 3;
const IN_SELF_CLOSING_TAG = 4;
const BEFORE_CLOSING_TAG_NAME = 5;
const IN_CLOSING_TAG_NAME = 6;
const AFTER_CLOSING_TAG_NAME = 7;
const BEFORE_ATTRIBUTE_NAME = 8;
const IN_ATTRIBUTE_NAME = 9;
const AFTER_ATTRIBUTE_NAME = 10;
const BEFORE_ATTRIBUTE_VALUE = 11;
const IN_ATTRIBUTE_VALUE_DQ = 12;
const IN_ATTRIBUTE_VALUE_SQ = 13;
const IN_ATTRIBUTE_VALUE_NQ = 14;
const BEFORE_DECLARATION = 15;
const IN_DECLARATION = 16;
const BEFORE_COMMENT = 17;
const CDATA_SEQUENCE = 18;
const DECLARATION_SEQUENCE = 19;
const IN_SPECIAL_COMMENT = 20;
const IN_COMMENT_LIKE = 21;
const SPECIAL_START_SEQUENCE = 22;
const IN_SPECIAL_TAG = 23;
const IN_PLAIN_TEXT = 24;

const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const SLASH = 0x2f;
const LT = 0x3c;
const EQ = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;

const isWhitespace = (c: number) => c === SPACE || c === LF || c === TAB || c === FF || c === CR;
const isEndOfTagSection = (c: number) => c === SLASH || c === GT || isWhitespace(c);
const isAsciiAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

// Sequences matched a character at a time, as lowercase strings. The end tags of raw-text
// elements are also their start tags from the third character on (`</script` ~ `<script`).
const CDATA = 'CDATA[';
const CDATA_END = ']]>';
const COMMENT_END = '--!>';
const DOCTYPE = 'doctype';
const SCRIPT_END = '</script';
const STYLE_END = '</style';
const TITLE_END = '</title';
const TEXTAREA_END = '</textarea';
const NOEMBED_END = '</noembed';
const NOFRAMES_END = '</noframes';
const PLAINTEXT = '</plaintext';

/** the sequence a start tag's first letter (lowercase) may begin; `script` and `style`, `title` and `textarea`, `noembed` and `noframes` part later */
const SPECIAL_START: Record<number, string | undefined> = {};
for (const seq of ['</iframe', NOEMBED_END, PLAINTEXT, SCRIPT_END, TITLE_END, '</xmp']) SPECIAL_START[seq.charCodeAt(2)] = seq;
/** by first letter (lowercase), the sequences of the raw-text elements whose names begin with it */
const RAW_TEXT_ENDS: Record<number, string[] | undefined> = {};
for (const seq of ['</iframe', NOEMBED_END, NOFRAMES_END, PLAINTEXT, SCRIPT_END, STYLE_END, TITLE_END, TEXTAREA_END, '</xmp']) {
  (RAW_TEXT_ENDS[seq.charCodeAt(2)] ??= []).push(seq);
}

/**
 * The sequence of the raw-text element named `s[from, to)` (`</script` for SCRIPT), if it is
 * one: the names that htmlparser2's special start sequences match through, ignoring ASCII case.
 */
function rawTextEnd(s: string, from: number, to: number): string | undefined {
  // (xmp to plaintext: 3 to 9 letters)
  if (to - from < 3 || to - from > 9) return undefined;
  for (const seq of RAW_TEXT_ENDS[s.charCodeAt(from) | 0x20] ?? []) {
    if (seq.length - 2 !== to - from) continue;
    let k = 3;
    while (k < seq.length && (s.charCodeAt(from + k - 2) | 0x20) === seq.charCodeAt(k)) k++;
    if (k === seq.length) return seq;
  }
  return undefined;
}

/** Where the tag name running on at `from` ends: its first '/', '>' or whitespace, else the end. */
function endOfName(s: string, from: number): number {
  let i = from;
  while (i < s.length && !isEndOfTagSection(s.charCodeAt(i))) i++;
  return i;
}

/** The state after a start tag: its element's raw text, else text (`k` starts again from 0 in either). */
const stateAfterStartTag = (seq: string, special: boolean) => (seq === PLAINTEXT ? IN_PLAIN_TEXT : special ? IN_SPECIAL_TAG : TEXT);

/** Where `char` next occurs in `s` at or after `from`; the end of `s` when it does not. */
function nextOrEnd(s: string, char: string, from: number): number {
  const at = s.indexOf(char, from);
  return at === -1 ? s.length : at;
}

/** Reads `s` from start to end, calling `cb` for each token. */
export function tokenize(s: string, cb: TokenCallbacks): void {
  const n = s.length;
  let state = TEXT;
  /** where the token being read starts (-1 once it was given) */
  let start = 0;
  let i = 0;
  /** a raw-text start tag is being read */
  let special = false;
  let seq = '';
  /** characters of `seq` matched so far */
  let k = 0;

  // `continue` reads the same character again in the new state; `i = n; continue` stops at the end
  outer: while (i < n) {
    const c = s.charCodeAt(i);
    switch (state) {
      case TEXT: {
        // (most texts between tags are empty: no search for those)
        if (c !== LT) {
          i = nextOrEnd(s, '<', i + 1);
          if (i === n) continue;
        }
        if (i > start) cb.ontext(start, i);
        state = BEFORE_TAG_NAME;
        start = i;
        // an end tag or the name of a start tag, whole; anything else (and a name cut off by
        // the end of the source) goes on from BEFORE_TAG_NAME
        const first = i + 2 < n ? s.charCodeAt(i + 1) : 0;
        if (first === SLASH && isAsciiAlpha(s.charCodeAt(i + 2))) {
          const end = endOfName(s, i + 3);
          if (end === n) break;
          cb.onclosetag(i + 2, end);
          start = -1;
          const gt = s.charCodeAt(end) === GT ? end : s.indexOf('>', end + 1);
          if (gt === -1) {
            state = AFTER_CLOSING_TAG_NAME;
            i = n;
            continue;
          }
          state = TEXT;
          start = gt + 1;
          i = gt + 1;
          continue;
        }
        if (isAsciiAlpha(first)) {
          const end = endOfName(s, i + 2);
          if (end === n) break;
          // (between tags `special` is false, and `seq` matters only when it is PLAINTEXT, which
          // never ends: htmlparser2 resets both after other names, which changes nothing)
          const raw = rawTextEnd(s, i + 1, end);
          if (raw !== undefined && !cb.isInForeignContext()) {
            special = true;
            seq = raw;
          }
          cb.onopentagname(i + 1, end);
          start = -1;
          state = BEFORE_ATTRIBUTE_NAME;
          i = end;
          continue;
        }
        break;
      }
      case BEFORE_ATTRIBUTE_NAME: {
        // the attributes, up to the tag's '>' (or '/'), through the states htmlparser2 goes
        // through; `state` is the one that the end of the source would find
        let d = c;
        for (;;) {
          while (isWhitespace(d)) {
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
          }
          if (d === GT || d === SLASH) break;
          // a name, whose first character is taken whatever it is
          state = IN_ATTRIBUTE_NAME;
          start = i;
          do {
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
          } while (d !== EQ && !isEndOfTagSection(d));
          cb.onattribname(start, i);
          start = i;
          state = AFTER_ATTRIBUTE_NAME;
          while (isWhitespace(d)) {
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
          }
          if (d !== EQ) {
            // no value; what follows is read as before a name
            cb.onattribend(QuoteType.NoValue, start);
            start = -1;
            state = BEFORE_ATTRIBUTE_NAME;
            continue;
          }
          state = BEFORE_ATTRIBUTE_VALUE;
          do {
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
          } while (isWhitespace(d));
          if (d === DOUBLE_QUOTE || d === SINGLE_QUOTE) {
            state = d === DOUBLE_QUOTE ? IN_ATTRIBUTE_VALUE_DQ : IN_ATTRIBUTE_VALUE_SQ;
            start = i + 1;
            const quote = s.indexOf(d === DOUBLE_QUOTE ? '"' : "'", start);
            if (quote === -1) {
              i = n;
              continue outer;
            }
            i = quote;
            cb.onattribdata(start, i);
            start = -1;
            cb.onattribend(d === DOUBLE_QUOTE ? QuoteType.Double : QuoteType.Single, i + 1);
            state = BEFORE_ATTRIBUTE_NAME;
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
            continue;
          }
          state = IN_ATTRIBUTE_VALUE_NQ;
          start = i;
          while (d !== GT && !isWhitespace(d)) {
            if (++i === n) continue outer;
            d = s.charCodeAt(i);
          }
          cb.onattribdata(start, i);
          start = -1;
          cb.onattribend(QuoteType.Unquoted, i);
          state = BEFORE_ATTRIBUTE_NAME;
        }
        if (d === SLASH) {
          state = IN_SELF_CLOSING_TAG;
          break;
        }
        cb.onopentagend(i);
        state = stateAfterStartTag(seq, special);
        if (state === IN_PLAIN_TEXT) seq = '';
        k = 0;
        start = i + 1;
        break;
      }
      case IN_PLAIN_TEXT:
        i = n;
        continue;
      case SPECIAL_START_SEQUENCE: {
        const lower = c | 0x20;
        if (k < seq.length) {
          if (lower === seq.charCodeAt(k)) {
            k++;
            break;
          }
          if (k === 3) {
            if (seq === SCRIPT_END && lower === STYLE_END.charCodeAt(3)) {
              seq = STYLE_END;
              k = 4;
              break;
            }
            if (seq === TITLE_END && lower === TEXTAREA_END.charCodeAt(3)) {
              seq = TEXTAREA_END;
              k = 4;
              break;
            }
          } else if (k === 4 && seq === NOEMBED_END && lower === NOFRAMES_END.charCodeAt(4)) {
            seq = NOFRAMES_END;
            k = 5;
            break;
          }
        } else if (isEndOfTagSection(c)) {
          k = 0;
          state = IN_TAG_NAME;
          continue;
        }
        special = false;
        seq = '';
        k = 0;
        state = IN_TAG_NAME;
        continue;
      }
      case IN_SPECIAL_TAG: {
        if (k === seq.length) {
          if (isEndOfTagSection(c)) {
            const endOfText = i - seq.length;
            if (start < endOfText) cb.ontext(start, endOfText);
            special = false;
            start = endOfText + 2;
            state = IN_CLOSING_TAG_NAME;
            continue;
          }
          k = 0;
        }
        if ((c | 0x20) === seq.charCodeAt(k)) {
          k++;
        } else if (k === 0) {
          if (seq === TITLE_END || seq === TEXTAREA_END) break;
          i = nextOrEnd(s, '<', i + 1);
          if (i === n) continue;
          k = 1;
        } else {
          k = c === LT ? 1 : 0;
        }
        break;
      }
      case CDATA_SEQUENCE:
        if (c === CDATA.charCodeAt(k)) {
          if (++k === CDATA.length) {
            state = IN_COMMENT_LIKE;
            seq = CDATA_END;
            k = 0;
            start = i + 1;
          }
          break;
        }
        k = 0;
        state = IN_SPECIAL_COMMENT;
        continue;
      case DECLARATION_SEQUENCE:
        if (k === DOCTYPE.length) {
          state = IN_DECLARATION;
          continue;
        }
        if ((c | 0x20) !== DOCTYPE.charCodeAt(k)) {
          // (a bogus comment, which this '>' may end)
          state = IN_SPECIAL_COMMENT;
          continue;
        }
        k++;
        break;
      case IN_COMMENT_LIKE: {
        const comment = seq === COMMENT_END;
        if (comment && k <= 1 && i === start + k && c === GT) {
          // <!--> and <!--->
          cb.oncomment(start, i, k);
          k = 0;
          start = i + 1;
          state = TEXT;
        } else if (comment && k === 2 && c === GT) {
          cb.oncomment(start, i, 2);
          k = 0;
          start = i + 1;
          state = TEXT;
        } else if (comment && k === seq.length - 1 && c !== GT) {
          k = c === DASH ? 1 : 0;
        } else if (c === seq.charCodeAt(k)) {
          if (++k === seq.length) {
            if (seq === CDATA_END) cb.oncdata(start, i, 2);
            else cb.oncomment(start, i, 3);
            k = 0;
            start = i + 1;
            state = TEXT;
          }
        } else if (k === 0) {
          i = nextOrEnd(s, seq[0], i + 1);
          if (i === n) continue;
          k = 1;
        } else if (c !== seq.charCodeAt(k - 1)) {
          k = 0;
        }
        break;
      }
      case IN_SPECIAL_COMMENT:
      case IN_DECLARATION:
      case AFTER_CLOSING_TAG_NAME: {
        if (c !== GT) {
          i = nextOrEnd(s, '>', i + 1);
          if (i === n) continue;
        }
        if (state === IN_SPECIAL_COMMENT) cb.oncomment(start, i, 0);
        else if (state === IN_DECLARATION) cb.ondeclaration(start, i);
        state = TEXT;
        start = i + 1;
        break;
      }
      case IN_TAG_NAME:
      case IN_CLOSING_TAG_NAME: {
        let j = i;
        for (let d = c; !isEndOfTagSection(d); d = s.charCodeAt(j)) {
          if (++j === n) break;
        }
        if (j === n) {
          i = n;
          continue;
        }
        i = j;
        if (state === IN_TAG_NAME) {
          cb.onopentagname(start, i);
          state = BEFORE_ATTRIBUTE_NAME;
        } else {
          cb.onclosetag(start, i);
          state = AFTER_CLOSING_TAG_NAME;
        }
        start = -1;
        continue;
      }
      case BEFORE_TAG_NAME:
        if (c === BANG) {
          state = BEFORE_DECLARATION;
          start = i + 1;
        } else if (c === QUESTION) {
          state = IN_SPECIAL_COMMENT;
          start = i;
        } else if (isAsciiAlpha(c)) {
          start = i;
          const sequence = SPECIAL_START[c | 0x20];
          if (sequence !== undefined && !cb.isInForeignContext()) {
            special = true;
            seq = sequence;
            k = 3;
            state = SPECIAL_START_SEQUENCE;
          } else {
            state = IN_TAG_NAME;
          }
        } else if (c === SLASH) {
          state = BEFORE_CLOSING_TAG_NAME;
        } else {
          state = TEXT;
          continue;
        }
        break;
      case BEFORE_CLOSING_TAG_NAME:
        if (c === GT) {
          state = TEXT;
          start = i + 1;
        } else {
          state = isAsciiAlpha(c) ? IN_CLOSING_TAG_NAME : IN_SPECIAL_COMMENT;
          start = i;
        }
        break;
      case IN_SELF_CLOSING_TAG:
        if (c === GT) {
          cb.onselfclosingtag(i);
          start = i + 1;
          // raw-text elements are raw text even when written self-closing
          state = stateAfterStartTag(seq, special);
          if (state === IN_PLAIN_TEXT) seq = '';
          k = 0;
        } else if (!isWhitespace(c)) {
          state = BEFORE_ATTRIBUTE_NAME;
          continue;
        }
        break;
      case BEFORE_DECLARATION:
        if (c === OPEN_BRACKET) {
          state = CDATA_SEQUENCE;
          k = 0;
        } else if ((c | 0x20) === DOCTYPE.charCodeAt(0)) {
          state = DECLARATION_SEQUENCE;
          k = 1;
        } else if (c === DASH) {
          state = BEFORE_COMMENT;
        } else {
          state = IN_SPECIAL_COMMENT;
          continue;
        }
        break;
      case BEFORE_COMMENT:
        if (c === DASH) {
          state = IN_COMMENT_LIKE;
          seq = COMMENT_END;
          k = 0;
          start = i + 1;
        } else {
          state = IN_SPECIAL_COMMENT;
          continue;
        }
        break;
    }
    i++;
  }
  finish(s, cb, state, start, seq, k);
}

/** What is left at the end of the source: text, an unclosed comment; a cut tag gives nothing. */
function finish(s: string, cb: TokenCallbacks, state: number, start: number, seq: string, k: number): void {
  const n = s.length;
  // (an attribute value cut off is given, as htmlparser2 gives it, though its tag never ends)
  if (start !== n && (state === IN_ATTRIBUTE_VALUE_DQ || state === IN_ATTRIBUTE_VALUE_SQ || state === IN_ATTRIBUTE_VALUE_NQ)) {
    cb.onattribdata(start, n);
  }
  switch (state) {
    case IN_COMMENT_LIKE:
      // an unclosed CDATA section is a comment from its `<![`
      if (seq === CDATA_END) cb.oncomment(start - CDATA.length - 1, n, 0);
      else cb.oncomment(start, n, Math.min(k, COMMENT_END.length - 1));
      break;
    case BEFORE_DECLARATION:
    case IN_SPECIAL_COMMENT:
    case BEFORE_COMMENT:
    case CDATA_SEQUENCE:
      cb.oncomment(start, n, 0);
      break;
    case DECLARATION_SEQUENCE:
      if (k !== DOCTYPE.length) cb.oncomment(start, n, 0);
      break;
    case IN_DECLARATION:
    case IN_TAG_NAME:
    case BEFORE_ATTRIBUTE_NAME:
    case BEFORE_ATTRIBUTE_VALUE:
    case AFTER_ATTRIBUTE_NAME:
    case IN_ATTRIBUTE_NAME:
    case IN_ATTRIBUTE_VALUE_SQ:
    case IN_ATTRIBUTE_VALUE_DQ:
    case IN_ATTRIBUTE_VALUE_NQ:
    case IN_CLOSING_TAG_NAME:
      break;
    default:
      if (start < n) cb.ontext(start, n);
  }
  cb.onend();
}
