import { describe, expect, it } from 'vitest';
import { cosineAnnealingSchedule } from './cosineAnnealingSchedule';

describe('cosineAnnealingSchedule', () => {
  it('runs its JSDoc example: it keeps cycling with period 2 tMax', () => {
    const lr = cosineAnnealingSchedule({ initLr: 1, tMax: 10 });
    expect(lr(0)).toBe(1);
    expect(lr(5)).toBeCloseTo(0.5, 15);
    expect(lr(10)).toBe(0);
    expect(lr(15)).toBeCloseTo(0.5, 15);
    expect(lr(20)).toBe(1);
  });
});
