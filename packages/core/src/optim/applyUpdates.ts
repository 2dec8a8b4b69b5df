import { checkArray } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';

/**
 * Adds the updates to the parameters in place: $\theta \leftarrow \theta + u$ (optax's
 * `apply_updates`; the optimizers' updates already carry the minus sign of descent). Float64Array
 * or Float32Array, either for either. An optimizer's `updateInPlace` does `update` and this in
 * one pass.
 *
 * @example
 * const params = new Float64Array([1, 2]);
 * applyUpdates(params, new Float64Array([-0.5, 0.5]));
 * // params = [0.5, 2.5]
 */
export function applyUpdates(params: FloatArray, updates: FloatArray): void {
  const fn = 'applyUpdates';
  checkArray(fn, 'params', params);
  checkArray(fn, 'updates', updates);
  if (updates.length !== params.length) {
    throw new LosslabError(
      fn,
      'updates',
      `'updates' has length ${updates.length} but 'params' has ${params.length}`,
    );
  }
  for (let i = 0; i < params.length; i++) {
    params[i] = (params[i] as number) + (updates[i] as number);
  }
}
