// Colours for every chart: the Okabe–Ito palette, told apart by readers with any common colour
// vision deficiency, in an order where neighbours differ in lightness too. Decal patterns (for
// print and for readers who ask for them) come from ECharts' aria decals.

export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#555555'] as const;

/** Better / worse / no change, for year-over-year marks (blue-orange, not red-green). */
export const CHANGE_COLOURS = { up: '#0072B2', down: '#D55E00', flat: '#555555' } as const;

export const TEXT_COLOUR = '#1f2328';
export const MUTED_COLOUR = '#6e7781';
export const GRID_COLOUR = '#e5e7eb';

/** Base options shared by every chart (merged in by the option builders). */
export function baseOption({ decals = false }: { decals?: boolean } = {}) {
  return {
    color: [...PALETTE],
    aria: { enabled: true, decal: { show: decals } },
    textStyle: { fontFamily: "system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif", color: TEXT_COLOUR },
    animation: false,
  };
}
