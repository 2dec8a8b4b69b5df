import type { FloatArray } from '../types';

/** Copies rows `order[from .. from + rows)` of x and y into the batch buffers. */
export function gatherRows(
  order: Int32Array,
  from: number,
  rows: number,
  x: FloatArray,
  y: FloatArray,
  features: number,
  width: number,
  xb: FloatArray,
  yb: FloatArray,
): void {
  for (let r = 0; r < rows; r++) {
    const i = order[from + r] as number;
    if (features === 1) {
      xb[r] = x[i] as number;
    } else {
      for (let j = 0; j < features; j++) {
        xb[r * features + j] = x[i * features + j] as number; // no subarray: no allocation
      }
    }
    if (width === 1) {
      yb[r] = y[i] as number;
    } else {
      for (let k = 0; k < width; k++) {
        yb[r * width + k] = y[i * width + k] as number;
      }
    }
  }
}
