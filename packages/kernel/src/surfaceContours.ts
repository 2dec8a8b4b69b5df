import type { LossSurfacePayload } from './surfacePayload';

/** The contour of one level: its value and its segments as `[x0, y0, x1, y1]` in data units. */
export interface ContourLevel {
  level: number;
  segments: [number, number, number, number][];
}

// Marching squares: the corners above the level (bit 1 bottom-left, 2 bottom-right, 4 top-right,
// 8 top-left) pick which cell edges the line crosses (0 bottom, 1 right, 2 top, 3 left); the
// saddles 5 and 10 draw both pairs.
const PAIRS: Record<number, readonly (readonly [number, number])[]> = {
  1: [[3, 0]],
  2: [[0, 1]],
  3: [[3, 1]],
  4: [[1, 2]],
  5: [
    [3, 0],
    [1, 2],
  ],
  6: [[0, 2]],
  7: [[3, 2]],
  8: [[2, 3]],
  9: [[0, 2]],
  10: [
    [0, 1],
    [2, 3],
  ],
  11: [[1, 2]],
  12: [[1, 3]],
  13: [[0, 1]],
  14: [[0, 3]],
};

/**
 * The contour lines of a loss-surface payload, level by level (marching squares over its grid,
 * linear interpolation along cell edges; cells with a non-finite corner are skipped). Computed
 * once here for both renderers: the SVG fallback and the plugin's plotly chart draw these
 * segments.
 *
 * @example
 * const [c] = surfaceContours({ version: 1, x: [0, 1], y: [0, 1], z: [[0, 1], [1, 2]], levels: [1],
 *   paths: [], options: { title: '', xLabel: 'w', yLabel: 'b', zLabel: 'loss' } });
 * c.segments;
 * // [[1, 0, 0, 1]]
 */
export function surfaceContours(payload: LossSurfacePayload): ContourLevel[] {
  const { x, y, z, levels } = payload;
  return levels.map((level) => {
    const segments: [number, number, number, number][] = [];
    for (let j = 0; j + 1 < y.length; j++) {
      const row = z[j] ?? [];
      const up = z[j + 1] ?? [];
      for (let i = 0; i + 1 < x.length; i++) {
        const a = row[i]; // bottom-left
        const b = row[i + 1]; // bottom-right
        const c = up[i + 1]; // top-right
        const e = up[i]; // top-left
        if (
          a === null ||
          a === undefined ||
          b === null ||
          b === undefined ||
          c === null ||
          c === undefined ||
          e === null ||
          e === undefined
        ) {
          continue;
        }
        const code =
          (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (e > level ? 8 : 0);
        if (code === 0 || code === 15) {
          continue;
        }
        const [x0, x1, y0, y1] = [
          x[i] as number,
          x[i + 1] as number,
          y[j] as number,
          y[j + 1] as number,
        ];
        const t = (u: number, v: number): number => (level - u) / (v - u);
        const edge = (k: number): [number, number] =>
          k === 0
            ? [x0 + (x1 - x0) * t(a, b), y0]
            : k === 1
              ? [x1, y0 + (y1 - y0) * t(b, c)]
              : k === 2
                ? [x0 + (x1 - x0) * t(e, c), y1]
                : [x0, y0 + (y1 - y0) * t(a, e)];
        for (const [p, q] of PAIRS[code] ?? []) {
          const [px, py] = edge(p);
          const [qx, qy] = edge(q);
          segments.push([px, py, qx, qy]);
        }
      }
    }
    return { level, segments };
  });
}
