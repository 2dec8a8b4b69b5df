import { checkFinite } from '../check';
import type { Dataset } from '../data/Dataset';
import { LosslabError } from '../errors';
import { isFloatArray } from '../models/checkModel';
import type { Model } from '../models/Model';
import type { FloatArray } from '../types';

// Validation of fit's arguments, done once before the first step.

/** Throws unless `value` is an integer >= `min`; returns it. */
export function checkInt(arg: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const what = min === 1 ? 'a positive integer' : `an integer >= ${min}`;
    throw new LosslabError('fit', arg, `'${arg}' must be ${what}, got ${String(value)}`);
  }
  return value;
}

/** Checks a data set against the model; returns the number of targets per row (1 or C). */
export function checkFitData(arg: string, data: Dataset<FloatArray>, model: Model): number {
  if (typeof data !== 'object' || data === null) {
    throw new LosslabError('fit', arg, `'${arg}' must be a Dataset { x, y, n, features }`);
  }
  const { x, y, n, features } = data;
  if (!isFloatArray(x) || !isFloatArray(y)) {
    throw new LosslabError(
      'fit',
      arg,
      `'${arg}.x' and '${arg}.y' must be Float64Arrays or Float32Arrays`,
    );
  }
  checkInt(`${arg}.n`, n, 1);
  if (features !== model.inputSize) {
    throw new LosslabError(
      'fit',
      `${arg}.features`,
      `'${arg}' has ${features} features but model '${model.name}' takes ${model.inputSize}`,
    );
  }
  if (x.length !== n * features) {
    throw new LosslabError(
      'fit',
      `${arg}.x`,
      `'${arg}.x' has length ${x.length} but ${n} rows of ${features} features need ${n * features}`,
    );
  }
  const width = y.length / n;
  if (width !== 1 && width !== model.outputSize) {
    throw new LosslabError(
      'fit',
      `${arg}.y`,
      `'${arg}.y' has length ${y.length} but ${n} rows need ${n} targets` +
        (model.outputSize > 1
          ? ` (class indices) or ${n * model.outputSize} (one per output)`
          : ''),
    );
  }
  checkFinite('fit', { [`${arg}.x`]: x, [`${arg}.y`]: y });
  return width;
}
