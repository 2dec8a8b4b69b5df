/** A dense array of floating-point numbers that every loss and model accepts. */
export type FloatArray = Float64Array | Float32Array;

/**
 * How per-element losses are combined, as in PyTorch:
 * `'mean'` averages (a weighted mean divides by the sum of the weights where PyTorch does),
 * `'sum'` adds, `'none'` keeps each element's loss in `values`.
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options every loss accepts. */
export interface LossOptions {
  /** How to reduce the per-element losses. Default `'mean'`. */
  reduction?: Reduction;
  /** Optional per-sample weights (one per element, or one per row for B x C losses). */
  weight?: FloatArray;
  /**
   * Caller-provided output buffers, so a training loop allocates nothing per step.
   * `grad` must have the length of the predictions; `values` (used with `'none'`) one per element.
   * Neither may share memory with an input or with each other (a loss writes its outputs while
   * it still reads its inputs; such a buffer is rejected by name).
   */
  out?: { grad?: FloatArray; values?: FloatArray };
}

/**
 * What every loss returns: its value and its gradient from one fused pass.
 * `grad` is always the gradient of `value` with respect to the predictions (or logits);
 * with reduction `'none'`, `value` is the sum of `values`, so `grad[i]` is the derivative of
 * element i's own loss.
 */
export interface LossResult {
  /** The reduced loss (the sum of `values` when the reduction is `'none'`). */
  value: number;
  /** d value / d pred, same length as the predictions; a `Float32Array` when the predictions are. */
  grad: FloatArray;
  /** Per-element losses when the reduction is `'none'`, otherwise `null`. */
  values: FloatArray | null;
}
