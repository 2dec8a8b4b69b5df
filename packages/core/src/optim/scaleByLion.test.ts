import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByLion } from './scaleByLion';

describe('scaleByLion', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByLion();
    const params = new Float64Array([0, 0, 0]);
    const [u] = opt.update(new Float64Array([0.3, -7, 0]), opt.init(params), params);
    expect(Array.from(u)).toEqual([1, -1, 0]);
  });

  it('takes the sign of the interpolation, then updates the momentum with b2', () => {
    const opt = scaleByLion({ b1: 0.9, b2: 0.5 });
    const params = new Float64Array([0]);
    const [, s1] = opt.update(new Float64Array([10]), opt.init(params), params);
    expect(s1.mu[0]).toBe(5);
    // 0.9 * 5 + 0.1 * -40 = 0.5 > 0: the momentum wins over a larger opposite gradient
    const [u2, s2] = opt.update(new Float64Array([-40]), s1, params);
    expect(u2[0]).toBe(1);
    expect(s2.mu[0]).toBe(-17.5);
  });

  it('keeps a NaN gradient visible', () => {
    const opt = scaleByLion();
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([NaN]), opt.init(params), params);
    expect(u[0]).toBeNaN();
  });

  it('is allocation-free', () => {
    expectInPlace(scaleByLion());
  });
});
