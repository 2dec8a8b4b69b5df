/**
 * Debiased exponential moving average, exactly as TensorBoard's scalar dashboard computes it
 * (tensorboard/plugins/scalar/tf_scalar_dashboard, `resmoothDataset`), so a curve smoothed here
 * and one smoothed by the JupyterLab plugin agree point for point:
 *
 * $$m_0 = 0,\qquad m_k = w\,m_{k-1} + (1 - w)\,x_k,\qquad s_k = \frac{m_k}{1 - w^{k}}$$
 *
 * where k counts the finite values seen so far. Dividing by $1 - w^k$ removes the bias towards
 * the zero start, so the first smoothed value equals the first value. Non-finite values (and
 * null, the payload's NaN) are passed through unchanged and do not advance k; a constant series
 * is returned unchanged, as TensorBoard does, to avoid rounding noise.
 *
 * @example
 * Array.from(smoothEma([1, 0], 0.5));
 * // m1 = 0.5, s1 = 0.5 / 0.5 = 1; m2 = 0.25, s2 = 0.25 / 0.75 = 1/3
 * // [1, 0.3333333333333333]
 */
export function smoothEma(values: ArrayLike<number | null>, weight: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const first = values[0];
  let constant = true;
  for (let i = 1; i < n && constant; i++) {
    constant = values[i] === first;
  }
  let last = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const x = v === null || v === undefined ? Number.NaN : v;
    if (constant || !Number.isFinite(x)) {
      out[i] = x;
      continue;
    }
    last = last * weight + (1 - weight) * x;
    count++;
    out[i] = weight === 1 ? last : last / (1 - Math.pow(weight, count));
  }
  return out;
}
