// Squared gradients of 1.34e154 and more overflow a double. The optimizers that keep second
// moments store them in larger units instead (fitUnit); these tests check that the updates are
// then exactly what the formula gives, using the scale invariance of the formulas: with eps
// negligible, gradients multiplied by 1e200 (or 1e290) give the same updates as the originals.
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamw } from './adamw';
import type { GradientTransformation } from './GradientTransformation';
import { nadam } from './nadam';
import { rmsprop } from './rmsprop';
import { fitUnit } from './momentUnit';

const optimizers: [string, () => GradientTransformation][] = [
  ['adam', () => adam(0.1, { eps: 1e-300 })],
  ['adam amsgrad', () => adam(0.1, { eps: 1e-300, amsgrad: true })],
  ['adamw', () => adamw(0.1, { eps: 1e-300, weightDecay: 0 })],
  ['nadam', () => nadam(0.1, { eps: 1e-300 })],
  ['rmsprop', () => rmsprop(0.1, { eps: 1e-300 })],
  ['rmsprop centered momentum', () => rmsprop(0.1, { eps: 1e-300, centered: true, momentum: 0.5 })],
  ['adagrad', () => adagrad(0.1, { eps: 1e-300 })],
];

function run(opt: GradientTransformation, grads: number[][]): number[][] {
  const params = new Float64Array(grads[0]!.length);
  let state = opt.init(params);
  const out: number[][] = [];
  for (const g of grads) {
    const [u, next] = opt.update(Float64Array.from(g), state, params);
    out.push(Array.from(u));
    state = next;
  }
  return out;
}

describe('second moments of huge gradients', () => {
  // Mixed magnitudes so that a coordinate's own scale matters: one coordinate grows past the
  // overflow point mid-run while the other stays moderate.
  const base = Array.from({ length: 12 }, (_, t) => [Math.sin(t + 1) * 3, Math.cos(2 * t) + 0.1]);
  it.each(optimizers)('%s: gradients times 1e200 give the same updates', (_name, make) => {
    for (const factor of [1e200, 1e290]) {
      const want = run(make(), base);
      const got = run(
        make(),
        base.map((g) => g.map((x) => x * factor)),
      );
      for (let t = 0; t < want.length; t++) {
        for (let i = 0; i < 2; i++) {
          const w = want[t]![i]!;
          expect(Math.abs(got[t]![i]! - w)).toBeLessThanOrEqual(
            1e-13 * Math.max(Math.abs(w), 1e-3),
          );
        }
      }
    }
  });

  it.each(optimizers)('%s: a coordinate at 1e200 does not freeze the others', (_name, make) => {
    const grads = Array.from({ length: 6 }, (_, t) => (t === 2 ? [1e200, 1] : [1, 1]));
    const got = run(make(), grads);
    // The second coordinate never sees a large gradient: its updates equal those of a run
    // without the spike.
    const plain = run(
      make(),
      grads.map(() => [1, 1]),
    );
    got.forEach((u, t) => {
      expect(Number.isFinite(u[0])).toBe(true);
      expect(u[1]).toBeCloseTo(plain[t]![1]!, 13);
    });
  });

  it('fitUnit rescales moments exactly by a power of two, and only for large gradients', () => {
    expect(fitUnit(new Float64Array([1e130, -Infinity, NaN]), 1, [])).toBe(1);
    const a = new Float64Array([3, 1e-10]);
    const unit = fitUnit(new Float64Array([1, -1e200]), 1, [a, null]);
    expect(unit).toBe(2 ** 265); // the JSDoc example
    expect(Math.log2(unit) % 1).toBe(0);
    expect(a[0]! * unit * unit).toBe(3);
    expect((1e200 / unit) ** 2).toBeLessThan(1e300);
  });
});
