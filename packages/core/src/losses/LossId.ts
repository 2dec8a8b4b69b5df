// The registry's ids as a type, so a typo (`loss: 'mes'`) is a type error in tslab before the cell
// runs. The registry's entries are typed with it (an id not listed here does not compile) and
// registry.test.ts checks that every id listed here is registered: add a new loss in both places.

/** Every loss id of the registry, in its order. */
export const LOSS_IDS = [
  'mse',
  'mae',
  'huber',
  'smoothL1',
  'logCosh',
  'quantile',
  'msle',
  'mape',
  'poissonNll',
  'gaussianNll',
  'tweedie',
  'cosineSimilarity',
  'bce',
  'bceWithLogits',
  'softmaxCrossEntropy',
  'nll',
  'crossEntropy',
  'klDiv',
  'focal',
  'hinge',
  'squaredHinge',
  'multiMargin',
  'softMargin',
  'multiLabelSoftMargin',
  'multiLabelMargin',
  'multiclassHinge',
  'categoricalHinge',
  'dice',
  'tversky',
  'ctc',
  'hingeEmbedding',
  'cosineEmbedding',
  'marginRanking',
  'tripletMargin',
] as const;

/** A loss id of the registry: `'mse'`, `'huber'`, `'bceWithLogits'`, … (see `losses`). */
export type LossId = (typeof LOSS_IDS)[number];
