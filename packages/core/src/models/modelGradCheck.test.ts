import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { mseLoss } from '../losses/mseLoss';
import type { LossFn } from '../losses/registry';
import { linearRegression } from './linearRegression';
import { mlp } from './mlp';
import { modelGradCheck } from './modelGradCheck';

describe('modelGradCheck', () => {
  it('runs its JSDoc example', () => {
    const model = linearRegression({ features: 1 });
    model.params.set([0.5, -1]);
    const x = new Float64Array([1, 2, 3]);
    const { maxRelError } = modelGradCheck(model, x, 3, mseLoss, new Float64Array([2, 4, 7]));
    expect(maxRelError).toBeLessThan(1e-7);
    expect(Array.from(model.params)).toEqual([0.5, -1]); // left as it was
  });

  it('catches a wrong backward pass', () => {
    const model = linearRegression({ features: 2, init: 'uniform', seed: 1 });
    const backward = model.backward.bind(model);
    // A classic slip: forgetting the bias gradient.
    model.backward = (x, n, g, out): void => {
      backward(x, n, g, out);
      out[2] = 0;
    };
    const rng = new RandomState(3);
    const result = modelGradCheck(model, rng.randn(8, 2), 8, mseLoss as LossFn, rng.randn(8));
    expect(result.index).toBe(2);
    expect(result.maxRelError).toBeGreaterThan(0.5);
  });

  it('property: every MLP shape and activation backpropagates correctly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('tanh' as const, 'sigmoid' as const, 'relu' as const),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (layers, activation, n, seed) => {
          const net = mlp({ layers, activation, seed });
          const rng = new RandomState(seed);
          net.params.set(rng.normal(0, 0.8, net.params.length).map((v) => v + 0.05));
          const x = rng.randn(n * layers[0]!);
          const target = rng.randn(n * layers[layers.length - 1]!);
          // ReLU has a kink at 0: a pre-activation within reach of the step makes the difference
          // quotient straddle it, so such draws are discarded rather than compared.
          const hidden = net.forwardTrace(x, n).slice(0, -1);
          fc.pre(
            activation !== 'relu' || hidden.every((t) => t.z.every((z) => Math.abs(z) > 1e-3)),
          );
          const { maxRelError } = modelGradCheck(net, x, n, mseLoss as LossFn, target, { h: 1e-5 });
          return maxRelError < 1e-5;
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});
