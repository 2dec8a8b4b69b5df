import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { bceWithLogitsLoss } from '../losses/bceWithLogitsLoss';
import { focalLoss } from '../losses/focalLoss';
import { hingeLoss } from '../losses/hingeLoss';
import type { LossFn } from '../losses/registry';
import { logisticRegression } from './logisticRegression';
import { modelGradCheck } from './modelGradCheck';

describe('logisticRegression', () => {
  it('runs its JSDoc example', () => {
    const model = logisticRegression({ features: 2 });
    model.params.set([1, -1, 0.5]); // w = [1, -1], b = 0.5
    const logits = model.forward(new Float64Array([2, 1, 0, 3]), 2);
    expect(Array.from(logits)).toEqual([1.5, -2.5]);
  });

  it('outputs one logit per row', () => {
    const model = logisticRegression({ features: 2 });
    expect([model.name, model.inputSize, model.outputSize, model.output]).toEqual([
      'logisticRegression',
      2,
      1,
      'logits',
    ]);
  });

  // Targets in {0, 1} for the cross-entropies, in {-1, +1} for the hinge.
  it.each<[string, LossFn, (label: number) => number]>([
    ['bceWithLogits', bceWithLogitsLoss as LossFn, (t) => t],
    ['focal', focalLoss as LossFn, (t) => t],
    ['hinge', hingeLoss as LossFn, (t) => 2 * t - 1],
  ])('backward matches finite differences through %s', (_id, loss, label) => {
    const rng = new RandomState(2);
    const n = 12;
    const model = logisticRegression({ features: 3, init: 'uniform', seed: 4 });
    const x = rng.randn(n, 3);
    const target = rng.randint(0, 2, n).map(label);
    expect(modelGradCheck(model, x, n, loss, target).maxRelError).toBeLessThan(1e-6);
  });
});
