import type { FloatArray } from '../types';
import { EXP_FRACTIONS, EXP_POWERS, EXP_POWERS_BIAS, expNonPositive } from './expNonPositive';

// One row of a softmax, the hot loop of softmax cross-entropy (and most of its time is exp).
//
// Fused pass: softmax is unchanged by any shift m, lse = m + log sum_j exp(x_j - m), and the max
// only matters to keep exp from overflowing. So the target's logit x_t serves as m, the exps are
// summed in the same pass that reads the row, and the loss lse - x_t is log(s) itself: no
// cancellation, and >= 0 by construction because the target's own term is exp(0) = 1. While
// every x_j - x_t stays in [-745, 64] the exps stay below e^64 (finite even in a Float32Array)
// and nothing underflows that would not with the true max (m <= max). A row that leaves that range
// (a target logit more than 64 below another: a loss above 64; a NaN or an infinity) is redone
// with the classic max pass. Saving that pass lets the row's memory traffic overlap with the exps.
//
// The exp is the table method of expNonPositive written into the loop, with its constants read
// from an array into locals before the loop: V8 rebuilds a literal double constant inside the
// loop on every iteration (2-3 instructions each), locals stay in registers. The three copies
// below differ only in their array types: V8 compiles an element access for the array types a
// function has seen, and a loop that has seen both Float64Array and Float32Array runs slower.

/** Largest x_j - x_t of the fused pass: e^64 = 6.2e27 fits a float32, and a sum of 1e10 of them. */
const FUSED_LIMIT = 64;

// [64/ln2, 1.5 * 2^52, ln2/64 high, ln2/64 low, 1/6, 1/24, 1/120, FUSED_LIMIT, -745]
const C = Float64Array.of(
  64 / Math.LN2,
  6755399441055744,
  6.9314718036912381649e-1 / 64,
  1.90821492927058770002e-10 / 64,
  1 / 6,
  1 / 24,
  1 / 120,
  FUSED_LIMIT,
  -745,
);

/**
 * Writes `mult * softmax(x[base .. base+width))` into `grad` at the same indices and returns the
 * row's log-sum-exp minus `x[target]` (the cross-entropy of class `target`, an absolute index),
 * for Float64Array logits and gradient.
 */
export function softmaxRow64(
  x: Float64Array,
  grad: Float64Array,
  base: number,
  width: number,
  mult: number,
  target: number,
): number {
  const end = base + width;
  const m = x[target] as number;
  const inv = C[0] as number;
  const rounder = C[1] as number;
  const hi = C[2] as number;
  const lo = C[3] as number;
  const c3 = C[4] as number;
  const c4 = C[5] as number;
  const c5 = C[6] as number;
  const top = C[7] as number;
  const bottom = C[8] as number;
  const fractions = EXP_FRACTIONS;
  const powers = EXP_POWERS;
  let s = 0;
  let j = base;
  for (; j < end; j++) {
    const d = (x[j] as number) - m;
    if (!(d <= top && d >= bottom)) {
      break;
    }
    const kd = d * inv + rounder - rounder;
    const r = d - kd * hi - kd * lo;
    const k = kd | 0;
    const r2 = r * r;
    const p = 1 + r + r2 * (0.5 + r * c3) + r2 * r2 * (c4 + r * c5);
    const e = (fractions[k & 63] as number) * (powers[(k >> 6) + EXP_POWERS_BIAS] as number) * p;
    grad[j] = e;
    s += e;
  }
  if (j < end) {
    return softmaxRowWithMax(x, grad, base, width, mult) - m;
  }
  const ks = mult / s;
  for (let i = base; i < end; i++) {
    grad[i] = (grad[i] as number) * ks;
  }
  return Math.log(s);
}

