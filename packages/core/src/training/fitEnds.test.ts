// How a run ends when something throws, and how a long run stays within its memory budget.
import { describe, expect, it } from 'vitest';
import { makeArticleData } from '../data/makeArticleData';
import { LosslabError } from '../errors';
import { mseLoss } from '../losses/mseLoss';
import type { LossFn } from '../losses/registry';
import { linearRegression } from '../models/linearRegression';
import { sgd } from '../optim/sgd';
import type { Callback } from './Callback';
import type { History } from './History';
import { fit } from './fit';

/** A callback that keeps what onEnd received. */
function recorder(): Callback & { ends: { history: History; error: unknown }[]; steps: number } {
  const r = {
    ends: [] as { history: History; error: unknown }[],
    steps: 0,
    onStep(): void {
      r.steps++;
    },
    onEnd(history: History, error?: unknown): void {
      r.ends.push({ history, error });
    },
  };
  return r;
}

describe('fit: every end is an end', () => {
  it('a loss that throws mid-run: onEnd hears the error, the history says where, fit rethrows it unchanged', () => {
    // A loss that refuses its input at the 41st call, as a domain check does mid-run.
    let calls = 0;
    const picky: LossFn = (pred, target, options) => {
      if (++calls === 41) {
        throw new LosslabError('pickyLoss', 'pred', `'pred' went out of its domain`);
      }
      return mseLoss(pred, target, options);
    };
    const rec = recorder();
    let thrown: unknown;
    try {
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        loss: picky,
        optimizer: sgd(0.05),
        maxSteps: 1000,
        callbacks: [rec],
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LosslabError);
    expect(rec.ends).toHaveLength(1);
    const { history, error } = rec.ends[0]!;
    expect(error).toBe(thrown);
    expect(history.stopReason).toBe('error');
    expect(history.steps).toBe(40);
    expect(history.stopMessage).toBe(
      "stopped by an error at step 41: pickyLoss: 'pred' went out of its domain",
    );
    expect(history.loss).toHaveLength(history.steps);
    expect(rec.steps).toBe(history.steps);
  });

  it('a callback that throws: the other callbacks still end, the error is rethrown as it was', () => {
    const boom = new RangeError('callback broke');
    const bad: Callback = {
      onStep(info) {
        if (info.step === 7) {
          throw boom;
        }
      },
    };
    const rec = recorder();
    expect(() =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 100,
        callbacks: [bad, rec],
      }),
    ).toThrow(boom);
    expect(rec.ends[0]!.error).toBe(boom);
    expect(rec.ends[0]!.history.stopMessage).toBe('stopped by an error at step 7: callback broke');
    expect(rec.ends[0]!.history.steps).toBe(7);
  });

  it("an onEnd that throws does not stop the other onEnd calls; the run's own error wins", () => {
    const runError = new Error('from the run');
    const rec = recorder();
    expect(() =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 10,
        callbacks: [
          {
            onStep: (i) => {
              if (i.step === 3) {
                throw runError;
              }
            },
            onEnd: () => {
              throw new Error('from onEnd');
            },
          },
          rec,
        ],
      }),
    ).toThrow(runError);
    expect(rec.ends).toHaveLength(1);
    // Without a run error, the first onEnd error is thrown after all onEnd ran.
    const rec2 = recorder();
    expect(() =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        maxSteps: 10,
        callbacks: [
          {
            onEnd: () => {
              throw new Error('from onEnd');
            },
          },
          rec2,
        ],
      }),
    ).toThrow('from onEnd');
    expect(rec2.ends[0]!.history.stopReason).toBe('maxSteps');
  });

  it('names a callback that is not an object', () => {
    expect(() =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        callbacks: [null as unknown as Callback],
      }),
    ).toThrow("fit: 'callbacks[0]' must be a Callback object (with onStep and/or onEnd), got null");
  });
});

describe('fit: a history within a fixed budget', () => {
  it('thins to every other step past historyLimit, keeping the exact minimum and last loss', () => {
    const data = makeArticleData();
    const opts = { optimizer: sgd(0.01), maxSteps: 5000 };
    const full = fit(linearRegression({ features: 1 }), data, opts).history;
    const thin = fit(linearRegression({ features: 1 }), data, {
      ...opts,
      historyLimit: 100,
    }).history;
    expect(full.stride).toBe(1);
    expect(full.loss).toHaveLength(5000);
    // 5000 steps into at most 100 entries: stride 64 keeps ceil(5000 / 64) = 79.
    expect(thin.stride).toBe(64);
    expect(thin.loss.length).toBeLessThanOrEqual(100);
    expect(thin.loss).toHaveLength(Math.ceil(5000 / 64));
    thin.loss.forEach((v, i) => expect(v).toBe(full.loss[i * 64]));
    thin.learningRate.forEach((v, i) => expect(v).toBe(full.learningRate[i * 64]));
    thin.gradNorm.forEach((v, i) => expect(v).toBe(full.gradNorm[i * 64]));
    expect(thin.steps).toBe(5000);
    expect(thin.lastLoss).toBe(full.loss[4999]);
    const min = Math.min(...full.loss);
    expect(thin.minLoss).toBe(min);
    expect(thin.minStep).toBe(full.loss.indexOf(min) + 1);
    expect(full.minLoss).toBe(min);
  });

  it('thins validation entries and snapshots too', () => {
    const data = makeArticleData();
    const h = fit(linearRegression({ features: 1 }), data, {
      optimizer: sgd(0.01),
      maxSteps: 400,
      validation: data,
      snapshotEvery: 1,
      historyLimit: 16,
    }).history;
    expect(h.valLoss.length).toBeLessThanOrEqual(16);
    expect(h.valStep.length).toBe(h.valLoss.length);
    expect(h.snapshots.length).toBeLessThanOrEqual(17);
    expect(h.snapshots[0]!.step).toBe(0);
    expect(h.snapshots[h.snapshots.length - 1]!.step).toBe(400);
  });

  it('rejects a historyLimit below 16', () => {
    expect(() =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.1),
        historyLimit: 8,
      }),
    ).toThrow(LosslabError);
  });
});
