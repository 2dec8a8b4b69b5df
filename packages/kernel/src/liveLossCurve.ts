import type { Callback, History, StepInfo } from '@losslab/core';
import { LosslabError } from '@losslab/core';
import { inKernel, newDisplayId, sendBundle } from './display';
import { lossCurveBundle, summarizeCurve } from './lossCurveBundle';
import { buildCurvePayload } from './lossCurvePayload';
import { StreamingDownsampler } from './StreamingDownsampler';
import type { CurveChartOptions } from './lossCurvePayload';
import { Throttle } from './throttle';

/** Options of `liveLossCurve`. */
export interface LiveLossCurveOptions extends CurveChartOptions {
  /** Minimum time between two updates, in milliseconds (default 250). */
  throttleMs?: number;
}

/**
 * A `fit` callback that draws the loss curve in one output and redraws it in place while the
 * model trains (every `throttleMs`, the first time one interval in), then once more with the
 * final history when the run ends: a run shorter than one interval draws once. It updates during a synchronous training loop: the kernel's ZeroMQ I/O thread sends each
 * message while JavaScript keeps training. Each `fit` that uses it gets its own output. Outside
 * tslab it prints the summary line at the end.
 *
 * @example
 * const live = liveLossCurve({ throttleMs: 100, title: 'live' });
 * const history = { name: 'gd', loss: [] as number[], learningRate: [], gradNorm: [], valLoss: [],
 *   valStep: [], snapshots: [], steps: 0, stopReason: 'maxSteps' as const, stopMessage: '' };
 * for (let step = 1; step <= 3; step++) {
 *   history.loss.push(1 / step);
 *   history.steps = step;
 *   live.onStep?.({ step, maxSteps: 3, loss: 1 / step, learningRate: 0.1, gradNorm: 0, history });
 * }
 * live.onEnd?.(history);
 * // prints: live: gd: 3 steps, final 0.3333, min 0.3333 at step 3 (maxSteps)
 */
export function liveLossCurve(options?: LiveLossCurveOptions): Callback {
  const throttleMs = options?.throttleMs ?? 250;
  if (typeof throttleMs !== 'number' || !(throttleMs >= 0)) {
    throw new LosslabError(
      'liveLossCurve',
      'throttleMs',
      `'throttleMs' must be a non-negative number, got ${throttleMs}`,
    );
  }
  // Validate the chart options now, not at the first step inside someone's training loop.
  buildCurvePayload({ loss: [] }, options, 'liveLossCurve');
  // plotLosses keeps maxPoints / 2 buckets; the streaming selection holds between B and 2B
  // buckets, so B = maxPoints / 4 keeps a live curve as small as a finished one.
  const buckets = Math.max(16, Math.floor((options?.maxPoints ?? 600) / 4));
  const throttle = new Throttle(throttleMs);
  let displayId: string | null = null;
  let stream = new StreamingDownsampler(buckets);
  let current: History | null = null;
  let countdown = 1;

  const draw = (history: History, running: boolean): void => {
    const payload = buildCurvePayload(history, { ...options, running }, 'liveLossCurve', [stream]);
    const create = displayId === null;
    displayId ??= newDisplayId();
    sendBundle(lossCurveBundle(payload), displayId, !create);
  };

  return {
    onStep(info: StepInfo): void {
      // The only per-step work: a countdown in a local (see Throttle).
      if (--countdown > 0) {
        return;
      }
      if (info.history !== current) {
        // A new fit (or one after an interrupted run, which never reached onEnd): new output.
        current = info.history;
        displayId = null;
        stream = new StreamingDownsampler(buckets);
        throttle.reset();
      }
      const due = throttle.check();
      countdown = throttle.stride;
      if (due && inKernel()) {
        draw(info.history, true);
      }
    },
    onEnd(history: History): void {
      if (inKernel()) {
        draw(history, false);
      } else {
        process.stdout.write(
          `${summarizeCurve(buildCurvePayload(history, options, 'liveLossCurve', [stream]))}\n`,
        );
      }
      // The next fit using this callback starts a new output.
      displayId = null;
      current = null;
      countdown = 1;
      stream = new StreamingDownsampler(buckets);
      throttle.reset();
    },
  };
}
