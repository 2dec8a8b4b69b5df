import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../types';
import { softmaxRow32, softmaxRow64, softmaxRowMixed, softmaxRowWithMax } from './softmaxRow';

type Row = (
  x: FloatArray,
  grad: FloatArray,
  base: number,
  width: number,
  mult: number,
  target: number,
) => number;

/** The textbook form with Math.exp and Math.log: max, exps, sum; lse - x_t and mult * p. */
function reference(row: number[], mult: number, t: number): { loss: number; p: number[] } {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return { loss: m + Math.log(s) - (row[t] as number), p: e.map((v) => (mult * v) / s) };
}

// Targets at the max, far below it (more than 64: the fused pass gives up), above a logit more
// than 745 below (ditto), and ordinary rows; [row, target index].
const ROWS: [number[], number][] = [
  [[0.3, -1.2, 2.5, 0.7, -0.1], 0],
  [[0.3, -1.2, 2.5, 0.7, -0.1], 2],
  [[5, 4, 3, 2, 1, 0, -1], 6],
  [[-1, 63.5, 0, 2], 0],
  [[-1, 70, 0, 2], 0],
  [[0, -800, -3, 1], 3],
  [[1000, -1000, 0], 0],
  [[-1000, 1000, 0], 2],
  [[7], 0],
  [Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.37) * 8 + (i % 7)), 123],
];

describe('softmaxRow', () => {
  const copies: [string, Row, (x: number[]) => FloatArray, (n: number) => FloatArray][] = [
    ['64', softmaxRow64 as Row, (x) => Float64Array.from(x), (n) => new Float64Array(n)],
    ['mixed', softmaxRowMixed, (x) => Float64Array.from(x), (n) => new Float32Array(n)],
  ];

  it('matches Math.exp/Math.log to 1e-14 in every copy, at an offset inside a batch', () => {
    for (const [name, row, make, out] of copies) {
      for (const [r, t] of ROWS) {
        // Padding either side: the row is read and written only in [base, base + width).
        const x = make([9, 9, ...r, 9]);
        const grad = out(x.length).fill(-5);
        const loss = row(x, grad, 2, r.length, 0.5, 2 + t);
        const ref = reference(r, 0.5, t);
        const what = `${name} row [${r.slice(0, 4).join(', ')}] target ${t}`;
        expect(Math.abs(loss - ref.loss), what).toBeLessThanOrEqual(
          1e-14 * Math.max(1, Math.abs(ref.loss)),
        );
        expect(loss, what).toBeGreaterThanOrEqual(0);
        // A Float32Array gradient holds each exp rounded to float32, then scaled and rounded again.
        const tol = grad instanceof Float32Array ? 1.2e-7 : 1e-14;
        ref.p.forEach((p, j) => {
          expect(Math.abs((grad[j + 2] as number) - p), `${what} p[${j}]`).toBeLessThanOrEqual(
            tol * p + 1e-300,
          );
        });
        expect([grad[0], grad[1], grad[grad.length - 1]]).toEqual([-5, -5, -5]);
      }
    }
  });

  it('is exactly log(s) >= 0 at the target: 0 when the other classes underflow', () => {
    const g = new Float64Array(3);
    // log(1 + e^-30) to the rounding of s = 1 + e^-30 (the max form's (30 + log s) - 30 loses
    // two more digits here).
    const loss = softmaxRow64(new Float64Array([0, 30, -700]), g, 0, 3, 1, 1);
    expect(Math.abs(loss - Math.log1p(Math.exp(-30)))).toBeLessThanOrEqual(Number.EPSILON / 2);
    expect(softmaxRow64(new Float64Array([-800, 0, -800]), g, 0, 3, 1, 1)).toBe(0);
    expect(Array.from(g)).toEqual([0, 1, 0]);
  });

  it('gives the float32 copy the float64 result up to the float32 rounding of the gradient', () => {
    for (const [r, t] of ROWS) {
      const x32 = Float32Array.from(r);
      const x64 = Float64Array.from(x32);
      const g32 = new Float32Array(r.length);
      const g64 = new Float64Array(r.length);
      expect(softmaxRow32(x32, g32, 0, r.length, 1, t)).toBe(
        softmaxRow64(x64, g64, 0, r.length, 1, t),
      );
      g64.forEach((p, j) => {
        expect(Math.abs((g32[j] as number) - p)).toBeLessThanOrEqual(1.2e-7 * p + 1e-45);
      });
    }
  });

  it('hands NaN and infinities to the max form, which lets the loss finite check report them', () => {
    for (const r of [
      [1, NaN, 2],
      [NaN, 1, 2],
      [-Infinity, 1, 2],
      [1, Infinity, 2],
    ]) {
      const a = new Float64Array(3);
      const b = new Float64Array(3);
      const loss = softmaxRow64(Float64Array.from(r), a, 0, 3, 1, 0);
      const lse = softmaxRowWithMax(Float64Array.from(r), b, 0, 3, 1);
      expect(loss).toBe(lse - (r[0] as number));
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });
});
