import { checkFinite } from '../check';
import { checkOptions } from '../checkOptions';
import type { Dataset } from '../data/Dataset';
import { RandomState } from '../data/RandomState';
import { LosslabError } from '../errors';
import type { LossId } from '../losses/LossId';
import type { LossOptionsOf } from '../losses/LossOptionsOf';
import type { LossFn } from '../losses/registry';
import { AffineModel } from '../models/AffineModel';
import { isFloatArray } from '../models/checkModel';
import type { Model } from '../models/Model';
import type { GradientTransformation, UpdateExtra } from '../optim/GradientTransformation';
import { l2Norm } from '../optim/l2Norm';
import type { Callback, StepInfo } from './Callback';
import type { History, StopReason } from './History';
import { checkFitData, checkInt } from './checkFitData';
import { gatherRows } from './gatherRows';
import { lossValue } from './lossValue';
import { resolveLoss } from './resolveLoss';
import { thinHistory } from './thinHistory';
import type { FloatArray } from '../types';

/** Options of early stopping. */
export interface EarlyStoppingOptions {
  /** Evaluations without improvement before stopping (a positive integer). */
  patience: number;
  /** An evaluation improves only if it beats the best by more than this. Default 0. */
  minDelta?: number;
  /** Return the parameters of the best evaluation instead of the last. Default false. */
  restoreBest?: boolean;
}

/** Every key of {@link EarlyStoppingOptions}: the type says so, so the list cannot fall behind. */
const EARLY_KEYS = Object.keys({
  patience: true,
  minDelta: true,
  restoreBest: true,
} satisfies Record<keyof EarlyStoppingOptions, true>);

/**
 * Options of {@link fit}. `L` is the loss's type, inferred from `loss`: a registry id types
 * `lossOptions` as that loss's options (a misspelt key is a type error in tslab).
 */
export interface FitOptions<L extends LossId | LossFn = LossId | LossFn> {
  /** How parameters move: `sgd(0.1)`, `adam(1e-3)`, any `GradientTransformation`. */
  optimizer: GradientTransformation;
  /**
   * The loss: a registry id (`'mse'`, `'huber'`, `'bceWithLogits'`, ...) or a loss function.
   * Default: `'mse'` for real outputs, `'bceWithLogits'` for one logit, `'softmaxCrossEntropy'`
   * for several.
   */
  loss?: L;
  /** Extra options for the loss, such as `{ delta: 1 }` for Huber (`fit` gives `out` itself). */
  lossOptions?: L extends LossId ? Omit<LossOptionsOf<L>, 'out'> : Record<string, unknown>;
  /** The iteration limit (the article's step 6). Default 1000. */
  maxSteps?: number;
  /** Stop as soon as the loss is at most this (the article's other stopping rule). */
  threshold?: number;
  /** Rows per step; default all of them (full-batch gradient descent). */
  batchSize?: number;
  /** Seed of the per-epoch shuffling of mini-batches (`RandomState(seed).shuffle`). Default 0. */
  seed?: number;
  /** Keep a copy of the parameters every this many steps (plus the first and last). */
  snapshotEvery?: number;
  /** Held-out data whose loss is recorded every `validationEvery` steps. */
  validation?: Dataset<FloatArray>;
  /** Default: once per epoch (every step with full batches). */
  validationEvery?: number;
  /** Stop when the validation loss (the training loss without validation data) stalls. */
  earlyStopping?: EarlyStoppingOptions;
  /** The run diverges when the loss exceeds this many times its first value. Default 1e6. */
  divergenceFactor?: number;
  /** Hooks called after every step and at the end. */
  callbacks?: Callback[];
  /** The history's name (legends). Default: the optimizer's name. */
  name?: string;
  /** Starting parameters, copied into `model.params` (default: the model's own). */
  params?: FloatArray;
  /** Optimizer state to resume from (a previous `FitResult.state`); default `optimizer.init`. */
  state?: unknown;
  /**
   * Entries each per-step array of the history holds at most (an integer >= 16; default 2^20,
   * about 25 MB for the three arrays). A longer run thins them to every other step and records
   * every `history.stride`-th step from then on; minimum and last loss stay exact.
   */
  historyLimit?: number;
  /**
   * Metrics recorded beside the loss, as Keras' `metrics`: name to a function of the step's
   * predictions and targets (`(pred, target) => number`, e.g.
   * `{ accuracy: (p, y) => accuracy(p, y, { threshold: 0 }) }` for logits). Each is measured on
   * the batch of every recorded step (`history.metrics[name][i]` beside `loss[i]`) and, with
   * `validation`, on the validation data at each evaluation (`history.valMetrics[name][j]`
   * beside `valStep[j]`). The live chart draws each in a panel of its own.
   */
  metrics?: Readonly<Record<string, MetricFn>>;
  /**
   * Record the wall-clock time of every recorded step, in seconds since the run began
   * (`history.elapsed`), so a chart can put time on its x axis. Default false: reading the clock
   * every step costs a few percent of a small model's step.
   */
  recordTime?: boolean;
}

