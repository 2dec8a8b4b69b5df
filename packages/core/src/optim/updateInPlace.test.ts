// The fused path (`updateInPlace`: update and applyUpdates in one pass where the members allow)
// against the composable one (`update`, then `applyUpdates`): bit-identical in float64 on every
// PyTorch run of fixtures/torch.json, in place, and as strict about non-finite results.
import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { fit } from '../training/fit';
import { linearRegression } from '../models/linearRegression';
import { adam } from './adam';
import { adamw } from './adamw';
import { applyUpdates } from './applyUpdates';
import { chain } from './chain';
import { clipByValue } from './clipByValue';
import { replayTorchRun, torchFixture } from './fixtures/torch';
import type { GradientTransformation } from './GradientTransformation';
import { lbfgs } from './lbfgs';
import { scaleByAdam } from './scaleByAdam';
import { sgd } from './sgd';

describe('updateInPlace', () => {
  const runs = torchFixture.runs.filter((r) => r.optimizer !== 'lbfgs');

  it.each(runs.map((r, i) => [`${i}: ${r.problem} ${r.optimizer}`, r] as const))(
    'equals update + applyUpdates bit for bit in float64: %s',
    (_title, run) => {
      const plain = replayTorchRun(run);
      const fused = replayTorchRun(run, { fused: true });
      expect(fused.params).toEqual(plain.params);
      expect(fused.learningRate).toEqual(plain.learningRate);
    },
  );

  it('is on every alias and chain; L-BFGS, which searches along a line, has none', () => {
    for (const opt of [sgd(0.1), sgd(0.1, { momentum: 0.9 }), adam(0.1), adamw(0.1)]) {
      expect(typeof opt.updateInPlace).toBe('function');
    }
    expect(typeof chain(clipByValue(1), scaleByAdam()).updateInPlace).toBe('function');
    expect(lbfgs(1).updateInPlace).toBeUndefined();
  });

  it('moves the parameters in place and keeps the moments in the same arrays', () => {
    for (const [make, Arr] of [
      [(): GradientTransformation => adam(0.1), Float64Array],
      [(): GradientTransformation => adam(0.1), Float32Array],
      [(): GradientTransformation => sgd(0.1, { momentum: 0.9, nesterov: true }), Float32Array],
    ] as const) {
      const opt = make();
      const params = Arr.from([1, -2, 3]);
      const twin = Arr.from(params);
      let state = opt.init(params);
      let twinState = opt.init(twin);
      for (let step = 0; step < 3; step++) {
        const g = Arr.from([0.5, -step, 2]);
        const moments = JSON.stringify(state);
        state = opt.updateInPlace!(Arr.from(g), state, params);
        const [u, next] = opt.update(Arr.from(g), twinState, twin);
        applyUpdates(twin, u);
        twinState = next;
        expect(JSON.stringify(state)).not.toBe(moments);
        // float32: the unfused path rounds the update to float32 before adding it, so the two
        // may differ by one float32 rounding of the parameters.
        Array.from(params).forEach((p, i) =>
          expect(Math.abs(p - twin[i]!)).toBeLessThanOrEqual(
            Arr === Float32Array ? 2 ** -22 * Math.abs(p) : 0,
          ),
        );
      }
    }
  });

  it('throws in the alias name where a parameter would leave the float range', () => {
    // b2 = 0 divides a large momentum by a tiny gradient (the update path's badInput case).
    const opt = adam(1, { b2: 0, b1: 0.9 });
    const params = new Float64Array(1);
    let state = opt.updateInPlace!(new Float64Array([1e302]), opt.init(params), params);
    expect(() => opt.updateInPlace!(new Float64Array([1e-300]), state, params)).toThrow(
      new LosslabError(
        'adam',
        'grads',
        'the update makes parameter 0 -Infinity although the gradients and parameters were finite: these hyperparameters overflow on gradients this large',
      ),
    );
    // float32 overflows at 3.4e38: a finite update of 1e38 on 3.4e38 is caught when stored.
    const big = new Float32Array([3.4e38, 1]);
    const descent = sgd(1e30);
    state = descent.init(big);
    expect(() => descent.updateInPlace!(new Float32Array([-1e8, 1]), state, big)).toThrow(
      /^sgd: the update makes parameter 0 Infinity although/,
    );
    // The unfused path says so too: the float32 update buffer cannot hold 1e39.
    expect(() =>
      descent.update(new Float32Array([-1e9, 1]), descent.init(big), Float32Array.from([1, 1])),
    ).toThrow(/^sgd: the update is Infinity at index 0/);
  });

  it('fit keeps the last good parameters when a fused update throws', () => {
    // Residuals of 1e37: finite float32 gradients of 2e37, which a learning rate of 40 turns into
    // steps of -8e38: beyond float32's range.
    const model = linearRegression({ features: 1, dtype: 'float32' });
    const data = {
      x: new Float32Array([1, 1]),
      y: new Float32Array([2.9e38, 2.9e38]),
      n: 2,
      features: 1,
    };
    model.params.set([0, 3e38]);
    const before = Array.from(model.params);
    expect(() => fit(model, data, { optimizer: sgd(40), maxSteps: 1 })).toThrow(
      /^sgd: the update makes parameter 0 -Infinity although/,
    );
    expect(Array.from(model.params)).toEqual(before);
  });
});
