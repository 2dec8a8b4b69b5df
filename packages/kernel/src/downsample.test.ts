import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsample, downsampleIndices } from './downsample';

describe('downsample', () => {
  it('keeps everything when there are few points', () => {
    expect(downsample([3, Number.NaN, 1], { buckets: 100 })).toEqual([
      [1, 3],
      [2, null],
      [3, 1],
    ]);
  });

  it('bounds 1,000,000 finite steps to 2 * buckets + 2 points keeping first, last and the minimum', () => {
    const n = 1_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = 1 / (1 + i) + 0.01 * Math.sin(i);
    }
    values[777_777] = -5; // the global minimum, far from any bucket edge
    const pts = downsample(values, { buckets: 400 });
    expect(pts.length).toBeLessThanOrEqual(802);
    expect(pts[0]).toEqual([1, values[0]]);
    expect(pts.at(-1)).toEqual([n, values[n - 1]]);
    expect(pts).toContainEqual([777_778, -5]);
  });

  it('keeps each bucket minimum and maximum and a gap per bucket with a NaN (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN)),
          {
            minLength: 0,
            maxLength: 400,
          },
        ),
        fc.integer({ min: 1, max: 20 }),
        (values, buckets) => {
          const kept = downsampleIndices(values, buckets);
          // sorted, unique, bounded
          for (let i = 1; i < kept.length; i++) {
            expect(kept[i] as number).toBeGreaterThan(kept[i - 1] as number);
          }
          expect(kept.length).toBeLessThanOrEqual(Math.min(values.length, 3 * buckets + 2));
          if (values.length <= 3 * buckets + 2) {
            expect(kept).toHaveLength(values.length);
            return;
          }
          const keptSet = new Set(kept);
          expect(keptSet.has(0) && keptSet.has(values.length - 1)).toBe(true);
          const n = values.length;
          for (let b = 0; b < buckets; b++) {
            const idx = Array.from(
              { length: Math.floor(((b + 1) * n) / buckets) - Math.floor((b * n) / buckets) },
              (_, k) => Math.floor((b * n) / buckets) + k,
            );
            const finite = idx.filter((i) => Number.isFinite(values[i] as number));
            const keptValues = idx.filter((i) => keptSet.has(i)).map((i) => values[i] as number);
            if (finite.length > 0) {
              const fv = finite.map((i) => values[i] as number);
              expect(keptValues).toContain(Math.min(...fv));
              expect(keptValues).toContain(Math.max(...fv));
            }
            if (finite.length < idx.length) {
              expect(keptValues.some((v) => Number.isNaN(v))).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('uses the given steps', () => {
    expect(downsample([0.5, 0.25], { steps: [10, 20] })).toEqual([
      [10, 0.5],
      [20, 0.25],
    ]);
  });
});