/** A metric of {@link FitOptions.metrics}: a number from predictions and targets (higher or lower may be better). */
export type MetricFn = (pred: FloatArray, target: FloatArray) => number;

/** Every key of {@link FitOptions} (a misspelt one, `maxStep`, is an error listing these). */
const FIT_KEYS = Object.keys({
  optimizer: true,
  loss: true,
  lossOptions: true,
  maxSteps: true,
  threshold: true,
  batchSize: true,
  seed: true,
  snapshotEvery: true,
  validation: true,
  validationEvery: true,
  earlyStopping: true,
  divergenceFactor: true,
  callbacks: true,
  name: true,
  params: true,
  state: true,
  historyLimit: true,
  metrics: true,
  recordTime: true,
} satisfies Record<keyof FitOptions, true>);

/** What {@link fit} returns. */
export interface FitResult {
  /** Loss, learning rate and gradient norm of every step, snapshots, validation, stop reason. */
  history: History;
  /** A copy of the final parameters (also left in `model.params`), of the same array type. */
  params: FloatArray;
  stopReason: StopReason;
  stopMessage: string;
  /** Steps taken. */
  steps: number;
  /** The loss over all the training data at the returned parameters. */
  loss: number;
  /** The optimizer's state after the last update, to resume with `options.state`. */
  state: unknown;
}

/** An exception's message, for a sentence (anything can be thrown, from any realm). */
function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Six significant digits: enough to read, short enough for a sentence. */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/**
 * Trains `model` on `data` by the article's six steps: (1) initialize the parameters (the model
 * comes initialized), then repeat (2) predict, (3) measure the error with the loss, (4) compute
 * the gradient by the chain rule (`model.backward` from the loss's gradient), (5) update with the
 * optimizer, (6) until the loss is at most `threshold` or `maxSteps` steps are done, whichever
 * comes first; the result says which.
 *
 * $$\theta_{t+1} = \theta_t + \mathrm{update}\big(\nabla_\theta L(f_{\theta_t}(X), y)\big)$$
 *
 * `model.params` is trained in place. A run that stops because of the loss it just measured
 * (threshold, divergence, early stopping) stops before that step's update, so the returned
 * parameters are the ones that loss describes; a NaN, Infinity or exploding loss ends the run with
 * reason `'diverged'` and returns the last parameters whose loss was finite. The history is kept
 * whatever happens. With `batchSize` below the number of rows, every epoch visits the rows in the
 * order of `RandomState(seed)`'s permutation (numpy's `permutation(n)`), the last batch of an
 * epoch holding the remainder.
 *
 * The step allocates nothing of its own: buffers are made once, `StepInfo` only when a callback
 * has `onStep`. The update is the optimizer's `updateInPlace` when it has one (one pass over the
 * parameters for Adam and SGD), else `update` and then the addition.
 *
 * A model whose `params` is a `Float32Array` (`linearRegression({ features, dtype: 'float32' })`)
 * trains in float32, PyTorch's default dtype: predictions, gradients and the returned `params` are
 * Float32Arrays. `data` (and `validation`) may hold Float64Arrays or Float32Arrays either way.
 *
 * @example
 * const data = makeArticleData();
 * const model = linearRegression({ features: 1 });
 * const result = fit(model, data, { loss: 'mse', optimizer: sgd(0.1), maxSteps: 1000 });
 * // result.params = [2.05734922..., 3.03757654...], result.loss = 0.26429296...
 * // result.stopReason = 'maxSteps'
 */
