import { checkArray, checkFinite, checkSameLength, findNonFinite, prepareOutputs } from '../check';
import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult, Reduction } from '../types';

// The scaffolding every loss shares: validate the options, get the output buffers, and after the
// one fused loop check the result once. The loop hands over a `bound` it accumulates as it goes
// (the sum of |gradient| and |per-element loss| it wrote, or an upper bound it gets for free);
// only when the value is not finite or the bound exceeds what the output type holds are the inputs
// and outputs scanned to name the culprit, so the happy path pays no extra pass.

/** Largest finite float32. A double of at most this magnitude rounds to a finite float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** The option keys every loss reads (see {@link LossOptions}). */
const LOSS_KEYS: readonly string[] = ['reduction', 'weight', 'out'];

/** The option keys of a loss: the common ones and its own. */
export function lossKeys(...own: string[]): readonly string[] {
  return [...LOSS_KEYS, ...own];
}

/**
 * Checks a loss's options argument against its keys (from {@link lossKeys}) and returns it, `{}`
 * when absent. Every loss calls this first, so a string or a misspelt key is a named error.
 */
export function lossOptions<T extends object>(
  fn: string,
  options: T | undefined,
  keys: readonly string[],
): T {
  return checkOptions(fn, options, keys);
}

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

/**
 * Validates `pred`, `target`, `options.weight` (one per element) and the output buffers, which
 * must share no memory with those inputs nor with `otherInputs` (a loss's further arrays).
 */
export function prepareElementwise(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  options: LossOptions | undefined,
  otherInputs?: Readonly<Record<string, unknown>>,
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
  const inputs =
    otherInputs === undefined ? { pred, target, weight } : { pred, target, weight, ...otherInputs };
  const { reduction, grad, values } = prepareOutputs(fn, pred, n, options, inputs);
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

/** The arrays a loss read, by argument name; the first is the one the gradient is taken against. */
export type LossInputs = Readonly<Record<string, ArrayLike<number> | undefined>>;

/**
 * Returns the result when `value` is finite and `bound` shows that every element written to
 * `grad` and `values` is finite in its array type. `bound` is what the loop accumulated: the sum
 * of the magnitudes of the doubles it stored, or any upper bound on the largest of them; without
 * one (NaN, the default) the outputs are scanned. Otherwise it names the input holding a NaN or Infinity, or reports which output
 * overflowed: a value or gradient that the output type cannot represent is an error, never a
 * silent Infinity. The first key of `inputs` is the argument the gradient is taken against.
 */
export function finishLoss(
  fn: string,
  value: number,
  grad: FloatArray,
  values: FloatArray | null,
  bound: number,
  inputs: LossInputs,
): LossResult;
/** {@link finishLoss} without a bound: the outputs are scanned. */
export function finishLoss(
  fn: string,
  value: number,
  grad: FloatArray,
  values: FloatArray | null,
  inputs: LossInputs,
): LossResult;
export function finishLoss(
  fn: string,
  value: number,
  grad: FloatArray,
  values: FloatArray | null,
  boundOrInputs: number | LossInputs,
  maybeInputs?: LossInputs,
): LossResult {
  const bound = typeof boundOrInputs === 'number' ? boundOrInputs : NaN;
  const inputs = typeof boundOrInputs === 'number' ? (maybeInputs as LossInputs) : boundOrInputs;
  const limit =
    grad instanceof Float32Array || values instanceof Float32Array ? FLOAT32_MAX : Number.MAX_VALUE;
  if (!(bound <= limit) || !Number.isFinite(value)) {
    explainResult(fn, value, grad, values, inputs);
  }
  return { value, grad, values };
}

/** The slow path of {@link finishLoss}: throws with the reason, or returns on a false alarm. */
function explainResult(
  fn: string,
  value: number,
  grad: FloatArray,
  values: FloatArray | null,
  inputs: LossInputs,
): void {
  const defined: Record<string, ArrayLike<number>> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== undefined) {
      defined[k] = v;
    }
  }
  checkFinite(fn, defined);
  const predArg = Object.keys(inputs)[0] ?? 'pred';
  if (!Number.isFinite(value)) {
    throw new LosslabError(fn, predArg, `the loss overflowed to ${value}`);
  }
  const g = findNonFinite(grad);
  if (g >= 0) {
    throw new LosslabError(
      fn,
      predArg,
      `the gradient with respect to '${predArg}' overflowed at index ${g} (${grad[g]} in a ${grad.constructor.name})`,
    );
  }
  const v = values === null ? -1 : findNonFinite(values);
  if (values !== null && v >= 0) {
    throw new LosslabError(
      fn,
      predArg,
      `the per-element loss overflowed at index ${v} (${values[v]} in a ${values.constructor.name})`,
    );
  }
}

/** The largest |x_i| (NaN if any is NaN). */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i] as number);
    if (!(a <= m)) {
      m = a;
    }
  }
  return m;
}

/** The sum of |x_i|: a finiteness witness for an output array of a few values per row. */
export function sumAbs(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    s += Math.abs(x[i] as number);
  }
  return s;
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
