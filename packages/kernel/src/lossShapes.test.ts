import { describe, expect, it } from 'vitest';
import { lossShapeData, lossShapesBundle } from './lossShapes';
import { svgFromImages } from './svgImage';

describe('lossShapeData', () => {
  it('sweeps each loss at the target against its published formula', () => {
    const [mse, mae, huber] = lossShapeData(['mse', 'mae', 'huber'], { target: 1, points: 61 });
    const x = Array.from(mse?.x ?? []);
    expect(x[0]).toBe(-2);
    expect(x.at(-1)).toBe(4);
    x.forEach((v, i) => {
      const e = v - 1;
      expect(mse?.value[i]).toBeCloseTo(e * e, 12);
      expect(mse?.grad[i]).toBeCloseTo(2 * e, 12);
      expect(mae?.value[i]).toBeCloseTo(Math.abs(e), 12);
      // Huber with delta 1: quadratic inside, linear outside; gradient clipped to +-1.
      expect(huber?.value[i]).toBeCloseTo(Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5, 12);
      expect(huber?.grad[i]).toBeCloseTo(Math.max(-1, Math.min(1, e)), 12);
    });
  });

  it('keeps a probability loss inside (0, 1)', () => {
    const [bce] = lossShapeData(['bce'], { target: 1, points: 11 });
    const x = Array.from(bce?.x ?? []);
    expect(Math.min(...x)).toBeGreaterThan(0);
    expect(Math.max(...x)).toBeLessThan(1);
    x.forEach((p, i) => expect(bce?.value[i]).toBeCloseTo(-Math.log(p), 9));
  });

  it('passes loss options through', () => {
    const [huber] = lossShapeData(['huber'], {
      target: 0,
      range: [-3, 3],
      points: 3,
      lossOptions: { delta: 2 },
    });
    expect(huber?.value).toEqual([4, 0, 4]);
  });

  it('rejects losses without a scalar shape and bad options by name', () => {
    expect(() => lossShapeData(['softmaxCrossEntropy'])).toThrow(
      "lossShapes: 'softmaxCrossEntropy' is not elementwise: it has no scalar shape L(y-hat, y)",
    );
    expect(() => lossShapeData([])).toThrow(
      "lossShapes: 'ids' must be a non-empty array of loss ids",
    );
    expect(() => lossShapeData(['mse'], { range: [1, 1] })).toThrow(
      "lossShapes: 'range' must be two finite numbers, low < high",
    );
  });
});

describe('lossShapesBundle', () => {
  it('puts the two charts side by side and names the losses in text/plain', () => {
    const b = lossShapesBundle(['mse', 'mae']);
    expect(svgFromImages(b.data['text/html'] as string)).toHaveLength(2);
    expect(b.data['text/plain']).toBe(
      'Loss shapes at y = 1: Mean squared error, Mean absolute error',
    );
  });
});

describe('lossShapes in Chinese', () => {
  it('names the losses, titles and axis in Chinese', () => {
    const bundle = lossShapesBundle(['mse', 'huber'], { target: 0, locale: 'zh' });
    const html = svgFromImages(String(bundle.data['text/html'])).join('');
    for (const text of ['y = 0 时的损失', 'y = 0 时的梯度', '预测值 ŷ', '均方误差', 'Huber 损失']) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/Mean squared|Loss at|prediction/);
    expect(bundle.data['text/plain']).toBe('y = 0 时各损失函数的形状：均方误差、Huber 损失');
  });
});
