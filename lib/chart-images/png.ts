// SVG to PNG with resvg-js, drawn with the CJK font of font.ts and nothing else (no system font
// scan: slow, and it would make an image depend on whatever else the server has installed).
//
// Loading the font once. resvg-js 2.6.2 takes fonts only as file paths, builds a new font
// database for every Resvg instance, and (its fontdb keeps a file-backed font as a path) reads
// the whole file again for every run of text it lays out: a chart of 18 texts read the 5 MB
// WenQuanYi Micro Hei 98 times (strace), 70–200 ms of each PNG. Neither the database nor an
// instance can be reused across SVGs, and a font held in memory (fontBuffers) exists only in the
// wasm build. So the font is read and parsed once per process (openTrueType), and each image gets a
// subset of it with just the characters its SVG uses (subset.ts, some 25 KB), written once to a
// private temporary directory and kept for the next image with the same characters (a small LRU):
// the per-image font cost falls to 2–5 ms and the pixels are the same. A CFF font (Noto Sans CJK)
// cannot be subset here and is used whole (slow); so is the whole font when the temporary
// directory cannot be written.
//
// The pixels are encoded by encode.ts (faster than resvg's asPng). svgToPngAsync draws on libuv's
// thread pool (resvg's renderAsync) and deflates there too: the event loop is held only for
// copying the pixels out.

import { Resvg, renderAsync, type RenderedImage, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng, encodePngAsync } from './encode';
import { cjkFont, requireCjkFont, type CjkFont } from './font';
import { pixelWidth } from './size';
import { openTrueType, subsetTrueType, svgCodePoints, type TrueTypeFont } from './subset';

export interface PngOptions {
  /** the image's width in CSS pixels (its SVG width) */
  width: number;
  /** pixels per CSS pixel: the PNG is round(width × scale) pixels wide; default 1 */
  scale?: number;
  /** the font to draw with; default: cjkFont(). null: none (MissingFontError) */
  font?: CjkFont | null;
}

/** A PNG of the SVG, round(width × scale) pixels wide, on white. Throws MissingFontError without a CJK font. */
export function svgToPng(svg: string, options: PngOptions): Buffer {
  const { file, release } = acquireFontFile(svg, requireCjkFont(options.font === undefined ? cjkFont() : options.font));
  let image: RenderedImage;
  try {
    image = new Resvg(svg, resvgOptionsFor(file, options)).render();
  } finally {
    release();
  }
  checkWidth(image, options);
  return encodePng(image.pixels, image.width, image.height);
}

/** svgToPng drawn and deflated on the thread pool; rejects with MissingFontError without a CJK font. */
export async function svgToPngAsync(svg: string, options: PngOptions): Promise<Buffer> {
  const { file, release } = acquireFontFile(svg, requireCjkFont(options.font === undefined ? cjkFont() : options.font));
  let image: RenderedImage;
  try {
    image = await renderAsync(svg, resvgOptionsFor(file, options));
  } finally {
    release();
  }
  checkWidth(image, options);
  return encodePngAsync(image.pixels, image.width, image.height);
}

/**
 * The resvg options for an image (the subset font file, fitted to round(width × scale), white
 * ground), for timing resvg's steps apart (scripts/bench-images.ts). The subset file stays while
 * no more than SUBSET_CACHE_SIZE other subsets are made.
 */
export function resvgOptions(svg: string, options: PngOptions): ResvgRenderOptions {
  const { file, release } = acquireFontFile(svg, requireCjkFont(options.font === undefined ? cjkFont() : options.font));
  release();
  return resvgOptionsFor(file, options);
}

/** resvg-js drops every option (back to a system font scan and the SVG's own size) when the object has a key it does not know: check that ours were taken. */
function checkWidth(image: RenderedImage, { width, scale = 1 }: PngOptions) {
  const expected = pixelWidth(width, scale);
  if (image.width !== expected) throw new Error(`svgToPng: resvg drew ${image.width} px wide, not ${expected}: were the options ignored?`);
}

function resvgOptionsFor({ path, family }: { path: string; family: string }, { width, scale = 1 }: PngOptions): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: pixelWidth(width, scale) },
    background: '#ffffff',
    font: fontOptions(path, family),
    logLevel: 'error',
  };
}

const fontOptionsCache = new Map<string, NonNullable<ResvgRenderOptions['font']>>();

function fontOptions(file: string, family: string): NonNullable<ResvgRenderOptions['font']> {
  const key = `${file}\n${family}`;
  let options = fontOptionsCache.get(key);
  if (!options) {
    options = {
      loadSystemFonts: false,
      fontFiles: [file],
      defaultFontFamily: family,
      sansSerifFamily: family,
      serifFamily: family,
      monospaceFamily: family,
    };
    if (fontOptionsCache.size > 4 * SUBSET_CACHE_SIZE) fontOptionsCache.clear();
    fontOptionsCache.set(key, options);
  }
  return options;
}

