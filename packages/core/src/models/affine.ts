import type { FloatArray } from '../types';

// The dense layer y = x W + b shared by every model here. Parameters of one layer sit in one
// flat array from `offset`: W as `inputs x outputs` row-major, then b (`outputs` values), so a
// one-feature linear regression has exactly the article's [w, b].
// Loops take `n` explicitly, so callers may pass buffers longer than needed (no subarray views).
// Any mix of Float64Array and Float32Array: sums run in float64, results round on store.

/** out[i, k] = b[k] + sum_j x[i, j] W[j, k] for i < n. */
export function affineForward(
  params: FloatArray,
  offset: number,
  inputs: number,
  outputs: number,
  x: FloatArray,
  n: number,
  out: FloatArray,
): void {
  const bOffset = offset + inputs * outputs;
  if (outputs === 1) {
    const b = params[bOffset] as number;
    if (inputs === 1) {
      // The article's model: worth its own loop, it is the training benchmark's hot path.
      const w = params[offset] as number;
      for (let i = 0; i < n; i++) {
        out[i] = (x[i] as number) * w + b;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      let s = b;
      const row = i * inputs;
      for (let j = 0; j < inputs; j++) {
        s += (x[row + j] as number) * (params[offset + j] as number);
      }
      out[i] = s;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const row = i * inputs;
    const o = i * outputs;
    for (let k = 0; k < outputs; k++) {
      out[o + k] = params[bOffset + k] as number;
    }
    for (let j = 0; j < inputs; j++) {
      const xij = x[row + j] as number;
      if (xij === 0) {
        continue; // ReLU layers feed many exact zeros
      }
      const w = offset + j * outputs;
      for (let k = 0; k < outputs; k++) {
        out[o + k] = (out[o + k] as number) + xij * (params[w + k] as number);
      }
    }
  }
}

/**
 * Gradients of a dense layer from g = dL/dout: dW = x^T g, db = column sums of g, written into
 * `grad` at `offset` (overwriting). With `gradX` given, also dL/dx = g W^T (for the layer below).
 */
export function affineBackward(
  params: FloatArray,
  offset: number,
  inputs: number,
  outputs: number,
  x: FloatArray,
  n: number,
  g: FloatArray,
  grad: FloatArray,
  gradX: FloatArray | null,
): void {
  const bOffset = offset + inputs * outputs;
  if (outputs === 1 && gradX === null) {
    if (inputs === 1) {
      let sw = 0;
      let sb = 0;
      for (let i = 0; i < n; i++) {
        const gi = g[i] as number;
        sw += (x[i] as number) * gi;
        sb += gi;
      }
      grad[offset] = sw;
      grad[bOffset] = sb;
      return;
    }
    for (let j = 0; j < inputs; j++) {
      grad[offset + j] = 0;
    }
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      const row = i * inputs;
      for (let j = 0; j < inputs; j++) {
        grad[offset + j] = (grad[offset + j] as number) + (x[row + j] as number) * gi;
      }
      sb += gi;
    }
    grad[bOffset] = sb;
    return;
  }
  grad.fill(0, offset, bOffset + outputs);
  for (let i = 0; i < n; i++) {
    const row = i * inputs;
    const o = i * outputs;
    for (let k = 0; k < outputs; k++) {
      grad[bOffset + k] = (grad[bOffset + k] as number) + (g[o + k] as number);
    }
    for (let j = 0; j < inputs; j++) {
      const xij = x[row + j] as number;
      const w = offset + j * outputs;
      let s = 0;
      for (let k = 0; k < outputs; k++) {
        const gk = g[o + k] as number;
        grad[w + k] = (grad[w + k] as number) + xij * gk;
        s += gk * (params[w + k] as number);
      }
      if (gradX !== null) {
        gradX[row + j] = s;
      }
    }
  }
}

/**
 * Mean squared error of a one-output dense layer and its gradient in a single pass over the rows,
 * with no prediction or residual arrays: the same numbers as `affineForward`, `mseLoss` and
 * `affineBackward` in turn (up to rounding), at a third of the memory traffic.
 *
 * $$L = \frac1n\sum_i r_i^2,\ r_i = x_i^\top w + b - y_i,\qquad
 *   \frac{\partial L}{\partial w} = \frac2n\sum_i r_i x_i,\quad \frac{\partial L}{\partial b} = \frac2n\sum_i r_i$$
 */
export function affineMseStep(
  params: FloatArray,
  inputs: number,
  x: FloatArray,
  y: FloatArray,
  n: number,
  grad: FloatArray,
): number {
  const b = params[inputs] as number;
  let ss = 0;
  let sb = 0;
  if (inputs === 1) {
    const w = params[0] as number;
    // Two rows per iteration into separate accumulators: the three running sums are chains of
    // dependent additions, and interleaving two of each lets the CPU overlap them.
    let sw = 0;
    let ss2 = 0;
    let sw2 = 0;
    let sb2 = 0;
    const even = n - (n % 2);
    for (let i = 0; i < even; i += 2) {
      const x0 = x[i] as number;
      const x1 = x[i + 1] as number;
      const r0 = x0 * w + b - (y[i] as number);
      const r1 = x1 * w + b - (y[i + 1] as number);
      ss += r0 * r0;
      sw += r0 * x0;
      sb += r0;
      ss2 += r1 * r1;
      sw2 += r1 * x1;
      sb2 += r1;
    }
    if (even < n) {
      const xi = x[even] as number;
      const r = xi * w + b - (y[even] as number);
      ss += r * r;
      sw += r * xi;
      sb += r;
    }
    ss += ss2;
    sw += sw2;
    sb += sb2;
    grad[0] = (2 * sw) / n;
  } else {
    grad.fill(0, 0, inputs);
    for (let i = 0; i < n; i++) {
      const row = i * inputs;
      let r = b - (y[i] as number);
      for (let j = 0; j < inputs; j++) {
        r += (x[row + j] as number) * (params[j] as number);
      }
      ss += r * r;
      sb += r;
      for (let j = 0; j < inputs; j++) {
        grad[j] = (grad[j] as number) + r * (x[row + j] as number);
      }
    }
    for (let j = 0; j < inputs; j++) {
      grad[j] = (2 * (grad[j] as number)) / n;
    }
  }
  grad[inputs] = (2 * sb) / n;
  return ss / n;
}
