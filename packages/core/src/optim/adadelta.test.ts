import { describe, expect, it } from 'vitest';
import { adadelta } from './adadelta';
import { expectInPlace } from './fixtures/inPlace';
import { scaleByAdadelta } from './scaleByAdadelta';

describe('adadelta', () => {
  it('runs its JSDoc examples', () => {
    const opt = adadelta();
    const params = new Float64Array([1]);
    const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-Math.sqrt(1e-6) / Math.sqrt(0.1 + 1e-6), 15);
    const s = scaleByAdadelta();
    const [v] = s.update(new Float64Array([1]), s.init(params), params);
    expect(v[0]).toBeCloseTo(Math.sqrt(1e-6) / Math.sqrt(0.1 + 1e-6), 15);
    expect(opt.name).toBe('adadelta(lr=1)');
  });

  it('updates its moments in place', () => {
    expectInPlace(scaleByAdadelta({ rho: 0.5 }));
  });
});
