import { describe, expect, it } from 'vitest';
import { makeBlobs } from './makeBlobs';
import { makeMulticlassBlobs } from './makeMulticlassBlobs';

describe('makeBlobs', () => {
  it('runs its JSDoc example: two balanced classes around -1.5 and +1.5', () => {
    const data = makeBlobs({ n: 200, seed: 1 });
    expect(data.classes).toBe(2);
    expect(Array.from(data.centers)).toEqual([-1.5, -1.5, 1.5, 1.5]);
    let ones = 0;
    for (const v of data.y) {
      expect(v === 0 || v === 1).toBe(true);
      ones += v;
    }
    expect(ones).toBe(100);
  });

  it('is makeMulticlassBlobs with two classes and its own default centres', () => {
    const a = makeBlobs({ n: 50, features: 3, seed: 7 });
    const b = makeMulticlassBlobs({
      n: 50,
      classes: 2,
      features: 3,
      centers: [
        [-1.5, -1.5, -1.5],
        [1.5, 1.5, 1.5],
      ],
      seed: 7,
    });
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
  });

  it('overlaps a little: about 1.7% of points fall on the wrong side of the midplane', () => {
    const data = makeBlobs({ n: 40000, seed: 2 });
    let wrong = 0;
    for (let i = 0; i < data.n; i++) {
      const side = (data.x[2 * i] as number) + (data.x[2 * i + 1] as number) > 0 ? 1 : 0;
      wrong += side === data.y[i] ? 0 : 1;
    }
    // P(Z > 1.5 * sqrt 2) = 0.0169; the binomial standard error at n = 40000 is 0.00064.
    expect(Math.abs(wrong / data.n - 0.0169)).toBeLessThan(0.0032);
  });
});
