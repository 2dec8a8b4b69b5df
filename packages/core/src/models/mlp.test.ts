import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { huberLoss } from '../losses/huberLoss';
import { mseLoss } from '../losses/mseLoss';
import type { LossFn } from '../losses/registry';
import { softmaxCrossEntropy } from '../losses/softmaxCrossEntropy';
import type { Activation } from './mlp';
import { mlp } from './mlp';
import { modelGradCheck } from './modelGradCheck';

interface MlpFixture {
  layers: number[];
  activation: Activation;
  seed: number;
  init: number[];
  n: number;
  x: number[];
  params: number[];
  target: number[];
  z: number[][];
  a: number[][];
  mse: number;
  grad: number[];
}

const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'models.json'), 'utf8')) as {
  mlp: MlpFixture[];
};

function expectClose(actual: ArrayLike<number>, expected: number[], rel = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    expect(Math.abs((actual[i] as number) - e)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(e)));
  });
}

describe('mlp', () => {
  it('runs its JSDoc example', () => {
    const net = mlp({ layers: [1, 2, 1], activation: 'relu' });
    net.params.set([1, -1, 0, 0, 1, 1, 0.5]); // W1 = [[1, -1]], b1 = [0, 0], W2 = [[1], [1]], b2 = 0.5
    const out = net.forward(new Float64Array([2, -3]), 2);
    expect(Array.from(out)).toEqual([2.5, 3.5]);
  });

  describe.each(fixtures.mlp.map((f) => [f.activation, f] as const))(
    '%s, against numpy',
    (_a, f) => {
      const x = Float64Array.from(f.x);
      const target = Float64Array.from(f.target);

      it('initializes Glorot/He uniform from RandomState(seed), biases zero', () => {
        const net = mlp({ layers: f.layers, activation: f.activation, seed: f.seed });
        expect(Array.from(net.params)).toEqual(f.init);
      });

      it('forwardTrace gives numpy pre-activations and activations layer by layer', () => {
        const net = mlp({ layers: f.layers, activation: f.activation });
        net.params.set(f.params);
        const trace = net.forwardTrace(x, f.n);
        expect(trace.map((t) => t.activation)).toEqual([f.activation, f.activation, 'identity']);
        trace.forEach((t, l) => {
          expectClose(t.z, f.z[l] as number[]);
          expectClose(t.a, f.a[l] as number[]);
        });
      });

      it('backward gives numpy backpropagation and matches finite differences', () => {
        const net = mlp({ layers: f.layers, activation: f.activation });
        net.params.set(f.params);
        const pred = net.forward(x, f.n);
        const { value, grad } = mseLoss(pred, target);
        expect(value).toBeCloseTo(f.mse, 12);
        const g = new Float64Array(net.params.length);
        net.backward(x, f.n, grad as Float64Array, g);
        expectClose(g, f.grad, 1e-11);
        // h = 1e-5: through sigmoids some gradients are small enough that h = 1e-6 is round-off bound.
        const check = modelGradCheck(net, x, f.n, mseLoss as LossFn, target, { h: 1e-5 });
        expect(check.maxRelError).toBeLessThan(1e-6);
      });

      it('backwardTrace reports dA, dZ, dW, db from the output layer down', () => {
        const net = mlp({ layers: f.layers, activation: f.activation });
        net.params.set(f.params);
        const { grad } = mseLoss(net.forward(x, f.n), target);
        const trace = net.backwardTrace(x, f.n, grad as Float64Array);
        expect(trace.map((t) => t.layer)).toEqual([2, 1, 0]);
        // dW and db of each layer, concatenated in parameter order, are numpy's gradient.
        const flat = [...trace]
          .reverse()
          .flatMap((t) => [...Array.from(t.dW), ...Array.from(t.db)]);
        expectClose(flat, f.grad, 1e-11);
        // The output layer is linear: dZ = dA = dL/dpred.
        expectClose(trace[0]!.dZ, Array.from(grad));
        // dZ = dA * f'(z) for the hidden layers, with f' from the forward trace.
        const fwd = net.forwardTrace(x, f.n);
        for (const t of trace.slice(1)) {
          const { z, a } = fwd[t.layer]!;
          t.dZ.forEach((dz, i) => {
            const zi = z[i]!;
            const ai = a[i]!;
            const d =
              f.activation === 'tanh'
                ? 1 - ai * ai
                : f.activation === 'sigmoid'
                  ? ai * (1 - ai)
                  : zi > 0
                    ? 1
                    : 0;
            expect(dz).toBeCloseTo(t.dA[i]! * d, 14);
          });
        }
      });
    },
  );

  it.each<[string, Activation, LossFn]>([
    ['mse', 'tanh', mseLoss as LossFn],
    ['huber', 'sigmoid', huberLoss as LossFn],
    ['huber', 'relu', huberLoss as LossFn],
  ])('backward matches finite differences through %s (%s), deeper net', (_id, activation, loss) => {
    const rng = new RandomState(9);
    const n = 7;
    const net = mlp({ layers: [2, 6, 5, 3, 2], activation, seed: 1 });
    net.params.set(rng.normal(0, 0.7, net.params.length));
    const x = rng.randn(n, 2);
    const target = rng.normal(0, 1, n * 2);
    // Gradients of the first layers are small through saturating sigmoids: h = 1e-4 keeps the
    // round-off of the differences below the O(h^2) truncation.
    expect(modelGradCheck(net, x, n, loss, target, { h: 1e-4 }).maxRelError).toBeLessThan(1e-6);
  });

  it('a logits MLP trains with softmaxCrossEntropy: gradient checked', () => {
    const rng = new RandomState(10);
    const n = 9;
    const net = mlp({ layers: [3, 8, 4], activation: 'tanh', output: 'logits', seed: 2 });
    expect([net.output, net.outputSize]).toEqual(['logits', 4]);
    const x = rng.randn(n, 3);
    const labels = rng.randint(0, 4, n);
    const ce = softmaxCrossEntropy as LossFn;
    expect(
      modelGradCheck(net, x, n, ce, labels, { lossOptions: { classes: 4 } }).maxRelError,
    ).toBeLessThan(1e-6);
  });

  it('backward on a batch that was not just forwarded recomputes the activations', () => {
    const rng = new RandomState(11);
    const net = mlp({ layers: [2, 4, 1], seed: 3 });
    const xa = rng.randn(5, 2);
    const xb = rng.randn(3, 2);
    const g = rng.randn(3);
    const expected = new Float64Array(net.params.length);
    net.forward(xb, 3);
    net.backward(xb, 3, g, expected);
    const got = new Float64Array(net.params.length);
    net.forward(xa, 5); // the cached activations are now xa's
    net.backward(xb, 3, g, got);
    expect(Array.from(got)).toEqual(Array.from(expected));
  });

  it('layerParams are views of params in layer order', () => {
    const net = mlp({ layers: [2, 3, 1], seed: 4 });
    const { W, b } = net.layerParams(1);
    expect([W.length, b.length]).toEqual([3, 1]);
    W[0] = 42;
    expect(net.params[2 * 3 + 3]).toBe(42);
  });

  it('lets a NaN through every activation instead of hiding it', () => {
    for (const activation of ['tanh', 'relu', 'sigmoid'] as const) {
      const net = mlp({ layers: [1, 3, 1], activation, seed: 5 });
      const out = net.forward(new Float64Array([NaN]), 1);
      expect(Number.isNaN(out[0])).toBe(true);
    }
  });
});
