// The public API of @losslab/core: explicit named exports only (tslab reads this file's .d.ts).

export type { FloatArray, Reduction, LossOptions, LossResult } from './types';
export { LosslabError } from './errors';

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

// Training
export type { History, Snapshot, StopReason } from './training/History';
export type { Callback, StepInfo } from './training/Callback';

// Optimizers
export type { GradientTransformation, UpdateExtra } from './optim/GradientTransformation';
