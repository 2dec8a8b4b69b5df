import { describe, expect, it } from 'vitest';
import type { LegendBox } from './svgLegend';
import { estimateTextWidth, svgLegend, svgTitle } from './svgLegend';

describe('svgLegend', () => {
  it('fills rows of equal columns and grows the chart by its rows', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ label: `run ${i}`, color: '#000' }));
    const legend = svgLegend(entries, { width: 640, height: 360 });
    expect(legend.width).toBe(640);
    // 'run 0' is at most 0.65 + 0.42 + 0.65 + 0.42 + 0.65 em: all five fit in one row.
    expect(new Set(legend.boxes.map((b) => b.y)).size).toBe(1);
    expect(legend.height).toBe(360 + 15 + 8);
  });

  it('widens the chart when one label alone is wider, and draws nothing without entries', () => {
    const label = 'W'.repeat(80);
    const legend = svgLegend([{ label, color: '#000' }], { width: 300, height: 200 });
    expect(legend.width).toBeCloseTo(16 + 22 + estimateTextWidth(label, 11) + 16, 6);
    expect(svgLegend([], { width: 300, height: 200 })).toEqual({
      markup: '',
      boxes: [],
      width: 300,
      height: 200,
    });
  });

  it('escapes labels, titles, colours and dashes', () => {
    const { markup } = svgLegend(
      [{ label: '<a>', color: '"x', dash: '"5', title: '</title><script>' }],
      { width: 300, height: 200 },
    );
    expect(markup).not.toMatch(/<a>|<script|="x|="5/);
  });
});

/** True when two boxes share any area. */
function overlap(a: LegendBox, b: LegendBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('Chinese text in charts', () => {
  it('counts a wide character as one em, twice a half-em Latin cell', () => {
    expect(estimateTextWidth('损失函数', 10)).toBe(40);
    expect(estimateTextWidth('（最小，第 5 步）', 10)).toBeCloseTo(10 * (7 + 2 * 0.42 + 0.65), 9);
    expect(estimateTextWidth('中', 11)).toBeGreaterThanOrEqual(2 * 0.5 * 11);
  });

  it('lays out Chinese legend entries without overlap, inside the chart', () => {
    const labels = ['学习率 0.01', '学习率 0.1', '学习率 0.5', '学习率 1.2'].map(
      (name, i) => `${name}（最小 0.2643，第 ${57 + i} 步）`,
    );
    for (const width of [640, 420, 260]) {
      const legend = svgLegend(
        labels.map((label) => ({ label, color: '#000' })),
        { width, height: 300 },
      );
      legend.boxes.forEach((a, i) => {
        // Each box is as wide as its estimate, starts inside and ends inside the SVG.
        expect(a.width).toBe(estimateTextWidth(labels[i] as string, 11));
        expect(a.x + a.width).toBeLessThanOrEqual(legend.width - 16);
        expect(a.y).toBeGreaterThanOrEqual(300);
        expect(a.y + a.height).toBeLessThanOrEqual(legend.height);
        legend.boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false));
      });
    }
  });

  it('shrinks a title that would not fit, keeps one that does', () => {
    expect(svgTitle('训练损失', { x: 320, y: 20, maxWidth: 600, fontSize: 14 })).toContain(
      'font-size="14"',
    );
    const long = '5.4 节：七种优化器在同一个问题上的损失（均方误差，对数坐标）'.repeat(2);
    const size = Number(
      /font-size="([\d.]+)"/.exec(
        svgTitle(long, { x: 320, y: 20, maxWidth: 600, fontSize: 14 }),
      )?.[1],
    );
    expect(size).toBeLessThan(14);
    expect(estimateTextWidth(long, size)).toBeLessThanOrEqual(600);
    expect(svgTitle('<b>', { x: 0, y: 0, maxWidth: 100, fontSize: 10 })).toContain('&lt;b&gt;');
  });
});
