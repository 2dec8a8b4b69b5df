import type { BadInputCase } from '../badInputCase';
import { makeArticleData } from '../data/makeArticleData';
import { leastSquares } from '../models/leastSquares';
import { linearRegression } from '../models/linearRegression';
import { logisticRegression } from '../models/logisticRegression';
import { mlp } from '../models/mlp';
import { modelGradCheck } from '../models/modelGradCheck';
import { mseLoss } from '../losses/mseLoss';
import type { MlpOptions } from '../models/mlp';
import { softmaxRegression } from '../models/softmaxRegression';
import { sgd } from '../optim/sgd';
import type { GradientTransformation } from '../optim/GradientTransformation';
import { fit } from './fit';

const data = makeArticleData();
const lin = (): ReturnType<typeof linearRegression> => linearRegression({ features: 1 });
const twoFeatures = { x: new Float64Array(8), y: new Float64Array(4), n: 4, features: 2 };

export const trainingCases: BadInputCase[] = [
  {
    name: 'fit: starting params of the wrong length',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), params: new Float64Array(3) }),
    message: "fit: 'params' has length 3 but model 'linearRegression' has 2 parameters",
  },
  {
    name: 'model.forward: params replaced by an array of the wrong length',
    run: () => {
      const m = lin();
      m.params = new Float64Array(5);
      return m.forward(data.x, data.n);
    },
    message: "linearRegression.forward: 'params' has length 5 but the model has 2 parameters",
  },
  {
    name: 'fit: batch size larger than the data',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), batchSize: 101 }),
    message: "fit: 'batchSize' is 101 but the data has only 100 rows",
  },
  {
    name: 'fit: batch size not an integer',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), batchSize: 2.5 }),
    message: "fit: 'batchSize' must be a positive integer, got 2.5",
  },
  {
    name: 'fit: batch size zero',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), batchSize: 0 }),
    message: "fit: 'batchSize' must be a positive integer, got 0",
  },
  {
    name: 'fit: NaN in the inputs',
    run: () => {
      const x = data.x.slice();
      x[7] = NaN;
      return fit(lin(), { ...data, x }, { optimizer: sgd(0.1) });
    },
    message: "fit: 'data.x' has a non-finite value (NaN) at index 7",
  },
  {
    name: 'fit: Infinity in the validation targets',
    run: () => {
      const y = data.y.slice();
      y[3] = Infinity;
      return fit(lin(), data, { optimizer: sgd(0.1), validation: { ...data, y } });
    },
    message: "fit: 'validation.y' has a non-finite value (Infinity) at index 3",
  },
  {
    name: 'fit: softmax regression with a regression loss',
    run: () =>
      fit(softmaxRegression({ features: 2, classes: 3 }), twoFeatures, {
        loss: 'mse',
        optimizer: sgd(0.1),
      }),
    message:
      "fit: loss 'mse' is a regression loss, but model 'softmaxRegression' outputs class logits; use a classification loss such as 'softmaxCrossEntropy'",
  },
  {
    name: 'fit: logistic regression (logits) with bce (probabilities)',
    run: () =>
      fit(logisticRegression({ features: 2 }), twoFeatures, { loss: 'bce', optimizer: sgd(0.1) }),
    message:
      "fit: loss 'bce' takes predictions that are a probability, but model 'logisticRegression' outputs unbounded logits; use a loss on logits such as 'bceWithLogits'",
  },
  {
    name: 'fit: linear regression with nll (log-probabilities)',
    run: () => fit(lin(), data, { loss: 'nll', optimizer: sgd(0.1) }),
    message:
      "fit: loss 'nll' takes predictions that are a log-probability, but model 'linearRegression' outputs unbounded real values; use a loss on logits such as 'bceWithLogits'",
  },
  {
    name: 'fit: unknown loss id',
    // A typo in a loss id is a type error (LossId); plain JavaScript still gets this message.
    run: () => fit(lin(), data, { loss: 'mse2' as never, optimizer: sgd(0.1) }),
    message:
      "fit: unknown loss 'mse2' (expected one of 'mse', 'mae', 'huber', 'smoothL1', 'logCosh', 'quantile', 'msle', 'mape', 'poissonNll', 'gaussianNll', 'tweedie', 'cosineSimilarity', 'bce', 'bceWithLogits', 'softmaxCrossEntropy', 'nll', 'crossEntropy', 'klDiv', 'focal', 'hinge', 'squaredHinge', 'multiMargin', 'softMargin', 'multiLabelSoftMargin', 'multiLabelMargin', 'multiclassHinge', 'categoricalHinge', 'dice', 'tversky', 'ctc', 'hingeEmbedding', 'cosineEmbedding', 'marginRanking', 'tripletMargin')",
  },
  {
    name: 'fit: a misspelt option',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), maxStep: 3 } as never),
    message:
      "fit: unknown option 'maxStep' (did you mean 'maxSteps'? valid options: optimizer, loss, lossOptions, maxSteps, threshold, batchSize, seed, snapshotEvery, validation, validationEvery, earlyStopping, divergenceFactor, callbacks, name, params, state, historyLimit, metrics, recordTime)",
  },
  {
    name: 'fit: a misspelt early-stopping option',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), earlyStopping: { patiense: 3 } } as never),
    message:
      "fit: unknown key 'patiense' in 'earlyStopping' (did you mean 'patience'? valid keys: patience, minDelta, restoreBest)",
  },
  {
    name: 'fit: no optimizer',
    run: () => fit(lin(), data, {} as { optimizer: GradientTransformation }),
    message: "fit: 'optimizer' must be a GradientTransformation such as sgd(0.1)",
  },
  {
    name: 'fit: data with more features than the model takes',
    run: () => fit(lin(), twoFeatures, { optimizer: sgd(0.1) }),
    message: "fit: 'data' has 2 features but model 'linearRegression' takes 1",
  },
  {
    name: 'fit: targets that are neither one per row nor one per output',
    run: () => fit(lin(), { ...data, y: new Float64Array(99) }, { optimizer: sgd(0.1) }),
    message: "fit: 'data.y' has length 99 but 100 rows need 100 targets",
  },
  {
    name: 'fit: maxSteps zero',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), maxSteps: 0 }),
    message: "fit: 'maxSteps' must be a positive integer, got 0",
  },
  {
    name: 'fit: early stopping without patience',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), earlyStopping: {} as { patience: number } }),
    message: "fit: 'earlyStopping.patience' must be a positive integer, got undefined",
  },
  {
    name: 'fit: divergence factor not above 1',
    run: () => fit(lin(), data, { optimizer: sgd(0.1), divergenceFactor: 0.5 }),
    message: "fit: 'divergenceFactor' must be a number > 1 (Infinity to disable), got 0.5",
  },
  {
    name: 'linearRegression: features missing',
    run: () => linearRegression({} as { features: number }),
    message: "linearRegression: 'features' must be a positive integer, got undefined",
  },
  {
    name: 'softmaxRegression: one class',
    run: () => softmaxRegression({ features: 2, classes: 1 }),
    message: "softmaxRegression: 'classes' must be at least 2, got 1",
  },
  {
    name: 'mlp: unknown activation',
    run: () => mlp({ layers: [1, 4, 1], activation: 'gelu' } as unknown as MlpOptions),
    message: "mlp: unknown activation 'gelu' (expected 'tanh', 'relu' or 'sigmoid')",
  },
  {
    name: 'mlp: a width that is not a positive integer',
    run: () => mlp({ layers: [1, 0, 1] }),
    message: "mlp: 'layers[1]' must be a positive integer, got 0",
  },
  {
    name: 'model.forward: x too short for n rows',
    run: () => lin().forward(new Float64Array(3), 4),
    message: "linearRegression.forward: 'x' has length 3 but 4 rows of 1 features need 4",
  },
  {
    name: 'model.backward: gradParams of the wrong length',
    run: () => lin().backward(data.x, data.n, new Float64Array(100), new Float64Array(3)),
    message:
      "linearRegression.backward: 'gradParams' must be a Float64Array or Float32Array of length 2, the number of parameters",
  },
  {
    name: "leastSquares: a duplicated feature (X'X singular)",
    run: () =>
      leastSquares(new Float64Array([1, 1, 2, 2, 3, 3]), new Float64Array([1, 2, 4]), 3, 2),
    message:
      "leastSquares: X'X is singular: feature 1 is a linear combination of the columns before it (constant or duplicated feature?)",
  },
  {
    name: 'leastSquares: fewer rows than unknowns',
    run: () => leastSquares(new Float64Array([1, 2]), new Float64Array([1]), 1, 2),
    message:
      "leastSquares: 1 rows cannot determine 3 unknowns (2 weights and a bias): X'X is singular",
  },
  {
    name: 'linearRegression: a misspelt option',
    run: () => linearRegression({ feature: 1 } as never),
    message:
      "linearRegression: unknown option 'feature' (did you mean 'features'? valid options: features, init, seed, dtype)",
  },
  {
    name: 'logisticRegression: an option of another model',
    run: () => logisticRegression({ features: 2, classes: 2 } as never),
    message:
      "logisticRegression: unknown option 'classes' (valid options: features, init, seed, dtype)",
  },
  {
    name: 'softmaxRegression: a misspelt option',
    run: () => softmaxRegression({ features: 2, classes: 3, int: 'uniform' } as never),
    message:
      "softmaxRegression: unknown option 'int' (did you mean 'init'? valid options: features, init, seed, dtype, classes)",
  },
  {
    name: 'mlp: a misspelt option',
    run: () => mlp({ layers: [1, 4, 1], activaton: 'relu' } as never),
    message:
      "mlp: unknown option 'activaton' (did you mean 'activation'? valid options: layers, activation, output, seed)",
  },
  {
    name: 'modelGradCheck: a misspelt option',
    run: () => modelGradCheck(lin(), data.x, data.n, mseLoss, data.y, { lossOptons: {} } as never),
    message:
      "modelGradCheck: unknown option 'lossOptons' (did you mean 'lossOptions'? valid options: h, floor, lossOptions)",
  },
];
