// The size of an exported chart image, from URL parameters (?width=1600&height=900&scale=2),
// bounded: an image costs memory and time in proportion to its pixels, so every parameter has a
// range and a request outside it is refused with a message that names the parameter. Pure.

export const WIDTH_RANGE = { min: 320, max: 4000 } as const;
export const HEIGHT_RANGE = { min: 200, max: 3000 } as const;
export const SCALE_RANGE = { min: 1, max: 4 } as const;

export const DEFAULT_WIDTH = 1200;
/** height = width × this when no height is given (16:9) */
export const DEFAULT_ASPECT = 0.5625;
/** the least default height (a narrow image would otherwise leave the chart no room) */
export const MIN_DEFAULT_HEIGHT = 320;

/**
 * The most pixels a PNG may have (width × scale × height × scale): 16 million. Drawing holds
 * the RGBA pixels two or three times over (resvg's pixmap, a copy, the encoder's rows), some
 * 200 MB at this size; the server draws two at a time (lib/chart-images/limit.ts). 1600 × 900
 * at scale 2, or 4000 × 2250 at scale 1, fit; 4000 × 3000 at scale 2 (48 million) does not.
 */
export const MAX_PIXELS = 16_000_000;

export interface ImageSizeDefaults {
  width?: number;
  /** a fixed default height; without it the height follows the width (aspect) */
  height?: number;
  /** default height ÷ width, DEFAULT_ASPECT unless given */
  aspect?: number;
  scale?: number;
}

export type ImageSize = { ok: true; width: number; height: number; scale: number } | { ok: false; error: string };

type Params = URLSearchParams | Record<string, string | undefined>;

/**
 * width 320–4000 (default 1200), height 200–3000 (default width × 0.5625, at least 320), scale
 * 1–4 (default 1; decimals allowed, e.g. 1.5; PNG only: its pixel width is round(width × scale)).
 * Width and height are whole numbers. An empty parameter (?width=) counts as not given.
 */
export function parseImageSize(params: Params, defaults: ImageSizeDefaults = {}): ImageSize {
  const get = (name: string) => {
    const v = params instanceof URLSearchParams ? params.get(name) : params[name];
    return v === null || v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const width = parseParam('width', get('width'), WIDTH_RANGE, true);
  if (!width.ok) return width;
  const height = parseParam('height', get('height'), HEIGHT_RANGE, true);
  if (!height.ok) return height;
  const scale = parseParam('scale', get('scale'), SCALE_RANGE, false);
  if (!scale.ok) return scale;

  const w = width.value ?? clamp(Math.round(defaults.width ?? DEFAULT_WIDTH), WIDTH_RANGE);
  const h =
    height.value ??
    clamp(Math.round(defaults.height ?? Math.max(MIN_DEFAULT_HEIGHT, w * (defaults.aspect ?? DEFAULT_ASPECT))), HEIGHT_RANGE);
  const s = scale.value ?? clamp(defaults.scale ?? 1, SCALE_RANGE);

  const pixels = pixelWidth(w, s) * pixelWidth(h, s);
  if (pixels > MAX_PIXELS) {
    return {
      ok: false,
      error:
        `图片过大：width × height × scale² 不能超过 ${MAX_PIXELS.toLocaleString('en-US')} 像素（收到 ${w} × ${h} × ${s}² = ${pixels.toLocaleString('en-US')}）` +
        ` / image too large: width × height × scale² may be at most ${MAX_PIXELS.toLocaleString('en-US')} pixels (got ${w} × ${h} × ${s}² = ${pixels.toLocaleString('en-US')})`,
    };
  }
  return { ok: true, width: w, height: h, scale: s };
}

/** The PNG's pixel size along one side. */
export const pixelWidth = (size: number, scale: number) => Math.round(size * scale);

type Parsed = { ok: true; value: number | undefined } | { ok: false; error: string };

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function parseParam(name: string, raw: string | undefined, range: { min: number; max: number }, integer: boolean): Parsed {
  if (raw === undefined) return { ok: true, value: undefined };
  const value = Number(raw);
  if ((integer ? INTEGER : DECIMAL).test(raw) && value >= range.min && value <= range.max) return { ok: true, value };
  const got = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  const zh = integer ? '之间的整数' : '之间的数';
  const en = integer ? 'a whole number' : 'a number';
  return {
    ok: false,
    error: `${name} 必须是 ${range.min} 到 ${range.max} ${zh}（收到 ${got}） / ${name} must be ${en} from ${range.min} to ${range.max} (got ${got})`,
  };
}

const clamp = (v: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, v));
