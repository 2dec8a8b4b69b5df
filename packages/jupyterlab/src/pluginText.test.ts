import { describe, expect, it } from 'vitest';

import { buildFigure } from './buildFigure';
import { parsePayload } from './parsePayload';
import { pluginText } from './pluginText';

const colors = { background: '#fff', text: '#000', grid: '#ccc', font: 'sans-serif' };
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
  it('is Chinese for zh and English otherwise, with the same figures', () => {
    const r = {
      name: 'adam',
      steps: 2,
      final: 1,
      min: { step: 2, loss: 1 },
      stopReason: 'threshold' as const,
    };
    expect(pluginText('zh').summaryRun(r)).toBe(
      'adam：2 步，最终 1.000，最小 1.000（第 2 步）（达到阈值）',
    );
    expect(pluginText(undefined).summaryRun(r)).toBe(
      'adam: 2 steps, final 1.000, best 1.000 at step 2 (threshold)',
    );
    expect(pluginText('fr')).toBe(pluginText('en'));
  });

  it('names the traces and the learning-rate axis of a zh payload in Chinese', () => {
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
    expect(data.map((t) => t.name)).toEqual(['adam', 'adam', 'adam（验证集）', 'adam（学习率）']);
    expect(data.map((t) => t.hovertemplate)).toEqual([
      '%{fullData.name}<br>第 %{x} 步<br>损失 %{y:.6g}<extra></extra>',
      '%{fullData.name}（平滑）<br>第 %{x} 步<br>损失 %{y:.6g}<extra></extra>',
      '%{fullData.name}<br>第 %{x} 步<br>损失 %{y:.6g}<extra></extra>',
      '%{fullData.name}<br>第 %{x} 步<br>学习率 %{y:.4g}<extra></extra>',
    ]);
    expect(layout.yaxis2).toMatchObject({ title: { text: '学习率' } });
    // Without a locale the payload reads as before: English words.
    const en = parsePayload({ version: 1, runs: [run], options: { logY: false, smoothing: 0 } });
    expect(en.options).not.toHaveProperty('locale');
    expect(buildFigure(en, { logY: false, smoothing: 0 }, colors).data[1]?.name).toBe(
      'adam (validation)',
    );
  });
});
