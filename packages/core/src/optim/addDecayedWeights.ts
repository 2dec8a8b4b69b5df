import { decay } from './addWeightDecay';
import type { WeightDecayState } from './addWeightDecay';
import type { GradientTransformation } from './GradientTransformation';

/**
 * Decoupled weight decay (Loshchilov and Hutter; torch.optim.AdamW): adds $\lambda\theta$ to the
 * *already rescaled* update, just before the learning rate, so with `scaleByLearningRate(lr)`
 * after it the step is
 *
 * $$\theta_t = \theta_{t-1} - \gamma\,(u_t + \lambda \theta_{t-1})
 *   = (1 - \gamma\lambda)\,\theta_{t-1} - \gamma u_t$$
 *
 * which is AdamW's documented $\theta_t \leftarrow \theta_{t-1} - \gamma\lambda\theta_{t-1}$
 * followed by the Adam step.
 *
 * @example
 * const opt = addDecayedWeights(0.5);
 * const params = new Float64Array([4]);
 * const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // u = 1 + 0.5 * 4 = 3
 */
export function addDecayedWeights(weightDecay: number): GradientTransformation<WeightDecayState> {
  return decay('addDecayedWeights', weightDecay);
}
