import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { lossCurvePayload } from './lossCurvePayload';
import type { HistoryLike } from './lossCurvePayload';
import { renderCurveSvg } from './renderCurveSvg';
import { estimateTextWidth } from './svgLegend';

/** Parses the SVG as XML (a malformed document throws) and checks every coordinate is finite. */
function parse(svg: string): Document {
  const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  for (const el of Array.from(doc.getElementsByTagName('*')) as Element[]) {
    for (const attr of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'd']) {
      const v = el.getAttribute(attr);
      if (v !== null) {
        expect(v, `${el.tagName} ${attr}`).not.toMatch(/NaN|Infinity|undefined/);
        for (const n of v.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g) ?? []) {
          // Inside the viewBox give or take a label's offset.
          expect(Math.abs(Number(n))).toBeLessThan(1000);
        }
      }
    }
  }
  return doc;
}

function render(
  h: HistoryLike | HistoryLike[],
  options?: Parameters<typeof lossCurvePayload>[1],
): Document {
  return parse(renderCurveSvg(lossCurvePayload(h, options)));
}

/** What each <text> shows (its own text nodes: a <title> child is a tooltip). */
const ownText = (t: Element): string =>
  Array.from(t.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');
const texts = (doc: Document): string[] =>
  Array.from(doc.getElementsByTagName('text')).map(ownText);

/** The polyline segments of the curve paths: one entry per `M`. */
const segments = (doc: Document): number =>
  Array.from(doc.querySelectorAll('path[data-series]')).reduce(
    (n, p) => n + ((p.getAttribute('d') ?? '').match(/M/g) ?? []).length,
    0,
  );

describe('renderCurveSvg', () => {
  it('is self-contained and scales with its container', () => {
    const svg = renderCurveSvg(lossCurvePayload({ loss: [3, 2, 1] }));
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 640 360');
    expect(root.getAttribute('width')).toBe('100%');
    expect(svg).not.toMatch(/<script|<style|href=|src=|url\((?!#)/i);
    expect(svg).not.toMatch(/\son\w+=/i);
  });

  it('draws a single point', () => {
    const doc = render({ name: 'one', loss: [0.5] });
    expect(texts(doc)).toContain('min 0.5 at step 1');
    expect(doc.querySelectorAll('circle')).toHaveLength(1);
  });

  it('draws all-equal values with a y range around them', () => {
    const doc = render({ loss: [2, 2, 2, 2] });
    const labels = texts(doc).map(Number).filter(Number.isFinite);
    expect(Math.min(...labels)).toBeLessThan(2);
    expect(Math.max(...labels)).toBeGreaterThan(2);
  });

  it('draws huge ranges, linear and log', () => {
    render({ loss: [1.7e308, -1.7e308, 1e-300, 0] });
    const doc = render({ loss: [1e300, 1e-300, 1] }, { logY: true });
    expect(texts(doc).some((t) => /e\+\d{2,3}$/.test(t))).toBe(true);
  });

  it('leaves values <= 0 off a log axis with a note, or falls back to linear', () => {
    const mixed = render({ loss: [1, 0.1, 0, -1, 0.01] }, { logY: true });
    expect(texts(mixed)).toContain('2 values <= 0 not shown on the log scale');
    const allBad = render({ loss: [0, -1, -2] }, { logY: true });
    expect(texts(allBad)).toContain('no positive loss: linear scale instead of log');
  });

  it('breaks the line at NaN and marks the divergence step', () => {
    const doc = render({ name: 'gap', loss: [1, 0.5, Number.NaN, 0.4, 0.3] });
    expect(segments(doc)).toBe(2);
    expect(texts(doc)).toContain('diverged at step 3');
    const red = doc.querySelector('line[stroke="#d62728"]');
    expect(red).not.toBeNull();
  });

  it('draws several runs with a legend and a minimum marker each', () => {
    const doc = render([
      { name: 'sgd', loss: [4, 2, 1] },
      { name: 'adam', loss: [4, 1, 0.5] },
    ]);
    expect(texts(doc)).toEqual(expect.arrayContaining(['sgd (min 1 at 3)', 'adam (min 0.5 at 3)']));
    expect(doc.querySelectorAll('circle')).toHaveLength(2);
  });

  it('shortens long legend names, keeping the whole name in a tooltip', () => {
    const long = 'a'.repeat(40);
    const doc = render([
      { name: long, loss: [2, 1] },
      { name: 'b', loss: [3, 2] },
    ]);
    const legend = Array.from(doc.querySelectorAll('text')).find((t) => ownText(t).includes('aaa'));
    expect(legend?.querySelector('title')?.textContent).toBe(long);
    expect(ownText(legend as Element)).toBe(`${'a'.repeat(27)}… (min 1 at 2)`);
  });

  it('puts the legend below the plot and inside the viewBox, for 1 to 10 runs', () => {
    // Wide glyphs and the longest minimum label: the worst case of the width estimate.
    const names = ['SGD + momentum 0.9', 'W'.repeat(40), 'adam', 'MMMM mmmm WWWW wwww 1234567890'];
    for (let count = 1; count <= 10; count++) {
      const histories: HistoryLike[] = Array.from({ length: count }, (_, r) => ({
        name: `${names[r % names.length] as string}${r}`,
        loss: [4, 1 / (r + 3), 0.009744 + r * 1e-7],
        // A validation curve on the first run gives a legend even to a single run.
        ...(r === 0 ? { valLoss: [4, 2, 1], valStep: [1, 2, 3] } : {}),
      }));
      const doc = render(histories);
      const [, , vbW, vbH] = (doc.documentElement.getAttribute('viewBox') as string)
        .split(' ')
        .map(Number) as [number, number, number, number];
      const plot = doc.querySelector('clipPath rect') as Element;
      const plotBottom = Number(plot.getAttribute('y')) + Number(plot.getAttribute('height'));
      const xLabel = Array.from(doc.querySelectorAll('text')).find((t) => ownText(t) === 'step');
      const below = Math.max(plotBottom, Number(xLabel?.getAttribute('y')));
      // Legend labels are the texts with a tooltip naming their run.
      const labels = Array.from(doc.querySelectorAll('text')).filter(
        (t) => t.querySelector('title') !== null,
      );
      expect(labels, `${count} runs`).toHaveLength(count + 1);
      const boxes = labels.map((t) => {
        const x = Number(t.getAttribute('x'));
        const baseline = Number(t.getAttribute('y'));
        // From the ascender (at most one em above the baseline) to the descender (a third below).
        return {
          x,
          right: x + estimateTextWidth(ownText(t), 11),
          top: baseline - 11,
          bottom: baseline + 11 / 3,
        };
      });
      for (const b of boxes) {
        expect(b.x, `${count} runs`).toBeGreaterThanOrEqual(0);
        expect(b.right, `${count} runs`).toBeLessThanOrEqual(vbW);
        expect(b.top, `${count} runs`).toBeGreaterThan(below);
        expect(b.bottom, `${count} runs`).toBeLessThanOrEqual(vbH);
      }
      // No two labels overlap.
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          const apart = a.right <= b.x || b.right <= a.x || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `${count} runs, labels ${i} and ${boxes.indexOf(b)}`).toBe(true);
        }),
      );
    }
  });

  it('draws the smoothed curve over the faint raw one', () => {
    const doc = render({ loss: [4, 1, 3, 0.5, 2] }, { smoothing: 0.6 });
    const paths = doc.querySelectorAll('path[data-series]');
    expect(paths).toHaveLength(2);
    expect(paths[0]?.getAttribute('stroke-opacity')).toBe('0.3');
    expect(paths[1]?.getAttribute('d')).not.toBe(paths[0]?.getAttribute('d'));
  });

  it('escapes every text: a run named <script> renders as those characters', () => {
    const evil = '<script>alert(1)</script>';
    const svg = renderCurveSvg(
      lossCurvePayload(
        [
          { name: evil, loss: [1, 2] },
          { name: 'b"&', loss: [2, 1] },
        ],
        {
          title: `</svg><img src=x onerror=alert(1)>`,
          xLabel: '<b>x</b>',
          yLabel: "y'",
        },
      ),
    );
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    const doc = parse(svg);
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        `${evil} (min 1 at 1)`,
        'b"& (min 1 at 2)',
        '<b>x</b>',
        "y'",
        '</svg><img src=x onerror=alert(1)>',
      ]),
    );
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
  });

  it('draws an empty history without failing', () => {
    expect(texts(render({ loss: [] }))).toContain('no data yet');
  });
});
