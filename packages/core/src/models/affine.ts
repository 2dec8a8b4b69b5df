// The dense layer y = x W + b shared by every model here. Parameters of one layer sit in one
// flat array from `offset`: W as `inputs x outputs` row-major, then b (`outputs` values), so a
// one-feature linear regression has exactly the article's [w, b].
// Loops take `n` explicitly, so callers may pass buffers longer than needed (no subarray views).

/** out[i, k] = b[k] + sum_j x[i, j] W[j, k] for i < n. */
export function affineForward(
  params: Float64Array,
  offset: number,
  inputs: number,
  outputs: number,
  x: Float64Array,
  n: number,
  out: Float64Array,
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
  params: Float64Array,
  offset: number,
  inputs: number,
  outputs: number,
  x: Float64Array,
  n: number,
  g: Float64Array,
  grad: Float64Array,
  gradX: Float64Array | null,
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
