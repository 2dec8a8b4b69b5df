import type { BadInputCase } from '../badInputCase';
import { accuracy } from '../metrics/accuracy';
import { meanAbsoluteError } from '../metrics/meanAbsoluteError';
import { meanSquaredError } from '../metrics/meanSquaredError';
import { r2Score } from '../metrics/r2Score';
import { makeArticleData } from './makeArticleData';
import { makeBlobs } from './makeBlobs';
import { makeLinearData } from './makeLinearData';
import { makeLinearDataWithOutliers } from './makeLinearDataWithOutliers';
import { makeMulticlassBlobs } from './makeMulticlassBlobs';
import { RandomState } from './RandomState';

const f64 = (...v: number[]): Float64Array => new Float64Array(v);

export const dataCases: BadInputCase[] = [
  // RandomState
  {
    name: 'RandomState: negative seed',
    run: () => new RandomState(-1),
    message: "RandomState.seed: 'seed' must be an integer between 0 and 2**32 - 1, got -1",
  },
  {
    name: 'RandomState: seed above 2**32 - 1',
    run: () => new RandomState(2 ** 32),
    message: "RandomState.seed: 'seed' must be an integer between 0 and 2**32 - 1, got 4294967296",
  },
  {
    name: 'RandomState: fractional seed',
    run: () => new RandomState(0).seed(1.5),
    message: "RandomState.seed: 'seed' must be an integer between 0 and 2**32 - 1, got 1.5",
  },
  {
    name: 'RandomState.rand: negative dimension',
    run: () => new RandomState(0).rand(3, -1),
    message: "RandomState.rand: 'shape' must hold non-negative integers, got -1",
  },
  {
    name: 'RandomState.randn: fractional dimension',
    run: () => new RandomState(0).randn(2.5),
    message: "RandomState.randn: 'shape' must hold non-negative integers, got 2.5",
  },
  {
    name: 'RandomState.randomSample: NaN size',
    run: () => new RandomState(0).randomSample([2, NaN]),
    message: "RandomState.randomSample: 'size' must hold non-negative integers, got NaN",
  },
  {
    name: 'RandomState.randint: low >= high',
    run: () => new RandomState(0).randint(5, 5, 3),
    message: "RandomState.randint: 'high' must be greater than 'low', got low = 5 and high = 5",
  },
  {
    name: 'RandomState.randint: randint(0) has an empty range',
    run: () => new RandomState(0).randint(0),
    message: "RandomState.randint: 'high' must be greater than 'low', got low = 0 and high = 0",
  },
  {
    name: 'RandomState.randint: fractional bound',
    run: () => new RandomState(0).randint(0.5, 3),
    message:
      "RandomState.randint: 'low' must be an integer between -(2**53 - 1) and 2**53 - 1, got 0.5",
  },
  {
    name: 'RandomState.randint: range above 2**53',
    run: () => new RandomState(0).randint(-(2 ** 53 - 1), 2 ** 53 - 1),
    message:
      "RandomState.randint: 'high' - 'low' must be at most 2**53, got low = -9007199254740991 and high = 9007199254740991",
  },
  {
    name: 'RandomState.normal: negative scale',
    run: () => new RandomState(0).normal(0, -1, 3),
    message: "RandomState.normal: 'scale' must be non-negative, got -1",
  },
  {
    name: 'RandomState.normal: NaN loc',
    run: () => new RandomState(0).normal(NaN, 1),
    message: "RandomState.normal: 'loc' must be a finite number, got NaN",
  },
  {
    name: 'RandomState.uniform: infinite high',
    run: () => new RandomState(0).uniform(0, Infinity, 2),
    message: "RandomState.uniform: 'high' must be a finite number, got Infinity",
  },
  {
    name: 'RandomState.uniform: range overflows',
    run: () => new RandomState(0).uniform(-1e308, 1e308),
    message: "RandomState.uniform: 'high' - 'low' overflows to Infinity",
  },
  {
    name: 'RandomState.shuffle: length not a multiple of rowLength',
    run: () => new RandomState(0).shuffle(f64(1, 2, 3, 4, 5), 2),
    message: "RandomState.shuffle: 'x' has length 5, not a multiple of 'rowLength' 2",
  },
  {
    name: 'RandomState.permutation: negative n',
    run: () => new RandomState(0).permutation(-3),
    message: "RandomState.permutation: 'x' must be a non-negative integer or an array, got -3",
  },
  {
    name: 'RandomState.setState: short key',
    run: () =>
      new RandomState(0).setState({ key: new Uint32Array(10), pos: 0, hasGauss: false, gauss: 0 }),
    message: "RandomState.setState: 'state.key' must hold 624 words",
  },
  // Dataset makers
  {
    name: 'makeArticleData: zero rows',
    run: () => makeArticleData({ n: 0 }),
    message: "makeArticleData: 'n' must be an integer >= 1, got 0",
  },
  {
    name: 'makeArticleData: bad seed',
    run: () => makeArticleData({ seed: -2 }),
    message: "makeArticleData: 'seed' must be an integer between 0 and 2**32 - 1, got -2",
  },
  {
    name: 'makeLinearData: weights of the wrong length',
    run: () => makeLinearData({ features: 3, weights: [1, 2] }),
    message: "makeLinearData: 'weights' must hold 3 numbers, got 2",
  },
  {
    name: 'makeLinearData: NaN weight',
    run: () => makeLinearData({ features: 2, weights: [1, NaN] }),
    message: "makeLinearData: 'weights' has a non-finite value (NaN) at index 1",
  },
  {
    name: 'makeLinearData: negative noise',
    run: () => makeLinearData({ noise: -0.5 }),
    message: "makeLinearData: 'noise' must be a finite number >= 0, got -0.5",
  },
  {
    name: 'makeLinearData: fractional feature count',
    run: () => makeLinearData({ features: 1.5 }),
    message: "makeLinearData: 'features' must be an integer >= 1, got 1.5",
  },
  {
    name: 'makeLinearDataWithOutliers: fraction above 1',
    run: () => makeLinearDataWithOutliers({ outlierFraction: 1.5 }),
    message: "makeLinearDataWithOutliers: 'outlierFraction' must be between 0 and 1, got 1.5",
  },
  {
    name: 'makeLinearDataWithOutliers: infinite scale',
    run: () => makeLinearDataWithOutliers({ outlierScale: Infinity }),
    message: "makeLinearDataWithOutliers: 'outlierScale' must be a finite number, got Infinity",
  },
  {
    name: 'makeMulticlassBlobs: one class',
    run: () => makeMulticlassBlobs({ classes: 1 }),
    message: "makeMulticlassBlobs: 'classes' must be an integer >= 2, got 1",
  },
  {
    name: 'makeMulticlassBlobs: centres of the wrong count',
    run: () => makeMulticlassBlobs({ classes: 3, centers: [[0, 0]] }),
    message: "makeMulticlassBlobs: 'centers' must hold 3 rows of 2 numbers",
  },
  {
    name: 'makeBlobs: a centre of the wrong width',
    run: () => makeBlobs({ centers: [[0, 0], [1]] }),
    message: "makeBlobs: 'centers[1]' must hold 2 numbers, got 1",
  },
  {
    name: 'makeBlobs: negative std',
    run: () => makeBlobs({ std: -1 }),
    message: "makeBlobs: 'std' must be a finite number >= 0, got -1",
  },
  // Metrics
  {
    name: 'meanSquaredError: empty pred',
    run: () => meanSquaredError(f64(), f64()),
    message: "meanSquaredError: 'pred' is empty",
  },
  {
    name: 'meanSquaredError: length mismatch',
    run: () => meanSquaredError(f64(1, 2, 3), f64(1, 2)),
    message: "meanSquaredError: 'target' has length 2 but 'pred' has 3",
  },
  {
    name: 'meanSquaredError: NaN in target',
    run: () => meanSquaredError(f64(1, 2), f64(1, NaN)),
    message: "meanSquaredError: 'target' has a non-finite value (NaN) at index 1",
  },
  {
    name: 'meanAbsoluteError: plain array pred',
    run: () => meanAbsoluteError([1, 2] as unknown as Float64Array, f64(1, 2)),
    message: "meanAbsoluteError: 'pred' must be a Float64Array or Float32Array",
  },
  {
    name: 'meanAbsoluteError: Infinity in pred',
    run: () => meanAbsoluteError(f64(Infinity, 0), f64(1, 2)),
    message: "meanAbsoluteError: 'pred' has a non-finite value (Infinity) at index 0",
  },
  {
    name: 'r2Score: a single sample',
    run: () => r2Score(f64(1), f64(2)),
    message: "r2Score: 'target' needs at least 2 values, got 1",
  },
  {
    name: 'r2Score: empty target',
    run: () => r2Score(f64(1), f64()),
    message: "r2Score: 'target' is empty",
  },
  {
    name: 'accuracy: empty target',
    run: () => accuracy(f64(1), f64()),
    message: "accuracy: 'target' is empty",
  },
  {
    name: 'accuracy: pred length not a multiple of target length',
    run: () => accuracy(f64(1, 2, 3), f64(0, 1)),
    message:
      "accuracy: 'pred' has length 3, neither the length of 'target' (2) nor a multiple of it",
  },
  {
    name: 'accuracy: class index out of range',
    run: () => accuracy(f64(1, 2, 3, 4), f64(0, 2), { classes: 2 }),
    message: "accuracy: 'target' must hold a class index in [0, 1], got 2 at index 1",
  },
  {
    name: 'accuracy: non-binary target for probabilities',
    run: () => accuracy(f64(0.2, 0.7), f64(0, 3)),
    message: "accuracy: 'target' must hold a class index in [0, 1], got 3 at index 1",
  },
  {
    name: 'accuracy: fractional target',
    run: () => accuracy(f64(0, 1), f64(0, 0.5)),
    message: "accuracy: 'target' must hold a non-negative integer class index, got 0.5 at index 1",
  },
  {
    name: 'accuracy: NaN score',
    run: () => accuracy(f64(NaN, 1), f64(0, 1)),
    message: "accuracy: 'pred' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'accuracy: classes of 1',
    run: () => accuracy(f64(1, 2), f64(0, 1), { classes: 1 }),
    message: "accuracy: 'classes' must be an integer >= 2, got 1",
  },
  {
    name: 'makeArticleData: a misspelt option',
    run: () => makeArticleData({ seeed: 1 } as never),
    message:
      "makeArticleData: unknown option 'seeed' (did you mean 'seed'? valid options: n, seed)",
  },
  {
    name: 'makeLinearData: a misspelt option',
    run: () => makeLinearData({ noize: 0.1 } as never),
    message:
      "makeLinearData: unknown option 'noize' (did you mean 'noise'? valid options: n, features, weights, bias, noise, seed)",
  },
  {
    name: 'makeLinearDataWithOutliers: a misspelt option',
    run: () => makeLinearDataWithOutliers({ outlierFrac: 0.2 } as never),
    message:
      "makeLinearDataWithOutliers: unknown option 'outlierFrac' (valid options: n, features, weights, bias, noise, seed, outlierFraction, outlierScale)",
  },
  {
    name: 'makeBlobs: a key of makeMulticlassBlobs only',
    run: () => makeBlobs({ classes: 3 } as never),
    message: "makeBlobs: unknown option 'classes' (valid options: n, features, centers, std, seed)",
  },
  {
    name: 'makeMulticlassBlobs: a misspelt option',
    run: () => makeMulticlassBlobs({ clases: 3 } as never),
    message:
      "makeMulticlassBlobs: unknown option 'clases' (did you mean 'classes'? valid options: n, features, centers, std, seed, classes)",
  },
];
