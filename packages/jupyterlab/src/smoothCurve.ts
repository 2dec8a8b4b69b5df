import type { CurvePoint } from '@losslab/kernel';

/**
 * Debiased exponential moving average of a loss curve, the smoothing TensorBoard draws and the
 * kernel helper uses: with weight $w$ and $n$ finite losses seen so far,
 * $m_n = w\,m_{n-1} + (1 - w)\,y_n$, $m_0 = 0$, and the smoothed value is $m_n / (1 - w^n)$,
 * so the first points are not pulled towards zero. A null (non-finite) loss stays null and
 * does not enter the average. A constant curve is returned unchanged (as TensorBoard does), so
 * rounding in the debiasing cannot draw wiggles on a flat line.
 *
 * @param points - `[step, loss]` pairs in step order.
 * @param weight - smoothing weight $w$ in [0, 1); 0 returns the losses unchanged.
 * @example
 * smoothCurve([[0, 1], [1, 0], [2, 0]], 0.5); // [[0, 1], [1, 1/3], [2, 1/7]]
 */
export function smoothCurve(points: readonly CurvePoint[], weight: number): CurvePoint[] {
  if (!(weight >= 0 && weight < 1)) {
    throw new RangeError(`smoothCurve: 'weight' must be in [0, 1), got ${weight}`);
  }
  const first = points[0]?.[1];
  const constant = points.every((p) => p[1] === first);
  const out: CurvePoint[] = new Array(points.length);
  let mean = 0;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const [step, loss] = points[i]!;
    if (loss === null || !Number.isFinite(loss)) {
      out[i] = [step, null];
      continue;
    }
    if (constant) {
      out[i] = [step, loss];
      continue;
    }
    mean = weight * mean + (1 - weight) * loss;
    count++;
    out[i] = [step, mean / (1 - Math.pow(weight, count))];
  }
  return out;
}
