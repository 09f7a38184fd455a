// The CJK font that PNG images are drawn with, found once per process: NIANBAO_CJK_FONT when it
// names a font file, else the first of Debian's CJK font packages that is installed. Without one
// the Chinese text of a chart would come out as empty boxes, so the PNG is refused instead
// (MissingFontError, which says what to install).

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { familyNames, hasTrueTypeOutlines, sfntFaces, type ByteSource } from './sfnt';

export interface CjkFont {
  path: string;
  /** the family name to ask for, e.g. WenQuanYi Micro Hei */
  family: string;
  /** the face of that family in the file (a .ttc holds several) */
  index: number;
  /** TrueType outlines: subset.ts can cut the font down to a chart's characters (fast); CFF: used whole */
  trueType: boolean;
}

export interface FontCandidate {
  path: string;
  /** the family to pick in a collection; the file's first face when absent */
  family?: string;
}

export const CJK_FONT_ENV = 'NIANBAO_CJK_FONT';

/**
 * Where Debian (and a few other systems) put CJK fonts, best first: WenQuanYi Micro Hei is small
 * (5 MB) and TrueType, so images drawn with it are fast; Noto Sans CJK is CFF and 3–4 times the
 * size, drawn whole for every image (several times slower).
 */
export const CJK_FONT_CANDIDATES: readonly FontCandidate[] = [
  // fonts-wqy-microhei
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  // fonts-wqy-zenhei
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  // fonts-noto-cjk (and the same font where Fedora, Arch and Alpine put it)
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Light.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-DemiLight.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { path: '/usr/share/fonts/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
];

export class MissingFontError extends Error {
  constructor(detail?: string) {
    super(`No CJK font found: apt-get install -y fonts-wqy-microhei (or fonts-noto-cjk), or set ${CJK_FONT_ENV} to a .ttf/.ttc/.otf file${detail ? ` (${detail})` : ''}`);
    this.name = 'MissingFontError';
  }
}

/**
 * The first candidate that is a readable font file, with its family name read from the file
 * (a candidate's family picks the face of a collection). Unreadable or malformed files are
 * passed over. Reads a few kilobytes of each file it tries; no cache.
 */
export function findCjkFont(candidates: readonly FontCandidate[]): CjkFont | null {
  for (const candidate of candidates) {
    const found = describeFont(candidate);
    if (found) return found;
  }
  return null;
}

/** The candidates to try: NIANBAO_CJK_FONT first when set, then the known locations. */
export function fontCandidates(env: Record<string, string | undefined> = process.env, known: readonly FontCandidate[] = CJK_FONT_CANDIDATES): FontCandidate[] {
  const override = env[CJK_FONT_ENV]?.trim();
  return override ? [{ path: override }, ...known] : [...known];
}

let cached: { font: CjkFont | null } | undefined;

/** The CJK font of this process, looked up on the first call and remembered (a miss too). */
export function cjkFont(): CjkFont | null {
  if (!cached) {
    const override = process.env[CJK_FONT_ENV]?.trim();
    const font = findCjkFont(fontCandidates());
    if (override && font?.path !== override) console.warn(`${CJK_FONT_ENV}=${override} is not a readable font file; ${font ? `using ${font.path}` : 'no CJK font found'}`);
    cached = { font };
  }
  return cached.font;
}

/** The font, or MissingFontError. */
export function requireCjkFont(font: CjkFont | null = cjkFont()): CjkFont {
  if (!font) {
    const override = process.env[CJK_FONT_ENV]?.trim();
    throw new MissingFontError(override ? `${CJK_FONT_ENV}=${override} is not a readable font file` : undefined);
  }
  return font;
}

function describeFont({ path, family }: FontCandidate): CjkFont | null {
  let fd: number | undefined;
  try {
    const stat = statSync(/* turbopackIgnore: true */ path);
    if (!stat.isFile()) return null;
    fd = openSync(/* turbopackIgnore: true */ path, 'r');
    const handle = fd;
    const read: ByteSource = (offset, length) => {
      if (offset + length > stat.size) throw new RangeError(`${path}: ${length} bytes at ${offset} beyond its ${stat.size}`);
      const buf = Buffer.alloc(length);
      readSync(handle, buf, 0, length, offset);
      return buf;
    };
    const faces = sfntFaces(read).map((face) => ({ face, names: familyNames(read, face) }));
    const chosen = (family && faces.find((f) => f.names.includes(family))) || faces[0];
    return {
      path,
      family: (family && chosen.names.includes(family) ? family : chosen.names[0]) ?? family ?? '',
      index: chosen.face.index,
      trueType: hasTrueTypeOutlines(chosen.face),
    };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
