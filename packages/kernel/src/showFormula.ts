import { getLoss, LosslabError } from '@losslab/core';
import type { LossInfo } from '@losslab/core';
import { displayBundle } from './display';
import type { MimeBundle } from './display';
import { escapeHtml } from './escapeHtml';
import { checkLocale, messages } from './locale';
import type { Locale } from './locale';

function resolve(fn: string, loss: string | LossInfo): LossInfo {
  if (typeof loss === 'string') {
    return getLoss(loss);
  }
  if (loss === null || typeof loss !== 'object' || typeof loss.formula !== 'string') {
    throw new LosslabError(fn, 'loss', `'loss' must be a registry id or a LossInfo`);
  }
  return loss;
}

/**
 * The bundle `showFormula` displays: the loss and its gradient as LaTeX (`text/latex`), the same
 * in Markdown with the loss's name (`text/markdown`, for frontends without a LaTeX renderer) and a
 * plain-text line. A registry id's name is in the locale (`options.locale`, else `setLocale`'s);
 * a `LossInfo`'s own name is kept.
 *
 * @example
 * formulaBundle('mse').data['text/latex'];
 * // '$$\\ell(\\hat y, y) = (\\hat y - y)^2 \\qquad \\frac{\\partial \\ell}{\\partial \\hat y} = 2(\\hat y - y)$$'
 */
export function formulaBundle(loss: string | LossInfo, options?: { locale?: Locale }): MimeBundle {
  const info = resolve('showFormula', loss);
  const locale =
    options?.locale === undefined ? undefined : checkLocale(options.locale, 'showFormula');
  const name = typeof loss === 'string' ? messages(locale).lossName(info.id, info.name) : info.name;
  const value = String.raw`\ell(\hat y, y) = ${info.formula}`;
  const grad = String.raw`\frac{\partial \ell}{\partial \hat y} = ${info.gradFormula}`;
  return {
    data: {
      'text/latex': `$$${value} \\qquad ${grad}$$`,
      'text/markdown': `**${escapeHtml(name)}** (\`${escapeHtml(info.id)}\`)\n\n$$${value}$$\n\n$$${grad}$$\n`,
      'text/plain': `${name} (${info.id}): ${value};  ${grad}`,
    },
    metadata: {},
  };
}

/**
 * Shows a loss's formula and its gradient from the core registry, typeset by the notebook's
 * LaTeX renderer. Accepts a registry id (`'mse'`, `'huber'`, …) or a `LossInfo`.
 *
 * @example
 * showFormula('huber');
 */
export function showFormula(loss: string | LossInfo, options?: { locale?: Locale }): void {
  displayBundle(formulaBundle(loss, options));
}
