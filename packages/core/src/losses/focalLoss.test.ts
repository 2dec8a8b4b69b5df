import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import { focalLoss } from './focalLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -20, 20), target: floats(n, 0, 1) }));
const hard = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, -20, 20),
    target: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
  }),
);

describe('focalLoss', () => {
  it('runs its JSDoc example', () => {
    const { value } = focalLoss(new Float64Array([0]), new Float64Array([1]), {
      alpha: 0.25,
      gamma: 2,
    });
    // value = 0.25 * log 2 * 0.5^2 = 0.04332169878499658
    expect(value).toBeCloseTo(0.04332169878499658, 16);
  });

  it('matches the numpy reference (torchvision semantics), logits of +-1000 included', () => {
    expect(checkFixtures(focalLoss, 'focal')).toBeGreaterThan(6);
  });

  it('is BCE with logits when gamma = 0 and alpha is off', () => {
    const x = new Float64Array([-2, -0.5, 0.3, 4]);
    const y = new Float64Array([0, 1, 0.25, 1]);
    expect(focalLoss(x, y, { alpha: -1, gamma: 0 }).value).toBeCloseTo(
      bceWithLogitsLoss(x, y).value,
      15,
    );
  });

  it('has the right gradient for every option, soft targets included', () => {
    const pred = [-6, -0.3, 0, 0.7, 3, 9];
    const target = new Float64Array([0, 1, 0.5, 0, 1, 0.2]);
    for (const gamma of [0, 0.5, 1, 2, 3.5]) {
      for (const alpha of [-1, 0.25, 0.8]) {
        expectGradMatches(focalLoss, pred, target, { gamma, alpha });
      }
    }
    expectGradMatches(focalLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4, 5, 6]) });
  });

  it('keeps a finite, zero gradient where the example is certain (x = +-1000)', () => {
    const r = focalLoss(new Float64Array([1000, -1000]), new Float64Array([1, 0]), { gamma: 0.5 });
    expect(r.value).toBe(0);
    expect(Array.from(r.grad)).toEqual([0, 0]);
  });

  it('follows its asymptote where (1 - p_t)^(gamma - 1) overflows (x <= -709, small gamma)', () => {
    // y = 0, x -> -inf: p = e^x, ce = p, so the gradient is (1 - alpha)(1 + gamma) p^(1 + gamma).
    for (const [x, gamma] of [
      [-720, 0.01],
      [-745, 0.01],
      [-730, 0.001],
    ] as const) {
      const r = focalLoss(new Float64Array([x]), new Float64Array([0]), { gamma });
      const expected = 0.75 * (1 + gamma) * Math.exp(x * (1 + gamma));
      expect(Number.isFinite(r.grad[0] as number)).toBe(true);
      expect(Math.abs((r.grad[0] as number) - expected)).toBeLessThanOrEqual(
        1e-6 * expected + 5e-324,
      );
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(focalLoss, [0.2, -5, 9], new Float64Array([0, 1, 1]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(focalLoss, pairs, { nonNegative: true, options: { gamma: 1.5, alpha: 0.4 } });
    checkProperties(focalLoss, hard, {
      nonNegative: true,
      perfect: (t) => t.map((y) => (2 * y - 1) * 1000),
    });
  });
});
