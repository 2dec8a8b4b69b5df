// Metrics beside the loss (Keras' `metrics`): recorded on each step's batch and on validation
// data, aligned with loss and valStep, thinned with them.
import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../data/makeBlobs';
import { accuracy } from '../metrics/accuracy';
import { logisticRegression } from '../models/logisticRegression';
import { sgd } from '../optim/sgd';
import type { FloatArray } from '../types';
import { fit } from './fit';

const acc = (p: FloatArray, y: FloatArray): number => accuracy(p, y, { threshold: 0 });

describe('fit metrics', () => {
  it('records each metric beside the loss and on validation data, as measured directly', () => {
    const data = makeBlobs({ n: 200, seed: 1 });
    const val = makeBlobs({ n: 100, seed: 2 });
    const model = logisticRegression({ features: 2 });
    const start = model.params.slice();
    const h = fit(model, data, {
      optimizer: sgd(0.05),
      maxSteps: 40,
      validation: val,
      validationEvery: 10,
      metrics: { accuracy: acc },
    }).history;
    expect(h.metrics?.accuracy).toHaveLength(h.loss.length);
    expect(h.valMetrics?.accuracy).toHaveLength(h.valStep.length);
    expect(h.valStep).toEqual([10, 20, 30, 40]);
    // Step 1 measures the starting parameters, as its loss does.
    const fresh = logisticRegression({ features: 2 });
    fresh.params.set(start);
    expect(h.metrics?.accuracy?.[0]).toBe(acc(fresh.forward(data.x, data.n), data.y));
    // Training ends better than chance on separable blobs.
    expect(h.metrics?.accuracy?.at(-1)).toBeGreaterThan(0.9);
    expect(h.valMetrics?.accuracy?.at(-1)).toBeGreaterThan(0.9);
  });

  it('thins metrics with the loss, so they stay aligned', () => {
    const data = makeBlobs({ n: 200, seed: 1 });
    const h = fit(logisticRegression({ features: 2 }), data, {
      optimizer: sgd(0.05),
      maxSteps: 500,
      historyLimit: 16,
      metrics: { accuracy: acc, constant: () => 7 },
    }).history;
    expect(h.stride).toBeGreaterThan(1);
    expect(h.metrics?.accuracy).toHaveLength(h.loss.length);
    expect(h.metrics?.constant).toEqual(h.loss.map(() => 7));
  });

  it('names a metric that is not a function', () => {
    expect(() =>
      fit(logisticRegression({ features: 2 }), makeBlobs({ n: 20, seed: 1 }), {
        optimizer: sgd(0.05),
        metrics: { accuracy: 1 as unknown as () => number },
      }),
    ).toThrow("fit: 'metrics.accuracy' must be a function (pred, target) => number, got number");
  });

  it('records the time of each recorded step when asked, increasing, thinned with the loss', () => {
    const h = fit(logisticRegression({ features: 2 }), makeBlobs({ n: 200, seed: 1 }), {
      optimizer: sgd(0.05),
      maxSteps: 300,
      historyLimit: 32,
      recordTime: true,
    }).history;
    expect(h.elapsed).toHaveLength(h.loss.length);
    for (let i = 1; i < (h.elapsed?.length ?? 0); i++) {
      expect(h.elapsed![i]).toBeGreaterThanOrEqual(h.elapsed![i - 1]!);
    }
    expect(h.elapsed![0]).toBeGreaterThanOrEqual(0);
    const plain = fit(logisticRegression({ features: 2 }), makeBlobs({ n: 20, seed: 1 }), {
      optimizer: sgd(0.05),
      maxSteps: 3,
    }).history;
    expect(plain.elapsed).toBeUndefined();
  });
});
