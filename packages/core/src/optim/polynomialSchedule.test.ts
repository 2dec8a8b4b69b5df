import { describe, expect, it } from 'vitest';
import { polynomialSchedule } from './polynomialSchedule';

describe('polynomialSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = polynomialSchedule({ initLr: 1, totalIters: 4, power: 2 });
    expect([lr(0), lr(2), lr(4), lr(9)]).toEqual([1, 0.25, 0, 0]);
  });

  it("takes PyTorch's defaults: 5 steps, linear", () => {
    const lr = polynomialSchedule({ initLr: 1 });
    expect(lr(1)).toBeCloseTo(0.8, 15);
  });
});
