import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { huberLoss } from '../losses/huberLoss';
import { logCoshLoss } from '../losses/logCoshLoss';
import { mseLoss } from '../losses/mseLoss';
import type { LossFn } from '../losses/registry';
import { linearRegression } from './linearRegression';
import { modelGradCheck } from './modelGradCheck';

const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'models.json'), 'utf8')) as {
  uniformInit: { features: number; classes: number; seed: number; params: number[] };
};

describe('linearRegression', () => {
  it('runs its JSDoc example', () => {
    const model = linearRegression({ features: 1 });
    model.params.set([2, 3]); // w = 2, b = 3
    const pred = model.forward(new Float64Array([0, 1, 2]), 3);
    expect(Array.from(pred)).toEqual([3, 5, 7]);
  });

  it('describes itself and starts at zeros', () => {
    const model = linearRegression({ features: 3 });
    expect(model.name).toBe('linearRegression');
    expect([model.inputSize, model.outputSize, model.output]).toEqual([3, 1, 'real']);
    expect(Array.from(model.params)).toEqual([0, 0, 0, 0]);
  });

  it("'uniform' init is numpy's RandomState(seed).uniform(-1/sqrt(f), 1/sqrt(f))", () => {
    const { features, seed, params } = fixtures.uniformInit;
    const model = linearRegression({ features, init: 'uniform', seed });
    expect(Array.from(model.params)).toEqual(params.slice(0, features + 1));
  });

  it('computes x w + b over several features, into the given buffer', () => {
    const model = linearRegression({ features: 2 });
    model.params.set([1.5, -2, 0.25]);
    const out = new Float64Array(3);
    const x = new Float64Array([1, 2, 0, 0, -4, 0.5]);
    expect(model.forward(x, 3, out)).toBe(out);
    expect(Array.from(out)).toEqual([1.5 - 4 + 0.25, 0.25, -6 - 1 + 0.25]);
  });

  it.each<[string, LossFn]>([
    ['mse', mseLoss as LossFn],
    ['huber', huberLoss as LossFn],
    ['logCosh', logCoshLoss as LossFn],
  ])('backward matches finite differences through %s', (_id, loss) => {
    const rng = new RandomState(1);
    for (const features of [1, 4]) {
      const n = 9;
      const model = linearRegression({ features, init: 'uniform', seed: 3 });
      const x = rng.randn(n, features);
      const target = rng.normal(0, 2, n);
      expect(modelGradCheck(model, x, n, loss, target).maxRelError).toBeLessThan(1e-6);
    }
  });

  it('backward overwrites gradParams with x^T g and sum g', () => {
    const model = linearRegression({ features: 2 });
    const grad = new Float64Array([99, 99, 99]);
    const x = new Float64Array([1, 2, 3, 4]);
    model.backward(x, 2, new Float64Array([0.5, -1]), grad);
    expect(Array.from(grad)).toEqual([1 * 0.5 + 3 * -1, 2 * 0.5 + 4 * -1, -0.5]);
  });
});
