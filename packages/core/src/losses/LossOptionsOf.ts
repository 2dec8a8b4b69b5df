// The options of each registry loss, by its id: `fit`'s `lossOptions` is typed by its `loss`, so a
// misspelt option (`{ loss: 'huber', lossOptions: { delt: 1 } }`) is a type error in tslab.
import type { bceLoss } from './bceLoss';
import type { bceWithLogitsLoss } from './bceWithLogitsLoss';
import type { categoricalHingeLoss } from './categoricalHingeLoss';
import type { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import type { cosineSimilarityLoss } from './cosineSimilarityLoss';
import type { crossEntropy } from './crossEntropy';
import type { ctcLoss } from './ctcLoss';
import type { diceLoss } from './diceLoss';
import type { focalLoss } from './focalLoss';
import type { gaussianNllLoss } from './gaussianNllLoss';
import type { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import type { hingeLoss } from './hingeLoss';
import type { huberLoss } from './huberLoss';
import type { klDivLoss } from './klDivLoss';
import type { logCoshLoss } from './logCoshLoss';
import type { maeLoss } from './maeLoss';
import type { mapeLoss } from './mapeLoss';
import type { marginRankingLoss } from './marginRankingLoss';
import type { mseLoss } from './mseLoss';
import type { msleLoss } from './msleLoss';
import type { multiLabelMarginLoss } from './multiLabelMarginLoss';
import type { multiLabelSoftMarginLoss } from './multiLabelSoftMarginLoss';
import type { multiMarginLoss } from './multiMarginLoss';
import type { multiclassHingeLoss } from './multiclassHingeLoss';
import type { nllLoss } from './nllLoss';
import type { poissonNllLoss } from './poissonNllLoss';
import type { quantileLoss } from './quantileLoss';
import type { smoothL1Loss } from './smoothL1Loss';
import type { softMarginLoss } from './softMarginLoss';
import type { softmaxCrossEntropy } from './softmaxCrossEntropy';
import type { squaredHingeLoss } from './squaredHingeLoss';
import type { tripletMarginLoss } from './tripletMarginLoss';
import type { tverskyLoss } from './tverskyLoss';
import type { tweedieLoss } from './tweedieLoss';
import type { LossId } from './LossId';

/** Each registry loss's function, by id (a loss added to LossId must be added here). */
export interface LossFnById {
  mse: typeof mseLoss;
  mae: typeof maeLoss;
  huber: typeof huberLoss;
  smoothL1: typeof smoothL1Loss;
  logCosh: typeof logCoshLoss;
  quantile: typeof quantileLoss;
  msle: typeof msleLoss;
  mape: typeof mapeLoss;
  poissonNll: typeof poissonNllLoss;
  gaussianNll: typeof gaussianNllLoss;
  tweedie: typeof tweedieLoss;
  cosineSimilarity: typeof cosineSimilarityLoss;
  bce: typeof bceLoss;
  bceWithLogits: typeof bceWithLogitsLoss;
  softmaxCrossEntropy: typeof softmaxCrossEntropy;
  nll: typeof nllLoss;
  crossEntropy: typeof crossEntropy;
  klDiv: typeof klDivLoss;
  focal: typeof focalLoss;
  hinge: typeof hingeLoss;
  squaredHinge: typeof squaredHingeLoss;
  multiMargin: typeof multiMarginLoss;
  softMargin: typeof softMarginLoss;
  multiLabelSoftMargin: typeof multiLabelSoftMarginLoss;
  multiLabelMargin: typeof multiLabelMarginLoss;
  multiclassHinge: typeof multiclassHingeLoss;
  categoricalHinge: typeof categoricalHingeLoss;
  dice: typeof diceLoss;
  tversky: typeof tverskyLoss;
  ctc: typeof ctcLoss;
  hingeEmbedding: typeof hingeEmbeddingLoss;
  cosineEmbedding: typeof cosineEmbeddingLoss;
  marginRanking: typeof marginRankingLoss;
  tripletMargin: typeof tripletMarginLoss;
}

// LossFnById has exactly the ids of LossId (a constraint error here otherwise).
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type LossFnByIdIsComplete = Check<Exactly<keyof LossFnById, LossId>>;

/** The third parameter of a loss `(pred, target, options?)`; `never` for a loss of other inputs. */
type OptionsParam<F> = F extends (pred: never, target: never, options?: infer O) => unknown
  ? NonNullable<O>
  : never;

/**
 * The options of the loss `L`: `LossOptionsOf<'huber'>` is `HuberLossOptions`; of a union of
 * ids, any of theirs.
 */
export type LossOptionsOf<L extends LossId> = L extends LossId
  ? OptionsParam<LossFnById[L]>
  : never;
