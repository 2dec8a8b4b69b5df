import { checkOptions, LosslabError } from '@losslab/core';
import { extent as minMax } from './extent';
import { clipText } from './clipText';
import { svgImage } from './svgImage';
import type { Snapshot } from '@losslab/core';
import { displayBundle } from './display';
import type { MimeBundle } from './display';
import { escapeHtml } from './escapeHtml';
import { formatNumber } from './formatNumber';
import { niceTicks } from './niceTicks';
import { surfaceColor } from './surfaceColors';
import { surfaceContours } from './surfaceContours';
import { LOSS_SURFACE_MIME } from './surfacePayload';
import type { LossSurfacePayload } from './surfacePayload';
import { svgTitle } from './svgLegend';
import { checkLocale, getLocale, messages } from './locale';
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
  /** The path's name in the plugin's legend and hover (default: none). */
  pathName?: string;
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
  pathName: true,
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

const W = 600;
const H = 440;
// The plot area is 448 x 370; the colour bar and its labels take the right-hand 96.
const M = { left: 56, right: 96, top: 30, bottom: 40 };

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
  const [lo, hi] = minMax(finite);
  const margin = Math.max((hi - lo) * 0.25, Math.abs(hi) * 0.1, 0.5);
  return [lo - margin, hi + margin];
}

// Grid values need no more than 7 significant digits; null for a value that is not finite.
function rounded7(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(7)) : null;
}

/**
 * The `application/vnd.losslab.surface.v1+json` payload of a loss over two parameters: `f` sampled
 * on a (resolution + 1)^2 grid over `xRange` x `yRange`, the contour levels (geometric when every
 * sampled loss is positive, else evenly spaced), and the optimizer's path. Both renderers draw it:
 * `lossSurfaceSvg` and the JupyterLab plugin.
 *
 * @example
 * const p = lossSurfacePayload((w, b) => w * w + b * b, { xRange: [-1, 1], yRange: [-1, 1], resolution: 4, levels: 2 });
 * [p.x.length, p.z.length, p.levels.length];
 * // [5, 5, 2]
 */
export function lossSurfacePayload(
  f: (x: number, y: number) => number,
  options?: LossSurfaceOptions,
): LossSurfacePayload {
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
  const xs = Array.from({ length: res + 1 }, (_, i) => x0 + ((x1 - x0) * i) / res);
  const ys = Array.from({ length: res + 1 }, (_, j) => y0 + ((y1 - y0) * j) / res);
  let zMin = Infinity;
  let zMax = -Infinity;
  const z = ys.map((y) =>
    xs.map((x) => {
      const v = f(x, y);
      if (Number.isFinite(v)) {
        zMin = Math.min(zMin, v);
        zMax = Math.max(zMax, v);
      }
      return rounded7(v);
    }),
  );
  const levels: number[] = [];
  if (zMax > zMin) {
    const geometric = zMin > 0;
    for (let k = 1; k <= nLevels; k++) {
      const t = k / (nLevels + 1);
      levels.push(geometric ? zMin * Math.pow(zMax / zMin, t) : zMin + (zMax - zMin) * t);
    }
  }
  const text = textOf(options);
  const finitePath = path.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const payload: LossSurfacePayload = {
    version: 1,
    x: xs,
    y: ys,
    z,
    levels,
    paths:
      finitePath.length > 0
        ? [{ name: clipText(String(options?.pathName ?? '')), points: finitePath }]
        : [],
    options: {
      title: clipText(String(options?.title ?? text.lossSurface)),
      xLabel: clipText(String(options?.xLabel ?? 'w')),
      yLabel: clipText(String(options?.yLabel ?? 'b')),
      zLabel: text.loss,
    },
  };
  const locale = options?.locale ?? getLocale();
  if (locale !== 'en') {
    payload.options.locale = locale;
  }
  return payload;
}

