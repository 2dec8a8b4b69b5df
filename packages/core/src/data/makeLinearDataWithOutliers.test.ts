import { describe, expect, it } from 'vitest';
import { firstDifference, loadFixture } from './fixtures/loadFixture';
import { makeLinearData } from './makeLinearData';
import { makeLinearDataWithOutliers } from './makeLinearDataWithOutliers';
import type { OutlierDataOptions } from './makeLinearDataWithOutliers';

const fixture = loadFixture<{
  outliers: { options: OutlierDataOptions; x: number[]; y: number[]; outliers: number[] };
}>('datasets.json').outliers;

describe('makeLinearDataWithOutliers', () => {
  it('runs its JSDoc example', () => {
    const data = makeLinearDataWithOutliers({ n: 100, outlierFraction: 0.05 });
    expect(data.outliers).toHaveLength(5);
    for (const i of data.outliers) {
      const above = (data.y[i] as number) - (2 * (data.x[i] as number) + 3);
      expect(above).toBeGreaterThan(10 - 3 * 0.5);
      expect(above).toBeLessThan(20 + 3 * 0.5);
    }
  });

  it('follows its numpy recipe bit for bit', () => {
    const data = makeLinearDataWithOutliers(fixture.options);
    expect(firstDifference(data.x, fixture.x)).toBe(-1);
    expect(firstDifference(data.y, fixture.y)).toBe(-1);
    expect(Array.from(data.outliers)).toEqual(fixture.outliers);
  });

  it('changes only the outlier rows of the plain linear data', () => {
    const plain = makeLinearData({ n: 60, seed: 9 });
    const data = makeLinearDataWithOutliers({
      n: 60,
      seed: 9,
      outlierFraction: 0.2,
      outlierScale: 4,
    });
    expect(firstDifference(data.x, plain.x)).toBe(-1);
    const outliers = new Set(data.outliers);
    expect(outliers.size).toBe(12);
    for (let i = 0; i < 60; i++) {
      const shift = (data.y[i] as number) - (plain.y[i] as number);
      if (outliers.has(i)) {
        expect(shift).toBeGreaterThanOrEqual(4);
        expect(shift).toBeLessThan(8);
      } else {
        expect(shift).toBe(0);
      }
    }
  });

  it('with outlierFraction 0 equals makeLinearData', () => {
    const data = makeLinearDataWithOutliers({ outlierFraction: 0 });
    expect(data.outliers).toHaveLength(0);
    expect(firstDifference(data.y, makeLinearData().y)).toBe(-1);
  });
});
