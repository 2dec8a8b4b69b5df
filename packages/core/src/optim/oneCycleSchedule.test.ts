import { describe, expect, it } from 'vitest';
import { oneCycleSchedule } from './oneCycleSchedule';

describe('oneCycleSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = oneCycleSchedule({ maxLr: 1, totalSteps: 100 });
    expect(lr(0)).toBeCloseTo(0.04, 15);
    expect(lr(29)).toBe(1);
    expect(lr(99)).toBeCloseTo(4e-6, 18);
  });

  it('holds the final rate after totalSteps (PyTorch raises)', () => {
    const lr = oneCycleSchedule({ maxLr: 1, totalSteps: 10 });
    expect(lr(10)).toBe(lr(9));
    expect(lr(1000)).toBe(lr(9));
  });
});
