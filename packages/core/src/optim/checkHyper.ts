import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import type { Schedule } from './Schedule';

// Hyperparameter checks shared by the optimizers: each names the function the user called (the
// alias, not the primitive inside it) and the argument, so `adam({ b1: 1 })` says `adam: 'b1' ...`.

/** Throws unless `lr` is a positive finite number or a function (a schedule). */
export function checkLearningRate(fn: string, lr: unknown): asserts lr is number | Schedule {
  if (typeof lr === 'function') {
    return;
  }
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new LosslabError(
      fn,
      'lr',
      `'lr' must be a positive finite number or a schedule, got ${String(lr)}`,
    );
  }
}

/** Throws unless `value` is a number in [0, 1), as PyTorch requires of betas and `alpha`. */
export function checkUnitInterval(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new LosslabError(fn, arg, `'${arg}' must be in [0, 1), got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositiveHyper(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must be a positive finite number, got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is a finite number >= 0. */
export function checkNonNegativeHyper(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must be a non-negative finite number, got ${String(value)}`,
    );
  }
}

/** Throws unless `value` is an integer >= `min`. */
export function checkInteger(fn: string, arg: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new LosslabError(fn, arg, `'${arg}' must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a boolean. */
export function checkBoolean(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'boolean') {
    throw new LosslabError(fn, arg, `'${arg}' must be true or false, got ${String(value)}`);
  }
}

/**
 * Throws unless `grads` is a Float64Array or Float32Array of the length `size` the state was made
 * for.
 */
export function checkGrads(fn: string, grads: unknown, size: number): asserts grads is FloatArray {
  if (!(grads instanceof Float64Array) && !(grads instanceof Float32Array)) {
    throw new LosslabError(fn, 'grads', `'grads' must be a Float64Array or Float32Array`);
  }
  if (grads.length !== size) {
    throw new LosslabError(
      fn,
      'grads',
      `'grads' has length ${grads.length} but the state was made for ${size} parameters`,
    );
  }
}

/** Throws unless `params` is given and has the length of `grads`. */
export function checkParams(
  fn: string,
  params: FloatArray | undefined,
  size: number,
): asserts params is FloatArray {
  if (!(params instanceof Float64Array) && !(params instanceof Float32Array)) {
    throw new LosslabError(
      fn,
      'params',
      `'params' must be passed to update (a Float64Array or Float32Array)`,
    );
  }
  if (params.length !== size) {
    throw new LosslabError(
      fn,
      'params',
      `'params' has length ${params.length} but 'grads' has ${size}`,
    );
  }
}

/** Throws unless `params` is a non-empty Float64Array or Float32Array (what `init` accepts). */
export function checkInitParams(fn: string, params: unknown): asserts params is FloatArray {
  if (!(params instanceof Float64Array) && !(params instanceof Float32Array)) {
    throw new LosslabError(fn, 'params', `'params' must be a Float64Array or Float32Array`);
  }
  if (params.length === 0) {
    throw new LosslabError(fn, 'params', `'params' is empty`);
  }
}

/**
 * Returns `lr`, a schedule's value at `step`, unless it overflowed: then throws naming `arg`, the
 * growth factor that made it overflow (PyTorch would return inf).
 */
export function checkRate(fn: string, arg: string, lr: number, step: number): number {
  if (lr === Infinity) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' makes the learning rate overflow at step ${step} (it would pass 1.8e308)`,
    );
  }
  return lr;
}

/** Formats a learning rate for an optimizer's name: the number, or "schedule". */
export function lrLabel(lr: number | Schedule): string {
  return typeof lr === 'number' ? String(lr) : 'schedule';
}

/**
 * Throws unless `options` is undefined or a plain object whose keys are all in `valid`: a string
 * or an array in the options position, or a misspelt key, would otherwise be read as defaults.
 */
export function checkOptions(fn: string, options: unknown, valid: readonly string[]): void {
  if (options === undefined) {
    return;
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new LosslabError(
      fn,
      'options',
      `'options' must be an object, got ${Array.isArray(options) ? 'an array' : String(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) {
      throw new LosslabError(
        fn,
        'options',
        `unknown option '${key}' (valid: ${valid.length > 0 ? valid.join(', ') : 'none'})`,
      );
    }
  }
}

/**
 * Throws unless `state` is an object holding `key`: what `update` was given must be a state this
 * transformation's `init` made (not undefined, not another optimizer's).
 */
export function checkState(fn: string, state: unknown, key: string): void {
  if (state === null || typeof state !== 'object' || !(key in state)) {
    throw new LosslabError(
      fn,
      'state',
      `'state' is not a state of ${fn} (got ${state === null || typeof state !== 'object' ? String(state) : 'an object without ' + key}); pass what init or the previous update returned`,
    );
  }
}
