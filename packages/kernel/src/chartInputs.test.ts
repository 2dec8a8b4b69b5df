// Every input a chart accepts gives a chart (or a clear error), quickly: subnormal, constant,
// huge, mixed-sign and non-finite losses, on linear and log axes, and any text as a label. The
// issue's case: losses that are all subnormal made the tick step underflow to 0 and the tick
// loop never ended, killing the kernel.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { lossCurveBundle } from './lossCurveBundle';
import { lossCurvePayload } from './lossCurvePayload';
import { lossSurfaceBundle } from './lossSurface';
import { logTicks, niceTicks } from './niceTicks';
import { progressLine } from './progress';
import { renderCurveSvg } from './renderCurveSvg';
import { svgFromImages } from './svgImage';

const parser = new new JSDOM('').window.DOMParser();

/** Parses `svg` as XML: throws on an ill-formed document. */
function checkSvg(svg: string): void {
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error !== undefined) {
    throw new Error(`ill-formed SVG: ${error.textContent ?? ''}`);
  }
  // Every number a drawing attribute holds is finite.
  for (const el of doc.getElementsByTagName('*')) {
    for (const attr of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'd', 'width', 'height']) {
      const v = el.getAttribute(attr);
      if (v !== null && /NaN|Infinity/.test(v)) {
        throw new Error(`<${el.tagName} ${attr}="${v}">`);
      }
    }
  }
}

const extreme = fc.oneof(
  fc.constantFrom(5e-324, 1e-323, 2.2e-308, 1e-300, 1, 1e300, 1.7976931348623157e308, 0, -0),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double({ noNaN: true }),
  fc.double({ min: 0, max: 1e-300, noNaN: true }),
  // Narrow ranges at large magnitudes: a tick counter past 2^53 once looped for ever.
  fc.double({ min: 1e15, max: 1e17, noNaN: true }),
);

describe('outputs bounded whatever text a user passes', () => {
  it('keeps a chart with 10 MB of title, labels and names small', () => {
    const huge = '标'.repeat(5_000_000) + 'x'.repeat(5_000_000);
    const bundle = lossCurveBundle(
      lossCurvePayload(
        [
          { name: huge, loss: [3, 2, 1], stopReason: 'error', stopMessage: huge },
          { name: huge, loss: [3, 2.5, 2] },
        ],
        { title: huge, xLabel: huge, yLabel: huge },
      ),
    );
    expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(64 * 1024);
    const payload = bundle.data['application/vnd.losslab.curve.v1+json'] as {
      options: { title: string };
      runs: { name: string; stopMessage?: string }[];
    };
    expect(Array.from(payload.options.title)).toHaveLength(200);
    expect(payload.options.title.endsWith('…')).toBe(true);
    expect(Array.from(payload.runs[0]!.stopMessage!)).toHaveLength(600);
    expect(
      progressLine({ label: huge, step: 1, maxSteps: 2, loss: 1, elapsedMs: 1 }).length,
    ).toBeLessThan(400);
    const surface = lossSurfaceBundle((w, b) => w * w + b * b, {
      title: huge,
      xLabel: huge,
      yLabel: huge,
    });
    expect(Buffer.byteLength(JSON.stringify(surface))).toBeLessThan(256 * 1024);
  });
});

describe('charts of any loss values', () => {
  it("draws the issue's all-subnormal run", () => {
    const bundle = lossCurveBundle(lossCurvePayload({ loss: [5e-324, 1e-323] }));
    const [svg] = svgFromImages(String(bundle.data['text/html']));
    checkSvg(svg as string);
    expect(bundle.data['text/plain']).toBe(
      'Training loss: run 1: 2 steps, final 9.881e-324, min 4.941e-324 at step 1 (maxSteps)',
    );
  });

  it('gives bounded ticks for any range', () => {
    fc.assert(
      fc.property(extreme, extreme, fc.integer({ min: 0, max: 20 }), (a, b, count) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(niceTicks(lo, hi, count).length).toBeLessThanOrEqual(101);
        expect(logTicks(lo, hi, count).length).toBeLessThanOrEqual(400);
      }),
      { numRuns: 5000 },
    );
  }, 60_000);

  it('renders well-formed SVG with finite coordinates for any runs, on linear and log axes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(extreme, { maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        (losses, logY, smoothing, name) => {
          const payload = lossCurvePayload(
            losses.map((loss) => ({ name, loss })),
            { logY, smoothing, title: name },
          );
          checkSvg(renderCurveSvg(payload));
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);
});
