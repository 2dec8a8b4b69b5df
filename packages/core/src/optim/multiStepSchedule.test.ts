import { describe, expect, it } from 'vitest';
import { multiStepSchedule } from './multiStepSchedule';

describe('multiStepSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = multiStepSchedule({ initLr: 1, milestones: [3, 5], gamma: 0.5 });
    expect([lr(0), lr(2), lr(3), lr(5), lr(100)]).toEqual([1, 1, 0.5, 0.25, 0.25]);
  });

  it('counts a repeated milestone twice and accepts them unsorted, as PyTorch', () => {
    const lr = multiStepSchedule({ initLr: 1, milestones: [4, 2, 2], gamma: 0.5 });
    expect([lr(1), lr(2), lr(4)]).toEqual([1, 0.25, 0.125]);
  });
});
