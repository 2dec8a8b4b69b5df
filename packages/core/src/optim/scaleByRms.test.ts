import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByRms } from './scaleByRms';

describe('scaleByRms', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByRms({ alpha: 0.75 });
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u[0]).toBe(2 / (1 + 1e-8));
  });

  it('centered, divides by the variance estimate', () => {
    const opt = scaleByRms({ alpha: 0.5, centered: true, eps: 0.5 });
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    // v = 2, gbar = 1, v - gbar^2 = 1: u = 2 / (1 + 0.5)
    expect(u[0]).toBeCloseTo(2 / 1.5, 15);
  });

  it('is allocation-free', () => {
    expectInPlace(scaleByRms({ centered: true, momentum: 0.9 }));
  });
});
