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

describe('renderLinesSvg with data points and fitted lines', () => {
  it('scales to the points, clips the lines to the frame, and draws ticks on both axes', () => {
    const x = [-2, -1, 0, 1, 2];
    const svg = renderLinesSvg(
      [
        { name: 'data', x, y: [-1, 1, 3, 5, 7], mode: 'markers' },
        { name: 'outliers', x: [0], y: [12], mode: 'markers', ring: true },
        { name: 'truth: y = 2x + 3', x: [-2, 2], y: [-1, 7], color: '#555', dashed: true },
        { name: 'steep', x: [-2, 2], y: [-40, 40] },
      ],
      { title: 'fit', xLabel: 'x', yLabel: 'y' },
    );
    const doc = parse(svg);
    expect(doc.querySelectorAll('circle[fill="none"]')).toHaveLength(1);
    expect(doc.querySelectorAll('circle[r="2.5"]')).toHaveLength(5);
    // The lines sit in the clipped group; the y labels span the points, not the steep line.
    const clipped = doc.querySelector('g[clip-path]')!;
    expect(clipped.querySelectorAll('path')).toHaveLength(2);
    expect(clipped.querySelector('path[stroke-dasharray="6 4"]')?.getAttribute('stroke')).toBe(
      '#555',
    );
    const labels = Array.from(doc.querySelectorAll('text[text-anchor="end"]')).map((t) =>
      Number(t.textContent),
    );
    expect(Math.max(...labels)).toBeLessThanOrEqual(12);
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(-2);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    const xLabels = Array.from(doc.querySelectorAll('text[text-anchor="middle"]')).map(
      (t) => t.textContent,
    );
    expect(xLabels).toEqual(expect.arrayContaining(['-2', '-1', '0', '1', '2']));
    // The truth's legend entry keeps its (dark on the white card) colour, dashed.
    expect(doc.querySelector('line[stroke="#555"][stroke-dasharray="6 4"]')).not.toBeNull();
  });
});
