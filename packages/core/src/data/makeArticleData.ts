import { checkOptions } from '../checkOptions';
import { linearData } from './makeLinearData';
import type { LinearDataset } from './makeLinearData';

/** Options of {@link makeArticleData}. */
export interface ArticleDataOptions {
  /** Number of rows. Default 100, as in the article. */
  n?: number;
  /** Seed. Default 0, as in the article. */
  seed?: number;
}

/**
 * The article's data (section 4.1), number for number:
 *
 * ```python
 * np.random.seed(0)
 * X = np.random.randn(100, 1)
 * y = 2 * X + 3 + np.random.randn(100, 1) * 0.5
 * ```
 *
 * $$y_i = 2 x_i + 3 + 0.5\,\varepsilon_i$$
 *
 * @example
 * const { x, y } = makeArticleData();
 * // x[0..3] = 1.76405235, 0.40015721, 0.97873798; y[0..3] = 7.46968004, 3.12643489, 4.32223347
 */
export function makeArticleData(options: ArticleDataOptions = {}): LinearDataset {
  checkOptions('makeArticleData', options, ['n', 'seed'] satisfies (keyof ArticleDataOptions)[]);
  return linearData('makeArticleData', {
    n: options.n,
    seed: options.seed,
    features: 1,
    weights: [2],
    bias: 3,
    noise: 0.5,
  }).data;
}
