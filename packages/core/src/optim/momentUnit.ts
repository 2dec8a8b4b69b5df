/**
 * Second moments (running sums or averages of squared gradients) are stored in units of
 * `unit^2`, where `unit` is a power of two that stays 1 until a squared gradient would overflow
 * (|g| >= 1.34e154). Then the unit grows and every stored moment is divided by the square of the
 * growth, exactly (powers of two), so the moments stay finite and each coordinate keeps its own
 * scale; the denominators are computed as `sqrt(v) * unit`. Moments smaller than about
 * 1e-308 * growth^2 underflow to 0 at that moment; they are far below any `eps` by then.
 *
 * Returns the new unit after rescaling `arrays` in place (null entries are skipped).
 */
export function widenUnit(
  g: number,
  unit: number,
  arrays: readonly (Float64Array | null)[],
): number {
  // Make |g| / unit about 2^400, so its square (2^800) and sums of many such squares stay finite;
  // grow by at least 2^100 so that a sum that overflowed without a large g also comes back.
  const wanted = Math.pow(2, Math.ceil(Math.log2(Math.abs(g))) - 400);
  const next = Math.max(wanted, unit * 2 ** 100);
  const shrink = (unit / next) * (unit / next);
  for (const a of arrays) {
    if (a !== null) {
      for (let i = 0; i < a.length; i++) {
        a[i] = (a[i] as number) * shrink;
      }
    }
  }
  return next;
}
