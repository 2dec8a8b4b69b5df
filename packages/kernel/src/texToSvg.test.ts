import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { texToSvg } from './texToSvg';

const parser = new new JSDOM('').window.DOMParser();

function parse(svg: string): Document {
  const doc = parser.parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')?.textContent ?? null).toBeNull();
  return doc;
}

describe('texToSvg', () => {
  it('typesets a fraction as glyph paths in a pixel-sized viewBox with a margin', () => {
    const doc = parse(texToSvg(String.raw`\frac{\partial \ell}{\partial \hat y}`));
    const root = doc.documentElement;
    const [, , w, h] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
    // A display fraction is about 2.7 em tall and 1.5 em wide at 19 px an em, plus 16 px margin.
    expect(h).toBeGreaterThan(50);
    expect(h).toBeLessThan(80);
    expect(w).toBeGreaterThan(35);
    expect(w).toBeLessThan(70);
    expect(doc.querySelectorAll('use').length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll('defs path').length).toBeGreaterThanOrEqual(3);
    // Every glyph reference points at a glyph of this document.
    for (const use of doc.querySelectorAll('use')) {
      const ref = use.getAttribute('xlink:href') ?? use.getAttribute('href') ?? '';
      expect(ref.startsWith('#')).toBe(true);
      expect(doc.getElementById(ref.slice(1))).not.toBeNull();
    }
  });

  it.each([
    ['a TeX error whose message holds &', String.raw`\mathrm{"&<}`],
    ['an unknown environment named with markup', String.raw`\begin{<img src=x onerror="a">}`],
    ['a link to javascript:', String.raw`\href{javascript:alert(1)}{x}`],
    ['unbalanced braces', 'x^{'],
    ['control characters and lone surrogates', 'a\u0000b\uFFFE\uD800'],
    ['a CDATA end and entities', ']]> &amp; &#0; <![CDATA[ x'],
  ])('stays well-formed and inert for %s', (_what, tex) => {
    const doc = parse(texToSvg(tex));
    expect(doc.querySelectorAll('a, script, img, foreignObject, [onerror]')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames().filter((n) => /href$/i.test(n))) {
        expect(el.getAttribute(attr)?.startsWith('#')).toBe(true);
      }
    }
  });

  it('draws a TeX error as its source on a highlight, not under a solid block', () => {
    const doc = parse(texToSvg('x = { y'));
    expect(doc.querySelector('[data-mml-node="merror"] > rect[data-background]')).not.toBeNull();
    // The style MathJax's page stylesheet would give: the highlight's fill is not currentColor.
    expect(doc.querySelector('style')?.textContent).toContain(
      'g[data-mml-node="merror"]>rect[data-background]{fill:#fff2b3',
    );
    expect(doc.querySelector('[data-mml-node="merror"] text')?.textContent).toBe('x = { y');
  });

  it('draws text it has no glyph for as SVG text (Chinese in \\text)', () => {
    const doc = parse(texToSvg(String.raw`\text{损失} = 1`));
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent).join('')).toContain('损失');
  });
});
