import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { addScaled } from './addScaled';

describe('addScaled', () => {
  it('runs its JSDoc example', () => {
    const params = new Float64Array([1, 2]);
    expect(addScaled('sgd', params, new Float64Array([0.5, -1]), -0.1)).toEqual([true, true]);
    expect(Array.from(params)).toEqual([1 + 0.5 * -0.1, 2 + -1 * -0.1]);
  });

  it('flags non-finite inputs and parameters that leave the float range as stored', () => {
    const p64 = new Float64Array([1, 1]);
    expect(addScaled('f', p64, new Float64Array([NaN, 0]), 1)).toEqual([false, false]);
    // 3e38 + 1e38 is finite in float64 but not in a Float32Array.
    const p32 = new Float32Array([3e38, 0]);
    expect(addScaled('f', p32, new Float32Array([1e38, 1]), 1)).toEqual([true, false]);
    expect(p32[0]).toBe(Infinity);
  });

  it('names the caller when the lengths differ', () => {
    expect(() => addScaled('chain', new Float64Array(2), new Float64Array(3), 1)).toThrow(
      new LosslabError('chain', 'params', "'params' has length 2 but the updates have 3"),
    );
  });
});
