import type { MimeBundle } from './display';
import { formatNumber } from './formatNumber';
import { LOSS_CURVE_MIME } from './payload';
import type { CurveRun, LossCurvePayload } from './payload';
import { renderCurveSvg } from './renderCurveSvg';

/**
 * One line saying what a chart shows, for `text/plain` and for plain Node: each run's name,
 * steps, final loss and minimum with its step.
 *
 * @example
 * summarizeCurve(lossCurvePayload({ name: 'gd', loss: [4, 1, 2], stopReason: 'maxSteps' }));
 * // 'Training loss: gd: 3 steps, final 2, min 1 at step 2 (maxSteps)'
 */
export function summarizeCurve(payload: LossCurvePayload): string {
  return `${payload.options.title}: ${payload.runs.map(summarizeRun).join('; ')}`;
}

function summarizeRun(run: CurveRun): string {
  const final = run.final === null ? 'not finite' : formatNumber(run.final, 4);
  const min =
    run.min === null
      ? 'no finite loss'
      : `min ${formatNumber(run.min.loss, 4)} at step ${run.min.step}`;
  const diverged = run.divergedAt === undefined ? '' : `, diverged at step ${run.divergedAt}`;
  return `${run.name}: ${run.steps} steps, final ${final}, ${min}${diverged} (${run.stopReason})`;
}

/**
 * The display bundle of a loss curve: the vendor payload for the JupyterLab plugin, the inline
 * SVG chart in `text/html` for JupyterLab without it and for `nbconvert --to html`, and the
 * one-line summary in `text/plain`.
 *
 * @example
 * Object.keys(lossCurveBundle(lossCurvePayload({ loss: [1, 0.5] })).data);
 * // ['application/vnd.losslab.curve.v1+json', 'text/html', 'text/plain']
 */
export function lossCurveBundle(payload: LossCurvePayload): MimeBundle {
  return {
    data: {
      [LOSS_CURVE_MIME]: payload,
      'text/html': `<div class="losslab-curve">${renderCurveSvg(payload)}</div>`,
      'text/plain': summarizeCurve(payload),
    },
    metadata: {},
  };
}
