import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/smoothEma.json';
import { smoothEma } from './smoothEma';

describe('smoothEma', () => {
  it.each(fixtures.cases.map((c) => [c.weight, c] as const))(
    'matches the closed-form debiased EMA computed by numpy (weight %s)',
    (_w, c) => {
      const got = Array.from(smoothEma(c.values, c.weight)).map((v) =>
        Number.isFinite(v) ? v : null,
      );
      expect(got).toHaveLength(c.expected.length);
      got.forEach((v, i) => {
        const e = c.expected[i] as number | null;
        if (e === null) {
          expect(v).toBeNull();
        } else {
          expect(Math.abs((v as number) - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e)));
        }
      });
    },
  );

  it('starts at the first value (debiased) and leaves a constant series alone', () => {
    expect(smoothEma([5, 1], 0.9)[0]).toBe(5);
    expect(Array.from(smoothEma([2, 2, 2], 0.9))).toEqual([2, 2, 2]);
    expect(Array.from(smoothEma([], 0.5))).toEqual([]);
  });
});
