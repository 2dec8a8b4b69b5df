import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import type { Model } from './Model';

// O(1) checks shared by every model's forward and backward: lengths only, never a pass over the
// data (fit scans its data for NaN once, before the first step).

function checkRows(fn: string, model: Model, x: FloatArray, n: number): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new LosslabError(fn, 'n', `'n' must be a positive integer, got ${n}`);
  }
  if (!isFloatArray(x)) {
    throw new LosslabError(fn, 'x', `'x' must be a Float64Array or Float32Array`);
  }
  if (x.length < n * model.inputSize) {
    throw new LosslabError(
      fn,
      'x',
      `'x' has length ${x.length} but ${n} rows of ${model.inputSize} features need ${n * model.inputSize}`,
    );
  }
}

/** Throws unless `params` has the length the model needs. */
export function checkParams(fn: string, model: Model, count: number): void {
  const params = model.params;
  if (!isFloatArray(params) || params.length !== count) {
    const got = isFloatArray(params)
      ? `has length ${params.length}`
      : 'is not a Float64Array or Float32Array';
    throw new LosslabError(fn, 'params', `'params' ${got} but the model has ${count} parameters`);
  }
}

/** Validates a forward call and returns the output buffer: the caller's, or a new one. */
export function checkForward(
  model: Model,
  count: number,
  x: FloatArray,
  n: number,
  out: FloatArray | undefined,
): FloatArray {
  const fn = `${model.name}.forward`;
  checkParams(fn, model, count);
  checkRows(fn, model, x, n);
  const need = n * model.outputSize;
  if (out === undefined) {
    // Outputs in the parameters' precision, as PyTorch's.
    return model.params instanceof Float32Array ? new Float32Array(need) : new Float64Array(need);
  }
  if (!isFloatArray(out) || out.length < need) {
    throw new LosslabError(
      fn,
      'out',
      `'out' must be a Float64Array or Float32Array of length at least ${need} (${n} rows of ${model.outputSize} outputs)`,
    );
  }
  return out;
}

/** Validates a backward call. */
export function checkBackward(
  model: Model,
  count: number,
  x: FloatArray,
  n: number,
  gradOut: FloatArray,
  gradParams: FloatArray,
): void {
  const fn = `${model.name}.backward`;
  checkParams(fn, model, count);
  checkRows(fn, model, x, n);
  const need = n * model.outputSize;
  if (!isFloatArray(gradOut) || gradOut.length < need) {
    throw new LosslabError(
      fn,
      'gradOut',
      `'gradOut' must be a Float64Array or Float32Array of length at least ${need} (${n} rows of ${model.outputSize} outputs)`,
    );
  }
  if (!isFloatArray(gradParams) || gradParams.length !== count) {
    throw new LosslabError(
      fn,
      'gradParams',
      `'gradParams' must be a Float64Array or Float32Array of length ${count}, the number of parameters`,
    );
  }
}

/** True for the two array types models compute with. */
export function isFloatArray(x: unknown): x is FloatArray {
  return x instanceof Float64Array || x instanceof Float32Array;
}

/** Throws unless `value` is a positive integer. */
export function checkPositiveInt(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new LosslabError(fn, arg, `'${arg}' must be a positive integer, got ${String(value)}`);
  }
  return value;
}
