// The name an uploaded file is shown under. It comes from the client, so it is cleaned: only
// its last path segment is kept, invisible and direction-changing characters go, and it is cut
// to a length a page can show. It is a display name only and never names a file on disk.

/** Names are cut to this many characters (code points), keeping their extension. */
export const MAX_FILE_NAME_CHARS = 200;
/** What a name that is empty (or nothing but dots and controls) becomes. */
export const FALLBACK_FILE_NAME = 'upload';

/**
 * Controls (C0, DEL, C1), format characters (bidi embeddings, overrides and isolates, the
 * Arabic letter mark, zero-width characters, the BOM), line and paragraph separators, and
 * unpaired surrogates.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** An extension worth keeping when a name is cut: a dot and up to 16 letters or digits. */
const EXTENSION = /\.[\p{L}\p{N}]{1,16}$/u;

/** Percent-decoding when the name is percent-encoded (and valid as such); the name as it is otherwise. */
function decoded(raw: string): string {
  // RFC 8187 form of a Content-Disposition filename*: UTF-8''%E6%8A%A5%E5%91%8A.pdf
  const name = raw.replace(/^utf-8'[\w-]*'/i, '');
  if (!/%[0-9a-f]{2}/i.test(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The last segment of a path, with `/` or `\` as separators; the last non-empty one. */
function lastSegment(path: string): string {
  const segments = path.split(/[/\\]/);
  for (let i = segments.length - 1; i >= 0; i--) if (segments[i].trim()) return segments[i];
  return '';
}

/** Cuts a name to `max` code points, keeping its extension. */
function cut(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const extension = name.match(EXTENSION)?.[0] ?? '';
  const base = Array.from(name.slice(0, name.length - extension.length));
  return `${base.slice(0, max - Array.from(extension).length).join('').trimEnd()}${extension}`;
}

/** The display name of an upload, from the name the client sent (null when it sent none). */
export function safeFileName(raw: string | null | undefined): string {
  if (!raw) return FALLBACK_FILE_NAME;
  const name = lastSegment(decoded(raw).replace(INVISIBLE, ''))
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/u, '');
  return cut(name, MAX_FILE_NAME_CHARS) || FALLBACK_FILE_NAME;
}
