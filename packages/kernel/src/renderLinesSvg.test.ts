import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderLinesSvg } from './renderLinesSvg';
import { estimateTextWidth } from './svgLegend';

const parse = (svg: string): Document => {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('renderLinesSvg', () => {
  it('draws one path per series and escapes the names', () => {
    const svg = renderLinesSvg(
      [
        { name: '<b>&', x: [0, 1, 2], y: [0, 1, 4] },
        { name: 'gap', x: [0, 1, 2], y: [1, null, 1] },
      ],
      { title: 'a "title"' },
    );
    const doc = parse(svg);
    expect(svg).not.toMatch(/<script|<style|<b>/i);
    expect(doc.querySelectorAll('path[stroke-width="1.8"]')).toHaveLength(2);
    expect(Array.from(doc.querySelectorAll('text')).map((t) => t.textContent)).toContain('<b>&');
  });

  it('puts the legend below the plot and inside the viewBox, for 1 to 10 series', () => {
    for (let count = 1; count <= 10; count++) {
      const series = Array.from({ length: count }, (_, k) => ({
        name: `${k % 2 === 0 ? 'Huber, delta = 1.0' : 'W'.repeat(28)} ${k}`,
        x: [-2, 0, 2],
        y: [k, 0, k],
      }));
      const doc = parse(renderLinesSvg(series, { title: 'shapes', xLabel: 'residual' }));
      const [, , vbW, vbH] = (doc.documentElement.getAttribute('viewBox') as string)
        .split(' ')
        .map(Number) as [number, number, number, number];
      const texts = Array.from(doc.querySelectorAll('text'));
      const xLabel = texts.find((t) => t.textContent === 'residual') as Element;
      // The plot's frame: its path starts at the top left and ends at the bottom right.
      const frame = (doc.querySelector('path[fill="none"]') as Element).getAttribute('d') as string;
      const plotBottom = Number(/V(\d+(\.\d+)?)/.exec(frame)?.[1]);
      const below = Math.max(plotBottom, Number(xLabel.getAttribute('y')));
      const labels = texts.filter((t) => series.some((s) => s.name === t.textContent));
      expect(labels).toHaveLength(count);
      for (const t of labels) {
        const x = Number(t.getAttribute('x'));
        const baseline = Number(t.getAttribute('y'));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x + estimateTextWidth(t.textContent ?? '', 11)).toBeLessThanOrEqual(vbW);
        expect(baseline - 11).toBeGreaterThan(below);
        expect(baseline + 11 / 3).toBeLessThanOrEqual(vbH);
      }
    }
  });
});
