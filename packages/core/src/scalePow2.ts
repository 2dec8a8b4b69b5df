// Exact rescaling by powers of two, for sums of squares and ratios that must neither overflow nor
// underflow: multiplying by 2^k changes only the exponent, so a scaled computation rounds exactly
// as the unscaled one would where that one stays in range.

/**
 * x * 2^k, exact unless the result over- or underflows. Two factors, so that k down to -2098 and
 * up to 2098 work (2^1074 alone is Infinity).
 *
 * @example
 * mulPow2(1e300, -1000); // 1e300 / 2^1000 = 9.33e-2
 * mulPow2(1, 1074 - 2098); // 2^-1024, a subnormal
 */
export function mulPow2(x: number, k: number): number {
  const [f1, f2] = pow2Halves(k);
  return x * f1 * f2;
}

/**
 * Two powers of two whose product is 2^k, each finite for |k| <= 2098: a hot loop multiplies by
 * both (`x * f1 * f2`) where one factor could overflow.
 *
 * @example
 * pow2Halves(1074); // [2^537, 2^537]
 */
export function pow2Halves(k: number): [number, number] {
  const h = Math.trunc(k / 2);
  return [Math.pow(2, h), Math.pow(2, k - h)];
}

/**
 * The k for which `big * 2^k` lies in [1, 2): scaling a data set by 2^k puts its largest
 * magnitude `big` (finite, > 0) near 1.
 *
 * @example
 * exponentToUnit(1e-161); // 535, since 1e-161 * 2^535 = 1.1247...
 */
export function exponentToUnit(big: number): number {
  const k = -Math.floor(Math.log2(big));
  // log2 may round across an integer: fix the rare off-by-one.
  const y = mulPow2(big, k);
  return y >= 2 ? k - 1 : y < 1 ? k + 1 : k;
}
