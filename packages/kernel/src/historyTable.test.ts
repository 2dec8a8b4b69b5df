import { describe, expect, it } from 'vitest';
import { historyTableBundle, historyTableIndices } from './historyTable';

describe('historyTableIndices', () => {
  it('spreads rows evenly and always includes first, last and best', () => {
    const loss = Array.from({ length: 101 }, (_, i) => (i === 37 ? -1 : 100 - i));
    expect(historyTableIndices(loss, { rows: 5 })).toEqual([0, 25, 37, 50, 75, 100]);
    expect(historyTableIndices(loss, { steps: [3, 1, 3] })).toEqual([0, 2]);
  });

  it('rejects steps out of range', () => {
    expect(() => historyTableIndices([1, 2], { steps: [3] })).toThrow(
      "historyTable: 'steps' has 3, outside 1..2",
    );
  });
});

describe('historyTableBundle', () => {
  it('renders an escaped HTML table with the columns the history has', () => {
    const b = historyTableBundle({
      name: '<b>run</b>',
      loss: [4, 1, 2],
      learningRate: [0.1, 0.1, 0.05],
      gradNorm: [3, 1, 2],
    });
    const html = b.data['text/html'] as string;
    expect(html).toContain('<caption>&lt;b&gt;run&lt;/b&gt;</caption>');
    expect(html).toContain('<th>step</th><th>loss</th><th>learning rate</th><th>grad norm</th>');
    expect((html.match(/<tr/g) ?? []).length).toBe(4);
    expect(html).toContain(
      '<tr style="font-weight:bold" title="best loss"><td style="text-align:right">2</td>',
    );
    expect(b.data['text/plain']).toBe(
      [
        '<b>run</b>',
        'step  loss  learning rate  grad norm',
        '   1     4            0.1          3',
        '   2     1            0.1          1  (best)',
        '   3     2           0.05          2',
      ].join('\n'),
    );
  });
});

describe('historyTableBundle in Chinese', () => {
  it('writes headers in Chinese and aligns them by columns, two per character', () => {
    const bundle = historyTableBundle(
      { name: '梯度下降', loss: [4, 1, 2], learningRate: [0.1, 0.1, 0.1] },
      { locale: 'zh' },
    );
    expect(bundle.data['text/plain']).toBe(
      [
        '梯度下降',
        '步数  损失  学习率',
        '   1     4     0.1',
        '   2     1     0.1  （最小）',
        '   3     2     0.1',
      ].join('\n'),
    );
    expect(String(bundle.data['text/html'])).toContain('<th>学习率</th>');
    expect(String(bundle.data['text/html'])).toContain('title="最小损失"');
  });
});
