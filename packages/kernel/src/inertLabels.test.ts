// Whatever a learner passes as a name, title or label is text in every chart: each helper's
// bundle is built with hostile strings in every text option, its HTML parsed as HTML and each SVG
// image parsed as XML. Nothing may become an element or attribute, the SVG must stay well-formed
// (control characters, U+FFFE, lone surrogates), and bidi overrides must stay inside an isolate.
import { getLoss } from '@losslab/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formulaBundle } from './showFormula';
import { historyTableBundle } from './historyTable';
import { lossCurveBundle } from './lossCurveBundle';
import { lossCurvePayload } from './lossCurvePayload';
import { lossShapesBundle } from './lossShapes';
import { lossSurfaceBundle } from './lossSurface';
import { svgFromImages } from './svgImage';
import type { MimeBundle } from './display';

const HOSTILE = [
  '<img src=x data-probe=1 onerror=alert(1)>',
  '"><svg onload=alert(2) data-probe=2>',
  "' data-probe='3",
  '</text><script data-probe="4">alert(4)</script>',
  '&amp; &#0; &lt;b data-probe=5&gt; ]]> <![CDATA[ x ]]>',
  'nul\u0000 bell\u0007 fffe\uFFFE ffff\uFFFF lone\uD800 low\uDC00',
  'lr \u202E1.0 (reversed) \u2066isolate\u2069 \u202Aembed',
];

const window = new JSDOM('').window;
const parser = new window.DOMParser();

/** Checks one bundle: HTML and every SVG image inert and well-formed; returns its texts. */
function check(what: string, bundle: MimeBundle): string {
  const html = String(bundle.data['text/html'] ?? '');
  const doc = new JSDOM(html).window.document;
  const live = [...doc.querySelectorAll('[data-probe], script, [onerror], [onload], svg')];
  expect(
    live.map((e) => e.outerHTML.slice(0, 80)),
    what,
  ).toEqual([]);
  let text = '';
  for (const svg of svgFromImages(html)) {
    const xml = parser.parseFromString(svg, 'image/svg+xml');
    expect(xml.querySelector('parsererror')?.textContent ?? null, what).toBeNull();
    const bad = [...xml.querySelectorAll('[data-probe], script, foreignObject, [onload]')];
    expect(
      bad.map((e) => e.outerHTML.slice(0, 80)),
      what,
    ).toEqual([]);
    text += xml.documentElement.textContent ?? '';
  }
  const plain = String(bundle.data['text/plain'] ?? '');
  for (const [where, t] of [
    ['svg', text],
    ['html', doc.body.textContent ?? ''],
    ['text/plain', plain],
  ] as const) {
    expect(isolated(t), `${what} ${where}: ${JSON.stringify(t)}`).toBe(true);
  }
  return text + (doc.body.textContent ?? '') + plain;
}

/** Every bidi override or embedding is inside an FSI…PDI isolate that closes. */
function isolated(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '\u2068') {
      depth++;
    } else if (c === '\u2069') {
      if (depth === 0) {
        return false;
      }
      depth--;
    } else if (/[\u202A-\u202E]/.test(c) && depth === 0) {
      return false;
    }
  }
  return depth === 0;
}

describe('labels are inert in every helper', () => {
  it.each(HOSTILE.map((s, i) => [i, s] as const))('hostile string %i', (_i, s) => {
    const svgText: string[] = [];
    const run = { name: s, loss: [4, 2, Number.NaN, 1], valLoss: [3], valStep: [2] };
    const curve = lossCurveBundle(
      lossCurvePayload([run, { name: `${s} 2`, loss: [3, 1] }], {
        title: s,
        xLabel: s,
        yLabel: s,
        logY: true,
      }),
    );
    svgText.push(check('plotLosses', curve));
    svgText.push(
      check(
        'lossSurface',
        lossSurfaceBundle((w, b) => w * w + b * b, {
          title: s,
          xLabel: s,
          yLabel: s,
          xRange: [-1, 1],
          yRange: [-1, 1],
          resolution: 8,
        }),
      ),
    );
    svgText.push(check('lossShapes', lossShapesBundle(['mse', 'huber'], { points: 5 })));
    svgText.push(
      check('historyTable', historyTableBundle({ name: s, loss: [3, 2, 1] }, { rows: 3 })),
    );
    svgText.push(
      check('showFormula', formulaBundle({ ...getLoss('mse'), id: s, name: s, formula: s })),
    );
    const all = svgText.join('\n');
    // The text survives as text (its letters are there), and any override is isolated.
    expect(all).toContain(/[a-z]{2,}/.exec(s)?.[0]);
  });
});
