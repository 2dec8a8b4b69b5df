import { displayBundle } from './display';
import { lossCurveBundle } from './lossCurveBundle';
import { checkOptions } from '@losslab/core';
import { buildCurvePayload, CURVE_OPTION_KEYS } from './lossCurvePayload';
import type { CurveChartOptions, HistoryLike } from './lossCurvePayload';

/**
 * Shows the finished loss curve of one run, or of several on one chart (compare optimizers or
 * learning rates), as one output: the vendor payload, an inline SVG and a text summary. With
 * `smoothing` the debiased EMA (`smoothEma`) is drawn over the faint raw curve. Outside tslab it
 * prints the summary line.
 *
 * @example
 * plotLosses(
 *   [
 *     { name: 'lr 0.1', loss: [1, 0.5, 0.3, 0.2] },
 *     { name: 'lr 0.01', loss: [1, 0.9, 0.8, 0.7] },
 *   ],
 *   { logY: true, smoothing: 0.6, title: 'Learning rates' },
 * );
 * // prints: Learning rates: lr 0.1: 4 steps, final 0.2, min 0.2 at step 4 (maxSteps); lr 0.01: 4 steps, final 0.7, min 0.7 at step 4 (maxSteps)
 */
export function plotLosses(
  histories: HistoryLike | readonly HistoryLike[],
  options?: CurveChartOptions,
): void {
  checkOptions('plotLosses', options, CURVE_OPTION_KEYS);
  displayBundle(lossCurveBundle(buildCurvePayload(histories, options, 'plotLosses')));
}
