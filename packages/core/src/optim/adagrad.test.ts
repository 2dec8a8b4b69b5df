import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad';
import { expectMatchesNumpy, runTitle, runsOf } from './fixtures/trajectory';

describe('adagrad', () => {
  it('runs its JSDoc example', () => {
    const opt = adagrad(0.1, { lrDecay: 1 });
    const params = new Float64Array([0]);
    const [, s1] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(opt.learningRate?.(s1)).toBe(0.05);
  });

  it('names itself with the PyTorch default learning rate', () => {
    expect(adagrad().name).toBe('adagrad(lr=0.01)');
  });

  it.each(runsOf('adagrad').map((r) => [runTitle(r), r] as const))(
    'matches the numpy trajectory: %s',
    (_title, run) => {
      expectMatchesNumpy(run);
    },
  );
});
