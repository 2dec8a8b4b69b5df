import { chartSpec, RUN_COLORS } from './chartSpec';
import type { ChartView, Dash, SeriesSpec } from './chartSpec';
import { escapeHtml } from './escapeHtml';
import type { LossCurvePayload } from './payload';
import { estimateTextWidth, svgLegend, svgRoot, svgTitle } from './svgLegend';
import type { LegendEntry } from './svgLegend';

export { RUN_COLORS };

const W = 640;
const M = { left: 64, right: 16, top: 34, bottom: 44 };
/** Space between stacked panels (the lower panel's title sits in it). */
const PANEL_GAP = 26;
/** SVG dash patterns of the spec's dashes. */
const DASHES: Record<Dash, string> = { solid: '', dash: '5 3', dot: '1.5 3' };

/**
 * Draws a loss-curve payload as one self-contained SVG: no script, no external resource, no
 * `<style>`, only presentation attributes, so it survives JupyterLab's HTML sanitizer (inside
 * `svgImage`) and `nbconvert --to html`. It draws exactly what `chartSpec(payload, view)` decides
 * (the JupyterLab plugin draws the same spec with plotly): panels stacked over a shared x axis
 * (the loss; one per metric; the learning rate when `view.learningRate`), their ticks and labels,
 * every line, the minimum, divergence and stop marks, the notes, and a legend below the chart
 * (outside the plot). It scales with its container (viewBox, width 100%); text uses
 * `currentColor`. Elements carry `data-series`, `data-mark`, `data-ticks` (on each axis's group) and `data-note`
 * attributes naming what they draw. Every text is escaped.
 *
 * @example
 * const svg = renderCurveSvg(lossCurvePayload({ name: 'gd', loss: [1, 0.5, 0.25] }));
 * [svg.startsWith('<svg'), svg.includes('<script')];
 * // [true, false]
 */