export function fit<L extends LossId | LossFn = LossId | LossFn>(
  model: Model,
  data: Dataset<FloatArray>,
  options: FitOptions<L>,
): FitResult {
  // ---------------------------------------------------------------- validation, once
  if (typeof options !== 'object' || options === null) {
    throw new LosslabError('fit', 'options', `'options' must be an object with an 'optimizer'`);
  }
  checkOptions('fit', options, FIT_KEYS);
  const optimizer = options.optimizer;
  if (
    typeof optimizer !== 'object' ||
    optimizer === null ||
    typeof optimizer.init !== 'function' ||
    typeof optimizer.update !== 'function'
  ) {
    throw new LosslabError(
      'fit',
      'optimizer',
      `'optimizer' must be a GradientTransformation such as sgd(0.1)`,
    );
  }
  if (
    typeof model !== 'object' ||
    model === null ||
    typeof model.forward !== 'function' ||
    !isFloatArray(model.params)
  ) {
    throw new LosslabError('fit', 'model', `'model' must be a Model such as linearRegression(...)`);
  }
  const width = checkFitData('data', data, model);
  const { x, y, n, features } = data;
  const {
    fn: lossFn,
    options: lossOptions,
    id: lossId,
  } = resolveLoss(model, options.loss, options.lossOptions, width);

  const maxSteps = checkInt('maxSteps', options.maxSteps ?? 1000, 1);
  const threshold = options.threshold ?? -Infinity;
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new LosslabError(
      'fit',
      'threshold',
      `'threshold' must be a number, got ${String(threshold)}`,
    );
  }
  const batchSize = checkInt('batchSize', options.batchSize ?? n, 1);
  if (batchSize > n) {
    throw new LosslabError(
      'fit',
      'batchSize',
      `'batchSize' is ${batchSize} but the data has only ${n} rows`,
    );
  }
  const seed = checkInt('seed', options.seed ?? 0, 0);
  const snapshotEvery = checkInt('snapshotEvery', options.snapshotEvery ?? 0, 0);
  const stepsPerEpoch = Math.ceil(n / batchSize);
  const validation = options.validation;
  if (validation !== undefined) {
    const vWidth = checkFitData('validation', validation, model);
    if (vWidth !== width) {
      throw new LosslabError(
        'fit',
        'validation.y',
        `'validation.y' has ${vWidth} targets per row but 'data.y' has ${width}`,
      );
    }
  }
  const validationEvery = checkInt('validationEvery', options.validationEvery ?? stepsPerEpoch, 1);
  const early = options.earlyStopping;
  let patience = 0;
  let minDelta = 0;
  let restoreBest = false;
  if (early !== undefined) {
    checkOptions('fit', early, EARLY_KEYS, 'earlyStopping');
    patience = checkInt('earlyStopping.patience', early.patience, 1);
    minDelta = early.minDelta ?? 0;
    if (typeof minDelta !== 'number' || !Number.isFinite(minDelta) || minDelta < 0) {
      throw new LosslabError(
        'fit',
        'earlyStopping.minDelta',
        `'earlyStopping.minDelta' must be a non-negative finite number, got ${String(minDelta)}`,
      );
    }
    restoreBest = early.restoreBest === true;
  }
  const divergenceFactor = options.divergenceFactor ?? 1e6;
  if (typeof divergenceFactor !== 'number' || !(divergenceFactor > 1)) {
    throw new LosslabError(
      'fit',
      'divergenceFactor',
      `'divergenceFactor' must be a number > 1 (Infinity to disable), got ${String(divergenceFactor)}`,
    );
  }
  const params = model.params;
  const p = params.length;
  if (options.params !== undefined) {
    if (!isFloatArray(options.params) || options.params.length !== p) {
      const got = isFloatArray(options.params)
        ? `has length ${options.params.length}`
        : 'is not a Float64Array or Float32Array';
      throw new LosslabError(
        'fit',
        'params',
        `'params' ${got} but model '${model.name}' has ${p} parameters`,
      );
    }
    checkFinite('fit', { params: options.params });
    params.set(options.params);
  }
  const historyLimit = checkInt('historyLimit', options.historyLimit ?? 1 << 20, 16);
  const metrics = Object.entries(options.metrics ?? {});
  if (typeof options.metrics !== 'object' && options.metrics !== undefined) {
    throw new LosslabError(
      'fit',
      'metrics',
      `'metrics' must be an object of name: (pred, target) => number`,
    );
  }
  for (const [name, metric] of metrics) {
    if (typeof metric !== 'function') {
      throw new LosslabError(
        'fit',
        'metrics',
        `'metrics.${name}' must be a function (pred, target) => number, got ${typeof metric}`,
      );
    }
  }
  const callbacks = options.callbacks ?? [];
  if (!Array.isArray(callbacks)) {
    throw new LosslabError('fit', 'callbacks', `'callbacks' must be an array of Callback objects`);
  }
  callbacks.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) {
      throw new LosslabError(
        'fit',
        'callbacks',
        `'callbacks[${i}]' must be a Callback object (with onStep and/or onEnd), got ${c === null ? 'null' : typeof c}`,
      );
    }
  });
  // Bound once, called through a plain array: the per-step cost of listening stays a few calls.
  const stepListeners = callbacks
    .filter((c) => typeof c.onStep === 'function')
    .map((c) => (c.onStep as NonNullable<Callback['onStep']>).bind(c));

  // ---------------------------------------------------------------- buffers, once
  const updateInPlace = optimizer.updateInPlace?.bind(optimizer);
  // Linear regression with plain MSE, the article's case, runs fused: one pass per step instead
  // of forward, loss and backward (same numbers up to rounding; fit.test.ts compares them).
  const fused =
    model instanceof AffineModel &&
    model.outputSize === 1 &&
    lossId === 'mse' &&
    metrics.length === 0 &&
    Object.keys(lossOptions).every((k) => k === 'reduction' && lossOptions[k] === 'mean')
      ? model
      : null;
  const fullBatch = batchSize === n;
  const outW = model.outputSize;
  const remRows = n % batchSize;
  // Exact-length views for the two batch sizes an epoch has (losses read their inputs' lengths).
  // Predictions, gradients and the optimizer's gradient buffer in the parameters' precision
  // (float32 trains in float32, as PyTorch does); batches in the data's.
  const like = (a: FloatArray, length: number): FloatArray =>
    a instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
  const predFull = like(params, fused !== null ? 0 : batchSize * outW);
  const gradPredFull = like(params, fused !== null ? 0 : batchSize * outW);
  const predRem = predFull.subarray(0, remRows * outW);
  const gradPredRem = gradPredFull.subarray(0, remRows * outW);
  const xb = fullBatch ? x : like(x, batchSize * features);
  const ybFull = fullBatch ? y : like(y, batchSize * width);
  const ybRem = ybFull.subarray(0, remRows * width);
  const lossOptsFull = { ...lossOptions, out: { grad: gradPredFull } };
  const lossOptsRem = { ...lossOptions, out: { grad: gradPredRem } };
  const order = new Int32Array(fullBatch ? 0 : n);
  const rng = fullBatch ? null : new RandomState(seed);
  const grads = like(params, p);
  const lastGood = params.slice();
  const best = restoreBest ? params.slice() : null;
  // The step's batch, for optimizers that evaluate the loss at other parameters (lbfgs's line
  // search calls extra.lossAndGrad, PyTorch's closure); set just before each update.
  const batch = { rows: n, pred: predFull, yb: ybFull, lossOpts: lossOptsFull };
  const extra: UpdateExtra = {
    loss: 0,
    lossAndGrad: (at: Float64Array, g: Float64Array): number => {
      const saved = params.slice();
      params.set(at);
      try {
        if (fused !== null) {
          return fused.mseStep(xb, batch.yb, batch.rows, g) as number;
        }
        model.forward(xb, batch.rows, batch.pred);
        const value = lossValue(lossFn, batch.pred, batch.yb, batch.lossOpts);
        if (Number.isFinite(value)) {
          model.backward(xb, batch.rows, batch.lossOpts.out.grad, g);
        } else {
          g.fill(NaN);
        }
        return value;
      } finally {
        params.set(saved);
      }
    },
  };

  let valPred: FloatArray | null = null;
  let valOpts: Record<string, unknown> = lossOptions;
  if (validation !== undefined) {
    valPred = like(params, validation.n * outW);
    valOpts = { ...lossOptions, out: { grad: like(params, validation.n * outW) } };
  }

  // fit sets every field, the optional ones included.
  const history: History & Required<Pick<History, 'stride' | 'minLoss' | 'minStep' | 'lastLoss'>> =
    {
      name: options.name ?? optimizer.name,
      loss: [],
      learningRate: [],
      gradNorm: [],
      stride: 1,
      minLoss: NaN,
      minStep: 0,
      lastLoss: NaN,
      valLoss: [],
      valStep: [],
      snapshots: [],
      steps: 0,
      stopReason: 'maxSteps',
      stopMessage: '',
    };
  if (snapshotEvery > 0) {
    history.snapshots.push({ step: 0, params: Float64Array.from(params) });
  }
  const recordTime = options.recordTime === true;
  const startedAt = performance.now();
  if (recordTime) {
    history.elapsed = [];
  }
  if (metrics.length > 0) {
    history.metrics = Object.fromEntries(metrics.map(([name]) => [name, []]));
    if (validation !== undefined) {
      history.valMetrics = Object.fromEntries(metrics.map(([name]) => [name, []]));
    }
  }
  const info: StepInfo | null =
    stepListeners.length > 0
      ? { step: 0, maxSteps, loss: NaN, learningRate: NaN, gradNorm: NaN, history }
      : null;

  // ---------------------------------------------------------------- the six steps
  let state: unknown = options.state !== undefined ? options.state : optimizer.init(params);
  let stopReason: StopReason = 'maxSteps';
  let stopMessage = '';
  let firstLoss = NaN;
  let bestValue = Infinity;
  let bestStep = 0;
  let sinceBest = 0;
  let cursor = n; // position in the epoch's order; n forces a reshuffle at the first step
  let nextRecord = 1; // the next step the thinned history records
  let prevLoss = NaN;
  let finalLoss = NaN;
  let failure: { error: unknown } | null = null;

  let step = 0;
  // Everything that runs user code (loss, model, optimizer, callbacks) sits in this try: however
  // the run ends, the history says how and every onEnd hears of it (see Callback).
  try {
    while (step < maxSteps) {
      step++;
      // (2) predict, on the whole data or on the next mini-batch
      let rows = n;
      let pred = predFull;
      let yb = ybFull;
      let lossOpts = lossOptsFull;
      if (!fullBatch) {
        if (cursor >= n) {
          for (let i = 0; i < n; i++) {
            order[i] = i;
          }
          (rng as RandomState).shuffle(order); // = numpy's permutation(n)
          cursor = 0;
        }
        rows = Math.min(batchSize, n - cursor);
        if (rows < batchSize) {
          pred = predRem;
          yb = ybRem;
          lossOpts = lossOptsRem;
        }
        gatherRows(order, cursor, rows, x, y, features, width, xb, yb);
        cursor += rows;
      }
      // (3) the error, and dL/dpred from the same pass
      let loss: number;
      if (fused !== null) {
        loss = fused.mseStep(xb, yb, rows, grads) as number;
      } else {
        model.forward(xb, rows, pred);
        loss = lossValue(lossFn, pred, yb, lossOpts);
      }
      // (4) the gradient with respect to the parameters, by the chain rule
      let gradNorm = NaN;
      if (Number.isFinite(loss)) {
        if (fused === null) {
          model.backward(xb, rows, lossOpts.out.grad, grads);
        }
        gradNorm = l2Norm(grads); // without overflow: a gradient of 1e200 has a norm
      }
      const lr = optimizer.learningRate !== undefined ? optimizer.learningRate(state) : undefined;
      const learningRate = lr === undefined ? NaN : lr;
      if (step === nextRecord) {
        if (history.loss.length >= historyLimit) {
          thinHistory(history);
        }
        if ((step - 1) % history.stride === 0) {
          history.loss.push(loss);
          history.learningRate.push(learningRate);
          history.gradNorm.push(gradNorm);
          for (const [name, metric] of metrics) {
            (history.metrics as Record<string, number[]>)[name]?.push(metric(pred, yb));
          }
          if (recordTime) {
            (history.elapsed as number[]).push((performance.now() - startedAt) / 1000);
          }
        }
        nextRecord = (Math.floor((step - 1) / history.stride) + 1) * history.stride + 1;
      }
      history.steps = step;
      history.lastLoss = loss;
      if (loss - loss === 0 && !(loss >= history.minLoss)) {
        history.minLoss = loss;
        history.minStep = step;
      }

      // (6) stopping rules that look at the loss just measured, before any update
      if (!Number.isFinite(loss) || (firstLoss > 0 && loss > divergenceFactor * firstLoss)) {
        params.set(lastGood);
        const kept =
          step === 1
            ? 'the initial parameters'
            : `the parameters of step ${step - 1}, whose loss was ${fmt(prevLoss)}`;
        const what = Number.isFinite(loss)
          ? `the loss ${fmt(loss)} at step ${step} exceeded ${fmt(divergenceFactor)} times the first loss ${fmt(firstLoss)}`
          : `the loss became ${loss} at step ${step}`;
        stopReason = 'diverged';
        stopMessage = `${what}; kept ${kept} (try a smaller learning rate)`;
        break;
      }
      if (!(firstLoss > 0)) {
        firstLoss = loss; // the first positive loss is the scale an explosion is measured against
      }
      prevLoss = loss;
      if (loss <= threshold) {
        stopReason = 'threshold';
        stopMessage = `loss ${fmt(loss)} reached the threshold ${fmt(threshold)} at step ${step}`;
        break;
      }
      if (valPred !== null && step % validationEvery === 0) {
        const v = validation as Dataset;
        model.forward(v.x, v.n, valPred);
        const valLoss = lossValue(lossFn, valPred, v.y, valOpts);
        if (history.valLoss.length >= historyLimit) {
          thinHistory(history, 'validation');
        }
        history.valLoss.push(valLoss);
        history.valStep.push(step);
        for (const [name, metric] of metrics) {
          (history.valMetrics as Record<string, number[]>)[name]?.push(metric(valPred, v.y));
        }
        if (early !== undefined && earlyStop(valLoss)) {
          break;
        }
      } else if (valPred === null && early !== undefined && earlyStop(loss)) {
        break;
      }
      lastGood.set(params);

      // (5) update
      extra.loss = loss;
      batch.rows = rows;
      batch.pred = pred;
      batch.yb = yb;
      batch.lossOpts = lossOpts;
      if (updateInPlace !== undefined) {
        // One pass (Adam, SGD): the optimizer adds its updates to the parameters itself.
        try {
          state = updateInPlace(grads, state, params, extra);
        } catch (error) {
          params.set(lastGood); // a fused update that throws may have moved some parameters
          throw error;
        }
      } else {
        const [updates, next] = optimizer.update(grads, state, params, extra);
        state = next;
        for (let i = 0; i < p; i++) {
          params[i] = (params[i] as number) + (updates[i] as number);
        }
      }
      if (snapshotEvery > 0 && step % snapshotEvery === 0) {
        if (history.snapshots.length >= historyLimit) {
          thinHistory(history, 'snapshots');
        }
        history.snapshots.push({ step, params: Float64Array.from(params) });
      }

      if (info !== null) {
        info.step = step;
        info.loss = loss;
        info.learningRate = learningRate;
        info.gradNorm = gradNorm;
        let stop = false;
        for (let k = 0; k < stepListeners.length; k++) {
          const r = (stepListeners[k] as (i: StepInfo) => unknown)(info);
          if (r === false || r === 'stop') {
            stop = true;
          }
        }
        if (stop) {
          stopReason = 'callback';
          stopMessage = `a callback stopped the run after step ${step} (loss ${fmt(loss)})`;
          break;
        }
      }
    }

    /** Early-stopping bookkeeping for one evaluation; true when the run must stop. */
    function earlyStop(value: number): boolean {
      if (value < bestValue - minDelta) {
        bestValue = value;
        bestStep = step;
        sinceBest = 0;
        if (best !== null) {
          best.set(params);
        }
        return false;
      }
      sinceBest++;
      if (sinceBest < patience) {
        return false;
      }
      const watched = valPred !== null ? 'validation loss' : 'loss';
      stopReason = 'earlyStopping';
      stopMessage =
        `the ${watched} did not improve on ${fmt(bestValue)} (step ${bestStep}) by more than ` +
        `${fmt(minDelta)} for ${patience} evaluations`;
      if (best !== null) {
        params.set(best);
        stopMessage += `; restored the parameters of step ${bestStep}`;
      }
      return true;
    }

    if (stopReason === 'maxSteps') {
      stopMessage = `reached the iteration limit of ${maxSteps} steps (last loss ${fmt(history.lastLoss)})`;
    }
    history.stopReason = stopReason;
    history.stopMessage = stopMessage;
    if (snapshotEvery > 0) {
      // Snapshot steps count updates applied; a run that stopped on its loss did not update then.
      let applied = stopReason === 'maxSteps' || stopReason === 'callback' ? step : step - 1;
      if (stopReason === 'diverged') {
        applied = Math.max(0, applied - 1);
      } else if ((stopReason as StopReason) === 'earlyStopping' && best !== null) {
        applied = bestStep - 1;
      }
      const last = history.snapshots[history.snapshots.length - 1];
      if (last === undefined || last.step !== applied) {
        history.snapshots.push({ step: applied, params: Float64Array.from(params) });
      }
    }

    // The loss over all the training data at the parameters returned.
    if (fused !== null) {
      finalLoss = fused.mseStep(x, y, n, grads) as number;
    } else {
      const finalPred = fullBatch ? predFull : like(params, n * outW);
      model.forward(x, n, finalPred);
      finalLoss = lossValue(lossFn, finalPred, y, fullBatch ? lossOptsFull : lossOptions);
    }
  } catch (error) {
    failure = { error };
    stopReason = 'error';
    stopMessage = `stopped by an error at step ${step}: ${errorText(error)}`;
    history.stopReason = stopReason;
    history.stopMessage = stopMessage;
  }

  // Every onEnd runs, whatever the others do; the run's own error wins over theirs.
  for (const c of callbacks) {
    try {
      c.onEnd?.(history, failure?.error);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== null) {
    throw failure.error;
  }
  return {
    history,
    params: params.slice(),
    stopReason,
    stopMessage,
    steps: step,
    loss: finalLoss,
    state,
  };
}
