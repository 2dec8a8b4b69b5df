import { describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clipByGlobalNorm';
import { expectInPlace } from './fixtures/inPlace';
import { maxRelError, readFixture } from './fixtures/trajectory';

interface ClipCase {
  kind: string;
  limit: number;
  grads: number[];
  expected: number[];
}
const cases = readFixture<{ cases: ClipCase[] }>('clipping.json').cases.filter(
  (c) => c.kind === 'clipByGlobalNorm',
);

describe('clipByGlobalNorm', () => {
  it('runs its JSDoc example', () => {
    const opt = clipByGlobalNorm(1);
    const params = new Float64Array(2);
    const [g] = opt.update(new Float64Array([3, 4]), opt.init(params), params);
    expect(g[0]).toBeCloseTo(0.6, 15);
    expect(g[1]).toBeCloseTo(0.8, 15);
  });

  it.each(cases.map((c) => [c.grads.length, c.limit, c] as const))(
    'matches numpy on %i values with max norm %d',
    (_n, _limit, c) => {
      const opt = clipByGlobalNorm(c.limit);
      const params = new Float64Array(c.grads.length);
      const [g] = opt.update(Float64Array.from(c.grads), opt.init(params), params);
      expect(maxRelError(Array.from(g), c.expected)).toBeLessThan(1e-14);
    },
  );

  it('propagates a NaN instead of hiding it', () => {
    const opt = clipByGlobalNorm(1);
    const params = new Float64Array(2);
    const [g] = opt.update(new Float64Array([NaN, 1]), opt.init(params), params);
    expect(g[1]).toBeNaN();
  });

  it('writes into the gradient buffer', () => {
    expectInPlace(clipByGlobalNorm(0.1));
  });
});

describe('clipByGlobalNorm at extreme magnitudes', () => {
  it('clips [1e200, 1e200] to norm 1 (the squared norm would overflow)', () => {
    const opt = clipByGlobalNorm(1);
    const params = new Float64Array(2);
    const [g] = opt.update(new Float64Array([1e200, 1e200]), opt.init(params), params);
    expect(g[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(g[1]).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it("adds PyTorch's 1e-6 to the norm with eps", () => {
    const opt = clipByGlobalNorm(1, { eps: 1e-6 });
    const params = new Float64Array(2);
    const [g] = opt.update(new Float64Array([3, 4]), opt.init(params), params);
    expect(g[0]).toBe(3 * (1 / (5 + 1e-6)));
  });
});
