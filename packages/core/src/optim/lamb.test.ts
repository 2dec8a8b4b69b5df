import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { lamb } from './lamb';
import { scaleByTrustRatio } from './scaleByTrustRatio';

describe('lamb', () => {
  it('runs its JSDoc examples', () => {
    const opt = lamb(0.1);
    const params = new Float64Array([3, 4]);
    const [u] = opt.update(new Float64Array([1, 0]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.5, 5);
    expect(u[1]).toBe(-0);
    const t = scaleByTrustRatio();
    const [v] = t.update(new Float64Array([0.1, 0]), t.init(params), params);
    expect(v[0]).toBeCloseTo(5, 14);
  });

  it('keeps the ratio 1 at zero parameters and finite for huge ones', () => {
    const t = scaleByTrustRatio();
    const zero = new Float64Array(2);
    const [v] = t.update(new Float64Array([2, 0]), t.init(zero), zero);
    expect(v[0]).toBe(2);
    const huge = new Float64Array([1e300, 1e300]);
    const [w] = t.update(new Float64Array([1e-300, 0]), t.init(huge), huge);
    expect(w[0]).toBeCloseTo(Math.SQRT2 * 1e300, -285);
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(scaleByTrustRatio());
  });
});
