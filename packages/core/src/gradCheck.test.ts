import { describe, expect, it } from 'vitest';
import { LosslabError } from './errors';
import { gradCheck } from './gradCheck';

describe('gradCheck', () => {
  it('runs its JSDoc example', () => {
    const x = new Float64Array([1, -2, 3]);
    const f = (v: Float64Array): number => v[0]! * v[0]! + 3 * v[1]! + Math.sin(v[2]!);
    const { maxRelError } = gradCheck(f, [2, 3, Math.cos(3)], x);
    // maxRelError < 1e-8
    expect(maxRelError).toBeLessThan(1e-8);
  });

  it('finds a wrong coordinate and reports its index', () => {
    const x = new Float64Array([1, 2, 3]);
    const f = (v: Float64Array): number => v[0]! * v[1]! * v[2]!;
    const r = gradCheck(f, [6, 6, 2], x); // d/dx1 is 3, not 6
    expect(r.index).toBe(1);
    expect(r.maxRelError).toBeCloseTo(0.5, 6);
  });

  it('restores x exactly, and scales the step with |x|', () => {
    const x = new Float64Array([0.1, 1e6, -3e-7]);
    const before = Array.from(x);
    const f = (v: Float64Array): number => v[0]! ** 3 + Math.sqrt(v[1]!) + v[2]!;
    const { maxRelError } = gradCheck(f, [3 * 0.01, 0.5 / 1e3, 1], x);
    expect(Array.from(x)).toEqual(before);
    expect(maxRelError).toBeLessThan(1e-5);
  });

  it('compares tiny gradients absolutely below the floor', () => {
    const x = new Float64Array([1]);
    expect(gradCheck(() => 5, [1e-9], x).maxRelError).toBeCloseTo(1e-3, 12);
    expect(gradCheck(() => 5, [1e-9], x, { floor: 1e-12 }).maxRelError).toBe(1);
  });

  it('treats a NaN gradient as the worst error', () => {
    expect(gradCheck((v) => v[0]!, [NaN], new Float64Array([1])).maxRelError).toBe(Infinity);
  });

  it('rejects a gradient of the wrong length', () => {
    expect(() => gradCheck((v) => v[0]!, [1, 2], new Float64Array([1]))).toThrow(LosslabError);
  });
});
