import { checkOptions } from '@losslab/core';
import type { Callback, History } from '@losslab/core';
import { liveCallback, checkThrottle } from './liveCallback';
import type { LiveEnd } from './liveCallback';
import { lossCurveBundle, summarizeCurve } from './lossCurveBundle';
import { buildCurvePayload, CURVE_OPTION_KEYS } from './lossCurvePayload';
import type { CurveChartOptions, HistoryLike } from './lossCurvePayload';
import { messages } from './locale';
import { StreamingDownsampler } from './StreamingDownsampler';

/** Options of `liveLossCurve`. */
export interface LiveLossCurveOptions extends CurveChartOptions {
  /** Minimum time between two updates, in milliseconds (default 250). */
  throttleMs?: number;
}

/**
 * A `fit` callback that draws the loss curve in one output and redraws it in place while the
 * model trains (every `throttleMs`, the first time one interval in), then once more with the
 * final history when the run ends: a run shorter than one interval draws once. It updates during
 * a synchronous training loop: the kernel's ZeroMQ I/O thread sends each message while JavaScript
 * keeps training, within the helper's send budget (`SEND_BUDGET`: a long synchronous run is
 * redrawn ever more sparsely, and the kernel keeps room for its own messages). The last frame
 * says how the run ended: its stop rule, "stopped by an error at step 41: …" when the loss, the
 * model, the optimizer or a callback threw, or "interrupted at step N" after Kernel > Interrupt.
 * While running, each frame records its time (`updatedAt`), so a renderer can tell a stalled
 * run from a live one. Each `fit` that uses it gets its own output. Outside tslab it prints the
 * summary line at the end.
 *
 * @example
 * const live = liveLossCurve({ throttleMs: 100, title: 'live' });
 * const history = { name: 'gd', loss: [] as number[], learningRate: [], gradNorm: [], stride: 1,
 *   minLoss: NaN, minStep: 0, lastLoss: NaN, valLoss: [], valStep: [], snapshots: [], steps: 0,
 *   stopReason: 'maxSteps' as const, stopMessage: '' };
 * for (let step = 1; step <= 3; step++) {
 *   history.loss.push(1 / step);
 *   history.steps = step;
 *   live.onStep?.({ step, maxSteps: 3, loss: 1 / step, learningRate: 0.1, gradNorm: 0, history });
 * }
 * live.onEnd?.(history);
 * // prints: live: gd: 3 steps, final 0.3333, min 0.3333 at step 3 (maxSteps)
 */
export function liveLossCurve(options?: LiveLossCurveOptions): Callback {
  checkOptions('liveLossCurve', options, [...CURVE_OPTION_KEYS, 'throttleMs']);
  const throttleMs = checkThrottle('liveLossCurve', options?.throttleMs);
  // Validate the chart options now, not at the first step inside someone's training loop.
  buildCurvePayload({ loss: [] }, options, 'liveLossCurve');
  // plotLosses keeps maxPoints / 2 buckets; the streaming selection holds between B and 2B
  // buckets, so B = maxPoints / 4 keeps a live curve as small as a finished one.
  const buckets = Math.max(16, Math.floor((options?.maxPoints ?? 600) / 4));
  let stream = new StreamingDownsampler(buckets);
  let streamStride = 1;

  // The stream follows the history's array; a history thinned under it starts it over.
  const streamFor = (history: History): StreamingDownsampler => {
    const stride = history.stride ?? 1;
    if (stride !== streamStride) {
      stream = new StreamingDownsampler(buckets);
      streamStride = stride;
    }
    return stream;
  };
  const ended = (history: History, end: LiveEnd): HistoryLike =>
    end === 'interrupted'
      ? {
          ...history,
          stopReason: 'interrupted',
          stopMessage: messages(options?.locale).interruptedAt(history.steps),
        }
      : history;

  return liveCallback(throttleMs, {
    frame: (info) =>
      lossCurveBundle(
        buildCurvePayload(info.history, { ...options, running: true }, 'liveLossCurve', [
          streamFor(info.history),
        ]),
      ),
    final: (history, end) =>
      lossCurveBundle(
        buildCurvePayload(ended(history, end), options, 'liveLossCurve', [streamFor(history)]),
      ),
    text: (history, end) =>
      summarizeCurve(
        buildCurvePayload(ended(history, end), options, 'liveLossCurve', [streamFor(history)]),
      ),
    reset: () => {
      stream = new StreamingDownsampler(buckets);
      streamStride = 1;
    },
  });
}
