import { checkArray, checkNoAlias, findNonFinite, prepareOutputs } from '../check';
import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult, Reduction } from '../types';
import { FLOAT32_MAX } from './lossKit';

// Losses of several differentiable inputs (x1 and x2, or anchor, positive and negative) return
// one gradient per input: `grad` for the first, as every loss, and a named one for each other.

/** Options of the losses of two inputs x1 and x2 (a `grad2` buffer for d/dx2). */
export interface PairLossOptions extends LossOptions {
  /** Caller buffers: `grad` for d/dx1, `grad2` for d/dx2, `values` with 'none'. */
  out?: { grad?: FloatArray; grad2?: FloatArray; values?: FloatArray };
}

/** What a loss of two inputs returns: `grad` is d value / d x1, `grad2` is d value / d x2. */
export interface PairLossResult extends LossResult {
  grad2: FloatArray;
}

/**
 * The output buffers of a loss whose further gradients are named `extra` (e.g. `['grad2']`):
 * `out` is checked for its keys, `grad` and `values` come from {@link prepareOutputs}, and each
 * extra gradient is the caller's (checked for type, length and overlap) or a fresh array of the
 * type of its input.
 */
export function prepareMultiOutputs(
  fn: string,
  first: FloatArray,
  nValues: number,
  options: LossOptions & { out?: Readonly<Record<string, FloatArray | undefined>> },
  inputs: Readonly<Record<string, FloatArray | undefined>>,
  extra: Readonly<Record<string, FloatArray>>,
): { reduction: Reduction; grad: FloatArray; values: FloatArray | null; extra: FloatArray[] } {
  const names = Object.keys(extra);
  const out = checkOptions(fn, options.out, ['grad', ...names, 'values'], 'out');
  const { reduction, grad, values } = prepareOutputs(
    fn,
    first,
    nValues,
    { reduction: options.reduction, out: { grad: out.grad, values: out.values } },
    inputs,
  );
  const buffers: Record<string, unknown> = { ...inputs, 'out.grad': grad, 'out.values': values };
  const made = names.map((name) => {
    const input = extra[name] as FloatArray;
    const given = out[name];
    const arg = `out.${name}`;
    if (given === undefined) {
      return input instanceof Float32Array
        ? new Float32Array(input.length)
        : new Float64Array(input.length);
    }
    checkArray(fn, arg, given);
    if (given.length !== input.length) {
      throw new LosslabError(
        fn,
        arg,
        `'${arg}' has length ${given.length} but its input has ${input.length}`,
      );
    }
    checkNoAlias(fn, arg, given, buffers);
    buffers[arg] = given;
    return given;
  });
  return { reduction, grad, values, extra: made };
}

/**
 * Throws when a further gradient (with respect to `arg`) holds a non-finite element, which
 * `bound` (the sum of the magnitudes written to it) rules out on the happy path.
 */
export function checkExtraGrad(fn: string, arg: string, grad: FloatArray, bound: number): void {
  const limit = grad instanceof Float32Array ? FLOAT32_MAX : Number.MAX_VALUE;
  if (bound <= limit) {
    return;
  }
  const i = findNonFinite(grad);
  if (i >= 0) {
    throw new LosslabError(
      fn,
      arg,
      `the gradient with respect to '${arg}' overflowed at index ${i} (${grad[i]} in a ${grad.constructor.name})`,
    );
  }
}
