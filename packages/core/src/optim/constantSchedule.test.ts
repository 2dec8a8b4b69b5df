import { describe, expect, it } from 'vitest';
import { constantSchedule } from './constantSchedule';
import { scheduleCases } from './fixtures/schedules';
import { makeSchedule, maxRelError } from './fixtures/trajectory';

describe('constantSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = constantSchedule(0.1);
    expect(lr(0)).toBe(0.1);
    expect(lr(1000)).toBe(0.1);
  });

  it.each(
    scheduleCases('constant').map((c) => [JSON.stringify({ ...c, values: undefined }), c] as const),
  )('matches numpy for 60 steps: %s', (_title, c) => {
    const lr = makeSchedule(c);
    const got = c.values.map((_v, t) => lr(t));
    expect(maxRelError(got, c.values)).toBeLessThan(1e-14);
  });
});
