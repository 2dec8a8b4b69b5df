// A notebook's view of the packages: compiled by tslab's own TypeScript (5.0.4) against the
// built declarations. Every annotation below must hold; an `any` leaking from a .d.ts that 5.0
// cannot read would make the `@ts-expect-error` lines unused, which is an error too.
import {
  adam,
  fit,
  getLoss,
  huberLoss,
  leastSquares,
  linearRegression,
  makeArticleData,
  mseLoss,
  RandomState,
  sgd,
  softmaxCrossEntropy,
} from '@losslab/core';
import type { Dataset, FitResult, History, LossInfo, LossResult, Model } from '@losslab/core';
import { liveLossCurve, lossCurvePayload, plotLosses, progress } from '@losslab/kernel';
import type { LossCurvePayload } from '@losslab/kernel';

const data: Dataset = makeArticleData();
const x0: number = data.x[0] ?? 0;
const rng: RandomState = new RandomState(0);
const draws: Float64Array = rng.randn(3);
const loss: LossResult = mseLoss(new Float64Array([1]), new Float64Array([0]));
const grad: Float64Array | Float32Array = loss.grad;
const huber: number = huberLoss(new Float32Array([1]), new Float32Array([0]), { delta: 1 }).value;
const ce: LossResult = softmaxCrossEntropy(
  new Float64Array([1, 2, 3, 4]),
  new Float64Array([0, 1]),
);
const info: LossInfo = getLoss('mse');
const model: Model = linearRegression({ features: 1 });
const result: FitResult = fit(model, data, {
  loss: 'mse',
  optimizer: sgd(0.1),
  maxSteps: 10,
  callbacks: [liveLossCurve(), progress()],
});
const history: History = result.history;
const params: Float64Array = result.params;
const exact: Float64Array = leastSquares(data.x, data.y, data.n, data.features);
const payload: LossCurvePayload = lossCurvePayload([history]);
plotLosses(history, { logY: true });
fit(model, data, { optimizer: adam(0.01), maxSteps: 5 });

// @ts-expect-error a typed array is not a string
const wrong: string = params;

export { x0, draws, grad, huber, ce, info, exact, payload, wrong };
