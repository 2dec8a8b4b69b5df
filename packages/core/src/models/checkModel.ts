import { LosslabError } from '../errors';
import type { Model } from './Model';

// O(1) checks shared by every model's forward and backward: lengths only, never a pass over the
// data (fit scans its data for NaN once, before the first step).

function checkRows(fn: string, model: Model, x: Float64Array, n: number): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new LosslabError(fn, 'n', `'n' must be a positive integer, got ${n}`);
  }
  if (!(x instanceof Float64Array)) {
    throw new LosslabError(fn, 'x', `'x' must be a Float64Array`);
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
  if (!(params instanceof Float64Array) || params.length !== count) {
    const got =
      params instanceof Float64Array ? `has length ${params.length}` : 'is not a Float64Array';
    throw new LosslabError(fn, 'params', `'params' ${got} but the model has ${count} parameters`);
  }
}

/** Validates a forward call and returns the output buffer: the caller's, or a new one. */
export function checkForward(
  model: Model,
  count: number,
  x: Float64Array,
  n: number,
  out: Float64Array | undefined,
): Float64Array {
  const fn = `${model.name}.forward`;
  checkParams(fn, model, count);
  checkRows(fn, model, x, n);
  const need = n * model.outputSize;
  if (out === undefined) {
    return new Float64Array(need);
  }
  if (!(out instanceof Float64Array) || out.length < need) {
    throw new LosslabError(
      fn,
      'out',
      `'out' must be a Float64Array of length at least ${need} (${n} rows of ${model.outputSize} outputs)`,
    );
  }
  return out;
}

/** Validates a backward call. */
export function checkBackward(
  model: Model,
  count: number,
  x: Float64Array,
  n: number,
  gradOut: Float64Array,
  gradParams: Float64Array,
): void {
  const fn = `${model.name}.backward`;
  checkParams(fn, model, count);
  checkRows(fn, model, x, n);
  const need = n * model.outputSize;
  if (!(gradOut instanceof Float64Array) || gradOut.length < need) {
    throw new LosslabError(
      fn,
      'gradOut',
      `'gradOut' must be a Float64Array of length at least ${need} (${n} rows of ${model.outputSize} outputs)`,
    );
  }
  if (!(gradParams instanceof Float64Array) || gradParams.length !== count) {
    throw new LosslabError(
      fn,
      'gradParams',
      `'gradParams' must be a Float64Array of length ${count}, the number of parameters`,
    );
  }
}

/** Throws unless `value` is a positive integer. */
export function checkPositiveInt(fn: string, arg: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new LosslabError(fn, arg, `'${arg}' must be a positive integer, got ${String(value)}`);
  }
  return value;
}
