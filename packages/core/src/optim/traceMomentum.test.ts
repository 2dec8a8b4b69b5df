import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { traceMomentum } from './traceMomentum';

describe('traceMomentum', () => {
  it('runs its JSDoc example', () => {
    const opt = traceMomentum({ momentum: 0.5 });
    const params = new Float64Array([0]);
    const [, s1] = opt.update(new Float64Array([2]), opt.init(params), params);
    const [u2] = opt.update(new Float64Array([2]), s1, params);
    expect(u2[0]).toBe(3);
  });

  it('copies the first gradient undampened, as PyTorch does', () => {
    const opt = traceMomentum({ momentum: 0.9, dampening: 0.5 });
    const params = new Float64Array([0]);
    const [u1, s1] = opt.update(new Float64Array([4]), opt.init(params), params);
    expect(u1[0]).toBe(4);
    const [u2] = opt.update(new Float64Array([4]), s1, params);
    expect(u2[0]).toBeCloseTo(0.9 * 4 + 0.5 * 4, 15);
  });

  it('adds the look-ahead with nesterov', () => {
    const opt = traceMomentum({ momentum: 0.5, nesterov: true });
    const params = new Float64Array([0]);
    const [u1] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u1[0]).toBe(2 + 0.5 * 2);
  });

  it('is allocation-free', () => {
    expectInPlace(traceMomentum({ nesterov: true }));
  });
});
