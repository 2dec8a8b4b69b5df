import { addWeightDecay } from './addWeightDecay';
import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkNonNegativeHyper } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';
import { scaleByLearningRate } from './scaleByLearningRate';

/**
 * The shape PyTorch's optimizers share: an optional L2 penalty added to the gradient
 * (`weight_decay`, coupled), the optimizer's own scaling (none for plain SGD), then the learning
 * rate; named readably from the options that differ from their defaults.
 */
export function l2Alias(
  fn: string,
  lr: LearningRate,
  weightDecay: number | undefined,
  scale: GradientTransformation | null,
  hyper: Readonly<Record<string, number | boolean>>,
  defaults: Readonly<Record<string, number | boolean>>,
): GradientTransformation<ChainState> {
  const wd = weightDecay ?? 0;
  checkNonNegativeHyper(fn, 'weightDecay', wd);
  const links: GradientTransformation[] = [];
  if (wd > 0) {
    links.push(addWeightDecay(wd));
  }
  if (scale !== null) {
    links.push(scale);
  }
  links.push(scaleByLearningRate(lr));
  return named(
    chain(...links),
    aliasName(fn, lr, { ...hyper, weightDecay: wd }, { ...defaults, weightDecay: 0 }),
    fn,
    links.length,
  );
}
