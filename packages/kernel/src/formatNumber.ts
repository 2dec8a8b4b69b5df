/**
 * A short label for a number: up to `digits` significant digits, exponent notation below 1e-4
 * and from 1e6 on, no trailing zeros; 'NaN' and '±Infinity' spelled out.
 *
 * @example
 * [formatNumber(0.0000123456), formatNumber(2500000), formatNumber(0.5), formatNumber(-3)];
 * // ['1.23e-5', '2.5e+6', '0.5', '-3']
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  if (value === 0) {
    return '0';
  }
  const abs = Math.abs(value);
  if (abs < 1e-4 || abs >= 1e6) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa as string)}e${exponent}`;
  }
  // Number() turns toPrecision's '1.23e+3' into 1230 and drops trailing zeros.
  return String(Number(value.toPrecision(digits)));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