/** Subsets kept on disk, least recently used dropped first (one in use by a render is kept). */
export const SUBSET_CACHE_SIZE = 32;

interface SubsetState {
  font: CjkFont;
  parsed: TrueTypeFont | null;
  dir: string | null;
  /** characters → subset file, least recently used first */
  files: Map<string, string>;
  /** subset files a render is reading (renderAsync reads them later, on the thread pool) */
  inUse: Map<string, number>;
  failed: boolean;
}

let state: SubsetState | undefined;

/** The font file for this SVG (see fontFileFor), held until release(). */
function acquireFontFile(svg: string, font: CjkFont): { file: { path: string; family: string }; release: () => void } {
  const path = fontFileFor(svg, font);
  const s = state;
  if (!s || path === font.path) return { file: { path, family: font.family }, release: () => {} };
  s.inUse.set(path, (s.inUse.get(path) ?? 0) + 1);
  let released = false;
  return {
    file: { path, family: font.family },
    release: () => {
      if (released) return;
      released = true;
      const n = (s.inUse.get(path) ?? 1) - 1;
      if (n > 0) s.inUse.set(path, n);
      else s.inUse.delete(path);
      evict(s);
    },
  };
}

/**
 * The font file to give resvg for this SVG: a subset with the SVG's characters when the font is
 * TrueType, else (or if subsetting fails) the font file itself.
 */
export function fontFileFor(svg: string, font: CjkFont): string {
  if (!font.trueType) return font.path;
  if (!state || state.font.path !== font.path || state.font.index !== font.index) state = openState(font);
  if (state.failed || !state.parsed) return font.path;
  const codePoints = [...svgCodePoints(svg)].sort((a, b) => a - b);
  const key = String.fromCodePoint(...codePoints);
  const cached = state.files.get(key);
  // a file a temp cleaner removed (systemd-tmpfiles, after days) is written again
  if (cached && existsSync(/* turbopackIgnore: true */ cached)) {
    state.files.delete(key);
    state.files.set(key, cached);
    return cached;
  }
  try {
    if (!state.dir || !existsSync(/* turbopackIgnore: true */ state.dir)) state.dir = makeTempDir();
    const file = join(state.dir, `${createHash('sha1').update(key).digest('hex').slice(0, 16)}.ttf`);
    writeFileSync(/* turbopackIgnore: true */ file, subsetTrueType(state.parsed, codePoints));
    state.files.delete(key);
    state.files.set(key, file);
    evict(state);
    return file;
  } catch (err) {
    state.failed = true;
    console.warn(`chart images: cannot subset ${font.path} (${(err as Error).message}); drawing with the whole font, which is slower`);
    return font.path;
  }
}

/** Drop the least recently used subsets beyond SUBSET_CACHE_SIZE that no render is reading. */
function evict(s: SubsetState) {
  const newest = [...s.files.keys()].at(-1);
  for (const [key, file] of s.files) {
    if (s.files.size <= SUBSET_CACHE_SIZE) return;
    if (s.inUse.has(file) || key === newest) continue;
    s.files.delete(key);
    rmSync(/* turbopackIgnore: true */ file, { force: true });
  }
}

function openState(font: CjkFont): SubsetState {
  const fresh: SubsetState = { font, parsed: null, dir: null, files: new Map(), inUse: new Map(), failed: false };
  try {
    const bytes = readFileSync(/* turbopackIgnore: true */ font.path);
    fresh.parsed = openTrueType(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), font.index);
  } catch (err) {
    fresh.failed = true;
    console.warn(`chart images: cannot read ${font.path} for subsetting (${(err as Error).message}); drawing with the whole font, which is slower`);
  }
  return fresh;
}

const tempDirs = new Set<string>();
let exitHook = false;

/** A private directory for this process's subsets, removed when the process exits. */
function makeTempDir(): string {
  const dir = mkdtempSync(/* turbopackIgnore: true */ join(tmpdir(), 'nianbao-fonts-'));
  if (!exitHook) {
    exitHook = true;
    process.once('exit', removeSubsets);
  }
  tempDirs.add(dir);
  return dir;
}

/**
 * Remove every subset file and forget them (the next image makes its subset again). For a
 * process that ends without an 'exit' event (a test worker that is killed).
 */
export function removeSubsets() {
  for (const dir of tempDirs) rmSync(/* turbopackIgnore: true */ dir, { recursive: true, force: true });
  tempDirs.clear();
  state = undefined;
}
