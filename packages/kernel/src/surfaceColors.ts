/**
 * The loss-surface colour scale (viridis at three stops, interpolated): low loss dark, high loss
 * light. The SVG fallback and the plugin's plotly contours use the same stops.
 */
export const SURFACE_COLORSCALE: readonly (readonly [number, string])[] = [
  [0, 'rgb(68,1,84)'],
  [0.5, 'rgb(33,145,140)'],
  [1, 'rgb(253,231,37)'],
];

const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [33, 145, 140],
  [253, 231, 37],
];

/**
 * The colour at `t` in [0, 1] (clamped) of `SURFACE_COLORSCALE`.
 *
 * @example
 * [surfaceColor(0), surfaceColor(1)];
 * // ['rgb(68,1,84)', 'rgb(253,231,37)']
 */
export function surfaceColor(t: number): string {
  const s = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(s));
  const u = s - k;
  const a = STOPS[k] as readonly number[];
  const b = STOPS[k + 1] as readonly number[];
  const c = a.map((v, i) => Math.round(v + ((b[i] as number) - v) * u));
  return `rgb(${c.join(',')})`;
}
