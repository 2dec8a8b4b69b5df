import { describe, expect, it } from 'vitest';
import { firstDifference, loadFixture } from './fixtures/loadFixture';
import { makeArticleData } from './makeArticleData';

const article = loadFixture<{ x: number[]; y: number[] }>('article.json');

describe('makeArticleData', () => {
  it("is numpy's np.random.seed(0); X = randn(100, 1); y = 2X + 3 + randn(100, 1) * 0.5, bit for bit", () => {
    const data = makeArticleData();
    expect(data.n).toBe(100);
    expect(data.features).toBe(1);
    expect(firstDifference(data.x, article.x)).toBe(-1);
    expect(firstDifference(data.y, article.y)).toBe(-1);
  });

  it("matches the article's printed figures (runs its JSDoc example)", () => {
    const { x, y } = makeArticleData();
    const printedX = [1.76405235, 0.40015721, 0.97873798];
    const printedY = [7.46968004, 3.12643489, 4.32223347];
    for (let i = 0; i < 3; i++) {
      expect(Math.abs((x[i] as number) - (printedX[i] as number))).toBeLessThan(1e-8);
      expect(Math.abs((y[i] as number) - (printedY[i] as number))).toBeLessThan(1e-8);
    }
  });

  it('takes n and seed, and is deterministic', () => {
    const a = makeArticleData({ n: 10, seed: 5 });
    const b = makeArticleData({ n: 10, seed: 5 });
    expect(a.x).toHaveLength(10);
    expect(firstDifference(a.y, b.y)).toBe(-1);
    expect(firstDifference(a.y, makeArticleData({ n: 10, seed: 6 }).y)).not.toBe(-1);
  });
});
