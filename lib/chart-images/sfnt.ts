// Reading the structure of a TrueType / OpenType font file (.ttf, .otf, or a .ttc collection):
// its faces, each face's table directory and its family names. Enough for font.ts to name a font
// and for subset.ts to cut one down; nothing here draws a glyph. Pure over a byte source.

/** Bytes at an offset: a slice of a buffer in memory, or a read from an open file. */
export type ByteSource = (offset: number, length: number) => Uint8Array;

export interface TableRecord {
  offset: number;
  length: number;
}

export interface SfntFace {
  /** the face's index in its file (0 outside a collection) */
  index: number;
  /** where the face's offset table starts in the file */
  offset: number;
  /** 0x00010000 or 'true' for TrueType outlines, 'OTTO' for CFF */
  sfntVersion: number;
  tables: Map<string, TableRecord>;
}

export class FontFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontFormatError';
  }
}

export const bufferSource =
  (bytes: Uint8Array): ByteSource =>
  (offset, length) => {
    if (offset < 0 || offset + length > bytes.length) throw new FontFormatError(`font file truncated: ${length} bytes at ${offset} beyond its ${bytes.length}`);
    return bytes.subarray(offset, offset + length);
  };

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const tagOf = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

const TRUETYPE = 0x00010000;
const TRUE = 0x74727565; // 'true' (old Apple TrueType)
const OTTO = 0x4f54544f; // 'OTTO' (CFF outlines)

/** Every face of a font file: one for .ttf/.otf, several for a .ttc collection. */
export function sfntFaces(read: ByteSource): SfntFace[] {
  const head = read(0, 12);
  if (tagOf(head, 0) === 'ttcf') {
    const count = view(head).getUint32(8);
    if (count === 0 || count > 256) throw new FontFormatError(`font collection with ${count} faces`);
    const offsets = view(read(12, 4 * count));
    return Array.from({ length: count }, (_, i) => faceAt(read, offsets.getUint32(4 * i), i));
  }
  return [faceAt(read, 0, 0)];
}

function faceAt(read: ByteSource, offset: number, index: number): SfntFace {
  const header = view(read(offset, 12));
  const sfntVersion = header.getUint32(0);
  if (sfntVersion !== TRUETYPE && sfntVersion !== TRUE && sfntVersion !== OTTO) {
    throw new FontFormatError(`not a TrueType/OpenType font (face ${index} starts with 0x${sfntVersion.toString(16)})`);
  }
  const numTables = header.getUint16(4);
  const dir = read(offset + 12, 16 * numTables);
  const dv = view(dir);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    tables.set(tagOf(dir, 16 * i), { offset: dv.getUint32(16 * i + 8), length: dv.getUint32(16 * i + 12) });
  }
  return { index, offset, sfntVersion, tables };
}

/** TrueType outlines (glyf/loca), which subset.ts can cut down; CFF fonts it cannot. */
export const hasTrueTypeOutlines = (face: SfntFace) => face.tables.has('glyf') && face.tables.has('loca');

/**
 * The face's family names from its name table: typographic family (16) before family (1),
 * English (Windows en-US, then Mac Roman) before other languages. Empty without a name table.
 */
export function familyNames(read: ByteSource, face: SfntFace): string[] {
  const rec = face.tables.get('name');
  if (!rec) return [];
  const table = read(rec.offset, rec.length);
  const dv = view(table);
  const count = dv.getUint16(2);
  const storage = dv.getUint16(4);
  const found: { name: string; rank: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    if (at + 12 > table.length) break;
    const platform = dv.getUint16(at);
    const encoding = dv.getUint16(at + 2);
    const language = dv.getUint16(at + 4);
    const nameId = dv.getUint16(at + 6);
    const length = dv.getUint16(at + 8);
    const start = storage + dv.getUint16(at + 10);
    if ((nameId !== 1 && nameId !== 16) || start + length > table.length) continue;
    const raw = table.subarray(start, start + length);
    let name: string;
    let rank: number;
    if (platform === 3 && (encoding === 1 || encoding === 10)) {
      name = utf16be(raw);
      rank = language === 0x0409 ? 0 : 2;
    } else if (platform === 0) {
      name = utf16be(raw);
      rank = 1;
    } else if (platform === 1 && encoding === 0) {
      name = String.fromCharCode(...raw);
      rank = language === 0 ? 1 : 3;
    } else continue;
    found.push({ name: name.trim(), rank: rank + (nameId === 16 ? 0 : 4) });
  }
  return [...new Set(found.sort((a, b) => a.rank - b.rank).map((f) => f.name).filter(Boolean))];
}

function utf16be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return s;
}
