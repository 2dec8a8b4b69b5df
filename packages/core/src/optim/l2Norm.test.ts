import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { l2Norm } from './l2Norm';

describe('l2Norm', () => {
  it('runs its JSDoc example', () => {
    expect(l2Norm(new Float64Array([3, 4]))).toBe(5);
    expect(l2Norm(new Float64Array([3e200, 4e200]))).toBeCloseTo(5e200, -186);
  });

  it('neither overflows nor underflows where the norm is a double', () => {
    expect(l2Norm(new Float64Array([1e200, 1e200])) / 1e200).toBeCloseTo(Math.SQRT2, 15);
    expect(l2Norm(new Float64Array([1e-200, 1e-200])) / 1e-200).toBeCloseTo(Math.SQRT2, 15);
    expect(l2Norm(new Float64Array([5e-324]))).toBe(5e-324);
    expect(l2Norm(new Float64Array([1.7e308, 1e308]))).toBe(Infinity); // the norm itself overflows
    expect(l2Norm(new Float64Array([0, 0]))).toBe(0);
    expect(l2Norm(new Float64Array([1, NaN]))).toBeNaN();
    expect(l2Norm(new Float64Array([1, -Infinity]))).toBe(Infinity);
  });

  it('equals Math.hypot to 1e-15 relative at every magnitude (property)', () => {
    const element = fc.oneof(
      fc.double({ min: -1e300, max: 1e300, noNaN: true }),
      fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 20 }), (xs) => {
        const expected = Math.hypot(...xs);
        const got = l2Norm(Float64Array.from(xs));
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-15 * expected * 4);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});
