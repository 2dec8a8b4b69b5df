import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { bceLoss } from './bceLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import { categoricalHingeLoss } from './categoricalHingeLoss';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { cosineSimilarityLoss } from './cosineSimilarityLoss';
import { crossEntropy } from './crossEntropy';
import { ctcLoss } from './ctcLoss';
import { diceLoss } from './diceLoss';
import { focalLoss } from './focalLoss';
import { gaussianNllLoss } from './gaussianNllLoss';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { hingeLoss } from './hingeLoss';
import { huberLoss } from './huberLoss';
import { klDivLoss } from './klDivLoss';
import { logCoshLoss } from './logCoshLoss';
import { maeLoss } from './maeLoss';
import { mapeLoss } from './mapeLoss';
import { marginRankingLoss } from './marginRankingLoss';
import { mseLoss } from './mseLoss';
import { msleLoss } from './msleLoss';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { multiLabelMarginLoss } from './multiLabelMarginLoss';
import { multiLabelSoftMarginLoss } from './multiLabelSoftMarginLoss';
import { multiMarginLoss } from './multiMarginLoss';
import { nllLoss } from './nllLoss';
import { poissonNllLoss } from './poissonNllLoss';
import { quantileLoss } from './quantileLoss';
import { smoothL1Loss } from './smoothL1Loss';
import { softMarginLoss } from './softMarginLoss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { squaredHingeLoss } from './squaredHingeLoss';
import { tripletMarginLoss } from './tripletMarginLoss';
import { tverskyLoss } from './tverskyLoss';
import { tweedieLoss } from './tweedieLoss';
import type { LossId } from './LossId';

/** The shape every loss of the registry has. */
export type LossFn = (
  pred: FloatArray,
  target: FloatArray,
  options?: LossOptions & Record<string, unknown>,
) => LossResult;

/** One loss of the registry: enough to call it, typeset it and plot it. */
export interface LossInfo {
  /** Registry key: 'mse', 'mae', 'huber', 'bce', 'bceWithLogits', 'softmaxCrossEntropy', ... */
  id: string;
  /** Human name. */
  name: string;
  fn: LossFn;
  /** LaTeX of the per-element (or per-row) loss. */
  formula: string;
  /** LaTeX of dL/dpred, elementwise. */
  gradFormula: string;
  /** 'similarity': losses of pairs or triplets that learn embeddings or rankings. */
  kind: 'regression' | 'classification' | 'similarity';
  pred: 'real' | 'logits' | 'probability' | 'positive' | 'log-probability' | 'distribution';
  target:
    'real' | 'binary01' | 'sign' | 'class-index' | 'probability' | 'positive' | 'distribution';
  /** True when each pred element has its own loss, so L(yhat, y) can be plotted on a scalar sweep. */
  elementwise: boolean;
  /** The options' defaults. */
  defaults: Readonly<Record<string, number | string | boolean>>;
  /**
   * Present when the loss's arrays are not `(pred, target)`: their names in call order, options
   * last, e.g. `['x1', 'x2', 'target']`. Such an `fn` cannot be called as a {@link LossFn} (nor
   * trained by `fit`); it is listed for its formulas and called by its own signature.
   */
  inputs?: readonly string[];
}

