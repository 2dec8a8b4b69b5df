import type { FloatArray } from '../types';
import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import { affineBackward, affineForward } from './affine';
import { checkBackward, checkForward, checkPositiveInt } from './checkModel';
import { initParams } from './initParams';
import type { InitBlock } from './initParams';
import type { Model } from './Model';

/** The hidden layers' nonlinearity. */
export type Activation = 'tanh' | 'relu' | 'sigmoid';

const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid'];

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** Layer widths `[inputs, hidden_1, ..., outputs]`, at least two entries. */
  layers: number[];
  /** Nonlinearity after every hidden layer (the output layer is linear). Default `'tanh'`. */
  activation?: Activation;
  /** What the outputs mean: `'real'` (regression, the default) or `'logits'` (classification). */
  output?: 'real' | 'logits';
  /** Seed of the weight initialization (`RandomState(seed)`). Default 0. */
  seed?: number;
}

const MLP_KEYS = Object.keys({
  layers: true,
  activation: true,
  output: true,
  seed: true,
} satisfies Record<keyof MlpOptions, true>);

/** One layer of a forward pass, as {@link Mlp.forwardTrace} reports it (copies, n rows each). */
export interface LayerTrace {
  /** 0-based index of the dense layer. */
  layer: number;
  /** The layer's nonlinearity (`'identity'` for the output layer). */
  activation: Activation | 'identity';
  /** Pre-activation z = a_prev W + b, `n x width`. */
  z: FloatArray;
  /** Activation a = f(z), `n x width` (equal to z for the output layer). */
  a: FloatArray;
}

/** One layer of a backward pass, as {@link Mlp.backwardTrace} reports it (copies). */
export interface LayerGradTrace {
  layer: number;
  /** dL/da for this layer's output, `n x width`. */
  dA: FloatArray;
  /** dL/dz = dL/da * f'(z), `n x width`. */
  dZ: FloatArray;
  /** dL/dW = a_prev^T dZ, `inputs x width`. */
  dW: FloatArray;
  /** dL/db = column sums of dZ. */
  db: FloatArray;
}

/** A multi-layer perceptron whose forward and backward passes can be shown layer by layer. */
export interface Mlp extends Model {
  /** Layer widths `[inputs, hidden..., outputs]`. */
  readonly layers: readonly number[];
  readonly activation: Activation;
  /** Views of layer `l`'s weights (`inputs x outputs`, row-major) and biases inside `params`. */
  layerParams(l: number): { W: FloatArray; b: FloatArray };
  /** A forward pass that returns every layer's z and a (for printing); the last `a` is the output. */
  forwardTrace(x: FloatArray, n: number): LayerTrace[];
  /**
   * A forward and backward pass that returns, from the output layer down, every layer's
   * dL/da, dL/dz, dL/dW and dL/db, given `gradOut` = dL/dpredictions.
   */
  backwardTrace(x: FloatArray, n: number, gradOut: FloatArray): LayerGradTrace[];
}

