import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logTicks, niceTicks } from './niceTicks';

describe('niceTicks', () => {
  it('gives round numbers', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.87, 5)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(niceTicks(0.03, 1.05, 5)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 1000, 5)).toEqual([200, 400, 600, 800, 1000]);
    expect(niceTicks(-3, 3, 6)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('survives the extremes of float64', () => {
    const ticks = niceTicks(-1.7e308, 1.7e308, 4);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.every(Number.isFinite)).toBe(true);
    expect(niceTicks(1e-300, 3e-300, 4).every((t) => t >= 1e-300 && t <= 3e-300)).toBe(true);
  });

  it('stays inside the range with 2 to 12 evenly spaced ticks of step 1, 2 or 5 x 10^k (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (lo, width) => {
          const hi = lo + width;
          // Ticks finer than float64 can tell apart are not the point here.
          fc.pre(hi > lo && width > Math.abs(lo) * 1e-6);
          const t = niceTicks(lo, hi, 5);
          expect(t.length).toBeGreaterThanOrEqual(2);
          expect(t.length).toBeLessThanOrEqual(12);
          const step = (t[1] as number) - (t[0] as number);
          const mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-4)).toBe(true);
          for (const v of t) {
            expect(v).toBeGreaterThanOrEqual(lo - step * 1e-9);
            expect(v).toBeLessThanOrEqual(hi + step * 1e-9);
          }
        },
      ),
    );
  });
});

describe('logTicks', () => {
  it('uses decades, and 1-2-5 within two decades', () => {
    expect(logTicks(0.001, 10)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(0.15, 3)).toEqual([0.2, 0.5, 1, 2]);
    expect(logTicks(1e-12, 1e12).length).toBeLessThanOrEqual(7);
  });

  it('falls back to linear ticks inside a narrow range, and to none for non-positive input', () => {
    const t = logTicks(1.1, 1.4);
    expect(t.length).toBeGreaterThanOrEqual(2);
    expect(t.every((v) => v >= 1.1 && v <= 1.4)).toBe(true);
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(-1, 1)).toEqual([]);
  });
});
