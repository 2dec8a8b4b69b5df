import type { FloatArray } from '../types';
import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import { affineBackward, affineForward, affineMseStep } from './affine';
import { checkBackward, checkForward, checkParams, checkPositiveInt } from './checkModel';
import { initParams } from './initParams';
import type { Model } from './Model';

/** How a linear model's parameters start. */
export interface LinearInitOptions {
  /**
   * `'zeros'` (the default, as in the article: these models are convex, so the start does not
   * change the optimum) or `'uniform'`: U(-1/sqrt(features), 1/sqrt(features)) for weights and
   * biases, PyTorch's `nn.Linear` default, drawn from `RandomState(seed)`.
   */
  init?: 'zeros' | 'uniform';
  /** Seed of the `'uniform'` initialization. Default 0. */
  seed?: number;
  /**
   * `'float64'` (the default) or `'float32'`: the parameters' array type, hence the precision
   * `fit` trains in (PyTorch's default dtype is float32). Uniform draws are rounded to float32.
   */
  dtype?: 'float32' | 'float64';
}

/**
 * One dense layer as a whole model: linear, logistic and softmax regression differ only in their
 * sizes and in what their outputs mean. Parameters: W (`inputSize x outputSize`, row-major), then
 * b (`outputSize`).
 */
export class AffineModel implements Model {
  readonly name: string;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly output: 'real' | 'logits';
  params: FloatArray;
  private readonly count: number;

  constructor(
    name: string,
    inputSize: number,
    outputSize: number,
    output: 'real' | 'logits',
    options: LinearInitOptions,
  ) {
    this.name = name;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.output = output;
    this.count = (inputSize + 1) * outputSize;
    const init = options.init ?? 'zeros';
    const dtype = options.dtype ?? 'float64';
    if (dtype !== 'float64' && dtype !== 'float32') {
      throw new LosslabError(
        name,
        'dtype',
        `unknown dtype '${String(dtype)}' (expected 'float64' or 'float32')`,
      );
    }
    if (init === 'zeros') {
      this.params =
        dtype === 'float32' ? new Float32Array(this.count) : new Float64Array(this.count);
    } else if (init === 'uniform') {
      const k = 1 / Math.sqrt(inputSize);
      const drawn = initParams(name, options.seed, [{ count: this.count, limit: k }]);
      this.params = dtype === 'float32' ? Float32Array.from(drawn) : drawn;
    } else {
      throw new LosslabError(
        name,
        'init',
        `unknown init '${String(init)}' (expected 'zeros' or 'uniform')`,
      );
    }
  }

  forward(x: FloatArray, n: number, out?: FloatArray): FloatArray {
    const y = checkForward(this, this.count, x, n, out);
    affineForward(this.params, 0, this.inputSize, this.outputSize, x, n, y);
    return y;
  }

  backward(x: FloatArray, n: number, gradOut: FloatArray, gradParams: FloatArray): void {
    checkBackward(this, this.count, x, n, gradOut, gradParams);
    affineBackward(
      this.params,
      0,
      this.inputSize,
      this.outputSize,
      x,
      n,
      gradOut,
      gradParams,
      null,
    );
  }

  /**
   * For `fit`: the mean squared error over `n` rows and its gradient in one fused pass (see
   * `affineMseStep`), when the model has one output; undefined otherwise. `fit` checks the rest.
   */
  mseStep(x: FloatArray, y: FloatArray, n: number, gradParams: FloatArray): number | undefined {
    if (this.outputSize !== 1) {
      return undefined;
    }
    checkParams(`${this.name}.forward`, this, this.count);
    return affineMseStep(this.params, this.inputSize, x, y, n, gradParams);
  }
}

/** The option keys every linear model reads (`features` and the initialization's). */
export const LINEAR_KEYS = Object.keys({
  features: true,
  init: true,
  seed: true,
  dtype: true,
} satisfies Record<keyof LinearInitOptions | 'features', true>);

/**
 * Validates a linear model's options (an object whose keys are among `keys`, a misspelt one an
 * error listing them) and returns its feature count.
 */
export function checkFeatures(
  fn: string,
  options: unknown,
  keys: readonly string[] = LINEAR_KEYS,
): number {
  if (typeof options !== 'object' || options === null) {
    throw new LosslabError(fn, 'options', `'options' must be an object such as { features: 1 }`);
  }
  checkOptions(fn, options, keys);
  return checkPositiveInt(fn, 'features', (options as { features?: unknown }).features);
}
