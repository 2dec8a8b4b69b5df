import { describe, expect, it } from 'vitest';

import { buildFigure } from './buildFigure';
import { parsePayload } from './parsePayload';
import { pluginText } from './pluginText';

const colors = { light: true, background: '#fff', text: '#000', grid: '#ccc', font: 'sans-serif' };
const run = {
  name: 'adam',
  points: [
    [1, 2],
    [2, 1],
  ],
  steps: 2,
  final: 1,
  min: { step: 2, loss: 1 },
  stopReason: 'threshold',
  valPoints: [[2, 1.5]],
  learningRate: [
    [1, 0.1],
    [2, 0.1],
  ],
};

describe('pluginText', () => {
  it('is Chinese for zh and English otherwise', () => {
    expect(pluginText('zh').outliers).toBe('忽略离群值');
    expect(pluginText(undefined).outliers).toBe('Ignore outliers');
    expect(pluginText('fr')).toBe(pluginText('en'));
  });

  it('leaves the chart words to the spec: a zh payload names its traces and panels in Chinese', () => {
    const payload = parsePayload({
      version: 1,
      runs: [run],
      options: {
        logY: false,
        smoothing: 0.5,
        title: '训练损失',
        xLabel: '步数',
        yLabel: '损失',
        locale: 'zh',
      },
    });
    expect(payload.options.locale).toBe('zh');
    const { data, layout } = buildFigure(
      payload,
      { logY: false, smoothing: 0.5, learningRate: true },
      colors,
    );
    expect(data.filter((t) => t.showlegend).map((t) => t.name)).toEqual([
      'adam（最小 1，第 2 步）',
      'adam（验证集）',
    ]);
    expect(data.find((t) => t.uid === 'run-0-lr')!.meta).toBe('adam：学习率');
    expect(layout.yaxis2).toMatchObject({ title: { text: '学习率' } });
    // Without a locale the payload reads as before: English words.
    const en = parsePayload({ version: 1, runs: [run], options: { logY: false, smoothing: 0 } });
    expect(en.options).not.toHaveProperty('locale');
    expect(buildFigure(en, { logY: false, smoothing: 0 }, colors).data[1]?.name).toBe(
      'adam (validation)',
    );
  });
});
