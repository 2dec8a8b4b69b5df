import { LosslabError } from '../errors';
import { exponentToUnit, pow2Halves } from '../scalePow2';
import type { FloatArray } from '../types';

/** How a B x C loss reads its target. */
export interface ClassLayout {
  rows: number;
  classes: number;
  /** True when the target is a B x C array of probabilities rather than B class indices. */
  probabilities: boolean;
}

/**
 * Works out B and C for a flat row-major B x C `pred` (logits or log-probabilities) from
 * `options.classes` or, when absent, from `pred.length / target.length` (class-index targets).
 */
export function resolveClasses(
  fn: string,
  predArg: string,
  pred: FloatArray,
  target: ArrayLike<number>,
  classes: number | undefined,
  allowProbabilities: boolean,
): ClassLayout {
  if (classes !== undefined) {
    if (typeof classes !== 'number' || !Number.isInteger(classes) || classes < 1) {
      throw new LosslabError(
        fn,
        'classes',
        `'classes' must be a positive integer, got ${String(classes)}`,
      );
    }
    if (pred.length % classes !== 0) {
      throw new LosslabError(
        fn,
        predArg,
        `'${predArg}' has length ${pred.length}, not a multiple of classes = ${classes}`,
      );
    }
    const rows = pred.length / classes;
    if (target.length === rows) {
      return { rows, classes, probabilities: false };
    }
    if (allowProbabilities && target.length === pred.length) {
      return { rows, classes, probabilities: true };
    }
    const expected = allowProbabilities
      ? `${rows} class indices or ${pred.length} probabilities`
      : `${rows} class indices`;
    throw new LosslabError(
      fn,
      'target',
      `'target' has length ${target.length} but ${expected} are needed`,
    );
  }
  if (target.length === pred.length) {
    throw new LosslabError(
      fn,
      'target',
      `'target' has as many values as '${predArg}': pass options.classes to give the class count`,
    );
  }
  if (pred.length % target.length !== 0) {
    throw new LosslabError(
      fn,
      'target',
      `'${predArg}' has length ${pred.length}, not a multiple of the ${target.length} targets`,
    );
  }
  return { rows: target.length, classes: pred.length / target.length, probabilities: false };
}

/**
 * Checks that every class index is an integer in [0, C) or equals `ignoreIndex`, and returns
 * the denominator of a mean: the number of kept targets, or the sum of their class weights.
 */
export function checkLabels(
  fn: string,
  target: ArrayLike<number>,
  classes: number,
  ignoreIndex: number | undefined,
  classWeight: FloatArray | undefined,
): number {
  let denom = 0;
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (t === ignoreIndex) {
      continue;
    }
    if (!Number.isInteger(t) || t < 0 || t >= classes) {
      throw new LosslabError(
        fn,
        'target',
        `'target' has ${t} at index ${i}; class indices must be integers in [0, ${classes})`,
      );
    }
    denom += classWeight === undefined ? 1 : (classWeight[t] as number);
  }
  return denom;
}

/**
 * The class weights and the mean's denominator to use: `classWeight` itself while the sum of the
 * kept targets' weights (`denom`) lies in [2^-32, 2^32]; otherwise every weight multiplied by the
 * power of two that brings the largest kept one into [1, 2), and the denominator summed again. A
 * weighted mean is a ratio, so this changes nothing (powers of two scale exactly) except where
 * the plain weights would overflow or underflow: a sum of weights near 1e308 read as
 * 1/Infinity = 0, a row loss v_t (lse - x_t) beyond 1e308 though the mean is small, subnormal
 * weights whose reciprocal sum is infinite.
 */
export function normalizeClassWeight(
  target: ArrayLike<number>,
  ignoreIndex: number | undefined,
  classWeight: FloatArray,
  denom: number,
): { classWeight: FloatArray; denom: number } {
  if (denom === 0 || (denom >= 2 ** -32 && denom <= 2 ** 32)) {
    return { classWeight, denom };
  }
  let top = 0;
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (t !== ignoreIndex) {
      top = Math.max(top, classWeight[t] as number);
    }
  }
  const [f1, f2] = pow2Halves(exponentToUnit(top));
  const scaled = new Float64Array(classWeight.length);
  for (let c = 0; c < scaled.length; c++) {
    scaled[c] = (classWeight[c] as number) * f1 * f2;
  }
  let sum = 0;
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (t !== ignoreIndex) {
      sum += scaled[t] as number;
    }
  }
  return { classWeight: scaled, denom: sum };
}
