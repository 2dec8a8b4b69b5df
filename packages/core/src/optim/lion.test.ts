import { describe, expect, it } from 'vitest';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';
import { lion } from './lion';

describe('lion', () => {
  it('runs its JSDoc example', () => {
    const opt = lion(0.01, { weightDecay: 0 });
    const params = new Float64Array([0, 0]);
    const [u] = opt.update(new Float64Array([0.2, -30]), opt.init(params), params);
    expect(Array.from(u)).toEqual([-0.01, 0.01]);
    expect(opt.name).toBe('lion(lr=0.01, weightDecay=0)');
  });

  it('uses optax defaults: lr 1e-4, weight decay 1e-3', () => {
    expect(lion().name).toBe('lion(lr=0.0001)');
  });

  it.each(runsOf('lion').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
