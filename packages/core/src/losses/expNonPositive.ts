// exp(x) for x <= 0, inlined by the JIT where Math.exp is a call: softmax spends most of its time
// in exp, and x - max(x) is never positive. Classic table method: x = (32m + j) ln2/32 + r with
// |r| <= ln2/64, exp(x) = 2^m * 2^(j/32) * p(r), p the degree-7 Taylor polynomial (error < 4e-18).
// Agrees with Math.exp to about 2 ulp down to the subnormal range, where it flushes to 0.

const INV_STEP = 32 / Math.LN2;
// ln2/32 split in two (fdlibm's ln2_hi/ln2_lo over 32) so that k * STEP_HI is exact.
const STEP_HI = 6.9314718036912381649e-1 / 32;
const STEP_LO = 1.90821492927058770002e-10 / 32;
// Adding and subtracting 1.5 * 2^52 rounds a double to the nearest integer without a call.
const ROUNDER = 6755399441055744;
const FRACTIONS = Float64Array.from({ length: 32 }, (_, j) => Math.pow(2, j / 32));
const POWERS = Float64Array.from({ length: 1080 }, (_, e) => Math.pow(2, -e));

/** exp(x) for x <= 0 (and up to ln2/64 above 0); 0 below -745, NaN for NaN. */
export function expNonPositive(x: number): number {
  if (!(x >= -745)) {
    return x !== x ? x : 0;
  }
  const kd = x * INV_STEP + ROUNDER - ROUNDER;
  const r = x - kd * STEP_HI - kd * STEP_LO;
  const k = kd | 0;
  const p =
    1 +
    r *
      (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040)))))));
  return (FRACTIONS[k & 31] as number) * (POWERS[-(k >> 5)] as number) * p;
}
