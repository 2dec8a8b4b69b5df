import { getLoss, losses } from '@losslab/core';
import type { LossInfo } from '@losslab/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { formulaBundle } from './showFormula';
import { svgFromImages } from './svgImage';

const HOSTILE: LossInfo = {
  ...getLoss('mse'),
  id: 'mine`<b>x</b>',
  name: '[click](javascript:alert(1)) <img src=x onerror=alert(2)> \u202Eevil',
  formula: '(\\hat y - y)^2 $$ <img src=x onerror=alert(3)> $$\n\n<img src=y onerror=alert(4)>',
  gradFormula: '{ [link](javascript:alert(5)) <svg onload=alert(6)>',
};

/**
 * Whether Markdown text outside math holds nothing a renderer reads as markup: no `<`, and every
 * ASCII punctuation character backslash-escaped or part of an entity. (JupyterLab's own Markdown
 * pipeline renders these bundles in test/browser/formulaMarkup.test.ts.)
 */
function inertMarkdown(text: string): boolean {
  const bare = text.replace(/&(lt|gt|amp|quot|#39);/g, '').replace(/\\[!-/:-@[-`{-~]/g, '');
  return !/[!-/:-@[-`{-~]/.test(bare.replace(/[\u2068\u2069]/g, ''));
}

describe('formulaBundle', () => {
  it('typesets the registry formula and gradient as LaTeX, SVG images and Markdown', () => {
    const info = getLoss('mse');
    const b = formulaBundle('mse');
    expect(b.data['text/latex']).toBe(
      `$$\\ell(\\hat y, y) = ${info.formula} \\qquad \\frac{\\partial \\ell}{\\partial \\hat y} = ${info.gradFormula}$$`,
    );
    expect(b.data['text/markdown']).toContain(`**Mean squared error** (mse)`);
    expect(b.data['text/markdown']).toContain(`$$ \\ell(\\hat y, y) = ${info.formula} $$`);
    expect(b.data['text/plain']).toMatch(/^Mean squared error \(mse\): /);
    const html = b.data['text/html'] as string;
    const svgs = svgFromImages(html);
    expect(svgs).toHaveLength(2);
    expect(html).toContain(`alt="\\ell(\\hat y, y) = ${info.formula}"`);
    // At their own size in a scrolling box: shrunk to a narrow output, glyphs would be unreadable.
    const doc = new JSDOM(html).window.document;
    const imgs = [...doc.querySelectorAll('img')];
    expect(imgs.map((i) => i.style.maxWidth)).toEqual(['none', 'none']);
    expect(imgs.map((i) => (i.parentElement as HTMLElement).style.overflowX)).toEqual([
      'auto',
      'auto',
    ]);
  });

  it('typesets every registry formula without a TeX error, as well-formed SVG', () => {
    const parser = new new JSDOM('').window.DOMParser();
    for (const { id } of losses) {
      for (const svg of svgFromImages(formulaBundle(id).data['text/html'] as string)) {
        const doc = parser.parseFromString(svg, 'image/svg+xml');
        expect(doc.querySelector('parsererror'), id).toBeNull();
        // MathJax marks TeX errors with an merror node, undefined macros with data-mjx-error.
        expect(doc.querySelector('[data-mml-node="merror"], [data-mjx-error]'), id).toBeNull();
        expect(svg, id).not.toMatch(/fill="red"|mathcolor/);
        expect(doc.querySelectorAll('path, use').length, id).toBeGreaterThan(3);
      }
    }
  }, 60_000);

  it("shows a hostile LossInfo's name, id and formulas as text in every representation", () => {
    const b = formulaBundle(HOSTILE);
    const html = new JSDOM(b.data['text/html'] as string).window.document;
    expect(html.querySelectorAll('a, svg, script, b, [onerror], [onload]')).toHaveLength(0);
    expect(
      [...html.querySelectorAll('img')].every((i) => i.src.startsWith('data:image/svg+xml')),
    ).toBe(true);
    expect(html.querySelector('strong')?.textContent).toBe(`\u2068${HOSTILE.name}\u2069`);
    // Three lines: the name, the value formula as math, the unbalanced gradient as text.
    const lines = (b.data['text/markdown'] as string).split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    const [title, value, grad] = lines as [string, string, string];
    expect(title.startsWith('**') && title.endsWith(')')).toBe(true);
    expect(
      inertMarkdown(
        title
          .slice(2)
          .replace(/\*\* \(/, '')
          .slice(0, -1),
      ),
    ).toBe(true);
    expect(value).toMatch(/^\$\$ .* \$\$$/);
    expect(value.slice(3, -3)).not.toMatch(/(?<!\\)(?:\\\\)*\$|[<>\n]/);
    expect(inertMarkdown(grad)).toBe(true);
    expect(b.data['text/latex']).not.toMatch(/[<>\n]/);
    for (const svg of svgFromImages(b.data['text/html'] as string)) {
      const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(doc.querySelectorAll('img, a, foreignObject, script')).toHaveLength(0);
    }
  });

  it('takes just { id, name, formula, gradFormula } of a loss of your own', () => {
    const b = formulaBundle({ id: 'cauchy', name: 'Cauchy', formula: 'x^2', gradFormula: '2x' });
    expect(b.data['text/plain']).toBe(
      'Cauchy (cauchy): \\ell(\\hat y, y) = x^2;  \\frac{\\partial \\ell}{\\partial \\hat y} = 2x',
    );
    expect(svgFromImages(b.data['text/html'] as string)).toHaveLength(2);
  });

  it('keeps the SVG well-formed for control characters in a formula', () => {
    const b = formulaBundle({ ...getLoss('mse'), formula: 'a\u0000b\uFFFF' });
    const [svg] = svgFromImages(b.data['text/html'] as string);
    const doc = new new JSDOM('').window.DOMParser().parseFromString(
      svg as string,
      'image/svg+xml',
    );
    expect(doc.querySelector('parsererror')).toBeNull();
  });

  it('names a registry loss in the locale asked for', () => {
    const b = formulaBundle('mse', { locale: 'zh' });
    expect(b.data['text/markdown']).toContain('**均方误差** (mse)');
    expect(b.data['text/plain']).toMatch(/^均方误差 \(mse\): /);
    expect(b.data['text/latex']).toBe(formulaBundle('mse').data['text/latex']);
  });

  it('rejects unknown losses, malformed LossInfos and unknown option keys', () => {
    expect(() => formulaBundle('nope' as 'mse')).toThrow(/nope/);
    expect(() => formulaBundle({ ...getLoss('mse'), name: 3 as unknown as string })).toThrow(
      "showFormula: 'loss.name' must be a string, got number",
    );
    expect(() => formulaBundle('mse', { locle: 'zh' } as never)).toThrow(
      "showFormula: unknown option 'locle' (did you mean 'locale'? valid options: locale)",
    );
  });
});
