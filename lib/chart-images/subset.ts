// A TrueType font cut down to the characters one image uses: the glyphs of those characters
// (and the parts composite glyphs are built from), renumbered, with their metrics and a new
// character map; every other table that names glyphs (kerning, substitution, vertical metrics,
// embedded bitmaps, glyph names) is left out. Why: resvg-js 2.6.2 re-reads the whole font file
// for every run of text it lays out (about a hundred times for one chart); a 5 MB CJK font made
// that most of the cost of a PNG, a 30 KB subset makes it almost nothing (see png.ts). Pure.

import { bufferSource, FontFormatError, hasTrueTypeOutlines, sfntFaces, type SfntFace } from './sfnt';

export interface TrueTypeFont {
  bytes: Uint8Array;
  face: SfntFace;
  numGlyphs: number;
  /** the glyph of a character, 0 (.notdef) when the font has none */
  glyphIndex(codePoint: number): number;
}

/** Tables copied as they are: none of them names glyphs. */
const COPIED = ['OS/2', 'name', 'cvt ', 'fpgm', 'prep', 'gasp'] as const;

/** The face of a font file (a .ttc holds several) ready for subsetting; parsed once, used for every subset. */
export function openTrueType(bytes: Uint8Array, index = 0): TrueTypeFont {
  const faces = sfntFaces(bufferSource(bytes));
  const face = faces.find((f) => f.index === index);
  if (!face) throw new FontFormatError(`the font has no face ${index}`);
  if (!hasTrueTypeOutlines(face)) throw new FontFormatError('not a TrueType-outline font (CFF fonts are not subset)');
  for (const tag of ['head', 'hhea', 'hmtx', 'maxp', 'cmap']) if (!face.tables.has(tag)) throw new FontFormatError(`the font has no ${tag} table`);
  const numGlyphs = dataView(bytes, table(face, 'maxp')).getUint16(4);
  return { bytes, face, numGlyphs, glyphIndex: cmapLookup(bytes, table(face, 'cmap'), numGlyphs) };
}

