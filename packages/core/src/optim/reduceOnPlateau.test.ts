import { describe, expect, it } from 'vitest';
import { chain } from './chain';
import { plateauCases } from './fixtures/schedules';
import { reduceOnPlateau } from './reduceOnPlateau';
import { scaleByLearningRate } from './scaleByLearningRate';
import { sgd } from './sgd';

describe('reduceOnPlateau', () => {
  it('runs its JSDoc example', () => {
    const opt = chain(sgd(0.1), reduceOnPlateau({ patience: 1, factor: 0.5 }));
    const params = new Float64Array([0]);
    let state = opt.init(params);
    for (const loss of [1, 1, 1]) {
      [, state] = opt.update(new Float64Array([1]), state, params, { loss });
    }
    expect(opt.learningRate?.(state)).toBe(0.05);
  });

  it.each(plateauCases.map((c) => [JSON.stringify(c.options), c] as const))(
    'matches a numpy ReduceLROnPlateau on a stalling loss: %s',
    (_title, c) => {
      const opt = reduceOnPlateau(c.options);
      const params = new Float64Array([0]);
      let state = opt.init(params);
      c.losses.forEach((loss, t) => {
        const [u, next] = opt.update(new Float64Array([1]), state, params, { loss });
        // the scale applied to this update is the one before this loss is seen
        expect(u[0]).toBe(c.scales[t]);
        state = next;
      });
      expect(state.scale).toBe(c.finalScale);
    },
  );

  it('reduces at least once on each of the fixture cases (the data exercises it)', () => {
    for (const c of plateauCases) {
      expect(c.finalScale).toBeLessThan(1);
    }
  });

  it('counts a NaN loss as no improvement, as PyTorch does', () => {
    const opt = reduceOnPlateau({ patience: 1, factor: 0.5 });
    const params = new Float64Array([0]);
    let state = opt.init(params);
    for (const loss of [1, NaN, NaN]) {
      [, state] = opt.update(new Float64Array([1]), state, params, { loss });
    }
    expect(state.scale).toBe(0.5);
    expect(state.best).toBe(1);
  });

  it('turns minLr into a floor on the scale given the base lr', () => {
    const opt = chain(
      scaleByLearningRate(0.1),
      reduceOnPlateau({ patience: 0, factor: 0.1, minLr: 0.005, lr: 0.1 }),
    );
    const params = new Float64Array([0]);
    let state = opt.init(params);
    for (let t = 0; t < 5; t++) {
      [, state] = opt.update(new Float64Array([1]), state, params, { loss: 1 });
    }
    expect(opt.learningRate?.(state)).toBeCloseTo(0.005, 15);
  });
});
