import { checkArray, checkFinite, checkSameLength, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult, Reduction } from '../types';

// The scaffolding every loss shares: validate, get the output buffers, and after the one fused
// loop check the result once. Non-finite inputs are only searched for when the result is not
// finite, so the happy path pays no extra pass.

/** What an elementwise loss needs before its loop. */
export interface ElementwiseSetup {
  n: number;
  reduction: Reduction;
  /** 1/n for 'mean', 1 otherwise: multiplies the summed loss and every gradient element. */
  scale: number;
  grad: FloatArray;
  values: FloatArray | null;
  weight: FloatArray | undefined;
}

/** Validates `pred`, `target`, `options.weight` (one per element) and the output buffers. */
export function prepareElementwise(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  options: LossOptions | undefined,
): ElementwiseSetup {
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const weight = checkWeight(
    fn,
    'weight',
    options?.weight,
    pred.length,
    `'pred' has ${pred.length}`,
  );
  const n = pred.length;
  const { reduction, grad, values } = prepareOutputs(fn, pred, n, options);
  return { n, reduction, scale: reduction === 'mean' ? 1 / n : 1, grad, values, weight };
}

/**
 * Checks an optional array argument that must hold `length` values and returns it; `why` ends
 * the message, e.g. "'pred' has 3" or "there are 3 classes".
 */
export function checkWeight(
  fn: string,
  arg: string,
  weight: FloatArray | undefined,
  length: number,
  why: string,
): FloatArray | undefined {
  if (weight === undefined) {
    return undefined;
  }
  checkArray(fn, arg, weight);
  if (weight.length !== length) {
    throw new LosslabError(fn, arg, `'${arg}' has length ${weight.length} but ${why}`);
  }
  return weight;
}

/**
 * Returns the result when `value` is finite; otherwise names the input holding a NaN or
 * Infinity, or reports an overflow when every input is finite.
 */
export function finishLoss(
  fn: string,
  value: number,
  grad: FloatArray,
  values: FloatArray | null,
  inputs: Readonly<Record<string, ArrayLike<number> | undefined>>,
): LossResult {
  if (!Number.isFinite(value)) {
    const defined: Record<string, ArrayLike<number>> = {};
    for (const [k, v] of Object.entries(inputs)) {
      if (v !== undefined) {
        defined[k] = v;
      }
    }
    checkFinite(fn, defined);
    throw new LosslabError(fn, 'pred', `the loss overflowed to ${value}`);
  }
  return { value, grad, values };
}

/** Throws unless every value of `x` lies in [lo, hi] (NaN and Infinity are named as such). */
export function checkRange(
  fn: string,
  arg: string,
  x: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!(v >= lo && v <= hi)) {
      if (!Number.isFinite(v)) {
        throw new LosslabError(fn, arg, `'${arg}' has a non-finite value (${v}) at index ${i}`);
      }
      throw new LosslabError(fn, arg, `'${arg}' has ${v} at index ${i}, outside [${lo}, ${hi}]`);
    }
  }
}

/** Throws unless `value` is a finite number in [lo, hi]. */
export function checkScalarRange(
  fn: string,
  arg: string,
  value: unknown,
  lo: number,
  hi: number,
): void {
  if (typeof value !== 'number' || !(value >= lo && value <= hi)) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must be a number in [${lo}, ${hi}], got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is a boolean. */
export function checkBoolean(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw new LosslabError(fn, arg, `'${arg}' must be true or false, got ${String(value)}`);
  }
}

/** Throws unless every value of `x` is -1 or +1. */
export function checkSigns(fn: string, arg: string, x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v !== 1 && v !== -1) {
      throw new LosslabError(fn, arg, `'${arg}' has ${v} at index ${i}; labels must be -1 or +1`);
    }
  }
}

/** True when all three arrays are Float64Array (to pick a kernel compiled for that type only). */
export function sameType64(a: FloatArray, b: FloatArray, c: FloatArray): boolean {
  return a instanceof Float64Array && b instanceof Float64Array && c instanceof Float64Array;
}

/** True when all three arrays are Float32Array. */
export function sameType32(a: FloatArray, b: FloatArray, c: FloatArray): boolean {
  return a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array;
}
