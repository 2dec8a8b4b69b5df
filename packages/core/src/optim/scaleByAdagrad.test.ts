import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByAdagrad } from './scaleByAdagrad';

describe('scaleByAdagrad', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByAdagrad({ initialAccumulatorValue: 5 });
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u[0]).toBe(2 / (3 + 1e-10));
  });

  it('folds the lr decay into the update and reports it as a factor', () => {
    const opt = scaleByAdagrad({ lrDecay: 0.5, eps: 1 });
    const params = new Float64Array([0]);
    let state = opt.init(params);
    expect(opt.lrFactor?.(state)).toBe(1);
    [, state] = opt.update(new Float64Array([0]), state, params);
    expect(opt.lrFactor?.(state)).toBe(1 / 1.5);
    const [u] = opt.update(new Float64Array([3]), state, params);
    // s = 9: u = (1 / 1.5) * 3 / (3 + 1)
    expect(u[0]).toBeCloseTo(0.5, 15);
  });

  it('is allocation-free', () => {
    expectInPlace(scaleByAdagrad());
  });
});
