import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByLearningRate } from './scaleByLearningRate';

describe('scaleByLearningRate', () => {
  it('runs its JSDoc example', () => {
    const opt = scaleByLearningRate((step) => 0.1 / (step + 1));
    const params = new Float64Array([1]);
    const state = opt.init(params);
    const [u1, s1] = opt.update(new Float64Array([2]), state, params);
    expect(Array.from(u1)).toEqual([-0.2]);
    const [u2] = opt.update(new Float64Array([2]), s1, params);
    expect(Array.from(u2)).toEqual([-0.1]);
  });

  it('reports the learning rate of the next update', () => {
    const opt = scaleByLearningRate((step) => 2 ** -step);
    const params = new Float64Array(1);
    let state = opt.init(params);
    for (let t = 0; t < 4; t++) {
      expect(opt.learningRate?.(state)).toBe(2 ** -t);
      [, state] = opt.update(new Float64Array([1]), state, params);
    }
  });

  it('rejects a schedule that returns a negative or non-finite rate', () => {
    const opt = scaleByLearningRate((step) => (step < 1 ? 0.1 : NaN));
    const params = new Float64Array(1);
    const [, s1] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(() => opt.update(new Float64Array([1]), s1, params)).toThrow(LosslabError);
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(scaleByLearningRate(0.1));
  });
});
