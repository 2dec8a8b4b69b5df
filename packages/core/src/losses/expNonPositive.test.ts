import { describe, expect, it } from 'vitest';
import { expNonPositive } from './expNonPositive';

describe('expNonPositive', () => {
  it('agrees with Math.exp to 1e-15 relative over [-708, 0]', () => {
    let worst = 0;
    for (let i = 0; i <= 200000; i++) {
      const x = -708 * (i / 200000) ** 2; // dense near 0, where softmax spends its time
      const e = Math.exp(x);
      worst = Math.max(worst, Math.abs(expNonPositive(x) - e) / e);
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it('is exact at 0, flushes to 0 below -745, and passes NaN through', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-746)).toBe(0);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(NaN)).toBeNaN();
  });
});