/** A standalone TrueType font (.ttf bytes) with the glyphs of these characters and .notdef. */
export function subsetTrueType(font: TrueTypeFont, codePoints: Iterable<number>): Uint8Array {
  const { bytes, face } = font;
  const head = table(face, 'head');
  const longLoca = dataView(bytes, head).getInt16(50) === 1;
  const loca = dataView(bytes, table(face, 'loca'));
  const glyf = table(face, 'glyf');
  const glyphRange = (gid: number): [number, number] => {
    const [a, b] = longLoca ? [loca.getUint32(4 * gid), loca.getUint32(4 * gid + 4)] : [loca.getUint16(2 * gid) * 2, loca.getUint16(2 * gid + 2) * 2];
    if (b < a || b > glyf.length) throw new FontFormatError(`glyph ${gid} lies outside the glyf table`);
    return [glyf.offset + a, glyf.offset + b];
  };

  // the characters' glyphs, and the glyphs composites are made of
  const cmap = new Map<number, number>();
  const kept = new Set<number>([0]);
  for (const cp of codePoints) {
    const gid = font.glyphIndex(cp);
    if (gid > 0 && gid < font.numGlyphs) {
      cmap.set(cp, gid);
      kept.add(gid);
    }
  }
  const pending = [...kept];
  while (pending.length) {
    for (const component of components(bytes, ...glyphRange(pending.pop()!))) {
      if (component < font.numGlyphs && !kept.has(component)) {
        kept.add(component);
        pending.push(component);
      }
    }
  }
  const order = [...kept].sort((a, b) => a - b);
  const newId = new Map(order.map((gid, i) => [gid, i]));

  // glyf and loca (long offsets), composites pointing at the new numbers
  const glyphs = order.map((gid) => {
    const [a, b] = glyphRange(gid);
    const g = bytes.slice(a, b);
    renumberComponents(g, newId);
    return g;
  });
  const glyfOut = new Uint8Array(glyphs.reduce((n, g) => n + pad4(g.length), 0));
  const locaOut = new DataView(new ArrayBuffer(4 * (order.length + 1)));
  let at = 0;
  glyphs.forEach((g, i) => {
    locaOut.setUint32(4 * i, at);
    glyfOut.set(g, at);
    at += pad4(g.length);
  });
  locaOut.setUint32(4 * order.length, at);

  // full metrics for every kept glyph
  const hhea = table(face, 'hhea');
  const hMetrics = dataView(bytes, hhea).getUint16(34);
  const hmtx = dataView(bytes, table(face, 'hmtx'));
  const hmtxOut = new DataView(new ArrayBuffer(4 * order.length));
  order.forEach((gid, i) => {
    const advance = hmtx.getUint16(4 * Math.min(gid, hMetrics - 1));
    const lsb = gid < hMetrics ? hmtx.getInt16(4 * gid + 2) : hmtx.getInt16(4 * hMetrics + 2 * (gid - hMetrics));
    hmtxOut.setUint16(4 * i, advance);
    hmtxOut.setInt16(4 * i + 2, lsb);
  });

  const headOut = bytes.slice(head.offset, head.offset + head.length);
  const hv = dataView(headOut);
  hv.setUint32(8, 0); // checkSumAdjustment, set once the file is whole
  hv.setInt16(50, 1); // long loca
  const hheaOut = bytes.slice(hhea.offset, hhea.offset + hhea.length);
  dataView(hheaOut).setUint16(34, order.length);
  const maxp = table(face, 'maxp');
  const maxpOut = bytes.slice(maxp.offset, maxp.offset + maxp.length);
  dataView(maxpOut).setUint16(4, order.length);
  const post = new Uint8Array(32);
  const postIn = face.tables.get('post');
  if (postIn && postIn.length >= 32) post.set(bytes.subarray(postIn.offset, postIn.offset + 32));
  dataView(post).setUint32(0, 0x00030000); // no glyph names

  const out = new Map<string, Uint8Array>([
    ['cmap', cmapFormat12([...cmap].map(([cp, gid]) => [cp, newId.get(gid)!]))],
    ['glyf', glyfOut],
    ['head', headOut],
    ['hhea', hheaOut],
    ['hmtx', new Uint8Array(hmtxOut.buffer)],
    ['loca', new Uint8Array(locaOut.buffer)],
    ['maxp', maxpOut],
    ['post', post],
  ]);
  for (const tag of COPIED) {
    const rec = face.tables.get(tag);
    if (rec) out.set(tag, bytes.slice(rec.offset, rec.offset + rec.length));
  }
  return writeSfnt(out);
}

/** The characters an SVG document may draw: every non-ASCII character in it (numeric references too) and printable ASCII. */
export function svgCodePoints(svg: string): Set<number> {
  const cps = new Set<number>();
  for (let cp = 0x20; cp < 0x7f; cp++) cps.add(cp);
  for (const ch of svg) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80) cps.add(cp);
  }
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const cp = m[1][0] === 'x' || m[1][0] === 'X' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    if (cp > 0 && cp <= 0x10ffff) cps.add(cp);
  }
  return cps;
}

function table(face: SfntFace, tag: string) {
  const rec = face.tables.get(tag);
  if (!rec) throw new FontFormatError(`the font has no ${tag} table`);
  return rec;
}

function dataView(bytes: Uint8Array, rec?: { offset: number; length: number }): DataView {
  if (!rec) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (rec.offset + rec.length > bytes.length) throw new FontFormatError('a table lies beyond the end of the font file');
  return new DataView(bytes.buffer, bytes.byteOffset + rec.offset, rec.length);
}

const pad4 = (n: number) => (n + 3) & ~3;

