// The public API of @losslab/core: explicit named exports only (tslab reads this file's .d.ts).

export type { FloatArray, Reduction, LossOptions, LossResult } from './types';
export { LosslabError } from './errors';

// Losses
export { mseLoss } from './losses/mseLoss';

// Training
export type { History, Snapshot, StopReason } from './training/History';
export type { Callback, StepInfo } from './training/Callback';

// Optimizers
export type { GradientTransformation, UpdateExtra } from './optim/GradientTransformation';
