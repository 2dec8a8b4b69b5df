import { losses } from '@losslab/core';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, getLocale, messages, setLocale } from './locale';
import type { Messages } from './locale';

afterEach(() => setLocale('en'));

/** Every text of a table, with sample arguments. */
function texts(m: Messages): string[] {
  const run = {
    name: 'sgd',
    steps: 3,
    final: '2',
    min: { loss: '1', step: 2 },
    stopReason: 'maxSteps',
  };
  return [
    m.trainingLoss,
    m.step,
    m.loss,
    m.runName(1),
    m.minAt('0.5', 3),
    m.legendMin('0.5', 3),
    m.validation,
    m.divergedAt(3),
    m.noPositiveLoss,
    m.nonPositiveHidden(2),
    m.noDataYet,
    m.summaryRun(run),
    m.summaryRun({ ...run, final: null, min: null, divergedAt: 3, stopReason: 'diverged' }),
    m.progress({
      label: 'a',
      step: 1,
      maxSteps: 2,
      loss: '1',
      rate: '5',
      eta: '1 s',
      doneIn: null,
    }),
    m.progress({
      label: '',
      step: 2,
      maxSteps: 2,
      loss: '1',
      rate: null,
      eta: null,
      doneIn: '1 s',
    }),
    m.lossSurface,
    m.levelLabel('1'),
    m.pathStart,
    m.pathEnd('1', '2'),
    m.surfaceSummary('t', 'w', 'b'),
    m.surfacePath(3, '1', '2'),
    m.lossAtTarget('0'),
    m.gradientAtTarget('0'),
    m.prediction,
    m.shapesSummary('0', ['MSE', 'MAE']),
    m.learningRate,
    m.gradNorm,
    m.history,
    m.bestLoss,
    m.bestMark,
    m.lossName('mse', 'Mean squared error'),
    m.term('regression'),
  ];
}

describe('locale', () => {
  it('is English until set, and set once for every later call', () => {
    expect(getLocale()).toBe('en');
    expect(messages().divergedAt(3)).toBe('diverged at step 3');
    setLocale('zh');
    expect(getLocale()).toBe('zh');
    expect(messages().divergedAt(3)).toBe('第 3 步发散');
    expect(messages('en').divergedAt(3)).toBe('diverged at step 3');
  });

  it('writes the English summary and progress lines the helper always wrote', () => {
    const m = messages('en');
    expect(
      m.summaryRun({
        name: 'gd',
        steps: 3,
        final: '2',
        min: { loss: '1', step: 2 },
        stopReason: 'maxSteps',
      }),
    ).toBe('gd: 3 steps, final 2, min 1 at step 2 (maxSteps)');
    expect(
      m.progress({
        label: 'adam',
        step: 250,
        maxSteps: 1000,
        loss: '0.01235',
        rate: '500',
        eta: '1.5 s',
        doneIn: null,
      }),
    ).toBe('adam  step 250/1000  loss 0.01235  500 steps/s  ETA 1.5 s');
  });

  it('has every text in Chinese, with the same numbers as the English one', () => {
    const en = texts(messages('en'));
    const zh = texts(messages('zh'));
    const digits = (s: string): string[] => s.match(/\d+(\.\d+)?/g) ?? [];
    zh.forEach((text, i) => {
      expect(text, en[i]).toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      // Only the few Latin letters that are symbols (ŷ, y, w, b), the run name and the units.
      expect(text.replace(/\b(sgd|MSE|MAE|s|t|a|w|b|y|ŷ)\b/g, ''), en[i]).not.toMatch(/[A-Za-z]/);
      expect([...digits(text)].sort(), en[i]).toEqual([...digits(en[i] as string)].sort());
    });
    expect(
      messages('zh').summaryRun({
        name: 'sgd',
        steps: 3,
        final: '2',
        min: null,
        stopReason: 'threshold',
      }),
    ).toBe('sgd：3 步，最终 2，没有有限的损失值（达到阈值）');
  });

  it('names every loss of the core registry and every registry word in Chinese', () => {
    const zh = messages('zh');
    for (const info of losses) {
      expect(zh.lossName(info.id, info.name), info.id).toMatch(/[\u4e00-\u9fff]/);
      for (const word of [info.kind, info.pred, info.target]) {
        expect(zh.term(word), word).not.toBe(word === 'logits' ? '' : word);
      }
    }
    expect(messages('en').lossName('mse', 'Mean squared error')).toBe('Mean squared error');
  });

  it('refuses a locale it does not know, naming the function and the argument', () => {
    expect(() => setLocale('fr' as 'en')).toThrow(
      "setLocale: 'locale' must be one of 'en', 'zh', got fr",
    );
    expect(getLocale()).toBe('en');
    expect(LOCALES).toEqual(['en', 'zh']);
  });
});
