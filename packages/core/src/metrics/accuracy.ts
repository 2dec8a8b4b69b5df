import { checkArray, checkFinite } from '../check';
import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';

const KEYS: readonly string[] = ['classes', 'threshold'];

/** Options of {@link accuracy}. */
export interface AccuracyOptions {
  /** Number of classes when `pred` holds one row of scores per sample (B x classes). */
  classes?: number;
  /** Decision threshold for binary scores: a score >= threshold predicts 1. Default 0.5. */
  threshold?: number;
}

/**
 * Fraction of samples classified correctly. `target` holds class indices (0, 1, ...); `pred` is
 * read in one of three ways:
 *
 * - one row of scores per sample (`pred.length` = B x C, C >= 2, given by `opts.classes` or
 *   inferred as `pred.length / target.length`): the predicted class is the row's argmax (the first
 *   one on ties, as numpy), so logits, probabilities or log-probabilities all work;
 * - one value per sample, all integers: predicted class indices, compared as they are;
 * - one value per sample, not all integers (or `options.threshold` given): binary scores,
 *   predicting 1 when score >= threshold (default 0.5, for probabilities; pass 0 for logits);
 *   targets must then be 0 or 1.
 *
 * $$\mathrm{accuracy} = \frac{1}{B}\sum_{i=1}^{B} [\hat c_i = y_i]$$
 *
 * @example
 * accuracy(new Float64Array([0, 2, 1, 1]), new Float64Array([0, 1, 1, 1])); // 3 / 4
 * accuracy(new Float64Array([0.9, 0.2, 0.6]), new Float64Array([1, 0, 0])); // 2 / 3
 * accuracy(new Float64Array([2, 1, 0, 0.5, 3, -1]), new Float64Array([0, 1]), { classes: 3 }); // rows argmax 0 and 1: 1
 */
export function accuracy(
  pred: FloatArray,
  target: FloatArray | Int32Array,
  options?: AccuracyOptions,
): number {
  const fn = 'accuracy';
  const opts = checkOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  if (
    !(target instanceof Float64Array) &&
    !(target instanceof Float32Array) &&
    !(target instanceof Int32Array)
  ) {
    throw new LosslabError(
      fn,
      'target',
      `'target' must be a Float64Array, Float32Array or Int32Array`,
    );
  }
  const b = target.length;
  if (b === 0) {
    throw new LosslabError(fn, 'target', `'target' is empty`);
  }
  checkFinite(fn, { pred });
  let maxClass = Infinity;
  let classes = 1;
  if (opts.classes !== undefined) {
    classes = opts.classes;
    if (!Number.isInteger(classes) || classes < 2) {
      throw new LosslabError(fn, 'classes', `'classes' must be an integer >= 2, got ${classes}`);
    }
    if (pred.length !== b * classes) {
      throw new LosslabError(
        fn,
        'pred',
        `'pred' has length ${pred.length} but ${b} rows of ${classes} classes need ${b * classes}`,
      );
    }
  } else if (pred.length !== b) {
    if (pred.length % b !== 0) {
      throw new LosslabError(
        fn,
        'pred',
        `'pred' has length ${pred.length}, neither the length of 'target' (${b}) nor a multiple of it`,
      );
    }
    classes = pred.length / b;
  }
  const threshold = opts.threshold;
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) {
    throw new LosslabError(
      fn,
      'threshold',
      `'threshold' must be a finite number, got ${threshold}`,
    );
  }
  let binary = false;
  if (classes > 1) {
    maxClass = classes - 1;
  } else {
    binary = threshold !== undefined || !allIntegers(pred);
    if (binary) {
      maxClass = 1;
    }
  }
  let correct = 0;
  for (let i = 0; i < b; i++) {
    const t = target[i] as number;
    if (!Number.isInteger(t) || t < 0 || t > maxClass) {
      const expected = Number.isFinite(maxClass)
        ? `a class index in [0, ${maxClass}]`
        : 'a non-negative integer class index';
      throw new LosslabError(
        fn,
        'target',
        `'target' must hold ${expected}, got ${t} at index ${i}`,
      );
    }
    let c: number;
    if (classes > 1) {
      const row = i * classes;
      c = 0;
      let best = pred[row] as number;
      for (let k = 1; k < classes; k++) {
        const v = pred[row + k] as number;
        if (v > best) {
          best = v;
          c = k;
        }
      }
    } else if (binary) {
      c = (pred[i] as number) >= (threshold ?? 0.5) ? 1 : 0;
    } else {
      c = pred[i] as number;
    }
    if (c === t) {
      correct++;
    }
  }
  return correct / b;
}

function allIntegers(x: FloatArray): boolean {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isInteger(x[i] as number)) {
      return false;
    }
  }
  return true;
}
