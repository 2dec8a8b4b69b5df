import { AffineModel, checkFeatures, LINEAR_KEYS } from './AffineModel';
import type { LinearInitOptions } from './AffineModel';
import { checkPositiveInt } from './checkModel';
import { LosslabError } from '../errors';
import type { Model } from './Model';

/** Options of {@link softmaxRegression}. */
export interface SoftmaxRegressionOptions extends LinearInitOptions {
  /** Features per example. */
  features: number;
  /** Number of classes C (at least 2). */
  classes: number;
}

/**
 * Softmax (multinomial logistic) regression: C logits per example,
 * $z_{ik} = \sum_j x_{ij} W_{jk} + b_k$, with $P(y_i = k) = \mathrm{softmax}(z_i)_k$.
 * Outputs logits as a flat row-major `n x C` array, which is what `softmaxCrossEntropy` takes.
 *
 * $$\frac{\partial L}{\partial W_{jk}} = \sum_i x_{ij} \frac{\partial L}{\partial z_{ik}},\qquad
 *   \frac{\partial L}{\partial b_k} = \sum_i \frac{\partial L}{\partial z_{ik}}$$
 *
 * `params` is W (`features x classes`, row-major) followed by b (`classes`).
 *
 * @example
 * const model = softmaxRegression({ features: 1, classes: 3 });
 * model.params.set([1, 0, -1, 0, 0, 2]); // W = [[1, 0, -1]], b = [0, 0, 2]
 * const logits = model.forward(new Float64Array([2]), 1);
 * // logits = [2, 0, 0]
 */
export function softmaxRegression(options: SoftmaxRegressionOptions): Model {
  const fn = 'softmaxRegression';
  const features = checkFeatures(fn, options, [...LINEAR_KEYS, 'classes']);
  const classes = checkPositiveInt(fn, 'classes', options.classes);
  if (classes < 2) {
    throw new LosslabError(fn, 'classes', `'classes' must be at least 2, got ${classes}`);
  }
  return new AffineModel(fn, features, classes, 'logits', options);
}
