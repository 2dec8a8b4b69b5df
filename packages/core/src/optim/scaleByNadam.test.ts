import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByNadam } from './scaleByNadam';

describe('scaleByNadam', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByNadam();
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([-4]), opt.init(params), params);
    expect(u[0]).toBeLessThan(-1);
    expect(u[0]).toBeGreaterThan(-1.1);
  });

  it('computes the first step from the momentum schedule by hand', () => {
    const opt = scaleByNadam({ b1: 0.9, b2: 0.999, momentumDecay: 0.004 });
    const params = new Float64Array([0]);
    const [u, s] = opt.update(new Float64Array([1]), opt.init(params), params);
    const mu1 = 0.9 * (1 - 0.5 * 0.96 ** 0.004);
    const mu2 = 0.9 * (1 - 0.5 * 0.96 ** 0.008);
    // m = 0.1, v = 0.001, vhat = 1
    const mhat = (mu2 * 0.1) / (1 - mu1 * mu2) + (1 - mu1) / (1 - mu1);
    expect(u[0]).toBeCloseTo(mhat / (1 + 1e-8), 14);
    expect(s.muProduct).toBe(mu1);
  });

  it('is allocation-free', () => {
    expectInPlace(scaleByNadam());
  });
});
