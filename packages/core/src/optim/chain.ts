import { LosslabError } from '../errors';
import type { GradientTransformation, UpdateExtra } from './GradientTransformation';

/** The state of a chain: one state per member, in order. */
export type ChainState = readonly unknown[];

/**
 * Composes transformations: each `update` passes the gradients through the members in order
 * (optax's `chain`), so `chain(scaleByAdam(), scaleByLearningRate(1e-3))` is Adam. The state is
 * the array of the members' states.
 *
 * The learning rate of a chain is the product of its members' `learningRate`s times the product
 * of their `lrFactor`s (undefined when no member has a learning rate).
 *
 * @example
 * const opt = chain(clipByValue(1), scaleByLearningRate(0.5));
 * const params = new Float64Array([0, 0]);
 * const state = opt.init(params);
 * const [updates] = opt.update(new Float64Array([4, -0.5]), state, params);
 * // updates = -0.5 * [1, -0.5] = [-0.5, 0.25]
 */
export function chain(...transforms: GradientTransformation[]): GradientTransformation<ChainState> {
  if (transforms.length === 0) {
    throw new LosslabError('chain', 'transforms', 'needs at least one transformation');
  }
  transforms.forEach((t, i) => {
    if (t === null || typeof t !== 'object' || typeof t.update !== 'function') {
      throw new LosslabError(
        'chain',
        'transforms',
        `argument ${i} is not a GradientTransformation (it has no 'update')`,
      );
    }
  });
  const n = transforms.length;
  const withLr = transforms.some((t) => t.learningRate !== undefined);
  return {
    name: transforms.map((t) => t.name).join(' -> '),
    init(params: Float64Array): ChainState {
      return transforms.map((t) => t.init(params));
    },
    update(
      grads: Float64Array,
      state: ChainState,
      params?: Float64Array,
      extra?: UpdateExtra,
    ): [Float64Array, ChainState] {
      // Each member writes into the same buffer, so only the array of states is new per step.
      const next = new Array<unknown>(n);
      let updates = grads;
      for (let i = 0; i < n; i++) {
        const t = transforms[i] as GradientTransformation;
        const following = transforms[i + 1];
        if (following?.scalarStep !== undefined && t.updateScaled !== undefined) {
          // Fold a following multiplication by the learning rate into this member's pass.
          const [scale, scalarState] = following.scalarStep(state[i + 1]);
          const [u, s] = t.updateScaled(updates, state[i], scale, params, extra);
          updates = u;
          next[i] = s;
          next[i + 1] = scalarState;
          i++;
          continue;
        }
        const [u, s] = t.update(updates, state[i], params, extra);
        updates = u;
        next[i] = s;
      }
      return [updates, next];
    },
    learningRate(state: ChainState): number | undefined {
      if (!withLr) {
        return undefined;
      }
      let lr = 1;
      for (let i = 0; i < n; i++) {
        const t = transforms[i] as GradientTransformation;
        const own = t.learningRate?.(state[i]);
        if (own !== undefined) {
          lr *= own;
        }
        if (t.lrFactor !== undefined) {
          lr *= t.lrFactor(state[i]);
        }
      }
      return lr;
    },
  };
}
