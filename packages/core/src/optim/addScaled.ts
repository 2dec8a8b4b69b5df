import { LosslabError } from '../errors';
import type { FloatArray } from '../types';

/**
 * `params[i] += scale * updates[i]` in one pass (a length mismatch is an error of `fn`), with the finiteness flags an `applyScaled`
 * returns: whether every update and parameter read was finite, and whether every parameter
 * written is (as stored: a Float32Array overflows beyond 3.4e38). The unfused tail of a `chain`,
 * and the fused step of the transformations whose update is a multiple of the gradient.
 *
 * @example
 * const params = new Float64Array([1, 2]);
 * addScaled('sgd', params, new Float64Array([0.5, -1]), -0.1); // [true, true]; params = [0.95, 2.1]
 */
export function addScaled(
  fn: string,
  params: FloatArray,
  updates: FloatArray,
  scale: number,
): [inputsFinite: boolean, paramsFinite: boolean] {
  if (updates.length !== params.length) {
    throw new LosslabError(
      fn,
      'params',
      `'params' has length ${params.length} but the updates have ${updates.length}`,
    );
  }
  let inputs = 0;
  let written = 0;
  for (let i = 0; i < params.length; i++) {
    const u = updates[i] as number;
    const p = params[i] as number;
    inputs += u - u + (p - p); // NaN once any input is not finite
    params[i] = p + u * scale;
    const q = params[i] as number;
    written += q - q;
  }
  return [inputs === 0, written === 0];
}
