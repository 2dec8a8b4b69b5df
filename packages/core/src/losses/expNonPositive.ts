// exp(x) for x <= 0, inlined by the JIT where Math.exp is a call: softmax spends most of its time
// in exp, and x - max(x) is never positive. Table method: x = (64m + j) ln2/64 + r with
// |r| <= ln2/128, exp(x) = 2^m * 2^(j/64) * p(r), p the degree-5 Taylor polynomial (error below
// 4e-17) evaluated in Estrin's form so its multiplications overlap. Agrees with Math.exp to a
// few ulp down to the subnormal range, where it flushes to 0.

const STEPS = 64;
const INV_STEP = STEPS / Math.LN2;
// ln2/64 split in two (fdlibm's ln2_hi/ln2_lo over 64) so that k * STEP_HI is exact.
const STEP_HI = 6.9314718036912381649e-1 / STEPS;
const STEP_LO = 1.90821492927058770002e-10 / STEPS;
// Adding and subtracting 1.5 * 2^52 rounds a double to the nearest integer without a call.
const ROUNDER = 6755399441055744;
/** 2^(j/64) for j in [0, 64). */
export const EXP_FRACTIONS: Float64Array = Float64Array.from({ length: STEPS }, (_, j) =>
  Math.pow(2, j / STEPS),
);
/** Offset of 2^0 in {@link EXP_POWERS}. */
export const EXP_POWERS_BIAS = 1080;
/**
 * 2^m for m in [-1080, 100], indexed by m + 1080 (never -0, which would slow the lookup); the
 * fused softmax row (softmaxRow.ts) reaches up to e^64 = 2^92.3.
 */
export const EXP_POWERS: Float64Array = Float64Array.from({ length: 1181 }, (_, e) =>
  Math.pow(2, e - EXP_POWERS_BIAS),
);
const FRACTIONS = EXP_FRACTIONS;
const POWERS = EXP_POWERS;

/** exp(x) for x <= 0 (and up to ln2/128 above 0); 0 below -745, NaN for NaN. */
export function expNonPositive(x: number): number {
  if (!(x >= -745)) {
    return x !== x ? x : 0;
  }
  const kd = x * INV_STEP + ROUNDER - ROUNDER;
  const r = x - kd * STEP_HI - kd * STEP_LO;
  const k = kd | 0;
  const r2 = r * r;
  const p = 1 + r + r2 * (0.5 + r * (1 / 6)) + r2 * r2 * (1 / 24 + r * (1 / 120));
  return (FRACTIONS[k & (STEPS - 1)] as number) * (POWERS[(k >> 6) + 1080] as number) * p;
}
