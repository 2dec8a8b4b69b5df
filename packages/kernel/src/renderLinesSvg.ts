import { escapeHtml } from './escapeHtml';
import { formatNumber } from './formatNumber';
import { niceTicks } from './niceTicks';
import { RUN_COLORS } from './renderCurveSvg';
import { svgLegend, svgRoot, svgTitle } from './svgLegend';

/** One line of an x-y chart; a null or non-finite y is a gap. */
export interface XYSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
}

const W = 420;
const H = 300;
const M = { left: 56, right: 12, top: 30, bottom: 40 };

/**
 * A small self-contained SVG line chart of several series on shared linear axes, with a legend
 * below it (outside the plot) and a zero line; the same rules as `renderCurveSvg` (no script, escaped text, viewBox).
 *
 * @example
 * renderLinesSvg([{ name: 'x^2', x: [-1, 0, 1], y: [1, 0, 1] }], { title: 'square' }).includes('x^2');
 * // true
 */
export function renderLinesSvg(
  series: readonly XYSeries[],
  options: { title: string; xLabel?: string; yLabel?: string },
): string {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
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
  for (const t of niceTicks(yMin, yMax, 5)) {
    out.push(
      `<text x="${left - 5}" y="${f(sy(t) + 4)}" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`,
    );
  }
  for (const t of niceTicks(xMin, xMax, 6)) {
    out.push(
      `<text x="${f(sx(t))}" y="${bottom + 15}" text-anchor="middle">${escapeHtml(formatNumber(t))}</text>`,
    );
  }
  out.push(
    `<text x="${(left + right) / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(options.xLabel ?? '')}</text>`,
    `<text transform="translate(13 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeHtml(options.yLabel ?? '')}</text>`,
  );
  series.forEach((s, k) => {
    const color = RUN_COLORS[k % RUN_COLORS.length] as string;
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
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8"/>`);
  });
  // The legend goes below the x-axis label, outside the plot, so it never hides a line.
  const legend = svgLegend(
    series.map((s, k) => ({ label: s.name, color: RUN_COLORS[k % RUN_COLORS.length] as string })),
    { width: W, height: H, margin: 12 },
  );
  out.push(legend.markup, '</svg>');
  // The legend makes the chart taller (and wider for one very long label).
  out[0] = svgRoot(legend.width, legend.height, title);
  return out.join('');
}
