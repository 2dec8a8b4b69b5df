import { describe, expect, it } from 'vitest';
import { makeArticleData } from '../data/makeArticleData';
import { leastSquares } from '../models/leastSquares';
import { linearRegression } from '../models/linearRegression';
import { logisticRegression } from '../models/logisticRegression';
import { makeBlobs } from '../data/makeBlobs';
import { fit } from '../training/fit';
import { applyUpdates } from './applyUpdates';
import { lbfgs } from './lbfgs';

describe('lbfgs', () => {
  it('runs its JSDoc example', () => {
    const lossAndGrad = (x: Float64Array, g: Float64Array): number => {
      g[0] = 2 * (x[0]! - 3);
      g[1] = 20 * (x[1]! + 1);
      return (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2;
    };
    const opt = lbfgs(1, { lineSearch: 'strongWolfe' });
    const params = new Float64Array(2);
    const grads = new Float64Array(2);
    const loss = lossAndGrad(params, grads);
    const [u] = opt.update(grads, opt.init(params), params, { loss, lossAndGrad });
    applyUpdates(params, u);
    expect(params[0]).toBeCloseTo(3, 5);
    expect(params[1]).toBeCloseTo(-1, 5);
  });

  it('trains from fit, which supplies the closure, to the least-squares solution', () => {
    const data = makeArticleData();
    const model = linearRegression({ features: 1 });
    const run = fit(model, data, {
      loss: 'mse',
      optimizer: lbfgs(1, { lineSearch: 'strongWolfe' }),
      maxSteps: 3,
    });
    const exact = leastSquares(data.x, data.y, data.n, data.features);
    expect(run.params[0]).toBeCloseTo(exact[0]!, 9);
    expect(run.params[1]).toBeCloseTo(exact[1]!, 9);
    // L-BFGS reports no learning rate: its lr is a step length the line search changes.
    expect(run.history.learningRate.every((v) => Number.isNaN(v))).toBe(true);
  });

  it('searches along the line through the model and loss when fit is not fused (logistic)', () => {
    const data = makeBlobs({ n: 200, seed: 1 });
    const model = logisticRegression({ features: 2 });
    const start = model.params.slice();
    const run = fit(model, data, {
      optimizer: lbfgs(1, { lineSearch: 'strongWolfe', maxIter: 5 }),
      maxSteps: 4,
    });
    expect(run.stopReason).toBe('maxSteps');
    const losses = run.history.loss;
    // every step decreases the loss (the strong Wolfe conditions' sufficient decrease)
    for (let t = 1; t < losses.length; t++) {
      expect(losses[t]).toBeLessThan(losses[t - 1]!);
    }
    expect(run.params).not.toEqual(start);
  });

  it('needs no closure with one iteration and no line search', () => {
    const opt = lbfgs(0.5, { maxIter: 1 });
    const params = new Float64Array([1, -1]);
    const [u] = opt.update(new Float64Array([2, 4]), opt.init(params), params, { loss: 1 });
    // the first step is min(1, 1/|g|_1) lr along -g: 0.5 / 6 * [-2, -4]
    expect(u[0]).toBeCloseTo(-1 / 6, 15);
    expect(u[1]).toBeCloseTo(-2 / 6, 15);
  });

  it('returns a zero update at a stationary point (toleranceGrad)', () => {
    const opt = lbfgs();
    const params = new Float64Array([1]);
    const [u] = opt.update(new Float64Array([1e-9]), opt.init(params), params, {
      loss: 0,
      lossAndGrad: () => {
        throw new Error('not called');
      },
    });
    expect(u[0]).toBe(0);
  });
});