class MlpModel implements Mlp {
  readonly name = 'mlp';
  readonly inputSize: number;
  readonly outputSize: number;
  readonly output: 'real' | 'logits';
  readonly layers: readonly number[];
  readonly activation: Activation;
  params: FloatArray;
  private readonly count: number;
  /** Start of each layer's W in `params`. */
  private readonly offsets: number[];
  // Per hidden layer: pre-activations and activations of the last forward, `capacity` rows.
  private z: Float64Array[] = [];
  private a: Float64Array[] = [];
  // Two scratch buffers that backward alternates between (dL/da of the layer below).
  private scratch: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];
  private capacity = 0;
  private lastX: FloatArray | null = null;
  private lastN = 0;
  private outScratch = new Float64Array(0);

  constructor(layers: number[], activation: Activation, output: 'real' | 'logits', seed?: number) {
    this.layers = layers.slice();
    this.activation = activation;
    this.output = output;
    this.inputSize = layers[0] as number;
    this.outputSize = layers[layers.length - 1] as number;
    this.offsets = [];
    const blocks: InitBlock[] = [];
    let count = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      const fanIn = layers[l] as number;
      const fanOut = layers[l + 1] as number;
      this.offsets.push(count);
      count += (fanIn + 1) * fanOut;
      // Glorot/Xavier uniform keeps the variance of tanh and sigmoid layers steady; He/Kaiming
      // uniform doubles it for ReLU, which zeroes half its inputs. Biases start at zero.
      const hidden = l + 2 < layers.length;
      const limit =
        hidden && activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
      blocks.push({ count: fanIn * fanOut, limit }, { count: fanOut, limit: 0 });
    }
    this.count = count;
    this.params = initParams('mlp', seed, blocks);
  }

  layerParams(l: number): { W: FloatArray; b: FloatArray } {
    const offset = this.offsets[l];
    if (!Number.isInteger(l) || offset === undefined) {
      throw new LosslabError(
        'mlp.layerParams',
        'l',
        `'l' must be a layer index in [0, ${this.offsets.length}), got ${l}`,
      );
    }
    const fanIn = this.layers[l] as number;
    const fanOut = this.layers[l + 1] as number;
    const bAt = offset + fanIn * fanOut;
    return { W: this.params.subarray(offset, bAt), b: this.params.subarray(bAt, bAt + fanOut) };
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) {
      return;
    }
    const hidden = this.layers.slice(1, -1);
    this.z = hidden.map((w) => new Float64Array(n * w));
    this.a = hidden.map((w) => new Float64Array(n * w));
    const widest = Math.max(0, ...hidden);
    this.scratch = [new Float64Array(n * widest), new Float64Array(n * widest)];
    this.capacity = n;
  }

  forward(x: FloatArray, n: number, out?: FloatArray): FloatArray {
    const y = checkForward(this, this.count, x, n, out);
    this.run(x, n, y);
    return y;
  }

  /** The forward pass proper, after validation; keeps z and a of hidden layers for backward. */
  private run(x: FloatArray, n: number, y: FloatArray): void {
    this.ensureCapacity(n);
    const layers = this.layers;
    const last = layers.length - 2;
    let input = x;
    for (let l = 0; l <= last; l++) {
      const fanIn = layers[l] as number;
      const fanOut = layers[l + 1] as number;
      if (l === last) {
        affineForward(this.params, this.offsets[l] as number, fanIn, fanOut, input, n, y);
        break;
      }
      const z = this.z[l] as Float64Array;
      const a = this.a[l] as Float64Array;
      affineForward(this.params, this.offsets[l] as number, fanIn, fanOut, input, n, z);
      activate(this.activation, z, a, n * fanOut);
      input = a;
    }
    this.lastX = x;
    this.lastN = n;
  }

  backward(x: FloatArray, n: number, gradOut: FloatArray, gradParams: FloatArray): void {
    checkBackward(this, this.count, x, n, gradOut, gradParams);
    this.runBackward(x, n, gradOut, gradParams, null);
  }

  private runBackward(
    x: FloatArray,
    n: number,
    gradOut: FloatArray,
    gradParams: FloatArray,
    trace: LayerGradTrace[] | null,
  ): void {
    if (this.lastX !== x || this.lastN !== n) {
      // Not right after a forward on this batch: recompute the activations backward needs.
      if (this.outScratch.length < n * this.outputSize) {
        this.outScratch = new Float64Array(n * this.outputSize);
      }
      this.run(x, n, this.outScratch);
    }
    const layers = this.layers;
    let g = gradOut; // dL/dz of layer l
    let dA = gradOut; // dL/da of layer l (equal to g for the linear output layer)
    for (let l = layers.length - 2; l >= 0; l--) {
      const fanIn = layers[l] as number;
      const fanOut = layers[l + 1] as number;
      const offset = this.offsets[l] as number;
      const input = l === 0 ? x : (this.a[l - 1] as Float64Array);
      const below = l === 0 ? null : (this.scratch[l % 2] as Float64Array);
      affineBackward(this.params, offset, fanIn, fanOut, input, n, g, gradParams, below);
      if (trace !== null) {
        const bAt = offset + fanIn * fanOut;
        trace.push({
          layer: l,
          dA: dA.slice(0, n * fanOut),
          dZ: g.slice(0, n * fanOut),
          dW: gradParams.slice(offset, bAt),
          db: gradParams.slice(bAt, bAt + fanOut),
        });
      }
      if (below === null) {
        break;
      }
      // below holds dL/da of layer l-1; record it for the trace, then turn it into dL/dz in place.
      dA = trace !== null ? below.slice(0, n * fanIn) : below;
      activateGrad(
        this.activation,
        this.z[l - 1] as Float64Array,
        this.a[l - 1] as Float64Array,
        below,
        n * fanIn,
      );
      g = below;
    }
  }

  forwardTrace(x: FloatArray, n: number): LayerTrace[] {
    const y = this.forward(x, n);
    const trace: LayerTrace[] = [];
    const last = this.layers.length - 2;
    for (let l = 0; l < last; l++) {
      const size = n * (this.layers[l + 1] as number);
      trace.push({
        layer: l,
        activation: this.activation,
        z: (this.z[l] as Float64Array).slice(0, size),
        a: (this.a[l] as Float64Array).slice(0, size),
      });
    }
    trace.push({ layer: last, activation: 'identity', z: y.slice(), a: y });
    return trace;
  }

  backwardTrace(x: FloatArray, n: number, gradOut: FloatArray): LayerGradTrace[] {
    const gradParams = new Float64Array(this.count);
    checkBackward(this, this.count, x, n, gradOut, gradParams);
    this.lastX = null; // always recompute: the trace must describe the current parameters
    const trace: LayerGradTrace[] = [];
    this.runBackward(x, n, gradOut, gradParams, trace);
    return trace;
  }
}

