/**
 * The Euclidean norm $\lVert x\rVert_2 = \sqrt{\sum_i x_i^2}$ without overflow or underflow: the
 * plain sum of squares when it is safely inside the double range (one pass, the common case),
 * otherwise LAPACK's `dnrm2` idea of summing $(x_i / s)^2$ for $s = \max_i |x_i|$, so that
 * `l2Norm([1e200, 1e200])` is `1.414e200`, not Infinity, and `l2Norm([1e-200])` is 1e-200, not 0.
 * A NaN or Infinity element gives NaN or Infinity.
 *
 * @example
 * l2Norm(new Float64Array([3, 4])); // 5
 * l2Norm(new Float64Array([3e200, 4e200])); // 5e200
 */
export function l2Norm(x: ArrayLike<number>): number {
  const n = x.length;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    sq += v * v;
  }
  // Between these bounds no square overflowed and none that matters underflowed.
  if (sq < 1e300 && sq > 1e-290) {
    return Math.sqrt(sq);
  }
  if (sq !== sq) {
    return NaN; // a NaN element (squares are never negative, so nothing else gives NaN)
  }
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i] as number);
    if (a > scale) {
      scale = a;
    }
  }
  if (scale === 0 || scale === Infinity) {
    return scale;
  }
  // Divide rather than multiply by 1 / scale, which overflows for a subnormal scale.
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = (x[i] as number) / scale;
    s += v * v;
  }
  return scale * Math.sqrt(s);
}
