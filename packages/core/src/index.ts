// The public API of @losslab/core: explicit named exports only (tslab reads this file's .d.ts).

export type { FloatArray, Reduction, LossOptions, LossResult } from './types';
export { LosslabError } from './errors';
export { checkOptions } from './checkOptions';

// Losses
export { mseLoss } from './losses/mseLoss';
export { maeLoss } from './losses/maeLoss';
export { huberLoss } from './losses/huberLoss';
export type { HuberLossOptions } from './losses/huberLoss';
export { smoothL1Loss } from './losses/smoothL1Loss';
export type { SmoothL1LossOptions } from './losses/smoothL1Loss';
export { logCoshLoss } from './losses/logCoshLoss';
export { quantileLoss } from './losses/quantileLoss';
export type { QuantileLossOptions } from './losses/quantileLoss';
export { msleLoss } from './losses/msleLoss';
export { mapeLoss } from './losses/mapeLoss';
export { poissonNllLoss } from './losses/poissonNllLoss';
export type { PoissonNllLossOptions } from './losses/poissonNllLoss';
export { gaussianNllLoss } from './losses/gaussianNllLoss';
export type { GaussianNllLossOptions } from './losses/gaussianNllLoss';
export { bceLoss } from './losses/bceLoss';
export { bceWithLogitsLoss } from './losses/bceWithLogitsLoss';
export type { BceWithLogitsLossOptions } from './losses/bceWithLogitsLoss';
export { softmaxCrossEntropy } from './losses/softmaxCrossEntropy';
export type { SoftmaxCrossEntropyOptions } from './losses/softmaxCrossEntropy';
export { nllLoss } from './losses/nllLoss';
export type { NllLossOptions } from './losses/nllLoss';
export { crossEntropy } from './losses/crossEntropy';
export type { CrossEntropyOptions } from './losses/crossEntropy';
export { klDivLoss } from './losses/klDivLoss';
export type { KlDivLossOptions } from './losses/klDivLoss';
export { focalLoss } from './losses/focalLoss';
export type { FocalLossOptions } from './losses/focalLoss';
export { hingeLoss } from './losses/hingeLoss';
export type { HingeLossOptions } from './losses/hingeLoss';
export { squaredHingeLoss } from './losses/squaredHingeLoss';
export { multiMarginLoss } from './losses/multiMarginLoss';
export type { MultiMarginLossOptions } from './losses/multiMarginLoss';
export { losses, getLoss } from './losses/registry';
export type { LossFn, LossInfo } from './losses/registry';
export { gradCheck } from './gradCheck';
export type { GradCheckOptions, GradCheckResult } from './gradCheck';

// Data
export { RandomState } from './data/RandomState';
export type { RandomStateState, Shuffleable, Size } from './data/RandomState';
export type { Dataset } from './data/Dataset';
export { makeArticleData } from './data/makeArticleData';
export type { ArticleDataOptions } from './data/makeArticleData';
export { makeLinearData } from './data/makeLinearData';
export type { LinearDataOptions, LinearDataset } from './data/makeLinearData';
export { makeLinearDataWithOutliers } from './data/makeLinearDataWithOutliers';
export type { OutlierDataOptions, OutlierDataset } from './data/makeLinearDataWithOutliers';
export { makeBlobs } from './data/makeBlobs';
export type { BlobsOptions } from './data/makeBlobs';
export { makeMulticlassBlobs } from './data/makeMulticlassBlobs';
export type { BlobsDataset, MulticlassBlobsOptions } from './data/makeMulticlassBlobs';

// Models
export type { Model } from './models/Model';
export { linearRegression } from './models/linearRegression';
export type { LinearRegressionOptions } from './models/linearRegression';
export type { LinearInitOptions } from './models/AffineModel';
export { logisticRegression } from './models/logisticRegression';
export type { LogisticRegressionOptions } from './models/logisticRegression';
export { softmaxRegression } from './models/softmaxRegression';
export type { SoftmaxRegressionOptions } from './models/softmaxRegression';
export { mlp } from './models/mlp';
export type { Activation, LayerGradTrace, LayerTrace, Mlp, MlpOptions } from './models/mlp';
export { leastSquares } from './models/leastSquares';
export { modelGradCheck } from './models/modelGradCheck';
export type { ModelGradCheckOptions } from './models/modelGradCheck';

