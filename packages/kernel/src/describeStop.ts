import { checkOptions } from '@losslab/core';
import type { History } from '@losslab/core';
import { checkLocale, getLocale } from './locale';
import type { Locale } from './locale';

// A number as core's fit writes it (6 significant digits, or NaN / Infinity).
const N = '(-?(?:Infinity|NaN|[\\d.]+(?:e[-+]?\\d+)?))';

/**
 * Core's stop messages (packages/core/src/training/fit.ts) and their Chinese. Each pattern
 * matches a whole clause; a message is one or two clauses joined by '; '.
 */
const ZH: readonly [RegExp, (...m: string[]) => string][] = [
  [
    new RegExp(`^loss ${N} reached the threshold ${N} at step (\\d+)$`),
    (loss, t, step) => `第 ${step} 步的损失 ${loss} 达到了阈值 ${t}`,
  ],
  [
    new RegExp(`^reached the iteration limit of (\\d+) steps \\(last loss ${N}\\)$`),
    (max, loss) => `达到迭代上限 ${max} 步（最后的损失 ${loss}）`,
  ],
  [
    new RegExp(`^a callback stopped the run after step (\\d+) \\(loss ${N}\\)$`),
    (step, loss) => `回调函数在第 ${step} 步后停止了训练（损失 ${loss}）`,
  ],
  [
    new RegExp(`^the loss became ${N} at step (\\d+)$`),
    (loss, step) => `第 ${step} 步的损失变成了 ${loss}`,
  ],
  [
    new RegExp(`^the loss ${N} at step (\\d+) exceeded ${N} times the first loss ${N}$`),
    (loss, step, k, first) => `第 ${step} 步的损失 ${loss} 超过了第一步损失 ${first} 的 ${k} 倍`,
  ],
  [
    /^kept the initial parameters \(try a smaller learning rate\)$/,
    () => '保留初始参数（请调小学习率）',
  ],
  [
    new RegExp(
      `^kept the parameters of step (\\d+), whose loss was ${N} \\(try a smaller learning rate\\)$`,
    ),
    (step, loss) => `保留第 ${step} 步的参数，其损失为 ${loss}（请调小学习率）`,
  ],
  [
    new RegExp(
      `^the (validation loss|loss) did not improve on ${N} \\(step (\\d+)\\) by more than ${N} for (\\d+) evaluations$`,
    ),
    (what, best, step, delta, patience) =>
      `${what === 'loss' ? '损失' : '验证集损失'}连续 ${patience} 次评估都没有比 ${best}` +
      `（第 ${step} 步）再降低 ${delta} 以上`,
  ],
  [/^restored the parameters of step (\d+)$/, (step) => `已恢复第 ${step} 步的参数`],
];

/**
 * A core stop message (`history.stopMessage`) in `locale`: English returns it as it is; Chinese
 * translates each of its clauses, and leaves a clause it does not know in English rather than
 * lose it.
 *
 * @example
 * localizeStopMessage('loss 0.0199 reached the threshold 0.02 at step 41', 'zh');
 * // '第 41 步的损失 0.0199 达到了阈值 0.02'
 */
export function localizeStopMessage(message: string, locale: Locale): string {
  if (checkLocale(locale, 'localizeStopMessage') === 'en' || message === '') {
    return message;
  }
  // An error's own message is quoted as it is (it may hold '; ' itself).
  const error = /^stopped by an error at step (\d+): ([\s\S]*)$/.exec(message);
  if (error !== null) {
    return `第 ${error[1]} 步出错，训练停止：${error[2]}`;
  }
  return message
    .split('; ')
    .map((clause) => {
      for (const [re, zh] of ZH) {
        const m = re.exec(clause);
        if (m !== null) {
          return zh(...m.slice(1));
        }
      }
      return clause;
    })
    .join('；');
}

/**
 * Why a run stopped, in a sentence with its numbers, in the current locale (see `setLocale`) or
 * in `options.locale`: `history.stopMessage`, translated.
 *
 * @example
 * describeStop({ stopMessage: 'reached the iteration limit of 200 steps (last loss 0.0101)' }, { locale: 'zh' });
 * // '达到迭代上限 200 步（最后的损失 0.0101）'
 */
export function describeStop(
  history: Pick<History, 'stopMessage'>,
  options?: { locale?: Locale },
): string {
  checkOptions('describeStop', options, ['locale']);
  const locale = options?.locale ?? getLocale();
  return localizeStopMessage(history.stopMessage, locale);
}
