import type { BlobsDataset } from './makeMulticlassBlobs';
import { BLOB_KEYS, blobs } from './makeMulticlassBlobs';
import { checkOptions } from '../checkOptions';

/** Options of {@link makeBlobs}. */
export interface BlobsOptions {
  /** Number of rows, half of each class. Default 100. */
  n?: number;
  /** Number of input features. Default 2. */
  features?: number;
  /**
   * The two class centres, as rows or flat. Default -1.5 and +1.5 on every feature, which
   * overlap a little (with two features and std 1, about 2% of points lie across the midplane), so logistic
   * regression has a finite optimum.
   */
  centers?: readonly ArrayLike<number>[] | Float64Array;
  /** Standard deviation of each blob. Default 1. */
  std?: number;
  /** Seed of the {@link RandomState}. Default 0. */
  seed?: number;
}

/**
 * Two-class data for binary classification: `y` in {0, 1}. The same recipe as
 * {@link makeMulticlassBlobs} with two classes:
 *
 * ```python
 * rs = np.random.RandomState(seed)
 * y = np.arange(n) % 2
 * rs.shuffle(y)
 * X = centers[y] + std * rs.randn(n, features)
 * ```
 *
 * @example
 * const data = makeBlobs({ n: 200, seed: 1 });
 * // data.y: 100 zeros and 100 ones; class 0 around (-1.5, -1.5), class 1 around (1.5, 1.5)
 */
export function makeBlobs(options: BlobsOptions = {}): BlobsDataset {
  checkOptions('makeBlobs', options, BLOB_KEYS);
  return blobs('makeBlobs', options, 2, 100, (features) => {
    const centers = new Float64Array(2 * features);
    centers.fill(-1.5, 0, features);
    centers.fill(1.5, features);
    return centers;
  });
}
