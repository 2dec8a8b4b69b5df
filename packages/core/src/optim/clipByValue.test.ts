import { describe, expect, it } from 'vitest';
import { clipByValue } from './clipByValue';
import { expectInPlace } from './fixtures/inPlace';
import { readFixture } from './fixtures/trajectory';

interface ClipCase {
  kind: string;
  limit: number;
  grads: number[];
  expected: number[];
}
const cases = readFixture<{ cases: ClipCase[] }>('clipping.json').cases.filter(
  (c) => c.kind === 'clipByValue',
);

describe('clipByValue', () => {
  it('runs its JSDoc example', () => {
    const opt = clipByValue(1);
    const params = new Float64Array(3);
    const [g] = opt.update(new Float64Array([-3, 0.5, 2]), opt.init(params), params);
    expect(Array.from(g)).toEqual([-1, 0.5, 1]);
  });

  it.each(cases.map((c) => [c.grads.length, c.limit, c] as const))(
    'matches numpy np.clip on %i values at %d',
    (_n, _limit, c) => {
      const opt = clipByValue(c.limit);
      const params = new Float64Array(c.grads.length);
      const [g] = opt.update(Float64Array.from(c.grads), opt.init(params), params);
      expect(Array.from(g)).toEqual(c.expected);
    },
  );

  it('lets a NaN through', () => {
    const opt = clipByValue(1);
    const params = new Float64Array(1);
    expect(opt.update(new Float64Array([NaN]), opt.init(params), params)[0][0]).toBeNaN();
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(clipByValue(0.5));
  });
});
