import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import { describe, expect, it } from 'vitest';

import { historyCsv } from './historyCsv';
import { lossCurvePayload } from './lossCurvePayload';

describe('historyCsv', () => {
  it('writes every step of every run, learning rate and validation included', () => {
    const data = makeArticleData();
    const runs = [0.1, 0.01].map(
      (lr) =>
        fit(linearRegression({ features: 1 }), data, {
          optimizer: sgd(lr),
          maxSteps: 2000,
          threshold: 0,
          name: `lr ${lr}`,
        }).history,
    );
    const csv = historyCsv(runs).split('\r\n');
    expect(csv[0]).toBe('run,step,loss,learning_rate,grad_norm,val_loss');
    // 2000 steps each: all of them, where the chart's payload keeps a few hundred points.
    expect(csv.filter((r) => r.startsWith('lr 0.1,'))).toHaveLength(2000);
    expect(csv.filter((r) => r.startsWith('lr 0.01,'))).toHaveLength(2000);
    expect(lossCurvePayload(runs).runs[0]!.points.length).toBeLessThan(600);
    const [name, step, loss, lr, grad] = csv[2000]!.split(',');
    expect([name, Number(step), Number(loss), Number(lr), Number(grad)]).toEqual([
      'lr 0.1',
      2000,
      runs[0]!.loss[1999],
      0.1,
      runs[0]!.gradNorm[1999],
    ]);
  });

  it('joins validation and metrics by step, leaves non-finite values empty, defuses names', () => {
    const csv = historyCsv({
      name: '=cmd',
      loss: [1, Number.NaN, 0.5],
      valLoss: [0.8],
      valStep: [3],
      metrics: { accuracy: [0.5, 0.6, 0.7] },
      valMetrics: { accuracy: [0.65] },
    });
    expect(csv.split('\r\n')).toEqual([
      'run,step,loss,learning_rate,grad_norm,val_loss,accuracy,val_accuracy',
      "'=cmd,1,1,,,,0.5,",
      "'=cmd,2,,,,,0.6,",
      "'=cmd,3,0.5,,,0.8,0.7,0.65",
      '',
    ]);
    expect(() => historyCsv([{} as never])).toThrow(
      "historyCsv: 'histories[0]' has no 'loss' array",
    );
  });
});
