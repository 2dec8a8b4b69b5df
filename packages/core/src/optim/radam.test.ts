import { describe, expect, it } from 'vitest';
import { expectInPlace } from './fixtures/inPlace';
import { radam } from './radam';
import { scaleByRadam } from './scaleByRadam';

describe('radam', () => {
  it('runs its JSDoc examples', () => {
    const opt = radam(0.01);
    const params = new Float64Array([1]);
    const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
    expect(u[0]).toBeCloseTo(-0.02, 15);
    const s = scaleByRadam();
    const [v] = s.update(new Float64Array([3]), s.init(params), params);
    expect(v[0]).toBeCloseTo(3, 14);
  });

  it('switches the adaptive term on at step 6 with the default b2 (rho_t > 5)', () => {
    const s = scaleByRadam();
    const params = new Float64Array([0]);
    let state = s.init(params);
    const steps: number[] = [];
    for (let t = 1; t <= 7; t++) {
      const [u, next] = s.update(new Float64Array([10]), state, params);
      state = next;
      steps.push(u[0]!);
    }
    // a constant gradient: un-rectified steps are m_hat = 10, rectified ones are near r_t
    expect(steps.slice(0, 5).every((v) => Math.abs(v - 10) < 1e-9)).toBe(true);
    expect(steps[5]).toBeLessThan(1);
  });

  it('updates its moments in place', () => {
    expectInPlace(scaleByRadam());
  });
});
