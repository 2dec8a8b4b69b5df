import { checkOptions } from '../checkOptions';
import { gradCheck } from '../gradCheck';
import type { GradCheckOptions, GradCheckResult } from '../gradCheck';
import type { LossFn } from '../losses/registry';
import type { FloatArray } from '../types';
import type { Model } from './Model';

/** Options of {@link modelGradCheck}. */
export interface ModelGradCheckOptions extends GradCheckOptions {
  /** Options passed to the loss (`{ classes: 3 }`, `{ delta: 1 }`, ...). */
  lossOptions?: Record<string, unknown>;
}

/**
 * Checks a model's backward pass: the gradient of `loss(model.forward(x), target)` with respect
 * to `model.params`, by `model.backward` from the loss's own gradient, against central finite
 * differences (see `gradCheck`). A correct backward gives `maxRelError` around 1e-7 or less.
 * `model.params` is left as it was.
 *
 * $$\frac{\partial L}{\partial \theta_i} \approx
 *   \frac{L(\theta + h e_i) - L(\theta - h e_i)}{2h}$$
 *
 * @example
 * const model = linearRegression({ features: 1 });
 * model.params.set([0.5, -1]);
 * const x = new Float64Array([1, 2, 3]);
 * const { maxRelError } = modelGradCheck(model, x, 3, mseLoss, new Float64Array([2, 4, 7]));
 * // maxRelError < 1e-7
 */
export function modelGradCheck(
  model: Model,
  x: Float64Array,
  n: number,
  loss: LossFn,
  target: FloatArray,
  options?: ModelGradCheckOptions,
): GradCheckResult {
  const { lossOptions = {}, ...checkOpts } = checkOptions('modelGradCheck', options, [
    'h',
    'floor',
    'lossOptions',
  ] satisfies (keyof ModelGradCheckOptions)[]);
  const pred = model.forward(x, n);
  const { grad } = loss(pred, target, lossOptions);
  const analytic = new Float64Array(model.params.length);
  model.backward(x, n, Float64Array.from(grad), analytic);
  const saved = model.params.slice();
  const probe = Float64Array.from(saved);
  const f = (theta: Float64Array): number => {
    model.params.set(theta);
    return loss(model.forward(x, n, pred), target, lossOptions).value;
  };
  try {
    return gradCheck(f, analytic, probe, checkOpts);
  } finally {
    model.params.set(saved);
  }
}