/**
 * A contour chart of a loss over two parameters, with the optimizer's path drawn on it: a
 * self-contained SVG (the contours of `surfaceContours`, one colour per level from low to high
 * loss, a colour bar labelled with every level's value, the path from start ○ to end ●).
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
  return renderSurfaceSvg(lossSurfacePayload(f, options));
}

/** Draws a loss-surface payload as a self-contained SVG (see `lossSurfaceSvg`). */
export function renderSurfaceSvg(payload: LossSurfacePayload): string {
  const text = messages(payload.options.locale === 'zh' ? 'zh' : 'en');
  const { x, y, levels, options } = payload;
  const [x0, x1] = [x[0] as number, x[x.length - 1] as number];
  const [y0, y1] = [y[0] as number, y[y.length - 1] as number];
  const [left, right, top, bottom] = [M.left, W - M.right, M.top, H - M.bottom];
  const sx = (v: number): number => left + ((v - x0) / (x1 - x0)) * (right - left);
  const sy = (v: number): number => bottom - ((v - y0) / (y1 - y0)) * (bottom - top);
  const r1 = (v: number): string => (Math.round(v * 10) / 10).toString();
  const title = escapeHtml(options.title);
  const colorOf = (k: number): string => surfaceColor(k / Math.max(1, levels.length - 1));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" ` +
      `style="max-width:${W}px;height:auto" role="img" aria-label="${title}" ` +
      `font-family="sans-serif" font-size="11" fill="currentColor">`,
    `<title>${title}</title>`,
    svgTitle(options.title, { x: W / 2, y: 18, maxWidth: W - 16, fontSize: 13 }),
  ];
  surfaceContours(payload).forEach(({ level, segments }, k) => {
    const d = segments
      .map(([ax, ay, bx, by]) => `M${r1(sx(ax))} ${r1(sy(ay))}L${r1(sx(bx))} ${r1(sy(by))}`)
      .join('');
    const label = escapeHtml(text.levelLabel(formatNumber(level, 3)));
    out.push(
      `<path d="${d}" fill="none" stroke="${colorOf(k)}" stroke-width="1.2"><title>${label}</title></path>`,
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
    `<text x="${(left + right) / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text transform="translate(13 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeHtml(options.yLabel)}</text>`,
  );
  // The colour bar: one band per level, low at the bottom, each labelled with its value.
  if (levels.length > 0) {
    const barX = right + 16;
    const band = (bottom - top) / levels.length;
    out.push(`<g data-colorbar="">`);
    levels.forEach((level, k) => {
      const yk = bottom - (k + 1) * band;
      out.push(
        `<rect x="${barX}" y="${r1(yk)}" width="12" height="${r1(band)}" fill="${colorOf(k)}"/>`,
        `<text x="${barX + 16}" y="${r1(yk + band / 2 + 4)}">${escapeHtml(formatNumber(level, 3))}</text>`,
      );
    });
    out.push(`<text x="${barX}" y="${top - 6}">${escapeHtml(options.zLabel)}</text>`, `</g>`);
  }
  const path = payload.paths[0]?.points ?? [];
  if (path.length > 0) {
    const clip = `losslab-clip-${Math.random().toString(36).slice(2, 10)}`;
    const d = path
      .map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${r1(sx(px))} ${r1(sy(py))}`)
      .join('');
    const [sx0, sy0] = path[0] as [number, number];
    const [sxN, syN] = path[path.length - 1] as [number, number];
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

/**
 * The bundle `lossSurface` shows: the payload for the JupyterLab plugin (interactive contours),
 * the SVG as an image in `text/html` (`svgImage`) and a text summary.
 */
export function lossSurfaceBundle(
  f: (x: number, y: number) => number,
  options?: LossSurfaceOptions,
): MimeBundle {
  const payload = lossSurfacePayload(f, options);
  const svg = renderSurfaceSvg(payload);
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
      [LOSS_SURFACE_MIME]: payload,
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
