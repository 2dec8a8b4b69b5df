import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { multiMarginLoss } from '../losses/multiMarginLoss';
import type { LossFn } from '../losses/registry';
import { softmaxCrossEntropy } from '../losses/softmaxCrossEntropy';
import { modelGradCheck } from './modelGradCheck';
import { softmaxRegression } from './softmaxRegression';

const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'models.json'), 'utf8')) as {
  uniformInit: { features: number; classes: number; seed: number; params: number[] };
};

describe('softmaxRegression', () => {
  it('runs its JSDoc example', () => {
    const model = softmaxRegression({ features: 1, classes: 3 });
    model.params.set([1, 0, -1, 0, 0, 2]); // W = [[1, 0, -1]], b = [0, 0, 2]
    const logits = model.forward(new Float64Array([2]), 1);
    expect(Array.from(logits)).toEqual([2, 0, 0]);
  });

  it("'uniform' init draws W then b from numpy's RandomState(seed)", () => {
    const { features, classes, seed, params } = fixtures.uniformInit;
    const model = softmaxRegression({ features, classes, init: 'uniform', seed });
    expect(Array.from(model.params)).toEqual(params);
  });

  it('computes x W + b as n x C logits', () => {
    const model = softmaxRegression({ features: 2, classes: 3 });
    // W = [[1, 2, 3], [4, 5, 6]], b = [0.5, 0, -0.5]
    model.params.set([1, 2, 3, 4, 5, 6, 0.5, 0, -0.5]);
    const logits = model.forward(new Float64Array([1, 0, -1, 2]), 2);
    expect(Array.from(logits)).toEqual([1.5, 2, 2.5, 7.5, 8, 8.5]);
  });

  it('backward matches finite differences through softmaxCrossEntropy (indices and probabilities)', () => {
    const rng = new RandomState(5);
    const n = 10;
    const classes = 4;
    const model = softmaxRegression({ features: 3, classes, init: 'uniform', seed: 6 });
    const x = rng.randn(n, 3);
    const labels = rng.randint(0, classes, n);
    const ce = softmaxCrossEntropy as LossFn;
    expect(
      modelGradCheck(model, x, n, ce, labels, { lossOptions: { classes } }).maxRelError,
    ).toBeLessThan(1e-6);
    const probs = rng.rand(n, classes);
    for (let i = 0; i < n; i++) {
      const row = probs.subarray(i * classes, (i + 1) * classes);
      const s = row.reduce((a, b) => a + b, 0);
      row.forEach((v, k) => (row[k] = v / s));
    }
    expect(
      modelGradCheck(model, x, n, ce, probs, { lossOptions: { classes } }).maxRelError,
    ).toBeLessThan(1e-6);
  });

  it('backward matches finite differences through multiMarginLoss', () => {
    const rng = new RandomState(7);
    const n = 8;
    const model = softmaxRegression({ features: 2, classes: 3, init: 'uniform', seed: 8 });
    const x = rng.randn(n, 2);
    const labels = rng.randint(0, 3, n);
    const loss = multiMarginLoss as LossFn;
    expect(
      modelGradCheck(model, x, n, loss, labels, { lossOptions: { classes: 3 } }).maxRelError,
    ).toBeLessThan(1e-6);
  });
});
