import { checkOptions } from '../checkOptions';
import type { Dataset } from './Dataset';
import { RandomState } from './RandomState';
import { integerOption, numberOption, seedOption, vectorOption } from './checkDataOptions';

/** Options of {@link makeLinearData}; the defaults give the article's data. */
export interface LinearDataOptions {
  /** Number of rows. Default 100. */
  n?: number;
  /** Number of input features. Default 1. */
  features?: number;
  /** True weights, one per feature. Default 2 for every feature. */
  weights?: ArrayLike<number>;
  /** True bias. Default 3. */
  bias?: number;
  /** Standard deviation of the Gaussian noise added to y. Default 0.5. */
  noise?: number;
  /** Seed of the {@link RandomState}. Default 0. */
  seed?: number;
}

/** A linear data set together with the weights and bias that generated it. */
export interface LinearDataset extends Dataset {
  /** The true weights. */
  weights: Float64Array;
  /** The true bias. */
  bias: number;
}

/**
 * Linear regression data with Gaussian noise, drawn exactly as this numpy does (so Python and a
 * notebook see the same numbers):
 *
 * ```python
 * rs = np.random.RandomState(seed)
 * X = rs.randn(n, features)
 * y = X @ weights + bias + rs.randn(n) * noise   # X @ weights summed left to right
 * ```
 *
 * $$y_i = \sum_j x_{ij} w_j + b + \sigma \varepsilon_i,\qquad x_{ij}, \varepsilon_i \sim \mathcal N(0, 1)$$
 *
 * @example
 * const data = makeLinearData({ n: 200, features: 2, weights: [1, -1], bias: 0.5, noise: 0.1, seed: 1 });
 * // data.x: 200 x 2 row-major, data.y: 200 targets, data.weights = [1, -1], data.bias = 0.5
 */
export function makeLinearData(options: LinearDataOptions = {}): LinearDataset {
  checkOptions('makeLinearData', options, LINEAR_DATA_KEYS);
  return linearData('makeLinearData', options).data;
}

/** Every key of {@link LinearDataOptions}. */
export const LINEAR_DATA_KEYS = Object.keys({
  n: true,
  features: true,
  weights: true,
  bias: true,
  noise: true,
  seed: true,
} satisfies Record<keyof LinearDataOptions, true>);

/**
 * makeLinearData under another function's name (for its error messages), also returning the
 * generator so that a caller can keep drawing from where it stopped.
 */
export function linearData(
  fn: string,
  options: LinearDataOptions,
): { data: LinearDataset; rs: RandomState } {
  const n = integerOption(fn, 'n', options.n, 100, 1);
  const features = integerOption(fn, 'features', options.features, 1, 1);
  const weights =
    options.weights === undefined
      ? new Float64Array(features).fill(2)
      : vectorOption(fn, 'weights', options.weights, features);
  const bias = numberOption(fn, 'bias', options.bias, 3);
  const noise = numberOption(fn, 'noise', options.noise, 0.5, 0);
  const rs = new RandomState(seedOption(fn, options.seed));
  const x = rs.randn(n, features);
  const eps = rs.randn(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < features; j++) {
      dot += (x[i * features + j] as number) * (weights[j] as number);
    }
    y[i] = dot + bias + (eps[i] as number) * noise;
  }
  return { data: { x, y, n, features, weights, bias }, rs };
}
