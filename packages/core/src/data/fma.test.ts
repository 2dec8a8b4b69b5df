// fma against an exact reference: a*b + c computed in BigInt arithmetic, then rounded once to
// the nearest double (ties to even) by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fma } from './fma';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** x = m * 2^e exactly, m a signed BigInt (x finite and non-zero). */
function decompose(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const b = u64[0] as bigint;
  const sign = b >> 63n === 1n ? -1n : 1n;
  const field = Number((b >> 52n) & 0x7ffn);
  const frac = b & ((1n << 52n) - 1n);
  return field === 0
    ? { m: sign * frac, e: -1074 }
    : { m: sign * (frac | (1n << 52n)), e: field - 1075 };
}

/** The exact a*b + c rounded to the nearest double, ties to even (normal-range results). */
function exactFma(a: number, b: number, c: number): number {
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  let m1 = da.m * db.m;
  let e1 = da.e + db.e;
  let m2 = dc.m;
  let e2 = dc.e;
  // Bring both terms to the smaller exponent, then add exactly.
  if (e1 > e2) {
    m1 <<= BigInt(e1 - e2);
    e1 = e2;
  } else {
    m2 <<= BigInt(e2 - e1);
    e2 = e1;
  }
  let m = m1 + m2;
  if (m === 0n) {
    return 0;
  }
  const negative = m < 0n;
  if (negative) {
    m = -m;
  }
  const shift = m.toString(2).length - 53;
  let e = e1;
  if (shift > 0) {
    const rem = m & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    m >>= BigInt(shift);
    if (rem > half || (rem === half && (m & 1n) === 1n)) {
      m += 1n;
    }
    e += shift;
  }
  const v = Number(m) * 2 ** e;
  return negative ? -v : v;
}

describe('fma', () => {
  it('runs its JSDoc example', () => {
    expect(fma(1 + 2 ** -30, 1 - 2 ** -30, -1)).toBe(-(2 ** -60));
    expect((1 + 2 ** -30) * (1 - 2 ** -30) - 1).toBe(0);
  });

  it('equals the exactly rounded a*b + c on moderate doubles', () => {
    const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(moderate, moderate, moderate, (a, b, c) => {
        fc.pre(a !== 0 && b !== 0 && c !== 0 && Math.abs(a * b) > 1e-290);
        expect(fma(a, b, c)).toBe(exactFma(a, b, c));
      }),
      { numRuns: 5000 },
    );
  });

  it('is right where the product nearly cancels c (the hard cases: ties and near-ties)', () => {
    const ulps = fc.integer({ min: -(2 ** 20), max: 2 ** 20 });
    fc.assert(
      fc.property(ulps, ulps, fc.integer({ min: -8, max: 8 }), (i, j, k) => {
        const a = 1 + i * 2 ** -52;
        const b = 1 + j * 2 ** -52;
        const c = -(1 + k * 2 ** -52) * (k % 2 === 0 ? 1 : 0.5);
        expect(fma(a, b, c)).toBe(exactFma(a, b, c));
      }),
      { numRuns: 5000 },
    );
  });

  it('passes zeros, infinities and NaN through as C does', () => {
    expect(fma(0, 5, 3)).toBe(3);
    expect(fma(2, 3, Infinity)).toBe(Infinity);
    expect(fma(Infinity, 2, 1)).toBe(Infinity);
    expect(fma(NaN, 1, 1)).toBeNaN();
  });
});
