import { describe, expect, it } from 'vitest';
import { linearWarmupSchedule } from './linearWarmupSchedule';
import { scheduleCases } from './fixtures/schedules';
import { makeSchedule, maxRelError } from './fixtures/trajectory';

describe('linearWarmupSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = linearWarmupSchedule({ peakLr: 1, warmupSteps: 4 });
    expect([lr(0), lr(1), lr(4), lr(100)]).toEqual([0, 0.25, 1, 1]);
  });

  it.each(
    scheduleCases('linearWarmup').map(
      (c) => [JSON.stringify({ ...c, values: undefined }), c] as const,
    ),
  )('matches numpy for 60 steps: %s', (_title, c) => {
    const lr = makeSchedule(c);
    const got = c.values.map((_v, t) => lr(t));
    expect(maxRelError(got, c.values)).toBeLessThan(1e-14);
  });
});
