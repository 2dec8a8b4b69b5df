import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { rprop } from './rprop';
import { scaleByRprop } from './scaleByRprop';

describe('rprop', () => {
  it('runs its JSDoc examples', () => {
    const opt = rprop(0.1);
    const params = new Float64Array([1, 1]);
    const [u, state] = opt.update(new Float64Array([5, -1e-3]), opt.init(params), params);
    expect(Array.from(u)).toEqual([-0.1, 0.1]);
    expect(opt.learningRate?.(state)).toBeUndefined();
    const s = scaleByRprop({ initStepSize: 0.1 });
    const [, s1] = s.update(new Float64Array([3]), s.init(params.subarray(0, 1)), params);
    const [u2] = s.update(new Float64Array([5]), s1, params);
    expect(u2[0]).toBeCloseTo(0.12, 15);
  });

  it('shrinks the step and skips the move after a sign change', () => {
    const s = scaleByRprop({ initStepSize: 1 });
    const params = new Float64Array([0]);
    const [, s1] = s.update(new Float64Array([1]), s.init(params), params);
    const [u2, s2] = s.update(new Float64Array([-1]), s1, params);
    expect(u2[0]).toBe(0);
    expect(s2.stepSize[0]).toBe(0.5);
    const [u3] = s.update(new Float64Array([-1]), s2, params);
    expect(u3[0]).toBe(-0.5); // no sign to compare after the skipped step: factor 1
  });

  it('updates its state in place', () => {
    expectInPlace(scaleByRprop());
  });
});
