import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { addDecayedWeights } from './addDecayedWeights';
import { addWeightDecay } from './addWeightDecay';
import { chain } from './chain';
import { clipByGlobalNorm } from './clipByGlobalNorm';
import { clipByValue } from './clipByValue';
import type { GradientTransformation } from './GradientTransformation';
import { reduceOnPlateau } from './reduceOnPlateau';
import { scaleByAdagrad } from './scaleByAdagrad';
import { scaleByAdam } from './scaleByAdam';
import { scaleByAdamax } from './scaleByAdamax';
import { scaleByLearningRate } from './scaleByLearningRate';
import { scaleByLion } from './scaleByLion';
import { scaleByNadam } from './scaleByNadam';
import { scaleByRms } from './scaleByRms';
import { sgd } from './sgd';
import { traceMomentum } from './traceMomentum';

// Fresh transformations on every call, so the two sides of a comparison share no state.
const makers: (() => GradientTransformation)[] = [
  () => scaleByAdam({ amsgrad: true }),
  () => traceMomentum({ momentum: 0.9, nesterov: true }),
  () => scaleByRms({ centered: true, momentum: 0.5 }),
  () => scaleByAdagrad({ lrDecay: 0.1 }),
  () => scaleByNadam(),
  () => scaleByAdamax(),
  () => scaleByLion(),
  () => addWeightDecay(0.1),
  () => addDecayedWeights(0.3),
  () => clipByValue(0.7),
  () => clipByGlobalNorm(1.5),
  () => scaleByLearningRate((t) => 0.1 / (1 + t)),
  () => reduceOnPlateau({ patience: 0 }),
];

describe('chain', () => {
  it('runs its JSDoc example', () => {
    const opt = chain(clipByValue(1), scaleByLearningRate(0.5));
    const params = new Float64Array([0, 0]);
    const state = opt.init(params);
    const [updates] = opt.update(new Float64Array([4, -0.5]), state, params);
    expect(Array.from(updates)).toEqual([-0.5, 0.25]);
  });

  it('chain(a, b) equals applying a then b, step after step (property)', () => {
    const finite = fc.double({ min: -10, max: 10, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: makers.length - 1 }),
        fc.integer({ min: 0, max: makers.length - 1 }),
        fc.array(finite, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(finite, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (ia, ib, p0, gradSteps) => {
          const a = makers[ia]!();
          const b = makers[ib]!();
          const ab = chain(makers[ia]!(), makers[ib]!());
          const params = Float64Array.from(p0);
          let sa = a.init(params);
          let sb = b.init(params);
          let sab = ab.init(params);
          gradSteps.forEach((g, step) => {
            const extra = { loss: 1 / (step + 1) };
            const g1 = Float64Array.from(g.slice(0, params.length));
            const g2 = Float64Array.from(g1);
            const [ua, na] = a.update(g1, sa, params, extra);
            const [ub, nb] = b.update(ua, sb, params, extra);
            const [uab, nab] = ab.update(g2, sab, params, extra);
            expect(Array.from(uab)).toEqual(Array.from(ub));
            [sa, sb, sab] = [na, nb, nab];
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each<[string, () => GradientTransformation]>([
    ['scaleByAdam', () => scaleByAdam()],
    ['scaleByAdam amsgrad', () => scaleByAdam({ amsgrad: true })],
    ['addDecayedWeights', () => addDecayedWeights(0.2)],
  ])('folds a following scaleByLearningRate into %s bit for bit', (_name, make) => {
    const fused = chain(
      make(),
      scaleByLearningRate((t) => 0.1 / (1 + t)),
    );
    const first = make();
    const second = scaleByLearningRate((t) => 0.1 / (1 + t));
    const params = new Float64Array([0.5, -1, 2]);
    let sf = fused.init(params);
    let s1 = first.init(params);
    let s2 = second.init(params);
    for (let step = 0; step < 20; step++) {
      const g = [Math.sin(step), Math.cos(3 * step), step % 3 === 0 ? 0 : -1.5];
      const [uf, nf] = fused.update(Float64Array.from(g), sf, params);
      const [u1, n1] = first.update(Float64Array.from(g), s1, params);
      const [u2, n2] = second.update(u1, s2, params);
      expect(Array.from(uf)).toEqual(Array.from(u2));
      expect(nf[1]).toEqual(n2);
      [sf, s1, s2] = [nf, n1, n2];
    }
  });

  it('reports the learning rate times the members’ factors', () => {
    const opt = chain(adam(0.5), reduceOnPlateau({ patience: 0, factor: 0.5 }));
    const params = new Float64Array([1]);
    let state = opt.init(params);
    expect(opt.learningRate?.(state)).toBe(0.5);
    [, state] = opt.update(new Float64Array([1]), state, params, { loss: 1 });
    [, state] = opt.update(new Float64Array([1]), state, params, { loss: 1 });
    expect(opt.learningRate?.(state)).toBe(0.25);
    expect(chain(clipByValue(1)).learningRate?.(chain(clipByValue(1)).init(params))).toBe(
      undefined,
    );
  });

  it('names itself after its members', () => {
    expect(chain(clipByGlobalNorm(1), sgd(0.1)).name).toBe('clipByGlobalNorm(1) -> sgd(lr=0.1)');
  });
});
