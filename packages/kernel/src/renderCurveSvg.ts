import { escapeHtml } from './escapeHtml';
import { formatNumber } from './formatNumber';
import { logTicks, niceTicks } from './niceTicks';
import type { CurvePoint, LossCurvePayload } from './payload';
import { smoothEma } from './smoothEma';
import { svgLegend, svgRoot } from './svgLegend';
import type { LegendEntry } from './svgLegend';

/** The run colours (matplotlib's tab10), readable on light and dark backgrounds. */
export const RUN_COLORS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

const W = 640;
const H = 360;
const M = { left: 64, right: 16, top: 34, bottom: 44 };

/**
 * Draws a loss-curve payload as one self-contained inline SVG: no script, no external resource,
 * no `<style>`, only presentation attributes, so it survives JupyterLab's HTML sanitizer and
 * `nbconvert --to html`. It scales with its container (viewBox, width 100%); axes and text use
 * `currentColor` so dark themes work. Nice ticks, linear or log y (values <= 0 are left out of a
 * log axis, with a note), a legend below the chart (outside the plot) when there are several runs, the minimum marked, the divergence
 * step marked, gaps where the loss was NaN. Every text is escaped.
 *
 * @example
 * const svg = renderCurveSvg(lossCurvePayload({ name: 'gd', loss: [1, 0.5, 0.25] }));
 * [svg.startsWith('<svg'), svg.includes('<script')];
 * // [true, false]
 */
