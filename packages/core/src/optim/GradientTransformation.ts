import type { FloatArray } from '../types';
/**
 * Optimizers as small pure transformations, in the manner of optax: `init(params)` makes the
 * state, `update(grads, state, params)` turns gradients into updates, and `chain(...)` composes
 * transformations (Adam = scaleByAdam then scaleByLearningRate). Updates are *added* to the
 * parameters (`applyUpdates`), so a learning-rate transformation multiplies by -lr.
 *
 * To stay allocation-free on the hot path, `update` writes the updates into the `grads` buffer
 * it was given (and returns that buffer), and keeps its moment estimates in the typed arrays of
 * its state, updated in place. State is otherwise plain data (numbers and Float64Arrays), so a
 * run can be inspected, copied with `cloneState` and resumed.
 */
export interface GradientTransformation<S = unknown> {
  /** A short name, used as the default run name in histories ("adam(lr=0.001)"). */
  readonly name: string;
  /** Makes the initial state for parameters shaped like `params`. */
  init(params: FloatArray): S;
  /**
   * Transforms `grads` in place into updates and returns them with the next state.
   * `params` is needed by transformations such as decoupled weight decay; `extra.loss` by
   * reduce-on-plateau.
   */
  update(grads: FloatArray, state: S, params?: FloatArray, extra?: UpdateExtra): [FloatArray, S];
  /**
   * The learning rate the next `update` will use, for histories and schedules' plots;
   * undefined for transformations that have none.
   */
  learningRate?(state: S): number | undefined;
  /**
   * A factor this transformation multiplies the learning rate by at the next `update`
   * (reduce-on-plateau's scale, Adagrad's `1 / (1 + (t - 1) lr_decay)`). `chain` multiplies the
   * learning rate of its members by these, so `learningRate` of an alias is the effective one.
   */
  lrFactor?(state: S): number;
  /**
   * Optional fast path used by `chain`: exactly `update`, then every update multiplied by
   * `scale`, in the same pass over the arrays (saves a pass over memory per step).
   */
  updateScaled?(
    grads: FloatArray,
    state: S,
    scale: number,
    params?: FloatArray,
    extra?: UpdateExtra,
  ): [FloatArray, S];
  /**
   * Present on transformations that only multiply by a number (`scaleByLearningRate`): that
   * number for the next update and the state after it, so `chain` can fold the multiplication
   * into the previous member's `updateScaled`.
   */
  scalarStep?(state: S): [number, S];
  /**
   * Optional fused path used by `chain`: exactly `updateScaled`, except that every update,
   * multiplied by `scale`, is added to `params` instead of written into `grads` (which may be
   * left changed), in the same pass over the arrays. Returns the next state and two flags the
   * loop computes on the way: whether the `grads` and `params` it read were all finite, and
   * whether the parameters it wrote are (a Float32Array holds at most 3.4e38). Float64 parameters
   * end bit-identical to `update` then `applyUpdates`; Float32 ones differ by at most the rounding
   * of the update to float32 that the unfused path does.
   */
  applyScaled?(
    grads: FloatArray,
    state: S,
    scale: number,
    params: FloatArray,
    extra?: UpdateExtra,
  ): Applied<S>;
  /**
   * Optional: `update`, then the updates added to `params` in place, in as few passes over memory
   * as the members allow (one for Adam and SGD with or without momentum, where `update` and
   * `applyUpdates` take two); `grads` may be left changed. Returns the next state. Every `chain`
   * and optimizer alias has it, and `fit` uses it when present. An alias throws a `LosslabError`
   * when a parameter would become non-finite although the gradients and parameters were finite;
   * the parameters are then partly updated (the state's moments already are).
   */
  updateInPlace?(grads: FloatArray, state: S, params: FloatArray, extra?: UpdateExtra): S;
}

/**
 * What `applyScaled` returns: the next state, whether every gradient and parameter it read was
 * finite, and whether every parameter it wrote is.
 */
export type Applied<S> = readonly [next: S, inputsFinite: boolean, paramsFinite: boolean];

/**
 * The loss at `params`, with its gradient written into `grad` (PyTorch's optimizer closure).
 * It must not keep `params` or `grad`, nor change anything else.
 */
export type LossAndGrad = (params: Float64Array, grad: Float64Array) => number;

/** Values some transformations need besides the gradient. */
export interface UpdateExtra {
  /** The current loss (at the parameters being updated), for reduce-on-plateau and L-BFGS. */
  loss?: number;
  /**
   * Evaluates the loss and gradient at other parameters, for optimizers that search along a line
   * (L-BFGS). `fit` supplies it on the step's batch.
   */
  lossAndGrad?: LossAndGrad;
}
