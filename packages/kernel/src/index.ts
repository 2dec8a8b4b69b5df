// The public API of @losslab/kernel: explicit named exports only (tslab reads this file's .d.ts).

export { LOSS_CURVE_MIME } from './payload';
export type { LossCurvePayload, CurveRun, CurvePoint, CurveOptions } from './payload';
