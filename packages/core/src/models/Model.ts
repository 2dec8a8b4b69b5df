import type { FloatArray } from '../types';
/**
 * A trainable model: one flat parameter vector (so any optimizer applies), a forward pass over a
 * batch, and a backward pass that turns the loss's gradient with respect to the predictions into
 * the gradient with respect to the parameters (the chain rule, written by hand: no autodiff).
 *
 * Batches are flat row-major arrays: `x` holds `n` rows of `inputSize` features, predictions hold
 * `n` rows of `outputSize` values.
 */
export interface Model {
  /** The model's kind, used in messages and history names ("linearRegression"). */
  readonly name: string;
  /** Features per example. */
  readonly inputSize: number;
  /** Outputs per example (1 for regression and binary classification, C for C classes). */
  readonly outputSize: number;
  /** What the outputs mean: real values (regression) or unnormalized class scores. */
  readonly output: 'real' | 'logits';
  /**
   * All parameters in one array; its layout is documented by each model. A Float32Array trains
   * in float32 (PyTorch's default dtype) and a Float64Array in float64.
   */
  params: FloatArray;
  /**
   * Predictions for the `n` rows of `x`, written into `out` (length `n * outputSize`) when given,
   * so a training loop allocates nothing; a new array otherwise.
   */
  forward(x: FloatArray, n: number, out?: FloatArray): FloatArray;
  /**
   * Writes dL/dparams into `gradParams` (overwriting it) from `gradOut` = dL/dpredictions for the
   * same `n` rows of `x`. Models with hidden layers reuse what the last `forward` on this `x`
   * computed, so call `backward` right after `forward`, as PyTorch does.
   */
  backward(x: FloatArray, n: number, gradOut: FloatArray, gradParams: FloatArray): void;
}
