import { RandomState } from '../data/RandomState';
import { LosslabError } from '../errors';

/** A run of parameters drawn from U(-limit, limit); `limit` 0 means zeros (nothing drawn). */
export interface InitBlock {
  count: number;
  limit: number;
}

/**
 * Fills a parameter vector block by block from one `RandomState(seed)`, in layout order, so the
 * same seed gives the same model as numpy's `RandomState(seed).uniform(-limit, limit, count)`
 * calls made in that order.
 */
export function initParams(
  fn: string,
  seed: number | undefined,
  blocks: InitBlock[],
): Float64Array {
  const s = seed ?? 0;
  if (!Number.isInteger(s) || s < 0 || s > 0xffffffff) {
    throw new LosslabError(fn, 'seed', `'seed' must be an integer in [0, 2^32), got ${s}`);
  }
  const rng = new RandomState(s);
  let total = 0;
  for (const b of blocks) {
    total += b.count;
  }
  const params = new Float64Array(total);
  let at = 0;
  for (const b of blocks) {
    if (b.limit > 0) {
      params.set(rng.uniform(-b.limit, b.limit, b.count), at);
    }
    at += b.count;
  }
  return params;
}
