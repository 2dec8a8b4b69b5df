import { checkOptions, LosslabError } from '@losslab/core';
import { clipText } from './clipText';
import { svgImage } from './svgImage';
import type { Snapshot } from '@losslab/core';
import { displayBundle } from './display';
import type { MimeBundle } from './display';
import { escapeHtml } from './escapeHtml';
import { formatNumber } from './formatNumber';
import { niceTicks } from './niceTicks';
import { svgTitle } from './svgLegend';
import { checkLocale, messages } from './locale';
import type { Locale, Messages } from './locale';

/** Options of `lossSurface`. */
export interface LossSurfaceOptions {
  /** Range of the first parameter (default: the path's extent with a margin, else [-1, 1]). */
  xRange?: [number, number];
  /** Range of the second parameter (same default). */
  yRange?: [number, number];
  /** The optimizer's path: `history.snapshots`, or [x, y] pairs. */
  path?: readonly Snapshot[] | readonly (readonly [number, number])[];
  /** Which two entries of a snapshot's params are x and y (default [0, 1]). */
  paramIndices?: [number, number];
  /** Grid cells per side (default 48). */
  resolution?: number;
  /** Number of contour levels (default 12; geometric spacing when the loss is positive). */
  levels?: number;
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Language of the chart's own text (default: the one `setLocale` set, else English). */
  locale?: Locale;
}

const SURFACE_KEYS = Object.keys({
  xRange: true,
  yRange: true,
  path: true,
  paramIndices: true,
  resolution: true,
  levels: true,
  title: true,
  xLabel: true,
  yLabel: true,
  locale: true,
} satisfies Record<keyof LossSurfaceOptions, true>);

function textOf(options: LossSurfaceOptions | undefined): Messages {
  return messages(
    options?.locale === undefined ? undefined : checkLocale(options.locale, 'lossSurface'),
  );
}

const W = 520;
const H = 440;
const M = { left: 56, right: 16, top: 30, bottom: 40 };
// Viridis at three stops, interpolated: low loss dark, high loss light.
const STOPS: readonly [number, number, number][] = [
  [68, 1, 84],
  [33, 145, 140],
  [253, 231, 37],
];

function levelColor(t: number): string {
  const s = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(s));
  const u = s - k;
  const [a, b] = [STOPS[k] as number[], STOPS[k + 1] as number[]];
  const c = a.map((v, i) => Math.round(v + ((b[i] as number) - v) * u));
  return `rgb(${c.join(',')})`;
}

function pathPoints(options: LossSurfaceOptions | undefined): [number, number][] {
  const [ix, iy] = options?.paramIndices ?? [0, 1];
  return (options?.path ?? []).map((p) =>
    'params' in p ? [p.params[ix] as number, p.params[iy] as number] : [p[0], p[1]],
  );
}

function extent(
  values: number[],
  given: [number, number] | undefined,
  arg: string,
): [number, number] {
  if (given !== undefined) {
    if (!(Number.isFinite(given[0]) && Number.isFinite(given[1]) && given[0] < given[1])) {
      throw new LosslabError('lossSurface', arg, `'${arg}' must be two finite numbers, low < high`);
    }
    return given;
  }
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) {
    return [-1, 1];
  }
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const margin = Math.max((hi - lo) * 0.25, Math.abs(hi) * 0.1, 0.5);
  return [lo - margin, hi + margin];
}

/**
 * A contour chart of a loss over two parameters, with the optimizer's path drawn on it: a
 * self-contained SVG (contours by marching squares, one colour per level from low to high loss,
 * the path from start ○ to end ●).
 *
 * @example
 * const svg = lossSurfaceSvg((w, b) => (w - 2) ** 2 + (b - 3) ** 2, {
 *   path: [[0, 0], [1, 1.5], [1.8, 2.7], [2, 3]],
 * });
 * svg.includes('<path');
 * // true
 */
