import type { MimeBundle } from './display';
import { chartSpec, summaryText } from './chartSpec';
import { LOSS_CURVE_MIME } from './payload';
import type { LossCurvePayload } from './payload';
import { renderCurveSvg } from './renderCurveSvg';
import { svgImage } from './svgImage';

/**
 * One line saying what a chart shows, for `text/plain` and for plain Node: the title, then each
 * run's summary as `chartSpec` words it (steps, final loss, minimum with its step, how it stopped)
 * in the chart's locale.
 *
 * @example
 * summarizeCurve(lossCurvePayload({ name: 'gd', loss: [4, 1, 2], stopReason: 'maxSteps' }));
 * // 'Training loss: gd: 3 steps, final 2, min 1 at step 2 (maxSteps)'
 */
export function summarizeCurve(payload: LossCurvePayload): string {
  const spec = chartSpec(payload);
  const sep = payload.options.locale === 'zh' ? '：' : ': ';
  return `${payload.options.title}${sep}${summaryText(spec.summary, spec.locale)}`;
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
