// A notebook's view of the packages: compiled by tslab's own TypeScript (5.0.4) against the
// built declarations. Every annotation below must hold; an `any` leaking from a .d.ts that 5.0
// cannot read would make the `@ts-expect-error` lines unused, which is an error too.
import {
  adam,
  cosineDecaySchedule,
  fit,
  getLoss,
  huberLoss,
  leastSquares,
  linearRegression,
  makeArticleData,
  makeBlobs,
  mseLoss,
  RandomState,
  sgd,
  softmaxCrossEntropy,
} from '@losslab/core';
import type {
  Dataset,
  FitResult,
  History,
  LossId,
  LossInfo,
  LossResult,
  Model,
} from '@losslab/core';
import {
  historyTable,
  liveLossCurve,
  lossCurvePayload,
  lossShapes,
  lossSurface,
  plotLosses,
  progress,
  showFormula,
} from '@losslab/kernel';
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
// In the model's precision since float32 training (a float64 model's are a Float64Array).
const params: Float64Array | Float32Array = result.params;
const exact: Float64Array = leastSquares(data.x, data.y, data.n, data.features);
const payload: LossCurvePayload = lossCurvePayload([history]);
plotLosses(history, { logY: true });
fit(model, data, { optimizer: adam(0.01), maxSteps: 5 });

// @ts-expect-error a typed array is not a string
const wrong: string = params;

// Typos a learner makes, flagged before the cell runs (each line below must be a type error).
const id: LossId = 'huber';
// @ts-expect-error 'mes' is not a loss id
fit(model, data, { loss: 'mes', optimizer: sgd(0.1) });
// @ts-expect-error 'maxStep' is not an option of fit (maxSteps)
fit(model, data, { optimizer: sgd(0.1), maxStep: 3 });
// @ts-expect-error 'delt' is not an option of the Huber loss (delta)
fit(model, data, { loss: 'huber', lossOptions: { delt: 1 }, optimizer: sgd(0.1) });
fit(model, data, { loss: 'huber', lossOptions: { delta: 1 }, optimizer: sgd(0.1) });
for (const each of ['mse', 'mae', 'huber'] as const) {
  fit(model, data, { loss: each, lossOptions: { reduction: 'sum' }, optimizer: sgd(0.1) });
}
fit(model, data, { lossOptions: { reduction: 'sum' }, optimizer: sgd(0.1) });
fit(model, data, { loss: mseLoss, lossOptions: { anything: 1 }, optimizer: sgd(0.1) });
// @ts-expect-error 'patiense' is not an early-stopping option
fit(model, data, { optimizer: sgd(0.1), earlyStopping: { patiense: 3 } });
// @ts-expect-error 'redution' is not a loss option
huberLoss(new Float64Array([1]), new Float64Array([0]), { redution: 'sum' });
// @ts-expect-error 'init' is not an option of cosineDecaySchedule (initLr)
cosineDecaySchedule({ init: 0.1, decaySteps: 100 });
// @ts-expect-error 'feature' is not a model option (features)
linearRegression({ feature: 1 });
// @ts-expect-error makeBlobs has no 'classes' (makeMulticlassBlobs has)
makeBlobs({ classes: 3 });
// @ts-expect-error 'logy' is not a chart option (logY)
plotLosses(history, { logy: true });
// @ts-expect-error 'throttle' is not an option of liveLossCurve (throttleMs)
liveLossCurve({ throttle: 100 });
// @ts-expect-error 'hubber' is not a loss id
showFormula('hubber');
// @ts-expect-error 'maee' is not a loss id
lossShapes(['mse', 'maee']);
// @ts-expect-error 'xrange' is not an option of lossSurface (xRange)
lossSurface((w: number, b: number) => w * w + b * b, { xrange: [0, 1] });
// @ts-expect-error 'row' is not an option of historyTable (rows)
historyTable(history, { row: 3 });
showFormula(id);

export { x0, draws, grad, huber, ce, info, exact, payload, wrong, id };
