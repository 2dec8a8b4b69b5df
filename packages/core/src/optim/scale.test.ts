import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { scale } from './scale';

describe('scale', () => {
  it('runs its JSDoc example', () => {
    const opt = scale(-2);
    const params = new Float64Array(2);
    const [u] = opt.update(new Float64Array([1, -3]), opt.init(params), params);
    expect(Array.from(u)).toEqual([-2, 6]);
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(scale(3));
  });
});
