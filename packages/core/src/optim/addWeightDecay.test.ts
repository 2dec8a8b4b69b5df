import { describe, expect, it } from 'vitest';
import { addWeightDecay } from './addWeightDecay';
import { expectInPlace } from './fixtures/inPlace';

describe('addWeightDecay', () => {
  it('runs its JSDoc example', () => {
    const opt = addWeightDecay(0.1);
    const params = new Float64Array([10, -20]);
    const [g] = opt.update(new Float64Array([1, 1]), opt.init(params), params);
    expect(Array.from(g)).toEqual([2, -1]);
  });

  it('does not need the parameters when the decay is 0', () => {
    const opt = addWeightDecay(0);
    const [g] = opt.update(new Float64Array([1]), opt.init(new Float64Array(1)));
    expect(Array.from(g)).toEqual([1]);
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(addWeightDecay(0.01));
  });
});
