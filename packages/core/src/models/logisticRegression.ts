import { AffineModel, checkFeatures } from './AffineModel';
import type { LinearInitOptions } from './AffineModel';
import type { Model } from './Model';

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions extends LinearInitOptions {
  /** Features per example. */
  features: number;
}

/**
 * Logistic regression: one logit per example, $z_i = \sum_j x_{ij} w_j + b$, with
 * $P(y_i = 1) = \sigma(z_i)$. It outputs the logit, not the probability, so it pairs with losses
 * that take logits (`bceWithLogits`, `focal`) or real scores (`hinge` with targets -1/+1); the
 * sigmoid lives inside the loss, where it can be computed stably.
 * Same parameter layout and gradient as {@link linearRegression}.
 *
 * @example
 * const model = logisticRegression({ features: 2 });
 * model.params.set([1, -1, 0.5]); // w = [1, -1], b = 0.5
 * const logits = model.forward(new Float64Array([2, 1, 0, 3]), 2);
 * // logits = [2 - 1 + 0.5, 0 - 3 + 0.5] = [1.5, -2.5]
 */
export function logisticRegression(options: LogisticRegressionOptions): Model {
  const features = checkFeatures('logisticRegression', options);
  return new AffineModel('logisticRegression', features, 1, 'logits', options);
}
