import { describe, expect, it } from 'vitest';
import { loadFixture } from '../data/fixtures/loadFixture';
import { accuracy } from './accuracy';

const cases = loadFixture<{
  accuracy: { pred: number[]; target: number[]; classes?: number; accuracy: number }[];
}>('metrics.json').accuracy;

describe('accuracy', () => {
  it('runs its JSDoc examples', () => {
    expect(accuracy(new Float64Array([0, 2, 1, 1]), new Float64Array([0, 1, 1, 1]))).toBe(3 / 4);
    expect(accuracy(new Float64Array([0.9, 0.2, 0.6]), new Float64Array([1, 0, 0]))).toBe(2 / 3);
    expect(
      accuracy(new Float64Array([2, 1, 0, 0.5, 3, -1]), new Float64Array([0, 1]), { classes: 3 }),
    ).toBe(1);
  });

  it.each([
    ['class indices', cases[0]],
    ['argmax of 5-class scores', cases[1]],
    ['binary probabilities at 0.5', cases[2]],
  ] as const)("equals numpy's on %s", (_name, c) => {
    expect(c).toBeDefined();
    const pred = Float64Array.from(c!.pred);
    const target = Int32Array.from(c!.target);
    expect(accuracy(pred, target, c!.classes === undefined ? {} : { classes: c!.classes })).toBe(
      c!.accuracy,
    );
  });

  it('infers the class count from the lengths', () => {
    const c = cases[1]!;
    expect(accuracy(Float64Array.from(c.pred), Float64Array.from(c.target))).toBe(c.accuracy);
  });

  it('takes the first maximum on ties, as numpy argmax', () => {
    expect(accuracy(new Float64Array([1, 1, 0, 0]), new Float64Array([0, 0]))).toBe(1);
    expect(accuracy(new Float64Array([1, 1, 0, 0]), new Float64Array([1, 0]))).toBe(0.5);
  });

  it('uses the threshold for logits', () => {
    const logits = new Float64Array([-0.3, 0.2, 2, -4]);
    const t = new Float64Array([0, 1, 1, 0]);
    expect(accuracy(logits, t, { threshold: 0 })).toBe(1);
    expect(accuracy(logits, t)).toBe(0.75);
  });
});
