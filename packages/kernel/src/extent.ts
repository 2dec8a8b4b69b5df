/**
 * The smallest and largest of `values` (which must not be empty), in one loop: `Math.min(...v)`
 * passes every value as an argument and overflows the call stack past about 10^5 of them (a
 * payload of a million points did).
 *
 * @example
 * extent([3, 1, 2]);
 * // [1, 3]
 */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < lo) {
      lo = v;
    }
    if (v > hi) {
      hi = v;
    }
  }
  return [lo, hi];
}
