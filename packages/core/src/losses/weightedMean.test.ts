import { describe, expect, it } from 'vitest';
import { maeLoss } from './maeLoss';
import { mseLoss } from './mseLoss';

const pred = new Float64Array([1, 2, -1]);
const target = new Float64Array([0, 0, 0.5]);

describe('weighted mean (mseLoss and maeLoss, PyTorch 2.6+ weight)', () => {
  it('divides by the sum of the weights: (3*1 + 10*4 + 0*2.25) / 13', () => {
    const weight = new Float64Array([3, 10, 0]);
    const { value, grad } = mseLoss(pred, target, { weight });
    expect(value).toBeCloseTo(43 / 13, 15);
    // `+ 0` turns the -0 of a zero weight times a negative difference into 0.
    expect(Array.from(grad, (g) => g * 13 + 0)).toEqual([6, 40, 0]);
    expect(maeLoss(pred, target, { weight }).value).toBeCloseTo((3 + 20) / 13, 15);
  });

  it('is the same for weights near the overflow and underflow thresholds', () => {
    for (const fn of [mseLoss, maeLoss]) {
      const plain = fn(pred, target, { weight: new Float64Array([3, 10, 1]) });
      for (const c of [1e307, 1.7e308 / 10, 1e-300, 4e-322]) {
        const weight = new Float64Array([3 * c, 10 * c, c]);
        const scaled = fn(pred, target, { weight });
        // c * w is rounded (and subnormal for the smallest c), so compare to a few ulps.
        expect(scaled.value / plain.value, `c = ${c}`).toBeCloseTo(1, c < 1e-320 ? 2 : 13);
        scaled.grad.forEach((g, i) => {
          expect(g / (plain.grad[i] as number), `c = ${c}, grad[${i}]`).toBeCloseTo(
            1,
            c < 1e-320 ? 2 : 13,
          );
        });
      }
    }
  });

  it('gives 0 with a zero gradient when every weight is 0 (PyTorch: NaN)', () => {
    for (const fn of [mseLoss, maeLoss]) {
      const r = fn(pred, target, { weight: new Float64Array(3) });
      expect(r.value).toBe(0);
      expect(Array.from(r.grad, (g) => g + 0)).toEqual([0, 0, 0]);
    }
  });

  it('throws when nonzero weights sum to 0', () => {
    expect(() => mseLoss(pred, target, { weight: new Float64Array([1, -1, 0]) })).toThrow(
      "mseLoss: 'weight' sums to 0 with nonzero weights: the weighted mean is undefined",
    );
  });

  it("leaves 'sum' and 'none' alone", () => {
    const weight = new Float64Array([3, 10, 0]);
    expect(mseLoss(pred, target, { weight, reduction: 'sum' }).value).toBe(43);
    expect(Array.from(mseLoss(pred, target, { weight, reduction: 'none' }).values ?? [])).toEqual([
      3, 40, 0,
    ]);
  });
});