// Metrics
export { meanSquaredError } from './metrics/meanSquaredError';
export { meanAbsoluteError } from './metrics/meanAbsoluteError';
export { r2Score } from './metrics/r2Score';
export { accuracy } from './metrics/accuracy';
export type { AccuracyOptions } from './metrics/accuracy';

// Training
export type { History, Snapshot, StopReason } from './training/History';
export type { Callback, StepInfo } from './training/Callback';
export { fit } from './training/fit';
export type { EarlyStoppingOptions, FitOptions, FitResult } from './training/fit';

// Optimizers
export type { GradientTransformation, UpdateExtra } from './optim/GradientTransformation';
export type { Schedule, LearningRate } from './optim/Schedule';
export { chain } from './optim/chain';
export type { ChainState } from './optim/chain';
export { applyUpdates } from './optim/applyUpdates';
export { cloneState } from './optim/cloneState';
export { scaleByLearningRate } from './optim/scaleByLearningRate';
export type { ScaleByLearningRateState } from './optim/scaleByLearningRate';
export { scaleByAdam } from './optim/scaleByAdam';
export type { ScaleByAdamOptions, ScaleByAdamState } from './optim/scaleByAdam';
export { traceMomentum } from './optim/traceMomentum';
export type { TraceMomentumOptions, TraceMomentumState } from './optim/traceMomentum';
export { scaleByRms } from './optim/scaleByRms';
export type { ScaleByRmsOptions, ScaleByRmsState } from './optim/scaleByRms';
export { scaleByAdagrad } from './optim/scaleByAdagrad';
export type { ScaleByAdagradOptions, ScaleByAdagradState } from './optim/scaleByAdagrad';
export { scaleByNadam } from './optim/scaleByNadam';
export type { ScaleByNadamOptions, ScaleByNadamState } from './optim/scaleByNadam';
export { scaleByAdamax } from './optim/scaleByAdamax';
export type { ScaleByAdamaxOptions, ScaleByAdamaxState } from './optim/scaleByAdamax';
export { scaleByLion } from './optim/scaleByLion';
export type { ScaleByLionOptions, ScaleByLionState } from './optim/scaleByLion';
export { addWeightDecay } from './optim/addWeightDecay';
export type { WeightDecayState } from './optim/addWeightDecay';
export { addDecayedWeights } from './optim/addDecayedWeights';
export { clipByValue } from './optim/clipByValue';
export type { ClipByValueState } from './optim/clipByValue';
export { clipByGlobalNorm } from './optim/clipByGlobalNorm';
export type { ClipByGlobalNormState } from './optim/clipByGlobalNorm';
export { sgd } from './optim/sgd';
export type { SgdOptions } from './optim/sgd';
export { adagrad } from './optim/adagrad';
export type { AdagradOptions } from './optim/adagrad';
export { rmsprop } from './optim/rmsprop';
export type { RmspropOptions } from './optim/rmsprop';
export { adam } from './optim/adam';
export type { AdamOptions } from './optim/adam';
export { adamw } from './optim/adamw';
export type { AdamwOptions } from './optim/adamw';
export { nadam } from './optim/nadam';
export type { NadamOptions } from './optim/nadam';
export { adamax } from './optim/adamax';
export type { AdamaxOptions } from './optim/adamax';
export { lion } from './optim/lion';
export type { LionOptions } from './optim/lion';
export { constantSchedule } from './optim/constantSchedule';
export { stepSchedule } from './optim/stepSchedule';
export type { StepScheduleOptions } from './optim/stepSchedule';
export { exponentialSchedule } from './optim/exponentialSchedule';
export type { ExponentialScheduleOptions } from './optim/exponentialSchedule';
export { cosineDecaySchedule } from './optim/cosineDecaySchedule';
export type { CosineDecayScheduleOptions } from './optim/cosineDecaySchedule';
export { linearWarmupSchedule } from './optim/linearWarmupSchedule';
export type { LinearWarmupScheduleOptions } from './optim/linearWarmupSchedule';
export { reduceOnPlateau } from './optim/reduceOnPlateau';
export type { ReduceOnPlateauOptions, ReduceOnPlateauState } from './optim/reduceOnPlateau';
