import { LosslabError } from '../errors';

/**
 * A deep copy of an optimizer state: typed arrays are copied, arrays and plain objects cloned
 * member by member, numbers and other primitives kept. Updates change the moment arrays of a
 * state in place, so keep a clone to resume a run from a checkpoint or to branch it.
 *
 * @example
 * const opt = adam(0.1);
 * const params = new Float64Array([1]);
 * const state = opt.init(params);
 * const saved = cloneState(state);
 * opt.update(new Float64Array([1]), state, params); // changes state's moments, not saved's
 */
export function cloneState<S>(state: S): S {
  return cloneValue(state, 'state') as S;
}

function cloneValue(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new LosslabError('cloneState', 'state', `${path} is a ${typeof value}, not data`);
    }
    return value;
  }
  if (ArrayBuffer.isView(value)) {
    return (value as unknown as { slice(): unknown }).slice();
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => cloneValue(v, `${path}[${i}]`));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = cloneValue(v, `${path}.${k}`);
  }
  return out;
}
