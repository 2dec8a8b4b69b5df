import { checkOptions } from './checkOptions';
import { LosslabError } from './errors';
import type { FloatArray, LossOptions, Reduction } from './types';

// Validation shared by every public function. Checks that would cost a pass over the data are
// deferred: losses check `Number.isFinite` on their result once and only then scan the inputs
// (`findNonFinite`) to name the culprit, so the happy path pays nothing.

const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const OUT_KEYS: readonly string[] = ['grad', 'values'];

/** Throws unless `x` is a Float64Array or Float32Array with at least one element. */
export function checkArray(fn: string, arg: string, x: unknown): asserts x is FloatArray {
  if (!(x instanceof Float64Array) && !(x instanceof Float32Array)) {
    throw new LosslabError(fn, arg, `'${arg}' must be a Float64Array or Float32Array`);
  }
  if (x.length === 0) {
    throw new LosslabError(fn, arg, `'${arg}' is empty`);
  }
}

/** Throws unless `a` and `b` have the same length. */
export function checkSameLength(
  fn: string,
  argA: string,
  a: ArrayLike<number>,
  argB: string,
  b: ArrayLike<number>,
): void {
  if (a.length !== b.length) {
    throw new LosslabError(
      fn,
      argB,
      `'${argB}' has length ${b.length} but '${argA}' has ${a.length}`,
    );
  }
}

/** Returns the reduction, defaulting to 'mean'; throws on an unknown one. */
export function checkReduction(fn: string, reduction: unknown): Reduction {
  if (reduction === undefined) {
    return 'mean';
  }
  if (!REDUCTIONS.includes(reduction as Reduction)) {
    throw new LosslabError(
      fn,
      'reduction',
      `unknown reduction '${String(reduction)}' (expected 'mean', 'sum' or 'none')`,
    );
  }
  return reduction as Reduction;
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(fn: string, arg: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new LosslabError(fn, arg, `'${arg}' must be a positive finite number, got ${value}`);
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function checkNonNegative(fn: string, arg: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new LosslabError(fn, arg, `'${arg}' must be a non-negative finite number, got ${value}`);
  }
}

/** Index of the first NaN or +-Infinity in `x`, or -1. */
export function findNonFinite(x: ArrayLike<number>): number {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number)) {
      return i;
    }
  }
  return -1;
}

/** Throws naming the first argument that holds a NaN or Infinity. */
export function checkFinite(fn: string, arrays: Readonly<Record<string, ArrayLike<number>>>): void {
  for (const [arg, x] of Object.entries(arrays)) {
    const i = findNonFinite(x);
    if (i >= 0) {
      throw new LosslabError(fn, arg, `'${arg}' has a non-finite value (${x[i]}) at index ${i}`);
    }
  }
}

/**
 * Throws when the output buffer `out` shares memory with one of `inputs` (typed arrays; other
 * values are skipped). A loss writes its outputs while it still reads its inputs, so an output
 * that overlaps an input gives a wrong result; every loss refuses it by name instead.
 */
export function checkNoAlias(
  fn: string,
  outArg: string,
  out: ArrayBufferView,
  inputs: Readonly<Record<string, unknown>>,
): void {
  // `.buffer` and the offsets are getters of ~15 ns a read: the buffer is read once, the ranges
  // only for an input on the same buffer.
  const buffer = out.buffer;
  for (const arg in inputs) {
    const x = inputs[arg];
    if (
      x === out ||
      (ArrayBuffer.isView(x) &&
        x.buffer === buffer &&
        x.byteOffset < out.byteOffset + out.byteLength &&
        out.byteOffset < x.byteOffset + x.byteLength)
    ) {
      throw new LosslabError(
        fn,
        outArg,
        `'${outArg}' shares memory with '${arg}'; pass a separate buffer (outputs are written while inputs are read)`,
      );
    }
  }
}

/**
 * Validates the common options and returns the output buffers to write into: the caller's when
 * given (checked for type, length, and for sharing no memory with `inputs` or each other), fresh
 * ones of the predictions' type otherwise.
 */
export function prepareOutputs(
  fn: string,
  pred: FloatArray,
  nValues: number,
  options: LossOptions | undefined,
  inputs: Readonly<Record<string, unknown>> = { pred },
): { reduction: Reduction; grad: FloatArray; values: FloatArray | null } {
  const reduction = checkReduction(fn, options?.reduction);
  const out = checkOptions(fn, options?.out, OUT_KEYS, 'out');
  let grad: FloatArray;
  if (out.grad !== undefined) {
    checkArray(fn, 'out.grad', out.grad);
    checkSameLength(fn, 'pred', pred, 'out.grad', out.grad);
    checkNoAlias(fn, 'out.grad', out.grad, inputs);
    grad = out.grad;
  } else {
    grad =
      pred instanceof Float32Array ? new Float32Array(pred.length) : new Float64Array(pred.length);
  }
  let values: FloatArray | null = null;
  if (reduction === 'none') {
    if (out.values !== undefined) {
      checkArray(fn, 'out.values', out.values);
      if (out.values.length !== nValues) {
        throw new LosslabError(
          fn,
          'out.values',
          `'out.values' has length ${out.values.length} but ${nValues} values are needed`,
        );
      }
      checkNoAlias(fn, 'out.values', out.values, inputs);
      checkNoAlias(fn, 'out.values', out.values, { 'out.grad': grad });
      values = out.values;
    } else {
      values = pred instanceof Float32Array ? new Float32Array(nValues) : new Float64Array(nValues);
    }
  }
  return { reduction, grad, values };
}
