import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';

/**
 * An alias optimizer's readable name: `adam(lr=0.001)`, plus every option that differs from its
 * default, `sgd(lr=0.1, momentum=0.9, nesterov=true)`.
 */
export function aliasName(
  alias: string,
  lr: LearningRate,
  options: Readonly<Record<string, number | boolean>>,
  defaults: Readonly<Record<string, number | boolean>>,
): string {
  const parts = [`lr=${typeof lr === 'number' ? lr : 'schedule'}`];
  for (const [key, value] of Object.entries(options)) {
    if (value !== defaults[key]) {
      parts.push(`${key}=${value}`);
    }
  }
  return `${alias}(${parts.join(', ')})`;
}

/** The chain with the alias's readable name instead of the members' names. */
export function named<S>(t: GradientTransformation<S>, name: string): GradientTransformation<S> {
  return { ...t, name };
}
