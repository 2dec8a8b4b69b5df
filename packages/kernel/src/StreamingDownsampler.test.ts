import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamingDownsampler } from './StreamingDownsampler';

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY) },
);

describe('StreamingDownsampler', () => {
  it('keeps first, last, global min and max, the first non-finite value, within the bound (property)', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 600 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (values, buckets, chunks) => {
          const s = new StreamingDownsampler(buckets);
          // Feed the history as it grows, in uneven chunks, as a live curve sees it.
          let n = 0;
          for (let c = 0; n < values.length; c++) {
            n = Math.min(values.length, n + (chunks[c % chunks.length] as number));
            s.update(values.slice(0, n));
          }
          const kept = s.indices();
          for (let i = 1; i < kept.length; i++) {
            expect(kept[i] as number).toBeGreaterThan(kept[i - 1] as number);
          }
          expect(kept.length).toBeLessThanOrEqual(6 * buckets + 5);
          expect(kept[0]).toBe(0);
          expect(kept.at(-1)).toBe(values.length - 1);
          const finite = values.map((v, i) => [v, i] as const).filter(([v]) => Number.isFinite(v));
          if (finite.length > 0) {
            const min = Math.min(...finite.map(([v]) => v));
            const max = Math.max(...finite.map(([v]) => v));
            expect(kept.map((i) => values[i])).toContain(min);
            expect(kept.map((i) => values[i])).toContain(max);
            expect(s.minValue).toBe(min);
            expect(values[s.minIndex]).toBe(min);
          }
          const firstBad = values.findIndex((v) => !Number.isFinite(v));
          expect(s.firstNonFinite).toBe(firstBad);
          if (firstBad >= 0) {
            expect(kept).toContain(firstBad);
          }
          // Chunking does not change the result.
          const once = new StreamingDownsampler(buckets);
          once.update(values);
          expect(once.indices()).toEqual(kept);
        },
      ),
    );
  });

  it('bounds a million steps', () => {
    const s = new StreamingDownsampler(300);
    const values = Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i) / (1 + i));
    s.update(values);
    expect(s.indices().length).toBeLessThanOrEqual(6 * 300 + 5);
  });
});
