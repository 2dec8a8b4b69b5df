import { checkFinite } from '../check';

/**
 * Names the input holding a NaN or Infinity when `reach` is not finite. A loss adds up |z| of
 * the arguments z of its clamps and maxes as it loops: `max(0, z)` or a max over classes turns
 * an infinite input into a finite loss and gradient (z = -Infinity gives 0), which the check
 * of the result alone would let through; an infinite input makes `reach` infinite instead.
 */
export function checkReach(
  fn: string,
  reach: number,
  inputs: Readonly<Record<string, ArrayLike<number> | undefined>>,
): void {
  if (reach < Infinity) {
    return;
  }
  const defined: Record<string, ArrayLike<number>> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== undefined) {
      defined[k] = v;
    }
  }
  checkFinite(fn, defined);
}
