// fit in float32 (a float32 model on float32 data) against idiomatic float32 PyTorch 1.13 training
// of the same model (nn.Linear(1, 1) from zeros, MSELoss, autograd, full batch; fixtures written
// by packages/core/scripts/gen_torch_float32_fixtures.py), and the float64 path untouched by it.
import { describe, expect, it } from 'vitest';
import { makeArticleData } from '../data/makeArticleData';
import { linearRegression } from '../models/linearRegression';
import { logisticRegression } from '../models/logisticRegression';
import { adam } from '../optim/adam';
import { adamw } from '../optim/adamw';
import { relError } from '../optim/fixtures/torch';
import { readFixture } from '../optim/fixtures/trajectory';
import type { GradientTransformation } from '../optim/GradientTransformation';
import { rmsprop } from '../optim/rmsprop';
import { sgd } from '../optim/sgd';
import { fit } from './fit';

interface TorchFit {
  optimizer: 'sgd' | 'adam' | 'adamw' | 'rmsprop';
  lr: number;
  options?: Record<string, number>;
  steps: number;
  loss: number[];
  params: number[];
  finalLoss: number;
  float64Loss: number[];
  float64Params: number[];
  float64FinalLoss: number;
}

const { fits } = readFixture<{ fits: TorchFit[] }>('torchFloat32.json');

const ALIASES = { sgd, adam, adamw, rmsprop } as unknown as Record<
  TorchFit['optimizer'],
  (lr: number, options?: Record<string, number>) => GradientTransformation
>;

// As in optim/torchFloat32.test.ts: at most SLACK times the distance between PyTorch's float32
// and float64 runs (what float32 rounding alone does), never less than MIN_TOLERANCE. PyTorch
// computes the loss and gradient in float32 (its own summation order); fit's fused MSE step sums
// the float32 data in float64 and rounds the gradient to float32.
const SLACK = 8;
const MIN_TOLERANCE = 4e-6;

describe('fit in float32 against PyTorch 1.13 float32 training', () => {
  const article = makeArticleData();
  const data = {
    x: Float32Array.from(article.x),
    y: Float32Array.from(article.y),
    n: 100,
    features: 1,
  };

  it.each(
    fits.map((f) => [`${f.optimizer}(${f.lr}, ${JSON.stringify(f.options ?? {})})`, f] as const),
  )('%s', (_title, ref) => {
    const model = linearRegression({ features: 1, dtype: 'float32' });
    const run = fit(model, data, {
      optimizer: ALIASES[ref.optimizer](ref.lr, ref.options),
      maxSteps: ref.steps,
    });
    expect(run.params).toBeInstanceOf(Float32Array);
    expect(model.params).toBeInstanceOf(Float32Array);
    const paramTol = Math.max(SLACK * relError(ref.float64Params, ref.params, 1e-2), MIN_TOLERANCE);
    expect(relError(Array.from(run.params), ref.params, 1e-2)).toBeLessThan(paramTol);
    const lossTol = Math.max(SLACK * relError(ref.float64Loss, ref.loss, 1e-6), MIN_TOLERANCE);
    expect(relError(run.history.loss, ref.loss, 1e-6)).toBeLessThan(lossTol);
    expect(Math.abs(run.loss - ref.finalLoss) / ref.finalLoss).toBeLessThan(lossTol);
  });

  it('trains a Float32Array model the same through the generic path (forward, loss, backward)', () => {
    // Huber with a huge delta is MSE / 2 with the fused MSE step off: the generic path in float32.
    const fused = fit(linearRegression({ features: 1, dtype: 'float32' }), data, {
      optimizer: sgd(0.1),
      maxSteps: 200,
    });
    const generic = fit(linearRegression({ features: 1, dtype: 'float32' }), data, {
      loss: 'huber',
      lossOptions: { delta: 1e9 },
      optimizer: sgd(0.2),
      maxSteps: 200,
    });
    expect(relError(Array.from(generic.params), Array.from(fused.params), 1e-2)).toBeLessThan(1e-5);
  });

  it('takes float32 data into a float64 model, and float64 data into a float32 model', () => {
    const wide = fit(linearRegression({ features: 1 }), data, {
      optimizer: sgd(0.1),
      maxSteps: 500,
    });
    expect(wide.params).toBeInstanceOf(Float64Array);
    const narrow = fit(linearRegression({ features: 1, dtype: 'float32' }), article, {
      optimizer: sgd(0.1),
      maxSteps: 500,
    });
    expect(narrow.params).toBeInstanceOf(Float32Array);
    // Both reach the least-squares fit of the article's data (2.0573, 3.0376) to float32 accuracy.
    expect(relError(Array.from(wide.params), [2.05734922, 3.03757654], 1)).toBeLessThan(1e-6);
    expect(relError(Array.from(narrow.params), [2.05734922, 3.03757654], 1)).toBeLessThan(1e-6);
  });

  it('trains a float32 logistic regression with mini-batches and validation', () => {
    const rows = 64;
    const x = new Float32Array(rows * 2);
    const y = new Float32Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = i % 2;
      x[2 * i] = c === 1 ? 1 + Math.sin(i) : -1 + Math.cos(i);
      x[2 * i + 1] = c === 1 ? 1 + Math.cos(3 * i) : -1 + Math.sin(5 * i);
      y[i] = c;
    }
    const set = { x, y, n: rows, features: 2 };
    const model = logisticRegression({ features: 2, dtype: 'float32' });
    const run = fit(model, set, {
      optimizer: adam(0.1),
      maxSteps: 100,
      batchSize: 16,
      validation: set,
      snapshotEvery: 50,
    });
    expect(run.params).toBeInstanceOf(Float32Array);
    expect(run.loss).toBeLessThan(0.1);
    expect(run.history.valLoss.length).toBe(25);
    expect(run.history.snapshots.map((s) => s.step)).toEqual([0, 50, 100]);
    run.history.snapshots.forEach((s) => expect(s.params).toBeInstanceOf(Float64Array));
  });
});
