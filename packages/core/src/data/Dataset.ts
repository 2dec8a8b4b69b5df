import type { FloatArray } from '../types';

/**
 * A data set for supervised learning, as every dataset maker returns it and `fit` consumes it.
 *
 * `x` is row-major, `n` rows of `features` values (row i is `x[i*features .. (i+1)*features)`);
 * `y` holds one target per row: a real number for regression, a class index (0, 1, ...) stored
 * as a number for classification. The makers return Float64Arrays; `fit` also takes
 * Float32Arrays (`Dataset<FloatArray>`), and trains in the precision of the model's parameters.
 */
export interface Dataset<A extends FloatArray = Float64Array> {
  /** Inputs, row-major n x features. */
  x: A;
  /** One target per row: a real value, or a class index for classification. */
  y: A;
  /** Number of rows. */
  n: number;
  /** Number of input features (columns of `x`). */
  features: number;
}
