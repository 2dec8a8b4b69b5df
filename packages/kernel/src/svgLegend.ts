import { isWideChar } from './displayWidth';
import { clipText } from './clipText';
import { escapeHtml } from './escapeHtml';

/** One legend entry: a line swatch in `color` (dashed with `dash`) and its label. */
export interface LegendEntry {
  label: string;
  color: string;
  /** An SVG `stroke-dasharray`, for a dashed swatch. */
  dash?: string;
  /** The tooltip (e.g. the whole name when the label shortens it). */
  title?: string;
}

/** Where one entry's label was placed: its text box in viewBox units. */
export interface LegendBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A laid-out legend: its markup, the text box of every entry, and the size of the whole SVG. */
export interface SvgLegend {
  markup: string;
  boxes: LegendBox[];
  /** The viewBox width and height of the chart with its legend. */
  width: number;
  height: number;
}

const SWATCH = 18;
const GAP = 4;
const COLUMN_GAP = 16;
const ROW = 15;

/**
 * An upper bound of the width of `text` at `fontSize` in a sans-serif font, in the same units.
 * SVG has no text measurement without a browser, so each character counts as its widest glyph in
 * the usual sans-serif fonts (DejaVu Sans, Arial, Helvetica): a label never outgrows its box.
 * A wide character (East Asian Wide or Fullwidth, `isWideChar`: Chinese, Japanese, Korean,
 * fullwidth punctuation) counts one em, its advance in CJK fonts (Noto Sans CJK), two half-em
 * Latin widths.
 *
 * @example
 * estimateTextWidth('ab', 10);
 * // 13
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (/[ .,:;'!|()[\]iljfrtI]/.test(ch)) {
      em += 0.42;
    } else if (/[mwMW%@…]/.test(ch) || isWideChar(ch)) {
      // Wide Latin glyphs, and wide (CJK) characters, which are one em.
      em += 1;
    } else if (/[A-Z&]/.test(ch)) {
      em += 0.8;
    } else {
      em += 0.65;
    }
  }
  return Math.round(em * fontSize * 100) / 100;
}

/**
 * Lays out a legend in rows below a chart of `width` x `height` (everything the chart draws, its
 * axis labels included, lies above `height`): as many equal columns as fit between the side
 * margins, at least one, filled row by row. It returns the size of the whole SVG, taller by the
 * legend, and wider only if one label alone is wider than the chart, so no label is ever clipped.
 * Labels and titles are escaped.
 *
 * @example
 * const legend = svgLegend([{ label: 'sgd', color: '#1f77b4' }], { width: 640, height: 360 });
 * [legend.width, legend.height, legend.boxes[0].y >= 360];
 * // [640, 383, true]
 */
export function svgLegend(
  entries: readonly LegendEntry[],
  chart: { width: number; height: number; margin?: number; fontSize?: number },
): SvgLegend {
  const fontSize = chart.fontSize ?? 11;
  const margin = chart.margin ?? 16;
  if (entries.length === 0) {
    return { markup: '', boxes: [], width: chart.width, height: chart.height };
  }
  const layout = { x: margin, top: chart.height, maxWidth: chart.width - 2 * margin };
  entries = entries.map((e) => ({
    ...e,
    label: clipText(e.label),
    title: clipText(e.title ?? ''),
  }));
  const widths = entries.map((e) => estimateTextWidth(e.label, fontSize));
  const column = SWATCH + GAP + Math.max(...widths) + COLUMN_GAP;
  const columns = Math.max(
    1,
    Math.min(entries.length, Math.floor((layout.maxWidth + COLUMN_GAP) / column)),
  );
  const rows = Math.ceil(entries.length / columns);
  const parts: string[] = ['<g>'];
  const boxes: LegendBox[] = [];
  entries.forEach((e, i) => {
    const x = layout.x + (i % columns) * column;
    const mid = layout.top + Math.floor(i / columns) * ROW + ROW / 2;
    const dash = e.dash === undefined ? '' : ` stroke-dasharray="${escapeHtml(e.dash)}"`;
    const title = e.title === undefined ? '' : `<title>${escapeHtml(e.title)}</title>`;
    const textX = x + SWATCH + GAP;
    // The baseline sits a third of the font size below the middle, centring the glyphs on it.
    const baseline = Math.round((mid + fontSize / 3) * 10) / 10;
    parts.push(
      `<line x1="${x}" x2="${x + SWATCH}" y1="${mid}" y2="${mid}" stroke="${escapeHtml(e.color)}" stroke-width="2"${dash}/>`,
      `<text x="${textX}" y="${baseline}">${title}${escapeHtml(e.label)}</text>`,
    );
    boxes.push({
      x: textX,
      y: mid - fontSize / 2 - 1,
      width: widths[i] as number,
      height: fontSize + 2,
    });
  });
  parts.push('</g>');
  return {
    markup: parts.join(''),
    boxes,
    width: Math.max(chart.width, 2 * margin + columns * column - COLUMN_GAP),
    height: chart.height + rows * ROW + margin / 2,
  };
}

/**
 * The root element of a self-contained chart: viewBox scaling, `currentColor` text, no style sheet.
 * `title` must be escaped already.
 *
 * @example
 * svgRoot(640, 360, 'loss').startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"');
 * // true
 */
export function svgRoot(width: number, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" ` +
    `style="max-width:${width}px;height:auto" role="img" aria-label="${title}" ` +
    `font-family="sans-serif" font-size="11" fill="currentColor">`
  );
}

/**
 * A chart title centred at (`x`, `y`): at `fontSize`, or smaller when its estimated width
 * (`estimateTextWidth`, CJK counted wide) would not fit in `maxWidth`, down to 8, so a long
 * title is never clipped by the chart's edges. `text` is escaped here.
 *
 * @example
 * svgTitle('训练损失', { x: 320, y: 20, maxWidth: 600, fontSize: 14 });
 * // '<text x="320" y="20" text-anchor="middle" font-size="14">训练损失</text>'
 */
export function svgTitle(
  text: string,
  at: { x: number; y: number; maxWidth: number; fontSize: number },
): string {
  // A title of any length stays a bounded output (it is resent with every live frame).
  text = clipText(text);
  const natural = estimateTextWidth(text, at.fontSize);
  const size =
    natural <= at.maxWidth
      ? at.fontSize
      : Math.max(8, Math.floor(((at.fontSize * at.maxWidth) / natural) * 10) / 10);
  return `<text x="${at.x}" y="${at.y}" text-anchor="middle" font-size="${size}">${escapeHtml(text)}</text>`;
}
