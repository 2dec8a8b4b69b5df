import type { Callback, History, StepInfo } from '@losslab/core';
import { LosslabError } from '@losslab/core';
import { inKernel, newDisplayId, sendBundle } from './display';
import { formatNumber } from './formatNumber';
import { Throttle } from './throttle';

/** Options of `progress`. */
export interface ProgressOptions {
  /** Minimum time between two updates, in milliseconds (default 250). */
  throttleMs?: number;
  /** Text before the numbers (default: the run's name). */
  label?: string;
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
 * One progress line: label, step of total, loss, steps per second and time left.
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
}): string {
  const rate = state.elapsedMs > 0 ? (state.step * 1000) / state.elapsedMs : Number.NaN;
  const rateText = Number.isFinite(rate) ? `${formatNumber(rate, 3)} steps/s` : '- steps/s';
  const tail = state.done
    ? `done in ${formatDuration(state.elapsedMs)}`
    : `ETA ${formatDuration(((state.maxSteps - state.step) * 1000) / rate)}`;
  const label = state.label === '' ? '' : `${state.label}  `;
  return `${label}step ${state.step}/${state.maxSteps}  loss ${formatNumber(state.loss, 4)}  ${rateText}  ${tail}`;
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
  const throttleMs = options?.throttleMs ?? 250;
  if (typeof throttleMs !== 'number' || !(throttleMs >= 0)) {
    throw new LosslabError(
      'progress',
      'throttleMs',
      `'throttleMs' must be a non-negative number, got ${throttleMs}`,
    );
  }
  const throttle = new Throttle(throttleMs);
  let displayId: string | null = null;
  let start = 0;
  let maxSteps = 0;
  let current: History | null = null;
  let countdown = 1;
  const show = (text: string): void => {
    const create = displayId === null;
    displayId ??= newDisplayId();
    sendBundle({ data: { 'text/plain': text } }, displayId, !create);
  };
  return {
    onStep(info: StepInfo): void {
      // The only per-step work: a countdown in a local (see Throttle).
      if (--countdown > 0) {
        return;
      }
      if (info.history !== current) {
        // A new fit (or one after an interrupted run, which never reached onEnd): a new line.
        current = info.history;
        displayId = null;
        start = performance.now();
        throttle.reset();
      }
      maxSteps = info.maxSteps;
      const due = throttle.check();
      countdown = throttle.stride;
      if (due && inKernel()) {
        show(
          progressLine({
            label: options?.label ?? info.history.name,
            step: info.step,
            maxSteps: info.maxSteps,
            loss: info.loss,
            elapsedMs: performance.now() - start,
          }),
        );
      }
    },
    onEnd(history: History): void {
      const line = progressLine({
        label: options?.label ?? history.name,
        step: history.loss.length,
        maxSteps: Math.max(maxSteps, history.loss.length),
        loss: history.loss[history.loss.length - 1] ?? Number.NaN,
        elapsedMs: start === 0 ? 0 : performance.now() - start,
        done: true,
      });
      if (inKernel()) {
        show(line);
      } else {
        process.stdout.write(`${line}\n`);
      }
      displayId = null;
      current = null;
      countdown = 1;
      start = 0;
      throttle.reset();
    },
  };
}
