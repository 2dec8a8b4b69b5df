import { describe, expect, it } from 'vitest';
import { asgd } from './asgd';
import { averageIterates } from './averageIterates';
import type { AverageIteratesState } from './averageIterates';
import { expectInPlace } from './fixtures/inPlace';

describe('asgd', () => {
  it('runs its JSDoc examples', () => {
    const opt = asgd(0.1, { lambd: 0.5 });
    const params = new Float64Array([1]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.25, 15);
    const avg = averageIterates(0);
    const p0 = new Float64Array([0]);
    const [v, s] = avg.update(new Float64Array([2]), avg.init(p0), p0);
    expect(v[0]).toBe(2);
    expect(s.ax[0]).toBe(2);
  });

  it('reports eta_t = lr / (1 + lambd lr (t - 1))^alpha and averages after t0', () => {
    const opt = asgd(0.5, { lambd: 1, alpha: 1, t0: 1 });
    const params = new Float64Array([0]);
    let state = opt.init(params);
    const etas: number[] = [];
    const seen: number[] = [];
    for (let t = 0; t < 4; t++) {
      etas.push(opt.learningRate!(state)!);
      const [u, next] = opt.update(new Float64Array([1]), state, params);
      params[0] = params[0]! + u[0]!;
      seen.push(params[0]);
      state = next;
    }
    expect(etas).toEqual([0.5, 0.5 / 1.5, 0.5 / 2, 0.5 / 2.5]);
    const ax = (state[state.length - 1] as AverageIteratesState).ax[0]!;
    // mu = 1 for t <= t0 + 2, then 1/2: ax = theta_3 + (theta_4 - theta_3) / 2
    expect(ax).toBeCloseTo(seen[2]! + (seen[3]! - seen[2]!) / 2, 15);
  });

  it('keeps its average in place', () => {
    expectInPlace(averageIterates(1));
  });
});