// Each loss's own options type is narrower than LossFn's record, hence the casts; a loss of
// several inputs (with `inputs`) has another signature altogether, hence `as unknown as`.
// Typed with LossId: an entry whose id LossId.ts does not list is a compile error.
const entries: (LossInfo & { id: LossId })[] = [
  {
    id: 'mse',
    name: 'Mean squared error',
    fn: mseLoss as LossFn,
    formula: String.raw`(\hat y - y)^2`,
    gradFormula: String.raw`2(\hat y - y)`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'mae',
    name: 'Mean absolute error',
    fn: maeLoss as LossFn,
    formula: String.raw`|\hat y - y|`,
    gradFormula: String.raw`\operatorname{sign}(\hat y - y)`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'huber',
    name: 'Huber',
    fn: huberLoss as LossFn,
    formula: String.raw`\begin{cases} \tfrac12 (\hat y - y)^2 & |\hat y - y| < \delta \\ \delta(|\hat y - y| - \tfrac12\delta) & \text{otherwise} \end{cases}`,
    gradFormula: String.raw`\operatorname{clip}(\hat y - y, -\delta, \delta)`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean', delta: 1 },
  },
  {
    id: 'smoothL1',
    name: 'Smooth L1',
    fn: smoothL1Loss as LossFn,
    formula: String.raw`\begin{cases} \tfrac{1}{2\beta} (\hat y - y)^2 & |\hat y - y| < \beta \\ |\hat y - y| - \tfrac12\beta & \text{otherwise} \end{cases}`,
    gradFormula: String.raw`\begin{cases} (\hat y - y)/\beta & |\hat y - y| < \beta \\ \operatorname{sign}(\hat y - y) & \text{otherwise} \end{cases}`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean', beta: 1 },
  },
  {
    id: 'logCosh',
    name: 'Log-cosh',
    fn: logCoshLoss as LossFn,
    formula: String.raw`\log\cosh(\hat y - y)`,
    gradFormula: String.raw`\tanh(\hat y - y)`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'quantile',
    name: 'Quantile (pinball)',
    fn: quantileLoss as LossFn,
    formula: String.raw`\max\big(q(y - \hat y), (q - 1)(y - \hat y)\big)`,
    gradFormula: String.raw`\begin{cases} -q & y > \hat y \\ 1 - q & y < \hat y \\ 0 & y = \hat y \end{cases}`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean', q: 0.5 },
  },
  {
    id: 'msle',
    name: 'Mean squared logarithmic error',
    fn: msleLoss as LossFn,
    formula: String.raw`\big(\log(1 + \hat y) - \log(1 + y)\big)^2`,
    gradFormula: String.raw`\frac{2\big(\log(1 + \hat y) - \log(1 + y)\big)}{1 + \hat y}`,
    kind: 'regression',
    pred: 'positive',
    target: 'positive',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'mape',
    name: 'Mean absolute percentage error',
    fn: mapeLoss as LossFn,
    formula: String.raw`\frac{|\hat y - y|}{\max(|y|, \epsilon)}`,
    gradFormula: String.raw`\frac{\operatorname{sign}(\hat y - y)}{\max(|y|, \epsilon)}`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'poissonNll',
    name: 'Poisson negative log-likelihood',
    fn: poissonNllLoss as LossFn,
    formula: String.raw`e^{\hat y} - y\,\hat y`,
    gradFormula: String.raw`e^{\hat y} - y`,
    kind: 'regression',
    pred: 'real',
    target: 'positive',
    elementwise: true,
    defaults: { reduction: 'mean', logInput: true, full: false, eps: 1e-8 },
  },
  {
    id: 'gaussianNll',
    name: 'Gaussian negative log-likelihood',
    fn: gaussianNllLoss as LossFn,
    formula: String.raw`\tfrac12\Big(\log\max(\sigma^2, \epsilon) + \frac{(\hat y - y)^2}{\max(\sigma^2, \epsilon)}\Big)`,
    gradFormula: String.raw`\frac{\hat y - y}{\max(\sigma^2, \epsilon)}`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: true,
    defaults: { reduction: 'mean', variance: 1, full: false, eps: 1e-6 },
  },
  {
    id: 'tweedie',
    name: 'Tweedie deviance',
    fn: tweedieLoss as LossFn,
    formula: String.raw`2\Big(\frac{\max(y, 0)^{2-p}}{(1-p)(2-p)} - \frac{y\,\hat y^{1-p}}{1-p} + \frac{\hat y^{2-p}}{2-p}\Big)`,
    gradFormula: String.raw`2\,\hat y^{-p}(\hat y - y)`,
    kind: 'regression',
    pred: 'positive',
    target: 'positive',
    elementwise: true,
    defaults: { reduction: 'mean', power: 0 },
  },
  {
    id: 'cosineSimilarity',
    name: 'Cosine similarity',
    fn: cosineSimilarityLoss as LossFn,
    formula: String.raw`-\frac{\hat y \cdot y}{\lVert \hat y\rVert\, \lVert y\rVert}`,
    gradFormula: String.raw`-\frac{1}{\lVert \hat y\rVert}\big(\bar y - (\bar{\hat y} \cdot \bar y)\,\bar{\hat y}\big)`,
    kind: 'regression',
    pred: 'real',
    target: 'real',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'bce',
    name: 'Binary cross-entropy',
    fn: bceLoss as LossFn,
    formula: String.raw`-\big(y \log p + (1 - y)\log(1 - p)\big)`,
    gradFormula: String.raw`\frac{p - y}{p(1 - p)}`,
    kind: 'classification',
    pred: 'probability',
    target: 'binary01',
    elementwise: true,
    defaults: { reduction: 'mean', labelSmoothing: 0 },
  },
  {
    id: 'bceWithLogits',
    name: 'Binary cross-entropy with logits',
    fn: bceWithLogitsLoss as LossFn,
    formula: String.raw`\max(x, 0) - x y + \log(1 + e^{-|x|})`,
    gradFormula: String.raw`\sigma(x) - y`,
    kind: 'classification',
    pred: 'logits',
    target: 'binary01',
    elementwise: true,
    defaults: { reduction: 'mean', posWeight: 1, labelSmoothing: 0 },
  },
  {
    id: 'softmaxCrossEntropy',
    name: 'Softmax cross-entropy',
    fn: softmaxCrossEntropy as LossFn,
    formula: String.raw`-\sum_c y_c \log \frac{e^{x_c}}{\sum_k e^{x_k}}`,
    gradFormula: String.raw`\operatorname{softmax}(x)_c - y_c`,
    kind: 'classification',
    pred: 'logits',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean', ignoreIndex: -100, labelSmoothing: 0 },
  },
  {
    id: 'nll',
    name: 'Negative log-likelihood',
    fn: nllLoss as LossFn,
    formula: String.raw`-x_{t}`,
    gradFormula: String.raw`-[c = t]`,
    kind: 'classification',
    pred: 'log-probability',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean', ignoreIndex: -100 },
  },
  {
    id: 'crossEntropy',
    name: 'Cross-entropy H(p, q)',
    fn: crossEntropy as LossFn,
    formula: String.raw`H(p, q) = -\sum_c p_c \log q_c`,
    gradFormula: String.raw`-\frac{p_c}{q_c}`,
    kind: 'classification',
    pred: 'distribution',
    target: 'distribution',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'klDiv',
    name: 'Kullback-Leibler divergence',
    fn: klDivLoss as LossFn,
    formula: String.raw`y\,(\log y - x)`,
    gradFormula: String.raw`-y`,
    kind: 'classification',
    pred: 'log-probability',
    target: 'distribution',
    elementwise: true,
    defaults: { reduction: 'mean', logTarget: false },
  },
  {
    id: 'focal',
    name: 'Focal',
    fn: focalLoss as LossFn,
    formula: String.raw`\alpha_t (1 - p_t)^\gamma \big(\max(x, 0) - x y + \log(1 + e^{-|x|})\big)`,
    gradFormula: String.raw`\alpha_t\big((p - y)(1 - p_t)^\gamma + \gamma\,\mathrm{ce}\,(1 - p_t)^{\gamma - 1} p (1 - p)(1 - 2y)\big)`,
    kind: 'classification',
    pred: 'logits',
    target: 'binary01',
    elementwise: true,
    defaults: { reduction: 'mean', alpha: 0.25, gamma: 2 },
  },
  {
    id: 'hinge',
    name: 'Hinge',
    fn: hingeLoss as LossFn,
    formula: String.raw`\max(0, m - y \hat y)`,
    gradFormula: String.raw`-y\,[m - y \hat y > 0]`,
    kind: 'classification',
    pred: 'real',
    target: 'sign',
    elementwise: true,
    defaults: { reduction: 'mean', margin: 1 },
  },
  {
    id: 'squaredHinge',
    name: 'Squared hinge',
    fn: squaredHingeLoss as LossFn,
    formula: String.raw`\max(0, m - y \hat y)^2`,
    gradFormula: String.raw`-2y \max(0, m - y \hat y)`,
    kind: 'classification',
    pred: 'real',
    target: 'sign',
    elementwise: true,
    defaults: { reduction: 'mean', margin: 1 },
  },
  {
    id: 'multiMargin',
    name: 'Multi-class hinge',
    fn: multiMarginLoss as LossFn,
    formula: String.raw`\frac{1}{C}\sum_{c \ne t} \max(0, m - x_t + x_c)^p`,
    gradFormula: String.raw`\frac{p}{C} z_c^{p-1} [z_c > 0]\ (c \ne t),\quad -\sum_{c \ne t} \frac{\partial \ell}{\partial x_c}\ (c = t)`,
    kind: 'classification',
    pred: 'real',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean', p: 1, margin: 1 },
  },
  {
    id: 'softMargin',
    name: 'Soft margin',
    fn: softMarginLoss as LossFn,
    formula: String.raw`\log(1 + e^{-y x})`,
    gradFormula: String.raw`-y\,\sigma(-y x)`,
    kind: 'classification',
    pred: 'real',
    target: 'sign',
    elementwise: true,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'multiLabelSoftMargin',
    name: 'Multi-label soft margin',
    fn: multiLabelSoftMarginLoss as LossFn,
    formula: String.raw`\frac{1}{C}\sum_c v_c\big(y_c \log(1 + e^{-x_c}) + (1 - y_c)\log(1 + e^{x_c})\big)`,
    gradFormula: String.raw`\frac{v_c}{C}\big(\sigma(x_c) - y_c\big)`,
    kind: 'classification',
    pred: 'logits',
    target: 'binary01',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'multiLabelMargin',
    name: 'Multi-label hinge',
    fn: multiLabelMarginLoss as LossFn,
    formula: String.raw`\frac{1}{C}\sum_{j \in Y}\sum_{k \notin Y} \max(0, 1 - x_j + x_k)`,
    gradFormula: String.raw`\frac{1}{C}\Big(\sum_{j \in Y} [z_{jk} > 0]\ (k \notin Y),\ -\sum_{k \notin Y} [z_{jk} > 0]\ (j \in Y)\Big)`,
    kind: 'classification',
    pred: 'real',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'multiclassHinge',
    name: 'Crammer–Singer multi-class hinge',
    fn: multiclassHingeLoss as LossFn,
    formula: String.raw`\max_c\big(x_c + 1 - [c = t]\big) - x_t`,
    gradFormula: String.raw`[c = c^*] - [c = t]`,
    kind: 'classification',
    pred: 'real',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'categoricalHinge',
    name: 'Categorical hinge',
    fn: categoricalHingeLoss as LossFn,
    formula: String.raw`\max\big(0,\ \max_c (1 - y_c) x_c - \textstyle\sum_c y_c x_c + 1\big)`,
    gradFormula: String.raw`[\ell > 0]\big((1 - y_c)[c = c^*] - y_c\big)`,
    kind: 'classification',
    pred: 'real',
    target: 'distribution',
    elementwise: false,
    defaults: { reduction: 'mean' },
  },
  {
    id: 'dice',
    name: 'Dice',
    fn: diceLoss as LossFn,
    formula: String.raw`1 - \frac{2\sum_j p_j t_j + 2s}{\sum_j p_j + \sum_j t_j + 2s}`,
    gradFormula: String.raw`-\frac{2}{P + T + 2s}\Big(t_j - \frac{I + s}{P + T + 2s}\Big)`,
    kind: 'classification',
    pred: 'probability',
    target: 'probability',
    elementwise: false,
    defaults: { reduction: 'mean', smooth: 1 },
  },
  {
    id: 'tversky',
    name: 'Tversky',
    fn: tverskyLoss as LossFn,
    formula: String.raw`1 - \frac{I + s}{I + \alpha (P - I) + \beta (T - I) + s}`,
    gradFormula: String.raw`-\frac{1}{D}\Big(t_j - \frac{I + s}{D}\big((1 - \alpha - \beta) t_j + \alpha\big)\Big)`,
    kind: 'classification',
    pred: 'probability',
    target: 'probability',
    elementwise: false,
    defaults: { reduction: 'mean', alpha: 0.5, beta: 0.5, smooth: 1 },
  },
  {
    id: 'ctc',
    name: 'Connectionist temporal classification',
    fn: ctcLoss as LossFn,
    formula: String.raw`-\log \sum_{\pi \in \mathcal B^{-1}(l)} \prod_t y^t_{\pi_t}`,
    gradFormula: String.raw`-\frac{1}{p(l \mid x)} \sum_{s:\, l'_s = c} \frac{\alpha_t(s)\beta_t(s)}{y^t_c}`,
    kind: 'classification',
    pred: 'log-probability',
    target: 'class-index',
    elementwise: false,
    defaults: { reduction: 'mean', blank: 0, zeroInfinity: false },
  },
  {
    id: 'hingeEmbedding',
    name: 'Hinge embedding',
    fn: hingeEmbeddingLoss as LossFn,
    formula: String.raw`\begin{cases} x & y = 1 \\ \max(0, m - x) & y = -1 \end{cases}`,
    gradFormula: String.raw`\begin{cases} 1 & y = 1 \\ -[m - x > 0] & y = -1 \end{cases}`,
    kind: 'similarity',
    pred: 'real',
    target: 'sign',
    elementwise: true,
    defaults: { reduction: 'mean', margin: 1 },
  },
  {
    id: 'cosineEmbedding',
    name: 'Cosine embedding',
    fn: cosineEmbeddingLoss as unknown as LossFn,
    formula: String.raw`\begin{cases} 1 - \cos(x_1, x_2) & y = 1 \\ \max(0, \cos(x_1, x_2) - m) & y = -1 \end{cases}`,
    gradFormula: String.raw`\mp\Big(\frac{x_2}{\lVert x_1\rVert \lVert x_2\rVert} - \cos(x_1, x_2)\frac{x_1}{\lVert x_1\rVert^2}\Big)`,
    kind: 'similarity',
    pred: 'real',
    target: 'sign',
    elementwise: false,
    defaults: { reduction: 'mean', margin: 0 },
    inputs: ['x1', 'x2', 'target'],
  },
  {
    id: 'marginRanking',
    name: 'Margin ranking',
    fn: marginRankingLoss as unknown as LossFn,
    formula: String.raw`\max\big(0, -y (x_1 - x_2) + m\big)`,
    gradFormula: String.raw`\mp y\,[-y (x_1 - x_2) + m > 0]`,
    kind: 'similarity',
    pred: 'real',
    target: 'sign',
    elementwise: false,
    defaults: { reduction: 'mean', margin: 0 },
    inputs: ['x1', 'x2', 'target'],
  },
  {
    id: 'tripletMargin',
    name: 'Triplet margin',
    fn: tripletMarginLoss as unknown as LossFn,
    formula: String.raw`\max\big(0,\ \lVert a - p + \varepsilon\rVert_p - \lVert a - n + \varepsilon\rVert_p + m\big)`,
    gradFormula: String.raw`\operatorname{sign}(v_j)\Big(\frac{|v_j|}{\lVert v\rVert_p}\Big)^{p-1},\ v = a - p + \varepsilon \text{ or } a - n + \varepsilon`,
    kind: 'similarity',
    pred: 'real',
    target: 'real',
    elementwise: false,
    defaults: { reduction: 'mean', margin: 1, p: 2, eps: 1e-6, swap: false },
    inputs: ['anchor', 'positive', 'negative'],
  },
];

/** Every loss of @losslab/core, in the order a notebook shows them (regression first). */
export const losses: readonly LossInfo[] = Object.freeze(entries.map((e) => Object.freeze(e)));

/**
 * The registry entry of a loss by its id.
 *
 * @example
 * const huber = getLoss('huber');
 * const { value } = huber.fn(new Float64Array([3]), new Float64Array([0]));
 * // value = 1 * (3 - 0.5) = 2.5
 */
export function getLoss(id: string): LossInfo {
  const found = losses.find((l) => l.id === id);
  if (found === undefined) {
    throw new LosslabError(
      'getLoss',
      'id',
      `unknown loss '${String(id)}' (known: ${losses.map((l) => l.id).join(', ')})`,
    );
  }
  return found;
}
