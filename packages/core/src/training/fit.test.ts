// fit against numpy trajectories (scripts/gen_training_fixtures.py): the same gradient descent
// written with numpy matrices, step by step, so every recorded loss is compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/Dataset';
import { makeArticleData } from '../data/makeArticleData';
import { RandomState } from '../data/RandomState';
import { LosslabError } from '../errors';
import { huberLoss } from '../losses/huberLoss';
import { mseLoss } from '../losses/mseLoss';
import type { LossFn } from '../losses/registry';
import { linearRegression } from '../models/linearRegression';
import { logisticRegression } from '../models/logisticRegression';
import { mlp } from '../models/mlp';
import { softmaxRegression } from '../models/softmaxRegression';
import { adam } from '../optim/adam';
import { sgd } from '../optim/sgd';
import type { Callback, StepInfo } from './Callback';
import { fit } from './fit';

interface Trajectory {
  n: number;
  x: number[];
  y: number[];
  lr: number;
  losses: number[];
  params: number[];
}

const fx = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'training.json'), 'utf8')) as {
  article: { x: number[]; y: number[]; losses: number[]; w: number; b: number; mse: number };
  minibatch: { batchSize: number; seed: number; lr: number; losses: number[]; params: number[] };
  minibatch2: Trajectory & { batchSize: number; seed: number };
  logistic: Trajectory;
  softmax: Trajectory & { classes: number };
  mlp: Trajectory & { layers: number[] };
};

function dataset(t: { x: number[]; y: number[] }, features: number): Dataset {
  const n = t.y.length;
  return { x: Float64Array.from(t.x), y: Float64Array.from(t.y), n, features };
}

/** |a - e| <= rel * max(|e|, 1e-6): values that are zero up to round-off compare absolutely. */
function expectRel(actual: ArrayLike<number>, expected: number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i] as number;
    if (!(Math.abs(a - e) <= rel * Math.max(1e-6, Math.abs(e)))) {
      expect.fail(`index ${i}: ${a} vs numpy ${e}`);
    }
  });
}

