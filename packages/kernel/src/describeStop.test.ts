import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import type { FitOptions } from '@losslab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStop, localizeStopMessage } from './describeStop';
import { setLocale } from './locale';

const data = makeArticleData();
/** The stop message core's fit really writes for these options. */
function stopOf(options: Omit<FitOptions, 'optimizer'> & { lr: number }): string {
  const { lr, ...rest } = options;
  return fit(linearRegression({ features: 1 }), data, { optimizer: sgd(lr), ...rest }).history
    .stopMessage;
}
const numbers = (s: string): string[] => s.match(/-?(Infinity|NaN|\d[\d.]*(e[-+]?\d+)?)/g) ?? [];

// One real message per way a run can stop (and both forms of divergence and early stopping).
const messages: Record<string, string> = {
  threshold: stopOf({ lr: 0.1, threshold: 0.3, maxSteps: 1000 }),
  maxSteps: stopOf({ lr: 0.1, maxSteps: 20 }),
  callback: stopOf({ lr: 0.1, maxSteps: 50, callbacks: [{ onStep: (i) => i.step < 7 }] }),
  exploded: stopOf({ lr: 1.2, maxSteps: 200 }),
  nonFinite: stopOf({ lr: 1e300, maxSteps: 5, divergenceFactor: Infinity }),
  early: stopOf({ lr: 1e-9, maxSteps: 100, earlyStopping: { patience: 3, minDelta: 1 } }),
  earlyRestored: stopOf({
    lr: 1e-9,
    maxSteps: 100,
    earlyStopping: { patience: 3, minDelta: 1, restoreBest: true },
  }),
};

afterEach(() => setLocale('en'));

describe('localizeStopMessage', () => {
  it('covers every message core writes: Chinese, with the same numbers', () => {
    for (const [what, en] of Object.entries(messages)) {
      const zh = localizeStopMessage(en, 'zh');
      // No English word of core's left: every clause was recognised.
      expect(zh.replace(/Infinity|NaN/g, ''), what).not.toMatch(/[a-z]{2,}/);
      expect(zh, what).toMatch(/[\u4e00-\u9fff]/);
      expect(numbers(zh).sort(), what).toEqual(numbers(en).sort());
    }
    expect(messages.nonFinite).toMatch(/became (Infinity|NaN)/);
    expect(messages.exploded).toMatch(/exceeded .* times the first loss/);
    expect(messages.earlyRestored).toMatch(/; restored the parameters of step \d+$/);
  });

  it('keeps English as it is, and an unknown clause rather than lose it', () => {
    expect(localizeStopMessage(messages.maxSteps as string, 'en')).toBe(messages.maxSteps);
    expect(localizeStopMessage('something new; restored the parameters of step 4', 'zh')).toBe(
      'something new；已恢复第 4 步的参数',
    );
    expect(localizeStopMessage('', 'zh')).toBe('');
  });

  it('names itself and the argument for an unknown locale', () => {
    expect(() => localizeStopMessage('x', 'fr' as 'en')).toThrow(
      "localizeStopMessage: 'locale' must be one of 'en', 'zh', got fr",
    );
  });
});

describe('describeStop', () => {
  it('follows setLocale, and an option overrides it', () => {
    const h = { stopMessage: 'loss 0.0199 reached the threshold 0.02 at step 41' };
    expect(describeStop(h)).toBe(h.stopMessage);
    setLocale('zh');
    expect(describeStop(h)).toBe('第 41 步的损失 0.0199 达到了阈值 0.02');
    expect(describeStop(h, { locale: 'en' })).toBe(h.stopMessage);
  });
});
