import { describe, expect, it } from 'vitest';
import { applyUpdates } from './applyUpdates';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';
import { sgd } from './sgd';

describe('sgd', () => {
  it('runs its JSDoc example', () => {
    const opt = sgd(0.1, { momentum: 0.9 });
    const params = new Float64Array([1]);
    const state = opt.init(params);
    const [u] = opt.update(new Float64Array([2]), state, params);
    applyUpdates(params, u);
    expect(params[0]).toBeCloseTo(0.8, 15);
    expect(opt.name).toBe('sgd(lr=0.1, momentum=0.9)');
  });

  it('is plain gradient descent by default, with learningRate reporting lr', () => {
    const opt = sgd(0.5);
    const params = new Float64Array([3, -1]);
    const [u, s] = opt.update(new Float64Array([1, 4]), opt.init(params), params);
    expect(Array.from(u)).toEqual([-0.5, -2]);
    expect(opt.learningRate?.(s)).toBe(0.5);
    expect(opt.name).toBe('sgd(lr=0.5)');
  });

  it('takes the PyTorch default learning rate 1e-3', () => {
    expect(sgd().name).toBe('sgd(lr=0.001)');
  });

  it.each(runsOf('sgd').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
