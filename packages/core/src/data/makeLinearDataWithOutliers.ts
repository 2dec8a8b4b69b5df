import { checkOptions } from '../checkOptions';
import { LosslabError } from '../errors';
import { numberOption } from './checkDataOptions';
import { LINEAR_DATA_KEYS, linearData } from './makeLinearData';
import type { LinearDataOptions, LinearDataset } from './makeLinearData';

/** Options of {@link makeLinearDataWithOutliers}. */
export interface OutlierDataOptions extends LinearDataOptions {
  /** Fraction of rows whose target is pushed up, in [0, 1]. Default 0.1. */
  outlierFraction?: number;
  /** Size of the push: an outlier's y grows by between 1 and 2 times this. Default 10. */
  outlierScale?: number;
}

/** Linear data where some targets are outliers. */
export interface OutlierDataset extends LinearDataset {
  /** Rows whose target was pushed, ascending. */
  outliers: Float64Array;
}

/**
 * {@link makeLinearData} with a fraction of the targets pushed far up, to show how MSE chases
 * outliers while MAE and Huber do not (the article's FAQ). After the linear data, the same
 * generator continues:
 *
 * ```python
 * m = floor(outlierFraction * n + 0.5)
 * idx = rs.permutation(n)[:m]
 * y[idx] += outlierScale * (1 + rs.random_sample(m))
 * ```
 *
 * @example
 * const data = makeLinearDataWithOutliers({ n: 100, outlierFraction: 0.05 });
 * // data.outliers holds 5 row indices; those rows' y lie 10 to 20 above the line y = 2x + 3
 */
export function makeLinearDataWithOutliers(options: OutlierDataOptions = {}): OutlierDataset {
  const fn = 'makeLinearDataWithOutliers';
  checkOptions(fn, options, [...LINEAR_DATA_KEYS, 'outlierFraction', 'outlierScale']);
  const fraction = numberOption(fn, 'outlierFraction', options.outlierFraction, 0.1, 0);
  if (fraction > 1) {
    throw new LosslabError(
      fn,
      'outlierFraction',
      `'outlierFraction' must be between 0 and 1, got ${fraction}`,
    );
  }
  const scale = numberOption(fn, 'outlierScale', options.outlierScale, 10);
  const { data, rs } = linearData(fn, options);
  const m = Math.floor(fraction * data.n + 0.5);
  const perm = rs.permutation(data.n);
  const push = rs.randomSample(m);
  const outliers = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const i = perm[t] as number;
    data.y[i] = (data.y[i] as number) + scale * (1 + (push[t] as number));
    outliers[t] = i;
  }
  outliers.sort();
  return { ...data, outliers };
}
