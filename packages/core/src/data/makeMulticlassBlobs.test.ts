import { describe, expect, it } from 'vitest';
import { firstDifference, loadFixture } from './fixtures/loadFixture';
import { makeMulticlassBlobs } from './makeMulticlassBlobs';
import type { BlobsDataset, MulticlassBlobsOptions } from './makeMulticlassBlobs';

const fixture = loadFixture<{
  blobs: { options: MulticlassBlobsOptions; x: number[]; y: number[] };
}>('datasets.json').blobs;

/** Per-class mean of each feature, row-major classes x features, and the class counts. */
function classMeans(data: BlobsDataset): { means: Float64Array; counts: number[] } {
  const { classes, features } = data;
  const means = new Float64Array(classes * features);
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < data.n; i++) {
    const c = data.y[i] as number;
    counts[c] = (counts[c] as number) + 1;
    for (let j = 0; j < features; j++) {
      means[c * features + j] =
        (means[c * features + j] as number) + (data.x[i * features + j] as number);
    }
  }
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < features; j++) {
      means[c * features + j] = (means[c * features + j] as number) / (counts[c] as number);
    }
  }
  return { means, counts };
}

describe('makeMulticlassBlobs', () => {
  it('runs its JSDoc example', () => {
    const data = makeMulticlassBlobs({ n: 90, classes: 3, std: 0.5, seed: 2 });
    expect(data.x).toHaveLength(180);
    expect(data.centers).toHaveLength(6);
    expect(classMeans(data).counts).toEqual([30, 30, 30]);
  });

  it('follows its numpy recipe bit for bit', () => {
    const data = makeMulticlassBlobs(fixture.options);
    expect(firstDifference(data.y, fixture.y)).toBe(-1);
    expect(firstDifference(data.x, fixture.x)).toBe(-1);
  });

  it('puts each class mean near its centre, with the requested spread', () => {
    const data = makeMulticlassBlobs({ n: 30000, classes: 5, features: 3, std: 0.8, seed: 4 });
    const { means, counts } = classMeans(data);
    expect(counts).toEqual([6000, 6000, 6000, 6000, 6000]);
    // Standard error 0.8 / sqrt(6000) = 0.0103; allow 5 of them.
    for (let k = 0; k < means.length; k++) {
      expect(Math.abs((means[k] as number) - (data.centers[k] as number))).toBeLessThan(0.052);
    }
    let ss = 0;
    for (let i = 0; i < data.n; i++) {
      for (let j = 0; j < 3; j++) {
        const d =
          (data.x[i * 3 + j] as number) - (data.centers[(data.y[i] as number) * 3 + j] as number);
        ss += d * d;
      }
    }
    expect(Math.sqrt(ss / (data.n * 3))).toBeCloseTo(0.8, 2);
  });

  it('places default centres on a circle of radius 4 (or 4 apart in one dimension)', () => {
    const data = makeMulticlassBlobs({ classes: 4, features: 2 });
    const c = Array.from(data.centers, (v) => Math.round(v * 1e12) / 1e12);
    expect(c).toEqual([4, 0, 0, 4, -4, 0, -0, -4].map((v) => Math.round(v * 1e12) / 1e12));
    expect(Array.from(makeMulticlassBlobs({ classes: 3, features: 1 }).centers)).toEqual([
      -4, 0, 4,
    ]);
  });

  it('accepts flat centres and is deterministic per seed', () => {
    const centers = new Float64Array([0, 0, 10, 10]);
    const a = makeMulticlassBlobs({ classes: 2, centers, n: 20, seed: 8 });
    const b = makeMulticlassBlobs({
      classes: 2,
      centers: [
        [0, 0],
        [10, 10],
      ],
      n: 20,
      seed: 8,
    });
    expect(firstDifference(a.x, b.x)).toBe(-1);
    expect(firstDifference(a.y, b.y)).toBe(-1);
  });
});
