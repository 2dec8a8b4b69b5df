import { describe, expect, it } from 'vitest';
import { firstDifference, loadFixture } from './fixtures/loadFixture';
import { makeArticleData } from './makeArticleData';
import { makeLinearData } from './makeLinearData';
import type { LinearDataOptions } from './makeLinearData';

const fixture = loadFixture<{ linear: { options: LinearDataOptions; x: number[]; y: number[] } }>(
  'datasets.json',
);

describe('makeLinearData', () => {
  it('runs its JSDoc example', () => {
    const data = makeLinearData({
      n: 200,
      features: 2,
      weights: [1, -1],
      bias: 0.5,
      noise: 0.1,
      seed: 1,
    });
    expect(data.x).toHaveLength(400);
    expect(data.y).toHaveLength(200);
    expect(Array.from(data.weights)).toEqual([1, -1]);
    expect(data.bias).toBe(0.5);
  });

  it('follows its numpy recipe bit for bit (3 features)', () => {
    const { options, x, y } = fixture.linear;
    const data = makeLinearData(options);
    expect([data.n, data.features]).toEqual([options.n, options.features]);
    expect(firstDifference(data.x, x)).toBe(-1);
    expect(firstDifference(data.y, y)).toBe(-1);
  });

  it("defaults to the article's data", () => {
    const a = makeLinearData();
    const b = makeArticleData();
    expect(firstDifference(a.x, b.x)).toBe(-1);
    expect(firstDifference(a.y, b.y)).toBe(-1);
  });

  it('is a line: least squares on a large noiseless-ish draw recovers weights and bias', () => {
    const data = makeLinearData({
      n: 20000,
      features: 1,
      weights: [-0.7],
      bias: 1.25,
      noise: 0.2,
      seed: 3,
    });
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < data.n; i++) {
      const xi = data.x[i] as number;
      const yi = data.y[i] as number;
      sx += xi;
      sy += yi;
      sxx += xi * xi;
      sxy += xi * yi;
    }
    const slope = (data.n * sxy - sx * sy) / (data.n * sxx - sx * sx);
    const intercept = (sy - slope * sx) / data.n;
    // Standard errors are about 0.2 / sqrt(20000) = 0.0014; allow 5 of them.
    expect(Math.abs(slope + 0.7)).toBeLessThan(0.007);
    expect(Math.abs(intercept - 1.25)).toBeLessThan(0.007);
    let rss = 0;
    for (let i = 0; i < data.n; i++) {
      const r = (data.y[i] as number) - (-0.7 * (data.x[i] as number) + 1.25);
      rss += r * r;
    }
    expect(Math.sqrt(rss / data.n)).toBeCloseTo(0.2, 2);
  });

  it('with zero noise, y is exactly the line', () => {
    const data = makeLinearData({ n: 5, features: 2, weights: [1, 2], bias: -1, noise: 0 });
    for (let i = 0; i < 5; i++) {
      expect(data.y[i]).toBe((data.x[2 * i] as number) + 2 * (data.x[2 * i + 1] as number) - 1);
    }
  });
});
