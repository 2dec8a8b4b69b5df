import { describe, expect, it } from 'vitest';
import { cosineAnnealingWarmRestartsSchedule } from './cosineAnnealingWarmRestartsSchedule';

describe('cosineAnnealingWarmRestartsSchedule', () => {
  it('runs its JSDoc example: cycles of 4, 8, 16 steps', () => {
    const lr = cosineAnnealingWarmRestartsSchedule({ initLr: 1, t0: 4, tMult: 2 });
    expect(lr(0)).toBe(1);
    expect(lr(2)).toBeCloseTo(0.5, 15);
    expect(lr(4)).toBe(1);
    expect(lr(8)).toBeCloseTo(0.5, 15);
    expect(lr(12)).toBe(1);
  });

  it('restarts exactly on the step at every cycle, far out', () => {
    const lr = cosineAnnealingWarmRestartsSchedule({ initLr: 1, t0: 3, tMult: 3, etaMin: 0.1 });
    // restarts at 3, 3 + 9 = 12, 12 + 27 = 39, 39 + 81 = 120, ...
    for (const restart of [3, 12, 39, 120, 363, 1092]) {
      expect(lr(restart)).toBe(1);
      expect(lr(restart - 1)).toBeLessThan(0.4);
    }
  });
});
