import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { chain } from './chain';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByAdam } from './scaleByAdam';
import { scaleByLearningRate } from './scaleByLearningRate';

describe('scaleByAdam', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByAdam();
    const params = new Float64Array([0, 0]);
    const [u] = opt.update(new Float64Array([3, -0.5]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(1, 7);
    expect(u[1]).toBeCloseTo(-1, 7);
  });

  it('follows the bias-corrected moments by hand for two steps', () => {
    const opt = scaleByAdam({ b1: 0.5, b2: 0.75, eps: 0.1 });
    const params = new Float64Array([0]);
    const [u1, s1] = opt.update(new Float64Array([2]), opt.init(params), params);
    // m = 1, v = 1; mhat = 1 / 0.5 = 2, vhat = 1 / 0.25 = 4; u = 2 / (2 + 0.1)
    expect(u1[0]).toBeCloseTo(2 / 2.1, 15);
    const [u2] = opt.update(new Float64Array([-1]), s1, params);
    // m = 0.5 - 0.5 = 0, so the second step is 0 whatever v is
    expect(u2[0]).toBe(0);
  });

  it('with amsgrad keeps the largest second moment', () => {
    const opt = scaleByAdam({ amsgrad: true, b2: 0.5 });
    const params = new Float64Array([0]);
    const [, s1] = opt.update(new Float64Array([4]), opt.init(params), params);
    const [, s2] = opt.update(new Float64Array([0]), s1, params);
    expect(s2.nu[0]).toBe(4); // 0.5 * 8 + 0
    expect(s2.nuMax?.[0]).toBe(8);
  });

  it('chained with scaleByLearningRate is adam', () => {
    const a = chain(scaleByAdam(), scaleByLearningRate(0.1));
    const b = adam(0.1);
    const params = new Float64Array([1, 2, 3]);
    const [ua] = a.update(new Float64Array([0.1, -2, 3]), a.init(params), params);
    const [ub] = b.update(new Float64Array([0.1, -2, 3]), b.init(params), params);
    expect(Array.from(ua)).toEqual(Array.from(ub));
  });

  it('is allocation-free: updates in the gradient buffer, moments in place', () => {
    expectInPlace(scaleByAdam());
    expectInPlace(scaleByAdam({ amsgrad: true }));
  });
});
