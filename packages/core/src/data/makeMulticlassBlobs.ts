import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import type { Dataset } from './Dataset';
import { RandomState } from './RandomState';
import { integerOption, numberOption, seedOption, vectorOption } from './checkDataOptions';

/** Options of {@link makeMulticlassBlobs}. */
export interface MulticlassBlobsOptions {
  /** Number of rows, shared as evenly as possible between the classes. Default 150. */
  n?: number;
  /** Number of classes, at least 2. Default 3. */
  classes?: number;
  /** Number of input features. Default 2. */
  features?: number;
  /**
   * One centre per class, as rows (`[[0, 5], [-4, -1], ...]`) or flat row-major
   * (classes x features). Default: evenly spaced on a circle of radius 4 in the first two
   * features (other features 0); with one feature, 4 apart around 0.
   */
  centers?: readonly ArrayLike<number>[] | Float64Array;
  /** Standard deviation of each blob around its centre. Default 1. */
  std?: number;
  /** Seed of the {@link RandomState}. Default 0. */
  seed?: number;
}

/** Gaussian blobs around class centres. */
export interface BlobsDataset extends Dataset {
  /** Number of classes; `y` holds class indices 0..classes-1. */
  classes: number;
  /** The centres, row-major classes x features. */
  centers: Float64Array;
}

/**
 * Classification data: Gaussian blobs, one per class, with class indices in `y`. Drawn exactly as
 * this numpy does:
 *
 * ```python
 * rs = np.random.RandomState(seed)
 * y = np.arange(n) % classes
 * rs.shuffle(y)
 * X = centers[y] + std * rs.randn(n, features)
 * ```
 *
 * $$x_i = c_{y_i} + \sigma z_i,\qquad z_i \sim \mathcal N(0, I)$$
 *
 * @example
 * const data = makeMulticlassBlobs({ n: 90, classes: 3, std: 0.5, seed: 2 });
 * // data.y holds 30 each of 0, 1, 2; data.x is 90 x 2; data.centers is 3 x 2
 */
export function makeMulticlassBlobs(options: MulticlassBlobsOptions = {}): BlobsDataset {
  const fn = 'makeMulticlassBlobs';
  checkOptions(fn, options, [...BLOB_KEYS, 'classes']);
  const classes = integerOption(fn, 'classes', options.classes, 3, 2);
  return blobs(fn, options, classes, 150, (features) => circleCenters(classes, features));
}

/** Every key of {@link BlobsOptions} (makeMulticlassBlobs adds `classes`). */
export const BLOB_KEYS = Object.keys({
  n: true,
  features: true,
  centers: true,
  std: true,
  seed: true,
} satisfies Record<keyof Omit<MulticlassBlobsOptions, 'classes'>, true>);

/** The blob recipe under a maker's name, with that maker's defaults. */
export function blobs(
  fn: string,
  options: MulticlassBlobsOptions,
  classes: number,
  defaultN: number,
  defaultCenters: (features: number) => Float64Array,
): BlobsDataset {
  const n = integerOption(fn, 'n', options.n, defaultN, 1);
  const features = integerOption(fn, 'features', options.features, 2, 1);
  const std = numberOption(fn, 'std', options.std, 1, 0);
  const centers =
    options.centers === undefined
      ? defaultCenters(features)
      : centersOption(fn, options.centers, classes, features);
  const rs = new RandomState(seedOption(fn, options.seed));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
  }
  rs.shuffle(y);
  const x = rs.randn(n, features);
  for (let i = 0; i < n; i++) {
    const c = (y[i] as number) * features;
    for (let j = 0; j < features; j++) {
      const k = i * features + j;
      x[k] = (centers[c + j] as number) + std * (x[k] as number);
    }
  }
  return { x, y, n, features, classes, centers };
}

function centersOption(
  fn: string,
  centers: readonly ArrayLike<number>[] | Float64Array,
  classes: number,
  features: number,
): Float64Array {
  if (centers instanceof Float64Array) {
    return vectorOption(fn, 'centers', centers, classes * features);
  }
  if (!Array.isArray(centers) || centers.length !== classes) {
    throw new LosslabError(
      fn,
      'centers',
      `'centers' must hold ${classes} rows of ${features} numbers`,
    );
  }
  const out = new Float64Array(classes * features);
  for (let k = 0; k < classes; k++) {
    out.set(
      vectorOption(fn, `centers[${k}]`, centers[k] as ArrayLike<number>, features),
      k * features,
    );
  }
  return out;
}

/** Centres evenly spaced on a circle of radius 4 (first two features), or 4 apart in 1-D. */
function circleCenters(classes: number, features: number): Float64Array {
  const out = new Float64Array(classes * features);
  for (let k = 0; k < classes; k++) {
    if (features === 1) {
      out[k] = 4 * k - 2 * (classes - 1);
    } else {
      const angle = (2 * Math.PI * k) / classes;
      out[k * features] = 4 * Math.cos(angle);
      out[k * features + 1] = 4 * Math.sin(angle);
    }
  }
  return out;
}
