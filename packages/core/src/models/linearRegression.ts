import { AffineModel, checkFeatures } from './AffineModel';
import type { LinearInitOptions } from './AffineModel';
import type { Model } from './Model';

/** Options of {@link linearRegression}. */
export interface LinearRegressionOptions extends LinearInitOptions {
  /** Features per example (the article has 1). */
  features: number;
}

/**
 * Linear regression with a bias: one real output per example.
 *
 * $$\hat y_i = \sum_j x_{ij} w_j + b,\qquad
 *   \frac{\partial L}{\partial w_j} = \sum_i \frac{\partial L}{\partial \hat y_i} x_{ij},\qquad
 *   \frac{\partial L}{\partial b} = \sum_i \frac{\partial L}{\partial \hat y_i}$$
 *
 * `params` is `[w_0, ..., w_{features-1}, b]`, zeros unless `init: 'uniform'`.
 *
 * @example
 * const model = linearRegression({ features: 1 });
 * model.params.set([2, 3]); // w = 2, b = 3
 * const pred = model.forward(new Float64Array([0, 1, 2]), 3);
 * // pred = [3, 5, 7]
 */
export function linearRegression(options: LinearRegressionOptions): Model {
  const features = checkFeatures('linearRegression', options);
  return new AffineModel('linearRegression', features, 1, 'real', options);
}
