import { describe, expect, it } from 'vitest';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';
import { nadam } from './nadam';

describe('nadam', () => {
  it('runs its JSDoc example', () => {
    const opt = nadam();
    expect(opt.name).toBe('nadam(lr=0.002)');
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.00211, 5);
  });

  it.each(runsOf('nadam').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
