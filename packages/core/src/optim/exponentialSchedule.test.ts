import { describe, expect, it } from 'vitest';
import { exponentialSchedule } from './exponentialSchedule';
import { scheduleCases } from './fixtures/schedules';
import { makeSchedule, maxRelError } from './fixtures/trajectory';

describe('exponentialSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = exponentialSchedule({ initLr: 2, gamma: 0.5 });
    expect([lr(0), lr(1), lr(3)]).toEqual([2, 1, 0.25]);
  });

  it.each(
    scheduleCases('exponential').map(
      (c) => [JSON.stringify({ ...c, values: undefined }), c] as const,
    ),
  )('matches numpy for 60 steps: %s', (_title, c) => {
    const lr = makeSchedule(c);
    const got = c.values.map((_v, t) => lr(t));
    expect(maxRelError(got, c.values)).toBeLessThan(1e-14);
  });
});
