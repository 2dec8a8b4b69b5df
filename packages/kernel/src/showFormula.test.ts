import { getLoss } from '@losslab/core';
import { describe, expect, it } from 'vitest';
import { formulaBundle } from './showFormula';

describe('formulaBundle', () => {
  it('typesets the registry formula and gradient as LaTeX with a Markdown fallback', () => {
    const info = getLoss('huber');
    const b = formulaBundle('huber');
    expect(b.data['text/latex']).toBe(
      `$$\\ell(\\hat y, y) = ${info.formula} \\qquad \\frac{\\partial \\ell}{\\partial \\hat y} = ${info.gradFormula}$$`,
    );
    expect(b.data['text/markdown']).toContain(`**Huber** (\`huber\`)`);
    expect(b.data['text/markdown']).toContain(`$$\\ell(\\hat y, y) = ${info.formula}$$`);
    expect(b.data['text/plain']).toMatch(/^Huber \(huber\): /);
  });

  it('accepts a LossInfo and escapes its name', () => {
    const b = formulaBundle({ ...getLoss('mse'), name: '<i>mine</i>' });
    expect(b.data['text/markdown']).toContain('**&lt;i&gt;mine&lt;/i&gt;**');
  });

  it('names a registry loss in the locale asked for', () => {
    const b = formulaBundle('mse', { locale: 'zh' });
    expect(b.data['text/markdown']).toContain('**均方误差** (`mse`)');
    expect(b.data['text/plain']).toMatch(/^均方误差 \(mse\): /);
    expect(b.data['text/latex']).toBe(formulaBundle('mse').data['text/latex']);
  });

  it('names unknown losses through the registry error', () => {
    expect(() => formulaBundle('nope')).toThrow(/nope/);
  });
});
