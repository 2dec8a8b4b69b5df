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

describe('scaleByRms centered on a constant gradient', () => {
  it('stays finite where the variance estimate rounds below 0 (was NaN at step 3173)', () => {
    const opt = scaleByRms({ centered: true });
    const params = new Float64Array([0]);
    let state = opt.init(params);
    let negativeSeen = false;
    for (let t = 0; t < 5000; t++) {
      const [u, next] = opt.update(new Float64Array([1e-3]), state, params);
      expect(Number.isFinite(u[0])).toBe(true);
      state = next;
      const ga = state.gradAvg![0]!;
      negativeSeen ||= state.squareAvg[0]! - ga * ga < 0;
    }
    // The case the clamp is for did occur in this run.
    expect(negativeSeen).toBe(true);
  });
});