/** a = f(z) over the first `size` values. */
function activate(kind: Activation, z: Float64Array, a: Float64Array, size: number): void {
  if (kind === 'tanh') {
    for (let i = 0; i < size; i++) {
      a[i] = Math.tanh(z[i] as number);
    }
  } else if (kind === 'relu') {
    for (let i = 0; i < size; i++) {
      const v = z[i] as number;
      a[i] = v < 0 ? 0 : v; // written so that a NaN passes through, as in PyTorch
    }
  } else {
    for (let i = 0; i < size; i++) {
      // exp(-z) overflows to Infinity for z < -709, giving exactly 0: no NaN either way.
      a[i] = 1 / (1 + Math.exp(-(z[i] as number)));
    }
  }
}

/** g *= f'(z) in place, with f' from the cached activation where cheaper. */
function activateGrad(
  kind: Activation,
  z: Float64Array,
  a: Float64Array,
  g: Float64Array,
  size: number,
): void {
  if (kind === 'tanh') {
    for (let i = 0; i < size; i++) {
      const t = a[i] as number;
      g[i] = (g[i] as number) * (1 - t * t); // tanh' = 1 - tanh^2
    }
  } else if (kind === 'relu') {
    for (let i = 0; i < size; i++) {
      if ((z[i] as number) <= 0) {
        g[i] = 0; // the subgradient 0 at z = 0, as PyTorch takes it
      }
    }
  } else {
    for (let i = 0; i < size; i++) {
      const s = a[i] as number;
      g[i] = (g[i] as number) * s * (1 - s); // sigma' = sigma (1 - sigma)
    }
  }
}

/**
 * A multi-layer perceptron: dense layers with a nonlinearity f after each hidden layer and a
 * linear output layer, trained by hand-written backpropagation:
 *
 * $$z^{(l)} = a^{(l-1)} W^{(l)} + b^{(l)},\quad a^{(l)} = f(z^{(l)}),\quad a^{(0)} = x$$
 * $$\delta^{(L)} = \frac{\partial L}{\partial \hat y},\quad
 *   \frac{\partial L}{\partial W^{(l)}} = {a^{(l-1)}}^\top \delta^{(l)},\quad
 *   \frac{\partial L}{\partial b^{(l)}} = \textstyle\sum_i \delta^{(l)}_i,\quad
 *   \delta^{(l-1)} = \big(\delta^{(l)} {W^{(l)}}^\top\big) \odot f'(z^{(l-1)})$$
 *
 * `params` holds W then b of each layer in turn (see `layerParams(l)`). Weights start Glorot
 * uniform (He uniform before ReLU) from `RandomState(seed)`, biases at zero.
 * `forwardTrace` and `backwardTrace` return every layer's values for a notebook to print.
 *
 * @example
 * const net = mlp({ layers: [1, 2, 1], activation: 'relu' });
 * net.params.set([1, -1, 0, 0, 1, 1, 0.5]); // W1 = [[1, -1]], b1 = [0, 0], W2 = [[1], [1]], b2 = 0.5
 * const out = net.forward(new Float64Array([2, -3]), 2);
 * // hidden: relu([2, -2]) = [2, 0] and relu([-3, 3]) = [0, 3]; out = [2.5, 3.5]
 */
export function mlp(options: MlpOptions): Mlp {
  const fn = 'mlp';
  if (typeof options !== 'object' || options === null || !Array.isArray(options.layers)) {
    throw new LosslabError(fn, 'layers', `'layers' must be an array of widths such as [1, 8, 1]`);
  }
  checkOptions(fn, options, MLP_KEYS);
  if (options.layers.length < 2) {
    throw new LosslabError(
      fn,
      'layers',
      `'layers' needs at least an input and an output width, got [${options.layers.join(', ')}]`,
    );
  }
  options.layers.forEach((w, i) => checkPositiveInt(fn, `layers[${i}]`, w));
  const activation = options.activation ?? 'tanh';
  if (!ACTIVATIONS.includes(activation)) {
    throw new LosslabError(
      fn,
      'activation',
      `unknown activation '${String(activation)}' (expected 'tanh', 'relu' or 'sigmoid')`,
    );
  }
  const output = options.output ?? 'real';
  if (output !== 'real' && output !== 'logits') {
    throw new LosslabError(
      fn,
      'output',
      `unknown output '${String(output)}' (expected 'real' or 'logits')`,
    );
  }
  return new MlpModel(options.layers, activation, output, options.seed);
}
