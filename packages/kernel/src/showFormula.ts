import { checkOptions, getLoss, LosslabError } from '@losslab/core';
import type { LossId, LossInfo } from '@losslab/core';
import { displayBundle } from './display';
import type { MimeBundle } from './display';
import { escapeHtml, isolateBidi, xmlChars } from './escapeHtml';
import { escapeMarkdown } from './escapeMarkdown';
import { checkLocale, messages } from './locale';
import type { Locale } from './locale';
import { svgImage } from './svgImage';
import { texToSvg } from './texToSvg';

/** Options of `showFormula` and `formulaBundle`. */
export interface ShowFormulaOptions {
  /** Language of a registry loss's name: `'en'` or `'zh'`. Default: `setLocale`'s. */
  locale?: Locale;
}

const KEYS: readonly (keyof ShowFormulaOptions)[] = ['locale'];

/** What `showFormula` shows of a loss: a registry `LossInfo`, or just these fields of your own. */
export type FormulaInfo = Pick<LossInfo, 'id' | 'name' | 'formula' | 'gradFormula'>;

function resolve(fn: string, loss: LossId | FormulaInfo): FormulaInfo {
  if (typeof loss === 'string') {
    return getLoss(loss);
  }
  if (loss === null || typeof loss !== 'object') {
    throw new LosslabError(
      fn,
      'loss',
      `'loss' must be a registry id or { id, name, formula, gradFormula }`,
    );
  }
  for (const key of ['id', 'name', 'formula', 'gradFormula'] as const) {
    if (typeof loss[key] !== 'string') {
      throw new LosslabError(fn, 'loss', `'loss.${key}' must be a string, got ${typeof loss[key]}`);
    }
  }
  return loss;
}

/** TeX without bidi embeddings, overrides or isolates: they mean nothing in a formula. */
function noBidi(tex: string): string {
  return tex.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/**
 * LaTeX that stays one display formula in any Markdown renderer: on one line (a blank line would
 * end the math block), its unescaped `$` escaped (a `$$` would end it), `<` and `>` as `\lt` and
 * `\gt` (no HTML tag even where math is not recognised).
 */
function inertTex(tex: string): string {
  return xmlChars(tex)
    .replace(/\r\n?|[\n\u2028\u2029]/g, ' ')
    .replace(/(?<!\\)((?:\\\\)*)\$/g, '$1\\$')
    .replace(/</g, '\\lt ')
    .replace(/>/g, '\\gt ');
}

/**
 * Whether JupyterLab's math scanner (`removeMath`) closes a `$$` block around `tex`: its braces
 * must balance (`\{`, `\}` and `\$` do not count). Otherwise the rest would be read as Markdown.
 */
function balanced(tex: string): boolean {
  let depth = 0;
  for (const c of tex.replace(/\\[{}$]/g, '')) {
    if (c === '{') {
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
    }
  }
  return depth === 0;
}

/** A display formula for Markdown: typeset if it balances, else shown as escaped text. */
function markdownMath(tex: string): string {
  const safe = inertTex(tex);
  return balanced(safe) ? `$$ ${safe} $$` : escapeMarkdown(tex);
}

/**
 * The bundle `showFormula` displays: the loss and its gradient typeset in the kernel as SVG images
 * (`text/html`: needs no math script, so it shows offline, in exports and in untrusted
 * notebooks), the LaTeX (`text/latex`), the same in Markdown with the loss's name
 * (`text/markdown`) and a plain-text line. A registry id's name is in the locale
 * (`options.locale`, else `setLocale`'s); a `LossInfo`'s own name is kept. Whatever a `LossInfo`
 * holds is shown as text: names are escaped for HTML and Markdown, formulas cannot leave their
 * math block (one line, `$`, `<` and `>` escaped; unbalanced braces shown as text).
 *
 * @param loss a registry id (`LossId`: `'mse'`, `'huber'`, …), a `LossInfo`, or your own
 *   `{ id, name, formula, gradFormula }`
 * @param options `{ locale }`
 * @throws LosslabError for an unknown id, a `LossInfo` whose id, name or formulas are not
 *   strings, or an unknown option key
 * @example
 * formulaBundle('mse').data['text/latex'];
 * // '$$\\ell(\\hat y, y) = (\\hat y - y)^2 \\qquad \\frac{\\partial \\ell}{\\partial \\hat y} = 2(\\hat y - y)$$'
 */
export function formulaBundle(
  loss: LossId | FormulaInfo,
  options?: ShowFormulaOptions,
): MimeBundle {
  const opts = checkOptions('showFormula', options, KEYS);
  const info = resolve('showFormula', loss);
  const locale = opts.locale === undefined ? undefined : checkLocale(opts.locale, 'showFormula');
  const name = typeof loss === 'string' ? messages(locale).lossName(info.id, info.name) : info.name;
  const value = String.raw`\ell(\hat y, y) = ${noBidi(info.formula)}`;
  const grad = String.raw`\frac{\partial \ell}{\partial \hat y} = ${noBidi(info.gradFormula)}`;
  // At its own size in a box that scrolls: shrunk into a narrow output, a formula is unreadable.
  const image = (tex: string): string =>
    `<div style="overflow-x:auto">${svgImage(texToSvg(tex), tex, { shrink: false })}</div>`;
  return {
    data: {
      'text/html':
        `<div class="losslab-formula"><p><strong>${escapeHtml(name)}</strong> ` +
        `(<code>${escapeHtml(info.id)}</code>)</p>${image(value)}${image(grad)}</div>`,
      'text/latex': `$$${inertTex(value)} \\qquad ${inertTex(grad)}$$`,
      'text/markdown': `**${escapeMarkdown(name)}** (${escapeMarkdown(info.id)})\n\n${markdownMath(value)}\n\n${markdownMath(grad)}\n`,
      'text/plain': `${isolateBidi(name)} (${isolateBidi(info.id)}): ${value};  ${grad}`,
    },
    metadata: {},
  };
}

/**
 * Shows a loss's formula and its gradient from the core registry, typeset in the kernel (an SVG
 * image, no math script needed), with LaTeX and Markdown representations for other frontends.
 * Accepts a registry id (`'mse'`, `'huber'`, …: a typo is a type error in tslab) or a `LossInfo`.
 *
 * @param loss a registry id, or `{ id, name, formula, gradFormula }` of your own loss (its name
 *   and formulas are shown as text, never as markup)
 * @param options `{ locale }`: the language of a registry loss's name
 * @throws LosslabError for an unknown id or option (the message lists the valid ones)
 * @example
 * showFormula('huber');
 */
export function showFormula(loss: LossId | FormulaInfo, options?: ShowFormulaOptions): void {
  displayBundle(formulaBundle(loss, options));
}
