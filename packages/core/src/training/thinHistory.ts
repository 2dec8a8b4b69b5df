import type { History } from './History';

/** Keeps entries 0, 2, 4, … of `a`, in place. */
function keepEven<T>(a: T[]): void {
  let w = 0;
  for (let r = 0; r < a.length; r += 2) {
    a[w++] = a[r] as T;
  }
  a.length = w;
}

/**
 * Halves a history that reached `FitOptions.historyLimit`, in place, so a run of any length
 * stays within a fixed memory budget. `'steps'` (the default) keeps every other entry of `loss`,
 * `learningRate` and `gradNorm` and doubles `stride`, so `loss[i]` stays the loss at step
 * `i * stride + 1`; `'validation'` thins `valLoss`/`valStep`; `'snapshots'` thins the parameter
 * snapshots, keeping the first (the starting point). `minLoss`, `minStep` and `lastLoss` are
 * untouched: they stay exact.
 */
export function thinHistory(
  history: History,
  which: 'steps' | 'validation' | 'snapshots' = 'steps',
): void {
  if (which === 'steps') {
    keepEven(history.loss);
    keepEven(history.learningRate);
    keepEven(history.gradNorm);
    Object.values(history.metrics ?? {}).forEach(keepEven);
    if (history.elapsed !== undefined) {
      keepEven(history.elapsed);
    }
    history.stride = (history.stride ?? 1) * 2;
  } else if (which === 'validation') {
    keepEven(history.valLoss);
    keepEven(history.valStep);
    Object.values(history.valMetrics ?? {}).forEach(keepEven);
  } else {
    keepEven(history.snapshots);
  }
}
