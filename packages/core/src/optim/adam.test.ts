import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { applyUpdates } from './applyUpdates';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';

describe('adam', () => {
  it('runs its JSDoc example', () => {
    const opt = adam(0.01);
    const params = new Float64Array([1, 1]);
    const [u] = opt.update(new Float64Array([5, -0.1]), opt.init(params), params);
    applyUpdates(params, u);
    expect(params[0]).toBeCloseTo(0.99, 8);
    expect(params[1]).toBeCloseTo(1.01, 8);
    expect(opt.name).toBe('adam(lr=0.01)');
  });

  it('names its non-default options', () => {
    expect(adam(0.1, { amsgrad: true, weightDecay: 0.01 }).name).toBe(
      'adam(lr=0.1, amsgrad=true, weightDecay=0.01)',
    );
    expect(adam((t) => 1 / (t + 1)).name).toBe('adam(lr=schedule)');
  });

  it.each(runsOf('adam').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
