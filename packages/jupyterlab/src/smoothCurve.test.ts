import { smoothEma } from '@losslab/kernel';
import type { CurvePoint } from '@losslab/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import fixture from './__fixtures__/smoothing.json';
import { smoothCurve } from './smoothCurve';

describe('smoothCurve', () => {
  it('runs its JSDoc example', () => {
    const out = smoothCurve(
      [
        [0, 1],
        [1, 0],
        [2, 0],
      ],
      0.5,
    );
    expect(out[0]).toEqual([0, 1]);
    expect(out[1]![1]).toBeCloseTo(1 / 3, 15);
    expect(out[2]![1]).toBeCloseTo(1 / 7, 15);
  });

  it.each(fixture.cases.map((c) => [c.points.length, c.weight, c] as const))(
    'matches numpy’s closed form (n = %i, w = %f)',
    (_n, weight, c) => {
      const out = smoothCurve(c.points as CurvePoint[], weight);
      expect(out.map((p) => p[0])).toEqual(c.points.map((p) => p[0]));
      out.forEach(([, y], i) => {
        const want = c.expected[i];
        if (want === null || want === undefined) {
          expect(y).toBeNull();
        } else {
          expect(y).not.toBeNull();
          expect(Math.abs(y! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }
      });
    },
  );

  it('gives the same numbers as the kernel helper’s smoothEma, gaps included', () => {
    const loss = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(loss, { maxLength: 60 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (ys, w) => {
          const points: CurvePoint[] = ys.map((y, i) => [i + 1, y]);
          const ours = smoothCurve(points, w).map((p) => p[1]);
          const kernel = Array.from(smoothEma(ys, w), (v) => (Number.isFinite(v) ? v : null));
          expect(ours).toEqual(kernel);
        },
      ),
    );
  });

  it('returns a constant curve unchanged and weight 0 as the raw curve', () => {
    const flat: CurvePoint[] = [
      [1, 0.1],
      [2, 0.1],
      [3, 0.1],
    ];
    expect(smoothCurve(flat, 0.9)).toEqual(flat);
    const raw: CurvePoint[] = [
      [1, 3],
      [2, 1],
      [3, 2],
    ];
    expect(smoothCurve(raw, 0)).toEqual(raw);
    expect(smoothCurve([], 0.5)).toEqual([]);
  });

  it('rejects a weight outside [0, 1)', () => {
    for (const w of [1, -0.1, Number.NaN, 2]) {
      expect(() => smoothCurve([[1, 1]], w)).toThrow(
        `smoothCurve: 'weight' must be in [0, 1), got ${w}`,
      );
    }
  });
});
