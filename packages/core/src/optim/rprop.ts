import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import type { GradientTransformation } from './GradientTransformation';
import { scale } from './scale';
import { rpropHyper, scaleByRprop } from './scaleByRprop';
import { checkOptions, checkPositiveHyper } from './checkHyper';

/** Options of `rprop`: the step-size factors and bounds (torch's `etas`, `step_sizes`). */
export interface RpropOptions {
  /** Step-size factor after a sign change, in (0, 1). Default 0.5. */
  etaMinus?: number;
  /** Step-size factor while the sign holds, > 1. Default 1.2. */
  etaPlus?: number;
  /** Smallest step size, > 0. Default 1e-6. */
  minStepSize?: number;
  /** Largest step size. Default 50. */
  maxStepSize?: number;
}

/**
 * Rprop (resilient backpropagation), as torch.optim.Rprop: every coordinate moves by its own step
 * size against the sign of its gradient, the step growing by `etaPlus` while the sign holds and
 * shrinking by `etaMinus` when it flips (see `scaleByRprop`). `lr` is only the initial step size
 * (a number, not a schedule, as in PyTorch), so the optimizer reports no learning rate. Meant for
 * full-batch training: the signs of mini-batch gradients are noise. A chain of `scaleByRprop`
 * and `scale(-1)` (optax's `rprop`).
 *
 * @example
 * const opt = rprop(0.1);
 * const params = new Float64Array([1, 1]);
 * const [u] = opt.update(new Float64Array([5, -1e-3]), opt.init(params), params);
 * // the size of the gradient does not matter: u = [-0.1, 0.1]
 */
export function rprop(lr = 1e-2, options?: RpropOptions): GradientTransformation<ChainState> {
  const fn = 'rprop';
  checkPositiveHyper(fn, 'lr', lr);
  checkOptions(fn, options, ['etaMinus', 'etaPlus', 'minStepSize', 'maxStepSize']);
  const hyper = rpropHyper(fn, { ...options, initStepSize: lr });
  const shown = {
    etaMinus: hyper.etaMinus,
    etaPlus: hyper.etaPlus,
    minStepSize: hyper.minStepSize,
    maxStepSize: hyper.maxStepSize,
  };
  return named(
    chain(scaleByRprop(hyper), scale(-1)),
    aliasName(fn, lr, shown, { etaMinus: 0.5, etaPlus: 1.2, minStepSize: 1e-6, maxStepSize: 50 }),
    fn,
    2,
  );
}
