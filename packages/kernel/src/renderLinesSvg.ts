import { checkOptions } from '@losslab/core';
import { escapeHtml } from './escapeHtml';
import { axisTicks, RUN_COLORS } from './chartSpec';
import { svgLegend, svgRoot, svgTitle } from './svgLegend';
import type { LegendEntry } from './svgLegend';

/** One series of an x-y chart; a null or non-finite y is a gap. */
export interface XYSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
  /** `'lines'` (default), or `'markers'`: dots, or rings with `ring`. */
  mode?: 'lines' | 'markers';
  /** Markers drawn as rings (open circles) rather than dots. */
  ring?: boolean;
  /** A colour (default: the run colours in order); keep it readable on white. */
  color?: string;
  /** A dashed line. */
  dashed?: boolean;
}

const W = 420;
const H = 300;
const M = { left: 56, right: 12, top: 30, bottom: 40 };

/**
 * A small self-contained SVG chart of several series on shared linear axes: lines (solid or
 * dashed) and markers (dots or rings), with grid lines, ticks and tick labels on both axes (the
 * loss curves' `axisTicks`), lines clipped to the frame, a zero line and a legend below it
 * (outside the plot). When some series are markers (data), they decide the ranges and lines
 * through them are cut at the frame. The same rules as `renderCurveSvg` (no script, escaped
 * text, viewBox); inside `svgImage` it is drawn on a white card, readable in dark themes.
 *
 * @example
 * renderLinesSvg([{ name: 'x^2', x: [-1, 0, 1], y: [1, 0, 1] }], { title: 'square' }).includes('x^2');
 * // true
 */
export function renderLinesSvg(
  series: readonly XYSeries[],
  options: { title: string; xLabel?: string; yLabel?: string },
): string {
  checkOptions('renderLinesSvg', options, ['title', 'xLabel', 'yLabel']);
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  // With data points on the chart, they decide the ranges; lines through them are clipped to
  // the frame (a fitted line need not fit).
  const scaled = series.some((s) => s.mode === 'markers')
    ? series.filter((s) => s.mode === 'markers')
    : series;
  for (const s of scaled) {
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i];
      if (y === null || y === undefined || !Number.isFinite(y)) {
        continue;
      }
      xMin = Math.min(xMin, s.x[i] as number);
      xMax = Math.max(xMax, s.x[i] as number);
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  if (!Number.isFinite(xMin)) {
    [xMin, xMax, yMin, yMax] = [0, 1, 0, 1];
  }
  if (xMax === xMin) {
    xMin -= 1;
    xMax += 1;
  }
  if (scaled !== series) {
    // Points at the ends are drawn whole, not cut by the frame.
    const padX = (xMax - xMin) * 0.03;
    xMin -= padX;
    xMax += padX;
  }
  if (yMax === yMin) {
    yMin -= 1;
    yMax += 1;
  }
  const pad = yMax / 20 - yMin / 20;
  yMin -= pad;
  yMax += pad;
  const [left, right, top, bottom] = [M.left, W - M.right, M.top, H - M.bottom];
  const sx = (x: number): number => left + ((x - xMin) / (xMax - xMin)) * (right - left);
  const sy = (y: number): number =>
    bottom - ((y / 2 - yMin / 2) / (yMax / 2 - yMin / 2)) * (bottom - top);
  const f = (v: number): string => (Math.round(v * 10) / 10).toString();
  const title = escapeHtml(options.title);
  const out: string[] = [
    svgRoot(W, H, title),
    `<title>${title}</title>`,
    svgTitle(options.title, { x: W / 2, y: 18, maxWidth: W - 16, fontSize: 13 }),
    `<path d="M${left} ${top}V${bottom}H${right}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
  ];
  if (yMin < 0 && yMax > 0) {
    out.push(
      `<line x1="${left}" x2="${right}" y1="${f(sy(0))}" y2="${f(sy(0))}" stroke="currentColor" stroke-opacity="0.3"/>`,
    );
  }
  // Grid lines, ticks on both axes and their labels (one notation per axis, as loss curves).
  const yTicks = axisTicks(yMin, yMax, false, 5);
  const xTicks = axisTicks(xMin, xMax, false, 6);
  out.push(`<g stroke="currentColor" stroke-opacity="0.12">`);
  for (const t of yTicks) {
    out.push(`<line x1="${left}" x2="${right}" y1="${f(sy(t.value))}" y2="${f(sy(t.value))}"/>`);
  }
  for (const t of xTicks) {
    out.push(`<line x1="${f(sx(t.value))}" x2="${f(sx(t.value))}" y1="${top}" y2="${bottom}"/>`);
  }
  out.push(`</g><g stroke="currentColor" stroke-opacity="0.6">`);
  for (const t of yTicks) {
    out.push(`<line x1="${left - 4}" x2="${left}" y1="${f(sy(t.value))}" y2="${f(sy(t.value))}"/>`);
  }
  for (const t of xTicks) {
    out.push(
      `<line x1="${f(sx(t.value))}" x2="${f(sx(t.value))}" y1="${bottom}" y2="${bottom + 4}"/>`,
    );
  }
  out.push(`</g>`);
  for (const t of yTicks) {
    out.push(
      `<text x="${left - 6}" y="${f(sy(t.value) + 4)}" text-anchor="end">${escapeHtml(t.label)}</text>`,
    );
  }
  for (const t of xTicks) {
    out.push(
      `<text x="${f(sx(t.value))}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(t.label)}</text>`,
    );
  }
  out.push(
    `<text x="${(left + right) / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(options.xLabel ?? '')}</text>`,
    `<text transform="translate(13 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeHtml(options.yLabel ?? '')}</text>`,
  );
  const colorOf = (s: XYSeries, k: number): string =>
    s.color ?? (RUN_COLORS[k % RUN_COLORS.length] as string);
  const clip = `losslab-clip-${Math.random().toString(36).slice(2, 10)}`;
  out.push(
    `<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`,
    `<g clip-path="url(#${clip})">`,
  );
  series.forEach((s, k) => {
    const color = escapeHtml(colorOf(s, k));
    if (s.mode === 'markers') {
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i];
        if (y === null || y === undefined || !Number.isFinite(y)) {
          continue;
        }
        out.push(
          s.ring === true
            ? `<circle cx="${f(sx(s.x[i] as number))}" cy="${f(sy(y))}" r="3.5" fill="none" stroke="${color}"/>`
            : `<circle cx="${f(sx(s.x[i] as number))}" cy="${f(sy(y))}" r="2.5" fill="${color}"/>`,
        );
      }
      return;
    }
    let d = '';
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i];
      if (y === null || y === undefined || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${f(sx(s.x[i] as number))} ${f(sy(y))}`;
      pen = true;
    }
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8"${dash}/>`);
  });
  out.push(`</g>`);
  // The legend goes below the x-axis label, outside the plot, so it never hides a line.
  const legend = svgLegend(
    series.map((s, k) => {
      const entry: LegendEntry = { label: s.name, color: colorOf(s, k) };
      if (s.dashed === true) {
        entry.dash = '6 4';
      } else if (s.mode === 'markers') {
        entry.dash = '2 4';
      }
      return entry;
    }),
    { width: W, height: H, margin: 12 },
  );
  out.push(legend.markup, '</svg>');
  // The legend makes the chart taller (and wider for one very long label).
  out[0] = svgRoot(legend.width, legend.height, title);
  return out.join('');
}
