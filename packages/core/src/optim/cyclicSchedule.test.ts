import { describe, expect, it } from 'vitest';
import { cyclicSchedule } from './cyclicSchedule';

describe('cyclicSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = cyclicSchedule({ baseLr: 0.1, maxLr: 1, stepSizeUp: 3 });
    expect(lr(0)).toBeCloseTo(0.1, 15);
    expect(lr(3)).toBeCloseTo(1, 15);
    expect(lr(6)).toBeCloseTo(0.1, 15);
    expect(lr(9)).toBeCloseTo(1, 15);
  });

  it('halves the height every cycle in triangular2', () => {
    const lr = cyclicSchedule({ baseLr: 0, maxLr: 1, stepSizeUp: 2, mode: 'triangular2' });
    expect(lr(2)).toBe(1);
    expect(lr(6)).toBe(0.5);
    expect(lr(10)).toBe(0.25);
  });
});
