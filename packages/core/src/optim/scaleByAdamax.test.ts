import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByAdamax } from './scaleByAdamax';

describe('scaleByAdamax', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByAdamax();
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(0.2 / (0.1 * (2 + 1e-8)), 15);
    expect(u[0]).toBeCloseTo(1, 7);
  });

  it('keeps the decayed maximum of |g|', () => {
    const opt = scaleByAdamax({ b2: 0.5, eps: 1e-3 });
    const params = new Float64Array([0]);
    const [, s1] = opt.update(new Float64Array([-8]), opt.init(params), params);
    const [, s2] = opt.update(new Float64Array([1]), s1, params);
    expect(s2.infNorm[0]).toBe(0.5 * (8 + 1e-3));
  });

  it('is allocation-free', () => {
    expectInPlace(scaleByAdamax());
  });
});
