import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { adamw } from './adamw';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';

describe('adamw', () => {
  it('runs its JSDoc example', () => {
    const opt = adamw(0.1, { weightDecay: 0.5 });
    const params = new Float64Array([2]);
    const [u] = opt.update(new Float64Array([0]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.1, 15);
  });

  it('decouples the decay: unlike adam with weightDecay, the decay is not normalized', () => {
    // With g = 0, adam's L2 term goes through the normalization (step ~ lr); adamw's does not.
    const params = new Float64Array([2]);
    const coupled = adam(0.1, { weightDecay: 0.5 });
    const decoupled = adamw(0.1, { weightDecay: 0.5 });
    const [uc] = coupled.update(new Float64Array([0]), coupled.init(params), params);
    const [ud] = decoupled.update(new Float64Array([0]), decoupled.init(params), params);
    expect(uc[0]).toBeCloseTo(-0.1, 6);
    expect(ud[0]).toBeCloseTo(-0.1 * 0.5 * 2, 15);
    expect(adamw(0.1, { weightDecay: 0.1 }).name).toBe('adamw(lr=0.1, weightDecay=0.1)');
  });

  it.each(runsOf('adamw').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
