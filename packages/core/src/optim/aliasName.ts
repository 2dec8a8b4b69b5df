import type { FloatArray } from '../types';
import { findNonFinite } from '../check';
import { LosslabError } from '../errors';
import type { ChainState } from './chain';
import type { Applied, GradientTransformation, UpdateExtra } from './GradientTransformation';
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

/**
 * The chain with the alias's readable name instead of the members' names, guarded in the alias's
 * name `fn`: `update` rejects a state that is not this chain's, and an update that is not finite
 * although the gradients are (hyperparameters that overflow on gradients this large, such as
 * `b2: 0` dividing a large momentum by a tiny gradient) throws instead of moving the parameters
 * to Infinity. Non-finite gradients pass through, so a diverging run stays visible. The fused
 * `updateInPlace` throws the same way when a parameter it writes is not finite although the
 * gradients and parameters it read were (checked by flags inside its one pass, not by passes of
 * their own).
 */
export function named(
  t: GradientTransformation<ChainState>,
  name: string,
  fn: string,
  size: number,
): GradientTransformation<ChainState> {
  const update = t.update.bind(t);
  const applyScaled = t.applyScaled?.bind(t);
  const checkStateShape = (state: unknown): void => {
    if (!Array.isArray(state) || state.length !== size) {
      throw new LosslabError(
        fn,
        'state',
        `'state' is not a state of ${fn} (got ${Array.isArray(state) ? `${state.length} member states, expected ${size}` : String(state)}); pass what init or the previous update returned`,
      );
    }
  };
  const guarded: GradientTransformation<ChainState> = {
    ...t,
    name,
    update(
      grads: FloatArray,
      state: ChainState,
      params?: FloatArray,
      extra?: UpdateExtra,
    ): [FloatArray, ChainState] {
      checkStateShape(state);
      const finiteIn =
        (grads instanceof Float64Array || grads instanceof Float32Array) &&
        findNonFinite(grads) < 0 &&
        (params === undefined || findNonFinite(params) < 0);
      const result = update(grads, state, params, extra);
      if (finiteIn) {
        const i = findNonFinite(result[0]);
        if (i >= 0) {
          throw new LosslabError(
            fn,
            'grads',
            `the update is ${result[0][i]} at index ${i} although the gradients and parameters are finite: these hyperparameters overflow on gradients this large`,
          );
        }
      }
      return result;
    },
  };
  if (applyScaled !== undefined) {
    // The fused path checks finiteness inside its one pass (flags), not in passes of its own.
    guarded.applyScaled = (grads, state, scale, params, extra): Applied<ChainState> => {
      checkStateShape(state);
      const applied = applyScaled(grads, state, scale, params, extra);
      if (applied[1] && !applied[2]) {
        const i = findNonFinite(params);
        throw new LosslabError(
          fn,
          'grads',
          `the update makes parameter ${i} ${params[i]} although the gradients and parameters were finite: these hyperparameters overflow on gradients this large`,
        );
      }
      return applied;
    };
    const fused = guarded.applyScaled;
    guarded.updateInPlace = (grads, state, params, extra): ChainState =>
      fused(grads, state, 1, params, extra)[0];
  }
  return guarded;
}
