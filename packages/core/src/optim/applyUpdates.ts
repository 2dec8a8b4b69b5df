import { LosslabError } from '../errors';

/**
 * Adds the updates to the parameters in place: $\theta \leftarrow \theta + u$ (optax's
 * `apply_updates`; the optimizers' updates already carry the minus sign of descent).
 *
 * @example
 * const params = new Float64Array([1, 2]);
 * applyUpdates(params, new Float64Array([-0.5, 0.5]));
 * // params = [0.5, 2.5]
 */
export function applyUpdates(params: Float64Array, updates: Float64Array): void {
  const fn = 'applyUpdates';
  if (!(params instanceof Float64Array)) {
    throw new LosslabError(fn, 'params', `'params' must be a Float64Array`);
  }
  if (!(updates instanceof Float64Array)) {
    throw new LosslabError(fn, 'updates', `'updates' must be a Float64Array`);
  }
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
