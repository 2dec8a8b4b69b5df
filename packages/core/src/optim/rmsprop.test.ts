import { describe, expect, it } from 'vitest';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';
import { rmsprop } from './rmsprop';

describe('rmsprop', () => {
  it('runs its JSDoc example', () => {
    const opt = rmsprop(0.01, { centered: true });
    expect(opt.name).toBe('rmsprop(lr=0.01, centered=true)');
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.01 / (Math.sqrt(0.01 - 0.0001) + 1e-8), 15);
    expect(u[0]).toBeCloseTo(-0.1005, 4);
  });

  it.each(runsOf('rmsprop').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
