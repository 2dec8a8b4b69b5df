import { describe, expect, it } from 'vitest';
import type { FloatArray } from '../types';
import { softmaxRow32, softmaxRow64, softmaxRowMixed, softmaxRowWithMax } from './softmaxRow';

type Row = (x: FloatArray, grad: FloatArray, base: number, width: number, mult: number) => number;

/** The textbook form with Math.exp and Math.log: max, exps, sum. */
function reference(row: number[], mult: number): { lse: number; p: number[] } {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return { lse: m + Math.log(s), p: e.map((v) => (mult * v) / s) };
}

// Rows where the first logit is the max, is far below it (more than 64: the fused pass gives
// up), far above the smallest (more than 745 below the first: ditto), and ordinary ones.
const ROWS: number[][] = [
  [0.3, -1.2, 2.5, 0.7, -0.1],
  [5, 4, 3, 2, 1, 0, -1],
  [-1, 63.5, 0, 2],
  [-1, 70, 0, 2],
  [0, -800, -3, 1],
  [1000, -1000, 0],
  [-1000, 1000, 0],
  [7],
  Array.from({ length: 1000 }, (_, i) => Math.sin(i * 0.37) * 8 + (i % 7)),
];

describe('softmaxRow', () => {
  const copies: [string, Row, (x: number[]) => FloatArray, (n: number) => FloatArray][] = [
    ['64', softmaxRow64 as Row, (x) => Float64Array.from(x), (n) => new Float64Array(n)],
    ['mixed', softmaxRowMixed, (x) => Float64Array.from(x), (n) => new Float32Array(n)],
    ['with max', softmaxRowWithMax, (x) => Float64Array.from(x), (n) => new Float64Array(n)],
  ];

  it('matches Math.exp/Math.log to 1e-14 in every copy, at an offset inside a batch', () => {
    for (const [name, row, make, out] of copies) {
      for (const r of ROWS) {
        // Padding either side: the row is read and written only in [base, base + width).
        const x = make([9, 9, ...r, 9]);
        const grad = out(x.length).fill(-5);
        const lse = row(x, grad, 2, r.length, 0.5);
        const ref = reference(r, 0.5);
        expect(
          Math.abs(lse - ref.lse),
          `${name} lse of [${r.slice(0, 4).join(', ')}]`,
        ).toBeLessThan(1e-14 * Math.max(1, Math.abs(ref.lse)));
        // A Float32Array gradient holds each exp rounded to float32, then scaled and rounded again.
        const tol = grad instanceof Float32Array ? 1.2e-7 : 1e-14;
        ref.p.forEach((p, j) => {
          expect(Math.abs((grad[j + 2] as number) - p), `${name} p[${j}]`).toBeLessThanOrEqual(
            tol * p + 1e-300,
          );
        });
        expect([grad[0], grad[1], grad[grad.length - 1]]).toEqual([-5, -5, -5]);
      }
    }
  });

  it('gives the float32 copy the float64 result rounded once per stored exp', () => {
    for (const r of ROWS) {
      const x32 = Float32Array.from(r);
      const x64 = Float64Array.from(x32);
      const g32 = new Float32Array(r.length);
      const g64 = new Float64Array(r.length);
      expect(softmaxRow32(x32, g32, 0, r.length, 1)).toBe(softmaxRow64(x64, g64, 0, r.length, 1));
      g64.forEach((p, j) => {
        // grad holds exp rounded to float32, then scaled and rounded again: two roundings.
        expect(Math.abs((g32[j] as number) - p)).toBeLessThanOrEqual(1.2e-7 * p + 1e-45);
      });
    }
  });

  it('lets NaN and infinities through to the loss finite check, as the max form does', () => {
    for (const r of [
      [1, NaN, 2],
      [NaN, 1, 2],
      [-Infinity, 1, 2],
      [1, Infinity, 2],
    ]) {
      const a = new Float64Array(3);
      const b = new Float64Array(3);
      const lse = softmaxRow64(Float64Array.from(r), a, 0, 3, 1);
      const ref = softmaxRowWithMax(Float64Array.from(r), b, 0, 3, 1);
      expect(lse).toBe(ref);
      expect(Array.from(a)).toEqual(Array.from(b));
    }
    // A row of -Infinity except one finite logit is a proper softmax with zeros.
    const g = new Float64Array(3);
    expect(softmaxRow64(new Float64Array([-Infinity, 2, -Infinity]), g, 0, 3, 1)).toBe(2);
    expect(Array.from(g)).toEqual([0, 1, 0]);
  });
});
