import { describe, expect, it } from 'vitest';
import { stepSchedule } from './stepSchedule';
import { scheduleCases } from './fixtures/schedules';
import { makeSchedule, maxRelError } from './fixtures/trajectory';

describe('stepSchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = stepSchedule({ initLr: 1, stepSize: 10, gamma: 0.5 });
    expect([lr(0), lr(9), lr(10), lr(25)]).toEqual([1, 1, 0.5, 0.25]);
  });

  it.each(
    scheduleCases('step').map((c) => [JSON.stringify({ ...c, values: undefined }), c] as const),
  )('matches numpy for 60 steps: %s', (_title, c) => {
    const lr = makeSchedule(c);
    const got = c.values.map((_v, t) => lr(t));
    expect(maxRelError(got, c.values)).toBeLessThan(1e-14);
  });
});
