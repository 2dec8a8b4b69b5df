import { describe, expect, it } from 'vitest';
import { addDecayedWeights } from './addDecayedWeights';
import { expectInPlace } from './fixtures/inPlace';

describe('addDecayedWeights', () => {
  it('runs its JSDoc example', () => {
    const opt = addDecayedWeights(0.5);
    const params = new Float64Array([4]);
    const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(u[0]).toBe(3);
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(addDecayedWeights(0.01));
  });
});
