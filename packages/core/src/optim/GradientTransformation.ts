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
  init(params: Float64Array): S;
  /**
   * Transforms `grads` in place into updates and returns them with the next state.
   * `params` is needed by transformations such as decoupled weight decay; `extra.loss` by
   * reduce-on-plateau.
   */
  update(
    grads: Float64Array,
    state: S,
    params?: Float64Array,
    extra?: UpdateExtra,
  ): [Float64Array, S];
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
    grads: Float64Array,
    state: S,
    scale: number,
    params?: Float64Array,
    extra?: UpdateExtra,
  ): [Float64Array, S];
  /**
   * Present on transformations that only multiply by a number (`scaleByLearningRate`): that
   * number for the next update and the state after it, so `chain` can fold the multiplication
   * into the previous member's `updateScaled`.
   */
  scalarStep?(state: S): [number, S];
}

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
