import { LosslabError } from '../errors';

/** How a loss reads a flat row-major array as rows of equal length. */
export interface RowLayout {
  rows: number;
  rowLength: number;
}

/**
 * Splits `length` values into rows of `rowLength` (the option `option`, e.g. `features` or
 * `classes`); without it the whole array is one row, as PyTorch reads a 1-D input.
 */
export function resolveRowLength(
  fn: string,
  option: string,
  rowLength: unknown,
  arg: string,
  length: number,
): RowLayout {
  if (rowLength === undefined) {
    return { rows: 1, rowLength: length };
  }
  if (typeof rowLength !== 'number' || !Number.isInteger(rowLength) || rowLength < 1) {
    throw new LosslabError(
      fn,
      option,
      `'${option}' must be a positive integer, got ${String(rowLength)}`,
    );
  }
  if (length % rowLength !== 0) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' has length ${length}, not a multiple of ${option} = ${rowLength}`,
    );
  }
  return { rows: length / rowLength, rowLength };
}

/** Throws unless `x` is a Float64Array, Float32Array or Int32Array with at least one element. */
export function checkIndexArray(fn: string, arg: string, x: unknown): void {
  if (!(x instanceof Float64Array) && !(x instanceof Float32Array) && !(x instanceof Int32Array)) {
    throw new LosslabError(fn, arg, `'${arg}' must be a Float64Array, Float32Array or Int32Array`);
  }
  if (x.length === 0) {
    throw new LosslabError(fn, arg, `'${arg}' is empty`);
  }
}

/**
 * The factor to divide a row by before summing its squares: its largest |x| when the plain sum
 * of squares overflowed (`sumSquares` is Infinity) or `force` is set, else 1. A row of zeros
 * gives 1, so dividing by it is harmless; a NaN gives NaN, which reaches the finite check.
 */
export function rowScale(
  x: ArrayLike<number>,
  base: number,
  n: number,
  sumSquares: number,
  force: boolean,
): number {
  if (sumSquares !== Infinity && !force) {
    return 1;
  }
  let m = 0;
  for (let j = 0; j < n; j++) {
    const v = Math.abs(x[base + j] as number);
    m = v > m || v !== v ? v : m;
  }
  return m === 0 ? 1 : m;
}

/**
 * The sums a cosine of two rows needs, into `out`: `[aa, bb, ab, sa, sb]`, the sums of squares
 * and the dot product of `a[base..base+n)` and `b[base..base+n)` after each row is divided by its
 * scale (`sa`, `sb`: 1 unless a sum overflowed, see `rowScale`). One pass in the common case; a
 * second one over the rescaled rows only when a sum overflowed.
 */
export function rowDots(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  base: number,
  n: number,
  out: Float64Array,
): void {
  let aa = 0;
  let bb = 0;
  let ab = 0;
  for (let j = 0; j < n; j++) {
    const x = a[base + j] as number;
    const y = b[base + j] as number;
    aa += x * x;
    bb += y * y;
    ab += x * y;
  }
  let sa = 1;
  let sb = 1;
  if (aa === Infinity || bb === Infinity || !Number.isFinite(ab)) {
    const both = aa !== Infinity && bb !== Infinity;
    sa = rowScale(a, base, n, aa, both);
    sb = rowScale(b, base, n, bb, both);
    aa = 0;
    bb = 0;
    ab = 0;
    for (let j = 0; j < n; j++) {
      const x = (a[base + j] as number) / sa;
      const y = (b[base + j] as number) / sb;
      aa += x * x;
      bb += y * y;
      ab += x * y;
    }
  }
  out[0] = aa;
  out[1] = bb;
  out[2] = ab;
  out[3] = sa;
  out[4] = sb;
}
