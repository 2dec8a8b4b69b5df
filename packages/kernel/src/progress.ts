import { checkOptions } from '@losslab/core';
import type { Callback, History } from '@losslab/core';
import { clipText, MAX_MESSAGE_LENGTH } from './clipText';
import { localizeStopMessage } from './describeStop';
import { formatNumber } from './formatNumber';
import { checkThrottle, liveCallback } from './liveCallback';
import type { LiveEnd } from './liveCallback';
import { getLocale, messages } from './locale';
import type { Locale } from './locale';

/** Options of `progress`. */
export interface ProgressOptions {
  /** Minimum time between two updates, in milliseconds (default 250). */
  throttleMs?: number;
  /** Text before the numbers (default: the run's name; at most 200 characters shown). */
  label?: string;
  /** Language of the line (default: the one `setLocale` set, else English). */
  locale?: Locale;
}

/** A duration as '850 ms', '12.3 s', '4 min 05 s' or '2 h 03 min'. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return '?';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const s = ms / 1000;
  if (s < 60) {
    return `${s.toFixed(1)} s`;
  }
  const pad = (v: number): string => String(Math.floor(v)).padStart(2, '0');
  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  }
  return `${Math.floor(s / 3600)} h ${pad((s % 3600) / 60)} min`;
}

/**
 * One progress line: label, step of total, loss, steps per second, and the time left while
 * running; at the end the time taken, and how the run stopped when it did not finish by its
 * rule (`end`, a sentence such as "stopped by an error at step 41: …").
 *
 * @example
 * progressLine({ label: 'adam', step: 250, maxSteps: 1000, loss: 0.0123456, elapsedMs: 500 });
 * // 'adam  step 250/1000  loss 0.01235  500 steps/s  ETA 1.5 s'
 */
export function progressLine(state: {
  label: string;
  step: number;
  maxSteps: number;
  loss: number;
  elapsedMs: number;
  done?: boolean;
  end?: string;
  locale?: Locale;
}): string {
  const rate = state.elapsedMs > 0 ? (state.step * 1000) / state.elapsedMs : Number.NaN;
  const done = state.done === true || state.end !== undefined;
  return messages(state.locale).progress({
    label: clipText(state.label),
    step: state.step,
    maxSteps: state.maxSteps,
    loss: formatNumber(state.loss, 4),
    rate: Number.isFinite(rate) ? formatNumber(rate, 3) : null,
    eta: formatDuration(((state.maxSteps - state.step) * 1000) / rate),
    doneIn: done ? formatDuration(state.elapsedMs) : null,
    stopped: state.end === undefined ? null : clipText(state.end, MAX_MESSAGE_LENGTH),
  });
}

/**
 * A `fit` callback showing one line updated in place (step of total, loss, steps per second, time
 * left) instead of a thousand printed lines; the last state stays with 'done in …'. Outside tslab
 * it prints that last line only.
 *
 * @example
 * const bar = progress({ label: 'demo' });
 * bar.onStep?.({ step: 1, maxSteps: 1, loss: 0.5, learningRate: 0.1, gradNorm: 1,
 *   history: { name: 'demo', loss: [0.5], learningRate: [0.1], gradNorm: [1], valLoss: [],
 *     valStep: [], snapshots: [], steps: 1, stopReason: 'maxSteps', stopMessage: '' } });
 * bar.onEnd?.({ name: 'demo', loss: [0.5], learningRate: [0.1], gradNorm: [1], valLoss: [],
 *   valStep: [], snapshots: [], steps: 1, stopReason: 'maxSteps', stopMessage: '' });
 * // outside tslab prints the last line: 'demo  step 1/1  loss 0.5  … steps/s  done in … ms'
 */
export function progress(options?: ProgressOptions): Callback {
  checkOptions('progress', options, [
    'throttleMs',
    'label',
    'locale',
  ] satisfies (keyof ProgressOptions)[]);
  const throttleMs = checkThrottle('progress', options?.throttleMs);
  const locale = options?.locale;
  let start = 0;
  let maxSteps = 0;
  const line = (history: History, end?: LiveEnd, loss?: number, step?: number): string => {
    let how: string | undefined;
    if (end === 'interrupted') {
      how = messages(locale).interruptedAt(history.steps);
    } else if (
      end === 'ended' &&
      (history.stopReason === 'error' || history.stopReason === 'diverged')
    ) {
      how = localizeStopMessage(history.stopMessage, locale ?? getLocale());
    }
    return progressLine({
      label: options?.label ?? history.name,
      step: step ?? history.steps,
      maxSteps: Math.max(maxSteps, history.steps),
      loss: loss ?? history.lastLoss ?? history.loss[history.loss.length - 1] ?? Number.NaN,
      elapsedMs: start === 0 ? 0 : performance.now() - start,
      done: end !== undefined,
      end: how,
      locale,
    });
  };
  const bundle = (text: string): { data: Record<string, unknown> } => ({
    data: { 'text/plain': text },
  });
  return liveCallback(throttleMs, {
    frame: (info) => {
      if (start === 0) {
        start = performance.now();
      }
      maxSteps = info.maxSteps;
      return bundle(line(info.history, undefined, info.loss, info.step));
    },
    final: (history, end) => bundle(line(history, end)),
    text: (history, end) => line(history, end),
    reset: () => {
      start = performance.now();
      maxSteps = 0;
    },
  });
}
