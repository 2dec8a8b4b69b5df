import { describe, expect, it } from 'vitest';
import { estimateTextWidth, svgLegend } from './svgLegend';

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
