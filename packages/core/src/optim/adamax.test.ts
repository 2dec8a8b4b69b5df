import { describe, expect, it } from 'vitest';
import { adamax } from './adamax';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';

describe('adamax', () => {
  it('runs its JSDoc example', () => {
    const opt = adamax(0.5);
    const params = new Float64Array([0]);
    const [u] = opt.update(new Float64Array([-3]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(0.5, 7);
    expect(opt.name).toBe('adamax(lr=0.5)');
  });

  it.each(runsOf('adamax').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
