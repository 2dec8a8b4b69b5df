// JavaScript has no fused multiply-add, but glibc's log (which numpy's normals go through) is
// built with one on x86-64 machines that have FMA; matching numpy bit for bit needs the same
// single rounding. This emulates it exactly, without allocation, for the well-scaled arguments
// glibcLog passes (no overflow in a*b, no underflow of its error term).

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter for 53-bit doubles
const bits = new Float64Array(1);
// Words of `bits` in the platform's byte order; every engine Node runs on is little-endian.
const words = new Uint32Array(bits.buffer);

/**
 * $\mathrm{fma}(a, b, c) = \mathrm{RN}(a b + c)$, rounded once, as C's `fma`.
 *
 * Boldo and Melquiond's emulation ("Emulation of FMA and correctly rounded sums: proved
 * algorithms using rounding to odd", IEEE TC 2008): $u_h + u_l = ab$ exactly (Dekker),
 * $t_h + t_l = c + u_h$ exactly (TwoSum), $v = \mathrm{RO}(t_l + u_l)$ rounded to odd, then
 * $\mathrm{RN}(t_h + v)$ is the correctly rounded result.
 *
 * Valid when $|a|, |b| < 2^{995}$ and $ab$ is zero or larger than $2^{-969}$ in magnitude.
 *
 * @example
 * fma(1 + 2 ** -30, 1 - 2 ** -30, -1); // -(2 ** -60), which (1 + 2 ** -30) * (1 - 2 ** -30) - 1 rounds to 0
 */
export function fma(a: number, b: number, c: number): number {
  const uh = a * b;
  if (uh === 0 || !Number.isFinite(uh) || !Number.isFinite(c)) {
    return uh + c;
  }
  // Dekker's exact product: uh + ul = a * b.
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const ul = ah * bh - uh + ah * bl + al * bh + al * bl;
  // Knuth's TwoSum: th + tl = c + uh.
  const th = c + uh;
  let z = th - c;
  const tl = c - (th - z) + (uh - z);
  // v = tl + ul rounded to odd: when inexact and the nearest value has an even last bit, take
  // the neighbour on the side of the exact sum instead.
  let v = tl + ul;
  z = v - tl;
  const e = tl - (v - z) + (ul - z);
  if (e !== 0) {
    bits[0] = v;
    if (((words[0] as number) & 1) === 0) {
      if (v > 0 === e > 0) {
        // away from zero: add one to the 64-bit pattern
        if (words[0] === 0xffffffff) {
          words[0] = 0;
          words[1] = (words[1] as number) + 1;
        } else {
          words[0] = (words[0] as number) + 1;
        }
      } else if (words[0] === 0) {
        words[0] = 0xffffffff;
        words[1] = (words[1] as number) - 1;
      } else {
        words[0] = (words[0] as number) - 1;
      }
      v = bits[0] as number;
    }
  }
  return th + v;
}
