import { LosslabError } from '../errors';
import { findNonFinite } from '../check';
import type { FloatArray } from '../types';
import { addScaled } from './addScaled';
import type { Applied, GradientTransformation, UpdateExtra } from './GradientTransformation';

type ScalarStep = NonNullable<GradientTransformation['scalarStep']>;
type Fusable = Required<Pick<GradientTransformation, 'applyScaled'>>;

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
  // The fused tail of updateInPlace: a last member that adds its updates to the parameters
  // itself, or a member that can followed by a multiplication by the learning rate; n when no
  // member can (the updates are then added in a separate loop).
  const last = transforms[n - 1] as GradientTransformation;
  const beforeLast = transforms[n - 2];
  const tail =
    n >= 2 && last.scalarStep !== undefined && beforeLast?.applyScaled !== undefined
      ? n - 2
      : last.applyScaled !== undefined
        ? n - 1
        : n;

  /** Members [from, to) in turn on `grads`, their states into `next`; returns the updates. */
  function runMembers(
    from: number,
    to: number,
    grads: FloatArray,
    state: ChainState,
    next: unknown[],
    params: FloatArray | undefined,
    extra: UpdateExtra | undefined,
  ): FloatArray {
    // Each member writes into the same buffer, so only the array of states is new per step.
    let updates = grads;
    for (let i = from; i < to; i++) {
      const t = transforms[i] as GradientTransformation;
      const following = i + 1 < to ? transforms[i + 1] : undefined;
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
    return updates;
  }
  /** The fused path: members, then the updates times `scale` added to `params`. */
  function applyScaled(
    grads: FloatArray,
    state: ChainState,
    scale: number,
    params: FloatArray,
    extra?: UpdateExtra,
  ): Applied<ChainState> {
    const next = new Array<unknown>(n);
    // Members before the fused tail see transformed gradients: the finiteness the caller asks
    // about is that of what it passed in.
    const inputsFinite =
      tail > 0 ? findNonFinite(grads) < 0 && findNonFinite(params) < 0 : undefined;
    const updates = runMembers(0, tail, grads, state, next, params, extra);
    let applied: Applied<unknown>;
    if (tail === n) {
      applied = [next, ...addScaled('chain', params, updates, scale)];
    } else if (tail === n - 2) {
      const last = transforms[n - 1] as GradientTransformation;
      const [lrScale, lastState] = (last.scalarStep as ScalarStep)(state[n - 1]);
      next[n - 1] = lastState;
      applied = (transforms[n - 2] as Fusable).applyScaled(
        updates,
        state[n - 2],
        scale * lrScale,
        params,
        extra,
      );
      next[n - 2] = applied[0];
    } else {
      applied = (transforms[n - 1] as Fusable).applyScaled(
        updates,
        state[n - 1],
        scale,
        params,
        extra,
      );
      next[n - 1] = applied[0];
    }
    return [next, inputsFinite ?? applied[1], applied[2]];
  }

  return {
    name: transforms.map((t) => t.name).join(' -> '),
    init(params: FloatArray): ChainState {
      return transforms.map((t) => t.init(params));
    },
    update(
      grads: FloatArray,
      state: ChainState,
      params?: FloatArray,
      extra?: UpdateExtra,
    ): [FloatArray, ChainState] {
      const next = new Array<unknown>(n);
      return [runMembers(0, n, grads, state, next, params, extra), next];
    },
    applyScaled,
    updateInPlace(
      grads: FloatArray,
      state: ChainState,
      params: FloatArray,
      extra?: UpdateExtra,
    ): ChainState {
      return applyScaled(grads, state, 1, params, extra)[0];
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