/** {@link softmaxRow64} for Float32Array logits and gradient (the same arithmetic, in doubles). */
export function softmaxRow32(
  x: Float32Array,
  grad: Float32Array,
  base: number,
  width: number,
  mult: number,
  target: number,
): number {
  const end = base + width;
  const m = x[target] as number;
  const inv = C[0] as number;
  const rounder = C[1] as number;
  const hi = C[2] as number;
  const lo = C[3] as number;
  const c3 = C[4] as number;
  const c4 = C[5] as number;
  const c5 = C[6] as number;
  const top = C[7] as number;
  const bottom = C[8] as number;
  const fractions = EXP_FRACTIONS;
  const powers = EXP_POWERS;
  let s = 0;
  let j = base;
  for (; j < end; j++) {
    const d = (x[j] as number) - m;
    if (!(d <= top && d >= bottom)) {
      break;
    }
    const kd = d * inv + rounder - rounder;
    const r = d - kd * hi - kd * lo;
    const k = kd | 0;
    const r2 = r * r;
    const p = 1 + r + r2 * (0.5 + r * c3) + r2 * r2 * (c4 + r * c5);
    const e = (fractions[k & 63] as number) * (powers[(k >> 6) + EXP_POWERS_BIAS] as number) * p;
    grad[j] = e;
    s += e;
  }
  if (j < end) {
    return softmaxRowWithMax(x, grad, base, width, mult) - m;
  }
  const ks = mult / s;
  for (let i = base; i < end; i++) {
    grad[i] = (grad[i] as number) * ks;
  }
  return Math.log(s);
}

/** {@link softmaxRow64} for any mix of array types. */
export function softmaxRowMixed(
  x: FloatArray,
  grad: FloatArray,
  base: number,
  width: number,
  mult: number,
  target: number,
): number {
  const end = base + width;
  const m = x[target] as number;
  const inv = C[0] as number;
  const rounder = C[1] as number;
  const hi = C[2] as number;
  const lo = C[3] as number;
  const c3 = C[4] as number;
  const c4 = C[5] as number;
  const c5 = C[6] as number;
  const top = C[7] as number;
  const bottom = C[8] as number;
  const fractions = EXP_FRACTIONS;
  const powers = EXP_POWERS;
  let s = 0;
  let j = base;
  for (; j < end; j++) {
    const d = (x[j] as number) - m;
    if (!(d <= top && d >= bottom)) {
      break;
    }
    const kd = d * inv + rounder - rounder;
    const r = d - kd * hi - kd * lo;
    const k = kd | 0;
    const r2 = r * r;
    const p = 1 + r + r2 * (0.5 + r * c3) + r2 * r2 * (c4 + r * c5);
    const e = (fractions[k & 63] as number) * (powers[(k >> 6) + EXP_POWERS_BIAS] as number) * p;
    grad[j] = e;
    s += e;
  }
  if (j < end) {
    return softmaxRowWithMax(x, grad, base, width, mult) - m;
  }
  const ks = mult / s;
  for (let i = base; i < end; i++) {
    grad[i] = (grad[i] as number) * ks;
  }
  return Math.log(s);
}

/**
 * The classic three passes (max, exp and sum, scale), for the rare row the fused pass gives up
 * on. NaN and infinities go through as before: the loss's finite check reports them.
 */
export function softmaxRowWithMax(
  x: FloatArray,
  grad: FloatArray,
  base: number,
  width: number,
  mult: number,
): number {
  const end = base + width;
  let m = -Infinity;
  for (let j = base; j < end; j++) {
    const v = x[j] as number;
    if (v > m) {
      m = v;
    }
  }
  if (m === -Infinity || m !== m) {
    // All -Infinity (no max to subtract), or a NaN: let the finite check report it.
    m = 0;
  }
  let s = 0;
  for (let j = base; j < end; j++) {
    const e = expNonPositive((x[j] as number) - m);
    grad[j] = e;
    s += e;
  }
  const ks = mult / s;
  for (let j = base; j < end; j++) {
    grad[j] = (grad[j] as number) * ks;
  }
  return m + Math.log(s);
}
