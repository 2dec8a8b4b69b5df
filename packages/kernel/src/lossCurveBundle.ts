import type { MimeBundle } from './display';
import { formatNumber } from './formatNumber';
import { LOSS_CURVE_MIME } from './payload';
import type { CurveRun, LossCurvePayload } from './payload';
import { renderCurveSvg } from './renderCurveSvg';
import { svgImage } from './svgImage';

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
  // An error or an interrupt is said in full: how and at which step the run stopped.
  const how =
    (run.stopReason === 'error' || run.stopReason === 'interrupted') && run.stopMessage
      ? run.stopMessage
      : run.stopReason;
  return `${run.name}: ${run.steps} steps, final ${final}, ${min}${diverged} (${how})`;
}

/**
 * The display bundle of a loss curve: the vendor payload for the JupyterLab plugin, the SVG chart
 * as an image in `text/html` (`svgImage`: shown by JupyterLab without the plugin, trusted or not,
 * and by `nbconvert --to html`), and the one-line summary in `text/plain` (also the image's alt).
 *
 * @example
 * Object.keys(lossCurveBundle(lossCurvePayload({ loss: [1, 0.5] })).data);
 * // ['application/vnd.losslab.curve.v1+json', 'text/html', 'text/plain']
 */
export function lossCurveBundle(payload: LossCurvePayload): MimeBundle {
  const summary = summarizeCurve(payload);
  return {
    data: {
      [LOSS_CURVE_MIME]: payload,
      'text/html': `<div class="losslab-curve">${svgImage(renderCurveSvg(payload), summary)}</div>`,
      'text/plain': summary,
    },
    metadata: {},
  };
}
