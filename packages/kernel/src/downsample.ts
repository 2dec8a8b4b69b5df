import { checkOptions } from '@losslab/core';
import type { CurvePoint } from './payload';

/**
 * Indices to keep so that a curve of `values` draws the same at any zoom a chart can show:
 * the values are split into `buckets` equal runs of steps and each bucket keeps its minimum,
 * its maximum and its first non-finite value (a gap); the first and last values and the global
 * minimum are always kept. At most `3 * buckets + 2` indices (a bucket with a gap keeps three),
 * and only `2 * buckets + 2` when every value is finite; all of them when there are no more
 * values than `3 * buckets + 2`. Sorted ascending, no duplicates.
 */
export function downsampleIndices(values: ArrayLike<number>, buckets: number): number[] {
  const n = values.length;
  if (n <= 3 * buckets + 2) {
    return Array.from({ length: n }, (_, i) => i);
  }
  const keep: number[] = [0, n - 1];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = -1;
    let hi = -1;
    let gap = -1;
    let loV = Infinity;
    let hiV = -Infinity;
    // The hot loop of every live redraw: no calls, one subtraction tells finite from not.
    for (let i = start; i < end; i++) {
      const v = values[i] as number;
      if (v - v !== 0) {
        if (gap < 0) {
          gap = i;
        }
      } else {
        if (v < loV) {
          loV = v;
          lo = i;
        }
        if (v > hiV) {
          hiV = v;
          hi = i;
        }
      }
    }
    for (const i of [lo, hi, gap]) {
      if (i >= 0) {
        keep.push(i);
      }
    }
  }
  // Every bucket's minimum is kept, so the global minimum already is; sorting dedupes the rest.
  keep.sort((a, b) => a - b);
  const out: number[] = [];
  for (const i of keep) {
    if (out.length === 0 || out[out.length - 1] !== i) {
      out.push(i);
    }
  }
  return out;
}

/**
 * Bounded [step, loss] points of a curve (see `downsampleIndices`); non-finite values become
 * null. Steps are `steps[i]` when given, otherwise the 1-based `i + 1`.
 *
 * @example
 * downsample([3, Number.NaN, 1], { buckets: 100 });
 * // [[1, 3], [2, null], [3, 1]]
 */
export function downsample(
  values: ArrayLike<number>,
  options?: { buckets?: number; steps?: ArrayLike<number> },
): CurvePoint[] {
  checkOptions('downsample', options, ['buckets', 'steps']);
  const buckets = options?.buckets ?? 400;
  const steps = options?.steps;
  return downsampleIndices(values, buckets).map((i) => {
    const v = values[i] as number;
    return [steps === undefined ? i + 1 : (steps[i] as number), Number.isFinite(v) ? v : null];
  });
}