describe('fit', () => {
  it('runs its JSDoc example', () => {
    const data = makeArticleData();
    const model = linearRegression({ features: 1 });
    const result = fit(model, data, { loss: 'mse', optimizer: sgd(0.1), maxSteps: 1000 });
    expect(result.params[0]).toBeCloseTo(2.05734922, 8);
    expect(result.params[1]).toBeCloseTo(3.03757654, 8);
    expect(result.loss).toBeCloseTo(0.26429296, 8);
    expect(result.stopReason).toBe('maxSteps');
  });

  it('records the loss of every step as numpy does, with learning rate and gradient norm', () => {
    const model = linearRegression({ features: 1 });
    const { history, steps, stopMessage } = fit(model, makeArticleData(), {
      optimizer: sgd(0.1),
      maxSteps: 1000,
    });
    expect(steps).toBe(1000);
    expectRel(history.loss, fx.article.losses, 1e-12);
    expect(history.learningRate.every((lr) => lr === 0.1)).toBe(true);
    // At zeros, dL/dw = -2 mean(x y), dL/db = -2 mean(y).
    const x = fx.article.x;
    const y = fx.article.y;
    const gw = (-2 * x.reduce((s, xi, i) => s + xi * y[i]!, 0)) / 100;
    const gb = (-2 * y.reduce((s, v) => s + v, 0)) / 100;
    expect(history.gradNorm[0]).toBeCloseTo(Math.hypot(gw, gb), 12);
    expect(history.name).toBe(sgd(0.1).name);
    expect(stopMessage).toMatch(
      /^reached the iteration limit of 1000 steps \(last loss 0\.264293\)$/,
    );
  });

  it('stops at the first step whose loss reaches the threshold, before updating (article step 6)', () => {
    const threshold = 0.3;
    const first = fx.article.losses.findIndex((l) => l <= threshold);
    const model = linearRegression({ features: 1 });
    const r = fit(model, makeArticleData(), { optimizer: sgd(0.1), maxSteps: 1000, threshold });
    expect(r.stopReason).toBe('threshold');
    expect(r.steps).toBe(first + 1);
    expect(r.history.loss.length).toBe(first + 1);
    // The returned parameters are the ones whose loss reached the threshold.
    expect(r.loss).toBeCloseTo(fx.article.losses[first]!, 13);
    expect(r.stopMessage).toBe(
      `loss ${Number(r.loss.toPrecision(6))} reached the threshold 0.3 at step ${first + 1}`,
    );
  });

  it('maxSteps wins when it comes first', () => {
    const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
      optimizer: sgd(0.1),
      maxSteps: 5,
      threshold: 0.3,
    });
    expect([r.stopReason, r.steps]).toEqual(['maxSteps', 5]);
  });

  it("mini-batches visit RandomState(seed).permutation(n) per epoch, as numpy's loop does", () => {
    const m = fx.minibatch;
    const model = linearRegression({ features: 1 });
    const r = fit(model, makeArticleData(), {
      optimizer: sgd(m.lr),
      batchSize: m.batchSize,
      seed: m.seed,
      maxSteps: m.losses.length,
    });
    expectRel(r.history.loss, m.losses, 1e-12);
    expectRel(r.params, m.params, 1e-12);
  });

  it('mini-batches gather whole rows of several features, as numpy fancy indexing does', () => {
    const m = fx.minibatch2;
    const data = dataset(m, 2);
    const r = fit(linearRegression({ features: 2 }), data, {
      loss: 'mse',
      optimizer: sgd(m.lr),
      batchSize: m.batchSize,
      seed: m.seed,
      maxSteps: m.losses.length,
    });
    expectRel(r.history.loss, m.losses, 1e-12);
    expectRel(r.params, m.params, 1e-12);
    // The generic path (an unregistered loss function) gathers the same rows.
    const generic: LossFn = (pred, target, o) => mseLoss(pred, target, o);
    const g = fit(linearRegression({ features: 2 }), data, {
      loss: generic,
      optimizer: sgd(m.lr),
      batchSize: m.batchSize,
      seed: m.seed,
      maxSteps: m.losses.length,
    });
    expectRel(g.history.loss, m.losses, 1e-12);
  });

  it('logistic regression with its default loss (bceWithLogits) follows numpy', () => {
    const t = fx.logistic;
    const model = logisticRegression({ features: 2 });
    const r = fit(model, dataset(t, 2), { optimizer: sgd(t.lr), maxSteps: t.losses.length });
    expectRel(r.history.loss, t.losses, 1e-11);
    expectRel(r.params, t.params, 1e-11);
  });

  it('softmax regression with class-index targets (softmaxCrossEntropy) follows numpy', () => {
    const t = fx.softmax;
    const model = softmaxRegression({ features: 2, classes: t.classes });
    const r = fit(model, dataset(t, 2), {
      loss: 'softmaxCrossEntropy',
      optimizer: sgd(t.lr),
      maxSteps: t.losses.length,
    });
    expectRel(r.history.loss, t.losses, 1e-11);
    expectRel(r.params, t.params, 1e-11);
  });

  it('an MLP from its seeded initialization follows numpy backpropagation', () => {
    const t = fx.mlp;
    const model = mlp({ layers: t.layers, activation: 'tanh', seed: 0 });
    const r = fit(model, dataset(t, 1), { optimizer: sgd(t.lr), maxSteps: t.losses.length });
    expectRel(r.history.loss, t.losses, 1e-10);
    expectRel(r.params, t.params, 1e-10);
  });

  it('accepts a loss function and its options', () => {
    const data = makeArticleData();
    const a = fit(linearRegression({ features: 1 }), data, {
      loss: huberLoss as LossFn,
      lossOptions: { delta: 0.5 },
      optimizer: sgd(0.1),
      maxSteps: 20,
    });
    const b = fit(linearRegression({ features: 1 }), data, {
      loss: 'huber',
      lossOptions: { delta: 0.5 },
      optimizer: sgd(0.1),
      maxSteps: 20,
    });
    expect(a.history.loss).toEqual(b.history.loss);
    const p = linearRegression({ features: 1 });
    p.params.set(a.params);
    expect(a.loss).toBe(huberLoss(p.forward(data.x, data.n), data.y, { delta: 0.5 }).value);
  });

  it('the fused linear-regression MSE step gives the generic forward/loss/backward numbers', () => {
    // An unregistered wrapper of mseLoss takes the generic path; 'mse' takes the fused one.
    const generic: LossFn = (pred, target, o) => mseLoss(pred, target, o);
    const rng = new RandomState(12);
    for (const [features, n, batchSize] of [
      [1, 101, 101],
      [3, 57, 57],
      [1, 101, 10],
      [2, 33, 8],
    ] as const) {
      const x = rng.randn(n * features);
      const y = rng.normal(1, 2, n);
      const data: Dataset = { x, y, n, features };
      const run = (loss: string | LossFn): ReturnType<typeof fit> =>
        fit(linearRegression({ features }), data, {
          loss,
          optimizer: sgd(0.05, { momentum: 0.9 }),
          maxSteps: 60,
          batchSize,
        });
      const a = run('mse');
      const b = run(generic);
      expectRel(a.history.loss, b.history.loss, 1e-12);
      expectRel(a.history.gradNorm, b.history.gradNorm, 1e-12);
      expectRel(a.params, Array.from(b.params), 1e-12);
      expect(a.loss).toBeCloseTo(b.loss, 13);
    }
  });

  describe('divergence', () => {
    it('an exploding loss stops the run, keeps the history and the last finite parameters', () => {
      const data = makeArticleData();
      const model = linearRegression({ features: 1 });
      const r = fit(model, data, { optimizer: sgd(5), maxSteps: 1000 });
      expect(r.stopReason).toBe('diverged');
      const { loss } = r.history;
      expect(loss.length).toBe(r.steps);
      expect(loss[r.steps - 1]!).toBeGreaterThan(1e6 * loss[0]!);
      // The returned parameters are those of the previous step: their loss is the one recorded.
      expect(r.loss).toBeCloseTo(loss[r.steps - 2]!, 10);
      expect(Array.from(model.params)).toEqual(Array.from(r.params));
      expect(r.stopMessage).toMatch(
        new RegExp(
          `^the loss \\S+ at step ${r.steps} exceeded 1000000 times the first loss \\S+; ` +
            `kept the parameters of step ${r.steps - 1}, whose loss was \\S+ \\(try a smaller learning rate\\)$`,
        ),
      );
    });

    it('NaN or Infinity predictions stop the run as diverged instead of throwing', () => {
      const data = makeArticleData();
      const model = linearRegression({ features: 1 });
      const r = fit(model, data, {
        optimizer: sgd(1e3),
        maxSteps: 1000,
        divergenceFactor: Infinity,
      });
      expect(r.stopReason).toBe('diverged');
      const last = r.history.loss[r.steps - 1]!;
      expect(Number.isFinite(last)).toBe(false);
      expect(Number.isNaN(r.history.gradNorm[r.steps - 1])).toBe(true);
      expect(r.history.loss.slice(0, -1).every(Number.isFinite)).toBe(true);
      expect(r.params.every(Number.isFinite)).toBe(true);
      expect(r.stopMessage).toMatch(
        new RegExp(`^the loss became (NaN|Infinity) at step ${r.steps}; `),
      );
    });

    it('a loss error that is not divergence still throws', () => {
      const data = makeArticleData();
      const model = linearRegression({ features: 1 });
      // msle needs predictions > -1; zeros minus one row of data give pred 0 > -1, so force -2.
      const bad = { ...data, y: data.y.map((v) => -2 + 0 * v) };
      expect(() => fit(model, bad, { loss: 'msle', optimizer: sgd(0.1), maxSteps: 3 })).toThrow(
        LosslabError,
      );
    });
  });

  describe('callbacks', () => {
    it('onStep sees every step and can stop the run; onEnd gets the history', () => {
      const seen: number[] = [];
      let ended: unknown = null;
      const cb: Callback = {
        onStep(info: StepInfo) {
          seen.push(info.step);
          expect(info.maxSteps).toBe(100);
          expect(info.loss).toBe(info.history.loss[info.step - 1]);
          return info.step === 7 ? 'stop' : undefined;
        },
        onEnd(h) {
          ended = h;
        },
      };
      const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 100,
        callbacks: [cb, { onEnd: () => undefined }],
      });
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(ended).toBe(r.history);
      expect(r.stopReason).toBe('callback');
      expect(r.stopMessage).toBe(
        `a callback stopped the run after step 7 (loss ${Number(r.history.loss[6]!.toPrecision(6))})`,
      );
      // The step that asked to stop was completed: 7 updates, as numpy's 7th iterate.
      const ref = fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 7,
      });
      expect(Array.from(r.params)).toEqual(Array.from(ref.params));
    });

    it('returning false stops too', () => {
      const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        callbacks: [{ onStep: () => false }],
      });
      expect([r.stopReason, r.steps]).toEqual(['callback', 1]);
    });
  });

  it('snapshots the parameters every k updates, from the start to the end', () => {
    const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
      optimizer: sgd(0.1),
      maxSteps: 25,
      snapshotEvery: 10,
    });
    expect(r.history.snapshots.map((s) => s.step)).toEqual([0, 10, 20, 25]);
    expect(Array.from(r.history.snapshots[0]!.params)).toEqual([0, 0]);
    expect(Array.from(r.history.snapshots[3]!.params)).toEqual(Array.from(r.params));
    const ten = fit(linearRegression({ features: 1 }), makeArticleData(), {
      optimizer: sgd(0.1),
      maxSteps: 10,
    });
    expect(Array.from(r.history.snapshots[1]!.params)).toEqual(Array.from(ten.params));
  });

  describe('validation and early stopping', () => {
    const rng = new RandomState(3);
    // A tiny noisy training set and a large validation set: an MLP overfits, validation turns up.
    function noisy(n: number): Dataset {
      const x = rng.uniform(-2, 2, n);
      const y = x.map((v) => Math.sin(2 * v) + 0.6 * rng.randn());
      return { x, y, n, features: 1 };
    }
    const train = noisy(12);
    const validation = noisy(400);

    it('records the validation loss every validationEvery steps', () => {
      const model = mlp({ layers: [1, 16, 1], seed: 1 });
      const r = fit(model, train, {
        optimizer: adam(0.01),
        maxSteps: 20,
        validation,
        validationEvery: 5,
      });
      expect(r.history.valStep).toEqual([5, 10, 15, 20]);
      expect(r.history.valLoss.length).toBe(4);
      expect(r.history.valLoss.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    });

    it('stops when the validation loss stalls and restores the best parameters', () => {
      const model = mlp({ layers: [1, 32, 32, 1], seed: 1 });
      const r = fit(model, train, {
        optimizer: adam(0.02),
        maxSteps: 5000,
        validation,
        earlyStopping: { patience: 50, restoreBest: true },
      });
      expect(r.stopReason).toBe('earlyStopping');
      const { valLoss, valStep } = r.history;
      const best = valLoss.indexOf(Math.min(...valLoss));
      expect(valLoss.length - 1 - best).toBe(50);
      // Restored: the validation loss at the returned parameters is the best one.
      const check = mlp({ layers: [1, 32, 32, 1] });
      check.params.set(r.params);
      const pred = check.forward(validation.x, validation.n);
      let mse = 0;
      pred.forEach((p, i) => (mse += (p - validation.y[i]!) ** 2));
      expect(mse / validation.n).toBeCloseTo(valLoss[best]!, 12);
      expect(r.stopMessage).toContain(`(step ${valStep[best]})`);
      expect(r.stopMessage).toContain(`restored the parameters of step ${valStep[best]}`);
    });

    it('without validation data, early stopping watches the training loss', () => {
      const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 10000,
        earlyStopping: { patience: 3, minDelta: 1e-9 },
      });
      expect(r.stopReason).toBe('earlyStopping');
      expect(r.steps).toBeLessThan(10000);
      expect(r.stopMessage).toMatch(
        /^the loss did not improve on \S+ \(step \d+\) by more than 1e-9 for 3 evaluations$/,
      );
    });
  });

  it('resumes from a returned optimizer state exactly', () => {
    const data = makeArticleData();
    const whole = fit(linearRegression({ features: 1 }), data, {
      optimizer: adam(0.05),
      maxSteps: 40,
    });
    const opt = adam(0.05);
    const model = linearRegression({ features: 1 });
    const first = fit(model, data, { optimizer: opt, maxSteps: 25 });
    const rest = fit(model, data, { optimizer: opt, maxSteps: 15, state: first.state });
    expect(Array.from(rest.params)).toEqual(Array.from(whole.params));
    expect([...first.history.loss, ...rest.history.loss]).toEqual(whole.history.loss);
  });
});
