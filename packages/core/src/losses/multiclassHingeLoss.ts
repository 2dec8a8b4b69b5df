import { checkArray, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import { checkLabels, resolveClasses } from './classTargets';
import { checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('classes');

/** Options of {@link multiclassHingeLoss} (optax's multiclass_hinge_loss). */
export interface MulticlassHingeLossOptions extends LossOptions {
  /** Number of classes C. Default: `pred.length / target.length`. */
  classes?: number;
}

/**
 * The Crammer–Singer multi-class hinge loss on a flat row-major B x C array of scores with B
 * class indices (optax's `multiclass_hinge_loss`): the best wrong class, given a head start of 1,
 * against the true class.
 *
 * $$\ell_i = w_i\Big(\max_c \big(x_{ic} + 1 - [c = t_i]\big) - x_{i t_i}\Big),\qquad
 *   \frac{\partial \ell_i}{\partial x_{ic}} = w_i\big([c = c_i^*] - [c = t_i]\big)$$
 *
 * with $c_i^*$ the class that attains the max. The loss is >= 0 and 0 once the true class leads
 * every other by at least 1. Where several classes attain the max the gradient goes to the first
 * of them (JAX's `max` splits it equally among them). 'mean' divides by B; `weight` holds one
 * weight per row (a losslab addition).
 *
 * @throws LosslabError when the lengths do not give B x C, a target is not a class index, or a
 *   value is NaN or infinite.
 * @example
 * const { value, grad } = multiclassHingeLoss(new Float64Array([0.5, 1, 0]), new Int32Array([0]));
 * // value = max(0.5, 2, 1) - 0.5 = 1.5, grad = [-1, 1, 0]
 */
export function multiclassHingeLoss(
  pred: FloatArray,
  target: FloatArray | Int32Array,
  options?: MulticlassHingeLossOptions,
): LossResult {
  const fn = 'multiclassHingeLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  if (!(target instanceof Int32Array)) {
    checkArray(fn, 'target', target);
  } else if (target.length === 0) {
    throw new LosslabError(fn, 'target', `'target' is empty`);
  }
  const { rows, classes: C } = resolveClasses(fn, 'pred', pred, target, opts.classes, false);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const inputs = { pred, target, weight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  checkLabels(fn, target, C, undefined, undefined);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const t = target[i] as number;
    const w = weight === undefined ? 1 : (weight[i] as number);
    let best = -Infinity;
    let argBest = t;
    let nan = false;
    for (let c = 0; c < C; c++) {
      const v = (pred[base + c] as number) + (c === t ? 0 : 1);
      reach += Math.abs(v);
      if (v > best) {
        best = v;
        argBest = c;
      } else if (v !== v) {
        nan = true;
      }
      grad[base + c] = 0;
    }
    const l = nan ? NaN : w * (best - (pred[base + t] as number));
    // Nothing moves when the true class attains the max (written so, not as +g - g, which a
    // Float32Array would round to a residue).
    if (argBest !== t) {
      grad[base + argBest] = w * scale;
      grad[base + t] = -w * scale;
      bound += 2 * Math.abs(w * scale);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, inputs);
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
