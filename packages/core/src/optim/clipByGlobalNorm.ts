import { checkGrads, checkInitParams, checkPositiveHyper } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** The state of `clipByGlobalNorm`: only the parameter count. */
export interface ClipByGlobalNormState {
  readonly size: number;
}

/**
 * Rescales the gradient so its L2 norm is at most `maxNorm` (optax's `clip_by_global_norm`; all
 * parameters live in one array, so the global norm is that array's norm):
 *
 * $$g \leftarrow \begin{cases} g & \lVert g\rVert_2 < c \\ g \, c / \lVert g\rVert_2 & \text{otherwise}\end{cases}$$
 *
 * Unlike PyTorch's `clip_grad_norm_`, no 1e-6 is added to the norm (optax's formula).
 *
 * @example
 * const opt = clipByGlobalNorm(1);
 * const params = new Float64Array(2);
 * const [g] = opt.update(new Float64Array([3, 4]), opt.init(params), params);
 * // |g| = 5, g = [0.6, 0.8]
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransformation<ClipByGlobalNormState> {
  const fn = 'clipByGlobalNorm';
  checkPositiveHyper(fn, 'maxNorm', maxNorm);
  return {
    name: `clipByGlobalNorm(${maxNorm})`,
    init(params: Float64Array): ClipByGlobalNormState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(
      grads: Float64Array,
      state: ClipByGlobalNormState,
    ): [Float64Array, ClipByGlobalNormState] {
      checkGrads(fn, grads, state.size);
      const n = grads.length;
      let sq = 0;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        sq += g * g;
      }
      const norm = Math.sqrt(sq);
      // `norm < maxNorm` is false for NaN too: then the NaN propagates instead of hiding.
      if (!(norm < maxNorm)) {
        const scale = maxNorm / norm;
        for (let i = 0; i < n; i++) {
          grads[i] = (grads[i] as number) * scale;
        }
      }
      return [grads, state];
    },
  };
}