export function lossSurfaceSvg(
  f: (x: number, y: number) => number,
  options?: LossSurfaceOptions,
): string {
  if (typeof f !== 'function') {
    throw new LosslabError('lossSurface', 'f', `'f' must be a function (x, y) => loss`);
  }
  checkOptions('lossSurface', options, SURFACE_KEYS);
  const res = options?.resolution ?? 48;
  if (!Number.isInteger(res) || res < 2 || res > 400) {
    throw new LosslabError(
      'lossSurface',
      'resolution',
      `'resolution' must be an integer in 2..400, got ${res}`,
    );
  }
  const nLevels = options?.levels ?? 12;
  if (!Number.isInteger(nLevels) || nLevels < 1) {
    throw new LosslabError(
      'lossSurface',
      'levels',
      `'levels' must be a positive integer, got ${nLevels}`,
    );
  }
  const path = pathPoints(options);
  const [x0, x1] = extent(
    path.map((p) => p[0]),
    options?.xRange,
    'xRange',
  );
  const [y0, y1] = extent(
    path.map((p) => p[1]),
    options?.yRange,
    'yRange',
  );
  const z = new Float64Array((res + 1) * (res + 1));
  let zMin = Infinity;
  let zMax = -Infinity;
  for (let j = 0; j <= res; j++) {
    for (let i = 0; i <= res; i++) {
      const v = f(x0 + ((x1 - x0) * i) / res, y0 + ((y1 - y0) * j) / res);
      z[j * (res + 1) + i] = v;
      if (Number.isFinite(v)) {
        zMin = Math.min(zMin, v);
        zMax = Math.max(zMax, v);
      }
    }
  }
  const [left, right, top, bottom] = [M.left, W - M.right, M.top, H - M.bottom];
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * (right - left);
  const sy = (y: number): number => bottom - ((y - y0) / (y1 - y0)) * (bottom - top);
  const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();
  const levels: number[] = [];
  if (zMax > zMin) {
    const geometric = zMin > 0;
    for (let k = 1; k <= nLevels; k++) {
      const t = k / (nLevels + 1);
      levels.push(geometric ? zMin * Math.pow(zMax / zMin, t) : zMin + (zMax - zMin) * t);
    }
  }
  const text = textOf(options);
  const title = escapeHtml(clipText(options?.title ?? text.lossSurface));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" ` +
      `style="max-width:${W}px;height:auto" role="img" aria-label="${title}" ` +
      `font-family="sans-serif" font-size="11" fill="currentColor">`,
    `<title>${title}</title>`,
    svgTitle(options?.title ?? text.lossSurface, {
      x: W / 2,
      y: 18,
      maxWidth: W - 16,
      fontSize: 13,
    }),
  ];
  // Marching squares: each cell's corners above/below the level pick which edges the line crosses.
  const cellW = (right - left) / res;
  const cellH = (bottom - top) / res;
  levels.forEach((level, k) => {
    let d = '';
    for (let j = 0; j < res; j++) {
      for (let i = 0; i < res; i++) {
        const a = z[j * (res + 1) + i] as number; // bottom-left
        const b = z[j * (res + 1) + i + 1] as number; // bottom-right
        const c = z[(j + 1) * (res + 1) + i + 1] as number; // top-right
        const e = z[(j + 1) * (res + 1) + i] as number; // top-left
        if (!(
          Number.isFinite(a) &&
          Number.isFinite(b) &&
          Number.isFinite(c) &&
          Number.isFinite(e)
        )) {
          continue;
        }
        const code =
          (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (e > level ? 8 : 0);
        if (code === 0 || code === 15) {
          continue;
        }
        const px = left + i * cellW;
        const py = bottom - j * cellH;
        const t = (u: number, v: number): number => (level - u) / (v - u);
        const edge = [
          [px + cellW * t(a, b), py], // bottom
          [px + cellW, py - cellH * t(b, c)], // right
          [px + cellW * t(e, c), py - cellH], // top
          [px, py - cellH * t(a, e)], // left
        ] as const;
        const seg = (p: number, q: number): void => {
          const [P, Q] = [edge[p] as readonly number[], edge[q] as readonly number[]];
          d += `M${r1(P[0] as number)} ${r1(P[1] as number)}L${r1(Q[0] as number)} ${r1(Q[1] as number)}`;
        };
        // Corner set -> crossed edges; saddles (5, 10) draw both pairs.
        const pairs: Record<number, number[][]> = {
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
        for (const [p, q] of pairs[code] ?? []) {
          seg(p as number, q as number);
        }
      }
    }
    const label = escapeHtml(text.levelLabel(formatNumber(level, 3)));
    out.push(
      `<path d="${d}" fill="none" stroke="${levelColor(k / Math.max(1, nLevels - 1))}" stroke-width="1.2"><title>${label}</title></path>`,
    );
  });
  out.push(
    `<path d="M${left} ${top}V${bottom}H${right}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
  );
  for (const t of niceTicks(x0, x1, 6)) {
    out.push(
      `<text x="${r1(sx(t))}" y="${bottom + 15}" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`,
    );
  }
  for (const t of niceTicks(y0, y1, 6)) {
    out.push(
      `<text x="${left - 5}" y="${r1(sy(t) + 4)}" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`,
    );
  }
  out.push(
    `<text x="${(left + right) / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(clipText(options?.xLabel ?? 'w'))}</text>`,
    `<text transform="translate(13 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeHtml(clipText(options?.yLabel ?? 'b'))}</text>`,
  );
  const finitePath = path.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (finitePath.length > 0) {
    const clip = `losslab-clip-${Math.random().toString(36).slice(2, 10)}`;
    const d = finitePath
      .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r1(sx(x))} ${r1(sy(y))}`)
      .join('');
    const [sx0, sy0] = finitePath[0] as [number, number];
    const [sxN, syN] = finitePath[finitePath.length - 1] as [number, number];
    out.push(
      `<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`,
      `<g clip-path="url(#${clip})">`,
      `<path d="${d}" fill="none" stroke="#d62728" stroke-width="2"/>`,
      `<circle cx="${r1(sx(sx0))}" cy="${r1(sy(sy0))}" r="4" fill="none" stroke="#d62728" stroke-width="2"><title>${escapeHtml(text.pathStart)}</title></circle>`,
      `<circle cx="${r1(sx(sxN))}" cy="${r1(sy(syN))}" r="4" fill="#d62728"><title>${escapeHtml(
        text.pathEnd(formatNumber(sxN, 4), formatNumber(syN, 4)),
      )}</title></circle>`,
      `</g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** The bundle `lossSurface` shows: the SVG as an image in `text/html` (`svgImage`) and a text summary. */
export function lossSurfaceBundle(
  f: (x: number, y: number) => number,
  options?: LossSurfaceOptions,
): MimeBundle {
  const svg = lossSurfaceSvg(f, options);
  const path = pathPoints(options);
  const end = path[path.length - 1];
  const t = textOf(options);
  const text =
    t.surfaceSummary(
      clipText(options?.title ?? t.lossSurface),
      clipText(options?.xLabel ?? 'w'),
      clipText(options?.yLabel ?? 'b'),
    ) +
    (end === undefined
      ? ''
      : t.surfacePath(path.length, formatNumber(end[0], 4), formatNumber(end[1], 4)));
  return {
    data: {
      'text/html': `<div class="losslab-surface">${svgImage(svg, text)}</div>`,
      'text/plain': text,
    },
    metadata: {},
  };
}

/**
 * Shows a contour chart of the loss over two parameters (such as w and b of the article's
 * linear model) with the optimizer's path from `history.snapshots` (train with `snapshotEvery`).
 *
 * @example
 * lossSurface((w, b) => (w - 2) ** 2 + 0.5 * (b - 3) ** 2, { xRange: [0, 4], yRange: [0, 6] });
 */
export function lossSurface(
  f: (x: number, y: number) => number,
  options?: LossSurfaceOptions,
): void {
  displayBundle(lossSurfaceBundle(f, options));
}