export function renderCurveSvg(payload: LossCurvePayload): string {
  const { runs, options } = payload;
  const notes: string[] = [];
  let logY = options.logY;
  const ys: number[] = [];
  let xMin = Infinity;
  let xMax = -Infinity;
  let nonPositive = 0;
  for (const run of runs) {
    for (const pts of [run.points, run.valPoints ?? []]) {
      for (const [x, y] of pts) {
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        if (y !== null) {
          ys.push(y);
          if (y <= 0) {
            nonPositive++;
          }
        }
      }
    }
  }
  if (logY && nonPositive > 0) {
    if (nonPositive === ys.length) {
      logY = false;
      notes.push('no positive loss: linear scale instead of log');
    } else {
      notes.push(`${nonPositive} values <= 0 not shown on the log scale`);
    }
  }
  // How a run that did not finish by its rule stopped, and when a live run last reported.
  for (const run of runs) {
    const who = runs.length > 1 ? `${run.name}: ` : '';
    if ((run.stopReason === 'error' || run.stopReason === 'interrupted') && run.stopMessage) {
      notes.push(`${who}${run.stopMessage}`);
    } else if (run.stopReason === 'running' && run.updatedAt !== undefined) {
      notes.push(
        `${who}running, last update ${new Date(run.updatedAt).toISOString().slice(11, 19)} UTC`,
      );
    }
  }
  const drawn = logY ? ys.filter((y) => y > 0) : ys;
  let yMin = drawn.length > 0 ? drawn.reduce((a, b) => Math.min(a, b)) : 0;
  let yMax = drawn.length > 0 ? drawn.reduce((a, b) => Math.max(a, b)) : 1;
  if (!Number.isFinite(xMin)) {
    xMin = 0;
    xMax = 1;
    notes.push('no data yet');
  }
  if (xMax === xMin) {
    xMin -= 1;
    xMax += 1;
  }
  if (yMax === yMin) {
    // A flat curve gets a band around it: +-10% (at least 8 of the smallest doubles, so a
    // subnormal value still gets a band), or a factor of 2 each way on a log axis.
    const pad = yMin === 0 ? 1 : Math.max(Math.abs(yMin) * 0.1, 8 * Number.MIN_VALUE);
    yMin = logY ? (yMin / 2 > 0 ? yMin / 2 : yMin) : yMin - pad;
    yMax = logY ? yMax * 2 : yMax + pad;
  } else if (!logY) {
    // Half the range can overflow at +-1.7e308; pad by a fraction of each bound's own size.
    const pad = yMax / 20 - yMin / 20;
    yMin = Number.isFinite(yMin - pad) ? yMin - pad : yMin;
    yMax = Number.isFinite(yMax + pad) ? yMax + pad : yMax;
  }
  const left = M.left;
  const right = W - M.right;
  const top = M.top;
  const bottom = H - M.bottom;
  const sx = (x: number): number => left + ((x - xMin) / (xMax - xMin)) * (right - left);
  const ly = (y: number): number => (logY ? Math.log10(y) : y);
  const lyMin = ly(yMin);
  const lyMax = ly(yMax);
  // (y - min) / (max - min), or with halves where the range overflows (+-1.7e308); halving
  // would lose a subnormal range, which the plain difference keeps exactly.
  const span = lyMax - lyMin;
  const sy = Number.isFinite(span)
    ? (y: number): number => bottom - ((ly(y) - lyMin) / span) * (bottom - top)
    : (y: number): number =>
        bottom - ((ly(y) / 2 - lyMin / 2) / (lyMax / 2 - lyMin / 2)) * (bottom - top);
  const f = (v: number): string => (Math.round(v * 10) / 10).toString();

  const parts: string[] = [];
  const title = escapeHtml(options.title);
  parts.push(
    svgRoot(W, H, title),
    `<title>${title}</title>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${title}</text>`,
  );
  // Axes and grid.
  const yTicks = logY ? logTicks(yMin, yMax) : niceTicks(yMin, yMax, 5);
  const xTicks = niceTicks(xMin, xMax, 6).filter((x) => Number.isInteger(x) || xMax - xMin < 10);
  parts.push(`<g stroke="currentColor" stroke-opacity="0.15">`);
  for (const t of yTicks) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${f(sy(t))}" y2="${f(sy(t))}"/>`);
  }
  parts.push(`</g>`);
  parts.push(
    `<path d="M${left} ${top}V${bottom}H${right}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
  );
  parts.push(`<g text-anchor="end">`);
  for (const t of yTicks) {
    parts.push(`<text x="${left - 6}" y="${f(sy(t) + 4)}">${escapeHtml(formatNumber(t))}</text>`);
  }
  parts.push(`</g><g text-anchor="middle">`);
  for (const t of xTicks) {
    parts.push(`<text x="${f(sx(t))}" y="${bottom + 16}">${escapeHtml(formatNumber(t))}</text>`);
  }
  parts.push(`</g>`);
  parts.push(
    `<text x="${(left + right) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
      `${escapeHtml(options.yLabel)}</text>`,
  );
  const drawable = (y: number | null): y is number => y !== null && (!logY || y > 0);
  const pathOf = (pts: readonly CurvePoint[], values?: ArrayLike<number>): string => {
    // Moves in tenths of a pixel, relative after the first ('l dx dy' is about a third shorter
    // than 'L x y', and the chart travels base64-encoded in every frame); each move is taken
    // from rounded absolute positions, so rounding never accumulates.
    let d = '';
    let pen = false;
    let px = 0;
    let py = 0;
    pts.forEach(([x, raw], i) => {
      const y = values === undefined ? raw : (values[i] as number);
      if (!drawable(y) || !Number.isFinite(y)) {
        pen = false;
        return;
      }
      const ax = Math.round(sx(x) * 10);
      const ay = Math.round(sy(y) * 10);
      if (pen) {
        const dx = (ax - px) / 10;
        const dy = (ay - py) / 10;
        d += `l${dx}${dy < 0 ? '' : ' '}${dy}`;
      } else {
        d += `M${ax / 10} ${ay / 10}`;
      }
      px = ax;
      py = ay;
      pen = true;
    });
    return d;
  };
  const clip = `losslab-clip-${Math.random().toString(36).slice(2, 10)}`;
  parts.push(
    `<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`,
    `<g clip-path="url(#${clip})" fill="none" stroke-width="1.5" stroke-linejoin="round">`,
  );
  runs.forEach((run, r) => {
    const color = RUN_COLORS[r % RUN_COLORS.length] as string;
    const smooth = options.smoothing > 0;
    parts.push(
      `<path d="${pathOf(run.points)}" stroke="${color}"${smooth ? ' stroke-opacity="0.3"' : ''}/>`,
    );
    if (smooth) {
      const ys = run.points.map((p) => p[1]);
      parts.push(
        `<path d="${pathOf(run.points, smoothEma(ys, options.smoothing))}" stroke="${color}"/>`,
      );
    }
    if (run.valPoints !== undefined) {
      parts.push(`<path d="${pathOf(run.valPoints)}" stroke="${color}" stroke-dasharray="5 3"/>`);
    }
  });
  parts.push(`</g>`);
  // Markers: the minimum of each run, and where a run diverged.
  runs.forEach((run, r) => {
    const color = RUN_COLORS[r % RUN_COLORS.length] as string;
    if (run.min !== null && drawable(run.min.loss)) {
      const x = sx(run.min.step);
      const y = sy(run.min.loss);
      const label = `min ${formatNumber(run.min.loss, 4)} at step ${run.min.step}`;
      parts.push(
        `<circle cx="${f(x)}" cy="${f(y)}" r="3.5" fill="${color}" stroke="currentColor" stroke-width="0.8">` +
          `<title>${escapeHtml(`${run.name}: ${label}`)}</title></circle>`,
      );
      // With several runs the labels would collide: they go in the legend instead.
      if (runs.length === 1) {
        const anchor = x > (left + right) / 2 ? 'end' : 'start';
        parts.push(
          `<text x="${f(x + (anchor === 'end' ? -6 : 6))}" y="${f(Math.max(top + 10, y - 6))}" ` +
            `text-anchor="${anchor}" fill="${color}">${escapeHtml(label)}</text>`,
        );
      }
    }
    if (run.divergedAt !== undefined) {
      const x = f(sx(run.divergedAt));
      parts.push(
        `<line x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="#d62728" stroke-dasharray="4 3"/>`,
        `<text x="${x}" y="${top + 12 + 12 * r}" text-anchor="end" dx="-4" fill="#d62728">` +
          `${escapeHtml(`${runs.length > 1 ? `${run.name}: ` : ''}diverged at step ${run.divergedAt}`)}</text>`,
      );
    }
  });
  // The legend goes below the x-axis label, outside the plot, so it never hides a curve.
  const entries: LegendEntry[] = [];
  if (runs.length > 1 || runs.some((run) => run.valPoints !== undefined)) {
    runs.forEach((run, r) => {
      const color = RUN_COLORS[r % RUN_COLORS.length] as string;
      const min =
        run.min === null ? '' : ` (min ${formatNumber(run.min.loss, 4)} at ${run.min.step})`;
      // A long name would make the legend very wide: shorten it, the tooltip keeps it whole.
      const short = run.name.length > 28 ? `${run.name.slice(0, 27)}…` : run.name;
      entries.push({ label: `${short}${min}`, color, title: run.name });
      if (run.valPoints !== undefined) {
        entries.push({ label: `${short} (validation)`, color, dash: '5 3', title: run.name });
      }
    });
  }
  const legend = svgLegend(entries, { width: W, height: H });
  parts.push(legend.markup);
  // A note longer than the plot is cut; its tooltip keeps it whole.
  const noteChars = Math.floor((right - left - 12) / 6);
  notes.forEach((note, i) => {
    const shown = note.length > noteChars ? `${note.slice(0, noteChars - 1)}…` : note;
    parts.push(
      `<text x="${left + 6}" y="${bottom - 6 - 12 * i}" font-style="italic" fill-opacity="0.7">` +
        `<title>${escapeHtml(note)}</title>${escapeHtml(shown)}</text>`,
    );
  });
  parts.push(`</svg>`);
  // The legend makes the chart taller (and wider for one very long label).
  parts[0] = svgRoot(legend.width, legend.height, title);
  return parts.join('');
}
