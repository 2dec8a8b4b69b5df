// A fit with metrics draws them live: the chart's payload carries each metric of the history,
// for training and validation, as Keras' and livelossplot's plots show them.
import { accuracy, fit, logisticRegression, makeBlobs, sgd } from '@losslab/core';
import type { FloatArray } from '@losslab/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayContent } from './display';
import { setDisplayWriter } from './display';
import { liveLossCurve } from './liveLossCurve';
import { LOSS_CURVE_MIME } from './payload';
import type { LossCurvePayload } from './payload';

afterEach(() => setDisplayWriter(undefined));

describe('liveLossCurve with fit metrics', () => {
  it('sends accuracy beside the loss, training and validation, ending on the history', () => {
    const sent: DisplayContent[] = [];
    setDisplayWriter((content) => sent.push(content));
    const acc = (p: FloatArray, y: FloatArray): number => accuracy(p, y, { threshold: 0 });
    const { history } = fit(logisticRegression({ features: 2 }), makeBlobs({ n: 200, seed: 1 }), {
      optimizer: sgd(0.05),
      maxSteps: 60,
      validation: makeBlobs({ n: 100, seed: 2 }),
      validationEvery: 10,
      metrics: { accuracy: acc },
      callbacks: [liveLossCurve({ throttleMs: 0 })],
    });
    const last = sent.at(-1)?.data[LOSS_CURVE_MIME] as LossCurvePayload;
    const metric = last.runs[0]?.metrics?.[0];
    expect(metric?.name).toBe('accuracy');
    expect(metric?.points.at(-1)).toEqual([60, history.metrics?.accuracy?.at(-1)]);
    expect(metric?.valPoints?.map(([step]) => step)).toEqual(history.valStep);
    expect(metric?.valPoints?.at(-1)?.[1]).toBe(history.valMetrics?.accuracy?.at(-1));
    // Frames sent while training carried it too.
    const first = sent[0]?.data[LOSS_CURVE_MIME] as LossCurvePayload;
    expect(first.runs[0]?.stopReason).toBe('running');
    expect(first.runs[0]?.metrics?.[0]?.name).toBe('accuracy');
  });
});
