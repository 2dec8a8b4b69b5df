import { LosslabError } from '../errors';
import {
  checkBoolean,
  checkInteger,
  checkOptions,
  checkPositiveHyper,
  checkUnitInterval,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `oneCycleSchedule` (PyTorch's OneCycleLR, without its momentum cycling). */
export interface OneCycleScheduleOptions {
  /** The peak learning rate, > 0. */
  maxLr: number;
  /** Steps in the cycle (an integer >= 2). */
  totalSteps: number;
  /** Fraction of the steps spent rising to `maxLr`, in (0, 1). Default 0.3. */
  pctStart?: number;
  /** 'cos' or 'linear' interpolation between the phase ends. Default 'cos'. */
  annealStrategy?: 'cos' | 'linear';
  /** The starting rate is `maxLr / divFactor`, > 0. Default 25. */
  divFactor?: number;
  /** The final rate is the starting rate / `finalDivFactor`, > 0. Default 1e4. */
  finalDivFactor?: number;
  /** Three phases (up, back down to the start, then to the final rate) instead of two. Default false. */
  threePhase?: boolean;
}

/**
 * The 1cycle policy (Smith and Topin 2018), torch.optim.lr_scheduler.OneCycleLR with one
 * scheduler step per update: from $\gamma_0 = $ `maxLr / divFactor` up to `maxLr` over the first
 * `pctStart * totalSteps - 1` steps, then down to $\gamma_0 /$ `finalDivFactor` at step
 * `totalSteps - 1`, each phase interpolated by
 *
 * $$\text{cos: } \gamma = e + \tfrac{s - e}{2}\,(1 + \cos \pi p),\qquad \text{linear: } \gamma = s + (e - s)\,p$$
 *
 * from its start $s$ to its end $e$, $p$ the fraction of the phase done (PyTorch's phase
 * boundaries, fractional steps included). Differences from PyTorch: the momentum (or Adam's b1)
 * is not cycled (PyTorch's `cycle_momentum=True` default does it), and after `totalSteps` the
 * rate stays at its final value, where PyTorch raises an error.
 *
 * @example
 * const lr = oneCycleSchedule({ maxLr: 1, totalSteps: 100 });
 * // lr(0) === 0.04, lr(29) === 1, lr(99) === 4e-6
 */
export function oneCycleSchedule(options: OneCycleScheduleOptions): Schedule {
  const fn = 'oneCycleSchedule';
  checkOptions(fn, options, [
    'maxLr',
    'totalSteps',
    'pctStart',
    'annealStrategy',
    'divFactor',
    'finalDivFactor',
    'threePhase',
  ]);
  const {
    maxLr,
    totalSteps,
    pctStart = 0.3,
    annealStrategy = 'cos',
    divFactor = 25,
    finalDivFactor = 1e4,
    threePhase = false,
  } = options ?? ({} as OneCycleScheduleOptions);
  checkPositiveHyper(fn, 'maxLr', maxLr);
  checkInteger(fn, 'totalSteps', totalSteps, 2);
  checkUnitInterval(fn, 'pctStart', pctStart);
  if (annealStrategy !== 'cos' && annealStrategy !== 'linear') {
    throw new LosslabError(
      fn,
      'annealStrategy',
      `'annealStrategy' must be 'cos' or 'linear', got ${String(annealStrategy)}`,
    );
  }
  checkPositiveHyper(fn, 'divFactor', divFactor);
  checkPositiveHyper(fn, 'finalDivFactor', finalDivFactor);
  checkBoolean(fn, 'threePhase', threePhase);
  const initialLr = maxLr / divFactor;
  const minLr = initialLr / finalDivFactor;
  if (!Number.isFinite(initialLr)) {
    throw new LosslabError(
      fn,
      'divFactor',
      `'divFactor' ${divFactor} makes maxLr / divFactor overflow`,
    );
  }
  if (!Number.isFinite(minLr)) {
    throw new LosslabError(
      fn,
      'finalDivFactor',
      `'finalDivFactor' ${finalDivFactor} makes the final rate overflow`,
    );
  }
  // PyTorch's phases: [end step, start lr, end lr].
  const phases: [number, number, number][] = threePhase
    ? [
        [pctStart * totalSteps - 1, initialLr, maxLr],
        [2 * pctStart * totalSteps - 2, maxLr, initialLr],
        [totalSteps - 1, initialLr, minLr],
      ]
    : [
        [pctStart * totalSteps - 1, initialLr, maxLr],
        [totalSteps - 1, maxLr, minLr],
      ];
  // PyTorch divides by (end - start) of each phase; a phase of zero length would give NaN there.
  let start = 0;
  for (const [end] of phases) {
    if (!(end > start)) {
      throw new LosslabError(
        fn,
        'pctStart',
        `'pctStart' ${pctStart} with totalSteps ${totalSteps} leaves a phase without steps`,
      );
    }
    start = end;
  }
  const anneal =
    annealStrategy === 'cos'
      ? (s: number, e: number, p: number): number => e + ((s - e) / 2) * (Math.cos(Math.PI * p) + 1)
      : (s: number, e: number, p: number): number => (e - s) * p + s;
  return (step: number): number => {
    const t = Math.min(step, totalSteps - 1);
    let phaseStart = 0;
    for (let i = 0; i < phases.length; i++) {
      const [end, s, e] = phases[i] as [number, number, number];
      if (t <= end || i === phases.length - 1) {
        return anneal(s, e, (t - phaseStart) / (end - phaseStart));
      }
      phaseStart = end;
    }
    return minLr; // not reached: the last phase always returns
  };
}
