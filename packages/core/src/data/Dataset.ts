/**
 * A data set for supervised learning, as every dataset maker returns it and `fit` consumes it.
 *
 * `x` is row-major, `n` rows of `features` values (row i is `x[i*features .. (i+1)*features)`);
 * `y` holds one target per row: a real number for regression, a class index (0, 1, ...) stored
 * as a number for classification.
 */
export interface Dataset {
  /** Inputs, row-major n x features. */
  x: Float64Array;
  /** One target per row: a real value, or a class index for classification. */
  y: Float64Array;
  /** Number of rows. */
  n: number;
  /** Number of input features (columns of `x`). */
  features: number;
}
