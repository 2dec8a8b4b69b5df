import { checkArray, checkFinite } from '../check';
import { LosslabError } from '../errors';
import { checkPositiveInt } from './checkModel';

/**
 * Closed-form least squares for linear regression with a bias: the (w, b) minimizing
 * $\sum_i (x_i^\top w + b - y_i)^2$, returned as `[w_0, ..., w_{features-1}, b]`, the layout of
 * {@link linearRegression}'s `params`.
 *
 * $$\hat\beta = \arg\min_\beta \lVert A\beta - y\rVert^2,\quad A = [X\ \mathbf 1],\quad
 *   A = QR \Rightarrow R\hat\beta = Q^\top y$$
 *
 * Solved by Householder QR of A rather than the normal equations $A^\top A\beta = A^\top y$:
 * same answer, but forming $A^\top A$ squares the condition number. A rank-deficient A (a
 * constant or duplicated feature, fewer rows than unknowns), where $X^\top X$ is singular, is a
 * named error, never a silent NaN.
 *
 * @example
 * // y = 2x + 3 exactly
 * const beta = leastSquares(new Float64Array([0, 1, 2]), new Float64Array([3, 5, 7]), 3, 1);
 * // beta = [2, 3]
 */
export function leastSquares(
  x: Float64Array,
  y: Float64Array,
  n: number,
  features: number,
): Float64Array {
  const fn = 'leastSquares';
  checkArray(fn, 'x', x);
  checkArray(fn, 'y', y);
  checkPositiveInt(fn, 'n', n);
  checkPositiveInt(fn, 'features', features);
  if (x.length !== n * features) {
    throw new LosslabError(
      fn,
      'x',
      `'x' has length ${x.length} but ${n} rows of ${features} features need ${n * features}`,
    );
  }
  if (y.length !== n) {
    throw new LosslabError(fn, 'y', `'y' has length ${y.length} but there are ${n} rows`);
  }
  const p = features + 1;
  if (n < p) {
    throw new LosslabError(
      fn,
      'n',
      `${n} rows cannot determine ${p} unknowns (${features} weights and a bias): X'X is singular`,
    );
  }
  checkFinite(fn, { x, y });

  // A column-major copy of [X 1] (columns are what Householder reflections sweep), and of y.
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < features; j++) {
      a[j * n + i] = x[i * features + j] as number;
    }
    a[features * n + i] = 1;
  }
  const qty = Float64Array.from(y);
  const diag = new Float64Array(p);

  for (let k = 0; k < p; k++) {
    const col = k * n;
    // ||a[k:, k]|| scaled by its largest entry, so the squares cannot overflow.
    let scale = 0;
    for (let i = k; i < n; i++) {
      scale = Math.max(scale, Math.abs(a[col + i] as number));
    }
    if (scale === 0) {
      diag[k] = 0;
      continue;
    }
    let ss = 0;
    for (let i = k; i < n; i++) {
      const v = (a[col + i] as number) / scale;
      ss += v * v;
    }
    const head = a[col + k] as number;
    const alpha = (head >= 0 ? -1 : 1) * scale * Math.sqrt(ss); // sign avoids cancellation
    // v = a[k:, k] - alpha e1 stored in place; H = I - 2 v v^T / (v^T v), v^T v = 2 alpha (alpha - head).
    a[col + k] = head - alpha;
    const vtv = 2 * alpha * (alpha - head);
    diag[k] = alpha;
    for (let j = k + 1; j <= p; j++) {
      const target = j < p ? a : qty;
      const tc = j < p ? j * n : 0;
      let dot = 0;
      for (let i = k; i < n; i++) {
        dot += (a[col + i] as number) * (target[tc + i] as number);
      }
      const f = (2 * dot) / vtv;
      for (let i = k; i < n; i++) {
        target[tc + i] = (target[tc + i] as number) - f * (a[col + i] as number);
      }
    }
  }

  // Rank check as numpy's matrix_rank does it: |R_kk| <= max|R_kk| * max(n, p) * eps.
  let maxDiag = 0;
  for (let k = 0; k < p; k++) {
    maxDiag = Math.max(maxDiag, Math.abs(diag[k] as number));
  }
  const tol = maxDiag * Math.max(n, p) * Number.EPSILON;
  for (let k = 0; k < p; k++) {
    if (!(Math.abs(diag[k] as number) > tol)) {
      const what = k < features ? `feature ${k}` : 'the bias column';
      throw new LosslabError(
        fn,
        'x',
        `X'X is singular: ${what} is a linear combination of the columns before it (constant or duplicated feature?)`,
      );
    }
  }

  // Back substitution R beta = Q^T y; R's strict upper triangle sits in a[j*n + k] for j > k.
  const beta = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = qty[k] as number;
    for (let j = k + 1; j < p; j++) {
      s -= (a[j * n + k] as number) * (beta[j] as number);
    }
    beta[k] = s / (diag[k] as number);
  }
  return beta;
}
