import { describe, expect, it } from 'vitest';

import { buildFigure } from './buildFigure';
import { parsePayload } from './parsePayload';
import { pluginText, STALE_MS } from './pluginText';

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

describe('how a run stands, in the summary line', () => {
  const base = { name: 'gd', steps: 40, final: 0.5, min: { step: 40, loss: 0.5 } };
  it('says a live run is running while its frames are fresh, and how long since the last one after', () => {
    const t = 1_700_000_000_000;
    const run = { ...base, stopReason: 'running' as const, updatedAt: t };
    expect(pluginText('en').summaryRun(run, t + 5000)).toBe(
      'gd: 40 steps, final 0.5000, best 0.5000 at step 40 (running)',
    );
    expect(pluginText('en').summaryRun(run, t + STALE_MS + 1000)).toBe(
      'gd: 40 steps, final 0.5000, best 0.5000 at step 40 (no update for 31 s)',
    );
    expect(pluginText('en').summaryRun(run, t + 3 * 60_000)).toMatch(/\(no update for 3 min\)$/);
    expect(pluginText('zh').summaryRun(run, t + 3 * 60_000)).toMatch(/（已 3 分钟没有更新）$/);
  });

  it('says how an error or an interrupt ended a run', () => {
    const error = {
      ...base,
      stopReason: 'error' as const,
      stopMessage: "stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3",
    };
    expect(pluginText('en').summaryRun(error)).toBe(
      "gd: 40 steps, final 0.5000, best 0.5000 at step 40 (stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3)",
    );
    const stopped = {
      ...base,
      stopReason: 'interrupted' as const,
      stopMessage: 'interrupted at step 40',
    };
    expect(pluginText('en').summaryRun(stopped, Date.now())).toMatch(/\(interrupted at step 40\)$/);
  });
});
