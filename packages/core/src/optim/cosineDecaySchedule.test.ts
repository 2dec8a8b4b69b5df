import { describe, expect, it } from 'vitest';
import { cosineDecaySchedule } from './cosineDecaySchedule';
import { scheduleCases } from './fixtures/schedules';
import { makeSchedule, maxRelError } from './fixtures/trajectory';

describe('cosineDecaySchedule', () => {
  it('runs its JSDoc example', () => {
    const lr = cosineDecaySchedule({ initLr: 1, decaySteps: 10, warmupSteps: 2 });
    expect([lr(0), lr(1), lr(2), lr(12)]).toEqual([0, 0.5, 1, 0]);
    expect(lr(7)).toBeCloseTo(0.5, 15);
  });

  it.each(
    scheduleCases('cosine').map((c) => [JSON.stringify({ ...c, values: undefined }), c] as const),
  )('matches numpy for 60 steps: %s', (_title, c) => {
    const lr = makeSchedule(c);
    const got = c.values.map((_v, t) => lr(t));
    expect(maxRelError(got, c.values)).toBeLessThan(1e-14);
  });
});