export function renderCurveSvg(payload: LossCurvePayload, view?: Partial<ChartView>): string {
  const spec = chartSpec(payload, view);
  // Room for the widest y tick label beside the rotated axis title (as plotly's automargin).
  const widest = Math.max(
    0,
    ...spec.panels.flatMap((p) => p.y.ticks.map((t) => estimateTextWidth(t.label, 11))),
  );
  const left = Math.max(M.left, Math.ceil(28 + widest));
  const right = W - M.right;
  // Each panel's top and bottom, top to bottom.
  const frames: { top: number; bottom: number }[] = [];
  let y = M.top;
  spec.panels.forEach((p, i) => {
    y += i === 0 ? 0 : PANEL_GAP;
    frames.push({ top: y, bottom: y + p.height });
    y += p.height;
  });
  const H = y + M.bottom;
  const xAxis = spec.x;
  const sx = (x: number): number =>
    left + ((x - xAxis.min) / (xAxis.max - xAxis.min)) * (right - left);
  const sys = spec.panels.map((p, i) => {
    const { top, bottom } = frames[i] as { top: number; bottom: number };
    const ly = (v: number): number => (p.y.log ? Math.log10(v) : v);
    const lo = ly(p.y.min);
    const hi = ly(p.y.max);
    // (y - min) / (max - min), or with halves where the range overflows (+-1.7e308); halving
    // would lose a subnormal range, which the plain difference keeps exactly.
    return Number.isFinite(hi - lo)
      ? (v: number): number => bottom - ((ly(v) - lo) / (hi - lo)) * (bottom - top)
      : (v: number): number => bottom - ((ly(v) / 2 - lo / 2) / (hi / 2 - lo / 2)) * (bottom - top);
  });
  const f = (v: number): string => (Math.round(v * 10) / 10).toString();
  const parts: string[] = [];
  const title = escapeHtml(spec.title);
  parts.push(
    svgRoot(W, H, title),
    `<title>${title}</title>`,
    svgTitle(spec.title, { x: W / 2, y: 20, maxWidth: W - 16, fontSize: 14 }),
  );
  const bottomFrame = frames[frames.length - 1] as { top: number; bottom: number };
  // Axes, grid and ticks of every panel; x tick labels under the lowest one.
  spec.panels.forEach((p, i) => {
    const { top, bottom } = frames[i] as { top: number; bottom: number };
    const sy = sys[i] as (v: number) => number;
    parts.push(`<g stroke="currentColor" stroke-opacity="0.15">`);
    for (const t of p.y.ticks) {
      parts.push(
        `<line x1="${left}" x2="${right}" y1="${f(sy(t.value))}" y2="${f(sy(t.value))}"/>`,
      );
    }
    parts.push(
      `</g><path d="M${left} ${top}V${bottom}H${right}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
      `<g text-anchor="end" data-ticks="y${i}">`,
    );
    for (const t of p.y.ticks) {
      parts.push(`<text x="${left - 6}" y="${f(sy(t.value) + 4)}">${escapeHtml(t.label)}</text>`);
    }
    parts.push(
      `</g><text transform="translate(14 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">` +
        `${escapeHtml(p.y.title)}</text>`,
    );
  });
  parts.push(`<g text-anchor="middle" data-ticks="x">`);
  for (const t of xAxis.ticks) {
    parts.push(
      `<text x="${f(sx(t.value))}" y="${bottomFrame.bottom + 16}">${escapeHtml(t.label)}</text>`,
    );
  }
  parts.push(
    `</g><text x="${(left + right) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(xAxis.title)}</text>`,
  );
  const pathOf = (s: SeriesSpec): string => {
    // Moves in tenths of a pixel, relative after the first ('l dx dy' is about a third shorter
    // than 'L x y', and the chart travels base64-encoded in every frame); each move is taken
    // from rounded absolute positions, so rounding never accumulates.
    const sy = sys[s.panel] as (v: number) => number;
    let d = '';
    let pen = false;
    let px = 0;
    let py = 0;
    for (const [x, v] of s.points) {
      if (v === null) {
        pen = false;
        continue;
      }
      const ax = Math.round(sx(x) * 10);
      const ay = Math.round(sy(v) * 10);
      if (!Number.isFinite(ax) || !Number.isFinite(ay)) {
        pen = false;
        continue;
      }
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
    }
    return d;
  };
  const clip = `losslab-clip-${Math.random().toString(36).slice(2, 10)}`;
  parts.push(
    spec.panels
      .map((_, i) => {
        const { top, bottom } = frames[i] as { top: number; bottom: number };
        return `<clipPath id="${clip}-${i}"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`;
      })
      .join(''),
  );
  // One clipped group per panel; lines in the spec's order (a short run over a long one).
  spec.panels.forEach((_, i) => {
    parts.push(`<g clip-path="url(#${clip}-${i})" fill="none" stroke-linejoin="round">`);
    for (const s of spec.series.filter((x) => x.panel === i)) {
      const dash = DASHES[s.dash] === '' ? '' : ` stroke-dasharray="${DASHES[s.dash]}"`;
      const opacity = s.opacity < 1 ? ` stroke-opacity="${s.opacity}"` : '';
      parts.push(
        `<path data-series="${s.id}" d="${pathOf(s)}" stroke="${s.color}" stroke-width="${s.width}"${opacity}${dash}/>`,
      );
    }
    parts.push('</g>');
  });
  // Marks: minima (dots), stops (squares), divergences (dashed lines with their label).
  let divergedLabels = 0;
  for (const m of spec.marks) {
    const sy = sys[m.panel] as (v: number) => number;
    const { top, bottom } = frames[m.panel] as { top: number; bottom: number };
    const x = sx(m.x);
    const tip = `<title>${escapeHtml(m.label)}</title>`;
    const attrs = `data-mark="${m.kind}"`;
    if (m.kind === 'diverged') {
      parts.push(
        `<line ${attrs} x1="${f(x)}" x2="${f(x)}" y1="${top}" y2="${bottom}" stroke="${m.color}" stroke-dasharray="4 3">${tip}</line>`,
        `<text data-label="${m.kind}" x="${f(x)}" y="${top + 12 + 12 * divergedLabels++}" ` +
          `text-anchor="${m.side === 'left' ? 'end' : 'start'}" dx="${m.side === 'left' ? -4 : 4}" fill="${m.color}">` +
          `${escapeHtml(m.label)}</text>`,
      );
      continue;
    }
    const yy = sy(m.y as number);
    if (!(yy >= top - 0.5 && yy <= bottom + 0.5)) {
      continue; // outside the panel's range (ignored outliers): not drawn, as plotly clips it
    }
    parts.push(
      m.kind === 'min'
        ? `<circle ${attrs} cx="${f(x)}" cy="${f(yy)}" r="3.5" fill="${m.color}" stroke="currentColor" stroke-width="0.8">${tip}</circle>`
        : `<rect ${attrs} x="${f(x - 3.5)}" y="${f(yy - 3.5)}" width="7" height="7" fill="none" stroke="${m.color}" stroke-width="1.5">${tip}</rect>`,
    );
    if (m.showLabel) {
      const anchor = m.side === 'left' ? 'end' : 'start';
      parts.push(
        `<text data-label="${m.kind}" x="${f(x + (anchor === 'end' ? -6 : 6))}" y="${f(Math.max(top + 10, yy - 6))}" ` +
          `text-anchor="${anchor}" fill="${m.color}">${escapeHtml(m.label)}</text>`,
      );
    }
  }
  // The legend goes below the x-axis label, outside the plot, so it never hides a curve.
  const entries: LegendEntry[] = [];
  if (spec.showLegend) {
    for (const s of [...spec.series].sort((a, b) => a.run - b.run)) {
      if (s.legend !== undefined) {
        const e: LegendEntry = { label: s.legend, color: s.color, title: s.name };
        if (DASHES[s.dash] !== '') {
          e.dash = DASHES[s.dash];
        }
        entries.push(e);
      }
    }
  }
  const legend = svgLegend(entries, { width: W, height: H });
  parts.push(legend.markup);
  // A note longer than the plot is cut; its tooltip keeps it whole.
  const noteChars = Math.floor((right - left - 12) / 6);
  const lossBottom = (frames[0] as { bottom: number }).bottom;
  spec.notes.forEach((note, i) => {
    const shown = note.length > noteChars ? `${note.slice(0, noteChars - 1)}…` : note;
    parts.push(
      `<text data-note="${i}" x="${left + 6}" y="${lossBottom - 6 - 12 * (spec.notes.length - 1 - i)}" font-style="italic" fill-opacity="0.7">` +
        `<title>${escapeHtml(note)}</title>${escapeHtml(shown)}</text>`,
    );
  });
  parts.push(`</svg>`);
  // The legend makes the chart taller (and wider for one very long label).
  parts[0] = svgRoot(legend.width, legend.height, title);
  return parts.join('');
}
