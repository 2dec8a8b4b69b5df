import { checkOptions, getLoss, LosslabError } from '@losslab/core';
import { svgImage } from './svgImage';
import type { LossId, LossInfo } from '@losslab/core';
import { displayBundle } from './display';
import type { MimeBundle } from './display';
import { formatNumber } from './formatNumber';
import { renderLinesSvg } from './renderLinesSvg';
import { checkLocale, messages } from './locale';
import type { Locale } from './locale';

/** Options of `lossShapes`. */
export interface LossShapesOptions {
  /** The target y (default 1: a positive class, a +1 label, or a real value of 1). */
  target?: number;
  /** The swept range of y-hat (default: y - 3 to y + 3, clipped to each loss's domain). */
  range?: [number, number];
  /** Points per curve (default 241). */
  points?: number;
  /** Options passed to every loss (e.g. `{ delta: 0.5 }` for Huber). */
  lossOptions?: Record<string, unknown>;
  /** Language of titles, axis and legend (default: the one `setLocale` set, else English). */
  locale?: Locale;
}

/** One loss swept over y-hat: its value and derivative, null where the loss is undefined. */
export interface LossShape {
  id: string;
  name: string;
  x: Float64Array;
  value: (number | null)[];
  grad: (number | null)[];
}

// Where each kind of prediction lives: a sweep stays inside it.
const DOMAINS: Readonly<Record<LossInfo['pred'], [number, number]>> = {
  real: [-Infinity, Infinity],
  logits: [-Infinity, Infinity],
  probability: [1e-3, 1 - 1e-3],
  positive: [1e-3, Infinity],
  'log-probability': [-Infinity, 0],
  distribution: [1e-3, 1 - 1e-3],
};

/**
 * L(y-hat, y) and dL/dy-hat of elementwise registry losses over a sweep of y-hat at a fixed
 * target, each loss called as it is (reduction 'none', so each point is its own loss). Points
 * where a loss rejects its input (outside its domain) are null.
 *
 * @example
 * const [mse] = lossShapeData(['mse'], { target: 0, range: [-1, 1], points: 3 });
 * [Array.from(mse?.x ?? []), mse?.value, mse?.grad];
 * // [[-1, 0, 1], [1, 0, 1], [-2, 0, 2]]
 */
export function lossShapeData(ids: readonly LossId[], options?: LossShapesOptions): LossShape[] {
  const fn = 'lossShapes';
  checkOptions(fn, options, [
    'target',
    'range',
    'points',
    'lossOptions',
    'locale',
  ] satisfies (keyof LossShapesOptions)[]);
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new LosslabError(fn, 'ids', `'ids' must be a non-empty array of loss ids`);
  }
  const y = options?.target ?? 1;
  const n = options?.points ?? 241;
  if (!Number.isInteger(n) || n < 2) {
    throw new LosslabError(fn, 'points', `'points' must be an integer >= 2, got ${n}`);
  }
  const [lo, hi] = options?.range ?? [y - 3, y + 3];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new LosslabError(fn, 'range', `'range' must be two finite numbers, low < high`);
  }
  return ids.map((id) => {
    const info = getLoss(id);
    if (!info.elementwise) {
      throw new LosslabError(
        fn,
        'ids',
        `'${id}' is not elementwise: it has no scalar shape L(y-hat, y)`,
      );
    }
    const [dLo, dHi] = DOMAINS[info.pred];
    const a = Math.max(lo, dLo);
    const b = Math.min(hi, dHi);
    const x = new Float64Array(n);
    const value: (number | null)[] = [];
    const grad: (number | null)[] = [];
    const target = new Float64Array([y]);
    for (let i = 0; i < n; i++) {
      x[i] = a + ((b - a) * i) / (n - 1);
      try {
        const r = info.fn(new Float64Array([x[i] as number]), target, {
          ...options?.lossOptions,
          reduction: 'none',
        });
        value.push(Number.isFinite(r.value) ? r.value : null);
        const g = r.grad[0] as number;
        grad.push(Number.isFinite(g) ? g : null);
      } catch (e) {
        // Outside the loss's domain is a gap; a wrong option is the caller's error.
        if (
          e instanceof LosslabError &&
          (e.arg === 'options' || Object.hasOwn(options?.lossOptions ?? {}, e.arg))
        ) {
          throw e;
        }
        value.push(null);
        grad.push(null);
      }
    }
    return { id: info.id, name: info.name, x, value, grad };
  });
}

/**
 * The bundle `lossShapes` shows: two SVG charts side by side in `text/html`, L(y-hat, y) and
 * dL/dy-hat, plus a text summary.
 */
export function lossShapesBundle(ids: readonly LossId[], options?: LossShapesOptions): MimeBundle {
  const shapes = lossShapeData(ids, options);
  const text = messages(
    options?.locale === undefined ? undefined : checkLocale(options.locale, 'lossShapes'),
  );
  const y = formatNumber(options?.target ?? 1);
  const series = (
    pick: 'value' | 'grad',
  ): { name: string; x: Float64Array; y: (number | null)[] }[] =>
    shapes.map((s) => ({ name: text.lossName(s.id, s.name), x: s.x, y: s[pick] }));
  const summary = text.shapesSummary(
    y,
    shapes.map((s) => text.lossName(s.id, s.name)),
  );
  const cell = (svg: string): string =>
    `<div style="flex:1 1 320px;min-width:0">${svgImage(svg, summary)}</div>`;
  const html =
    `<div class="losslab-shapes" style="display:flex;flex-wrap:wrap;gap:8px">` +
    cell(
      renderLinesSvg(series('value'), {
        title: text.lossAtTarget(y),
        xLabel: text.prediction,
        yLabel: 'L(ŷ, y)',
      }),
    ) +
    cell(
      renderLinesSvg(series('grad'), {
        title: text.gradientAtTarget(y),
        xLabel: text.prediction,
        yLabel: 'dL/dŷ',
      }),
    ) +
    `</div>`;
  return { data: { 'text/html': html, 'text/plain': summary }, metadata: {} };
}

/**
 * Shows L(y-hat, y) and dL/dy-hat of several losses side by side, to compare how they punish
 * errors and outliers (the article's FAQ on choosing a loss): MSE's gradient grows with the error,
 * MAE's is constant, Huber's is capped.
 *
 * @example
 * lossShapes(['mse', 'mae', 'huber'], { target: 0 });
 */
export function lossShapes(ids: readonly LossId[], options?: LossShapesOptions): void {
  displayBundle(lossShapesBundle(ids, options));
}