// composite glyph flags
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Offsets (within the glyph) of each component's glyph index, for a composite glyph. */
function componentOffsets(g: DataView): number[] {
  if (g.byteLength < 10 || g.getInt16(0) >= 0) return [];
  const offsets: number[] = [];
  let at = 10;
  for (;;) {
    if (at + 4 > g.byteLength) break;
    const flags = g.getUint16(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return offsets;
}

function components(bytes: Uint8Array, start: number, end: number): number[] {
  const g = new DataView(bytes.buffer, bytes.byteOffset + start, end - start);
  return componentOffsets(g).map((at) => g.getUint16(at));
}

function renumberComponents(glyph: Uint8Array, newId: Map<number, number>) {
  const g = dataView(glyph);
  for (const at of componentOffsets(g)) g.setUint16(at, newId.get(g.getUint16(at)) ?? 0);
}

/** The best Unicode subtable of a cmap (format 12, else 4) as a lookup. */
function cmapLookup(bytes: Uint8Array, rec: { offset: number; length: number }, numGlyphs: number): (cp: number) => number {
  const cmap = dataView(bytes, rec);
  const count = cmap.getUint16(2);
  const subtables: { format: number; at: number; rank: number }[] = [];
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + 8 * i);
    const encoding = cmap.getUint16(6 + 8 * i);
    const at = cmap.getUint32(8 + 8 * i);
    if (at + 2 > rec.length) continue;
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const format = cmap.getUint16(at);
    if (unicode && (format === 12 || format === 4)) subtables.push({ format, at, rank: format === 12 ? 0 : 1 });
  }
  const best = subtables.sort((a, b) => a.rank - b.rank)[0];
  if (!best) throw new FontFormatError('the font has no Unicode character map (cmap format 4 or 12)');
  const valid = (gid: number) => (gid < numGlyphs ? gid : 0);

  if (best.format === 12) {
    const groups = cmap.getUint32(best.at + 12);
    const base = best.at + 16;
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const start = cmap.getUint32(base + 12 * mid);
        const end = cmap.getUint32(base + 12 * mid + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return valid(cmap.getUint32(base + 12 * mid + 8) + (cp - start));
      }
      return 0;
    };
  }

  const segX2 = cmap.getUint16(best.at + 6);
  const ends = best.at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segX2 / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmap.getUint16(ends + 2 * mid) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = cmap.getUint16(starts + 2 * lo);
    if (cp < start || cp > cmap.getUint16(ends + 2 * lo)) return 0;
    const delta = cmap.getInt16(deltas + 2 * lo);
    const rangeOffset = cmap.getUint16(rangeOffsets + 2 * lo);
    if (rangeOffset === 0) return valid((cp + delta) & 0xffff);
    const at = rangeOffsets + 2 * lo + rangeOffset + 2 * (cp - start);
    if (at + 2 > rec.length) return 0;
    const gid = cmap.getUint16(at);
    return gid === 0 ? 0 : valid((gid + delta) & 0xffff);
  };
}

/** A cmap with one format 12 subtable, listed for Unicode (0, 4) and Windows UCS-4 (3, 10). */
function cmapFormat12(pairs: [number, number][]): Uint8Array {
  pairs.sort((a, b) => a[0] - b[0]);
  const groups: [number, number, number][] = [];
  for (const [cp, gid] of pairs) {
    const last = groups.at(-1);
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const subLength = 16 + 12 * groups.length;
  const v = new DataView(new ArrayBuffer(4 + 8 * 2 + subLength));
  v.setUint16(0, 0);
  v.setUint16(2, 2);
  v.setUint16(4, 0);
  v.setUint16(6, 4);
  v.setUint32(8, 20);
  v.setUint16(12, 3);
  v.setUint16(14, 10);
  v.setUint32(16, 20);
  v.setUint16(20, 12);
  v.setUint32(24, subLength);
  v.setUint32(32, groups.length);
  groups.forEach(([start, end, gid], i) => {
    v.setUint32(36 + 12 * i, start);
    v.setUint32(40 + 12 * i, end);
    v.setUint32(44 + 12 * i, gid);
  });
  return new Uint8Array(v.buffer);
}

function checksum(b: Uint8Array): number {
  const padded = b.length % 4 ? Uint8Array.from({ length: pad4(b.length) }, (_, i) => b[i] ?? 0) : b;
  const v = dataView(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

/** A TrueType file of these tables (sorted by tag, 4-byte aligned, with checksums). */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const dirLength = 12 + 16 * n;
  const total = dirLength + tags.reduce((s, t) => s + pad4(tables.get(t)!.length), 0);
  const out = new Uint8Array(total);
  const v = dataView(out);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let at = dirLength;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    for (let k = 0; k < 4; k++) out[12 + 16 * i + k] = tag.charCodeAt(k);
    v.setUint32(12 + 16 * i + 4, checksum(data));
    v.setUint32(12 + 16 * i + 8, at);
    v.setUint32(12 + 16 * i + 12, data.length);
    out.set(data, at);
    if (tag === 'head') headAt = at;
    at += pad4(data.length);
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
