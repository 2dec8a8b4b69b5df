// The article's section 4, reproduced: its data, its model with the bias it forgot, its loss and
// its gradient descent with the sign and the 1/n it got wrong corrected. The reference figures
// are the ones published in the project notes (numpy 1.24, np.random.seed(0)).
import { describe, expect, it } from 'vitest';
import { makeArticleData } from '../data/makeArticleData';
import { leastSquares } from '../models/leastSquares';
import { linearRegression } from '../models/linearRegression';
import { sgd } from '../optim/sgd';
import { fit } from './fit';

describe("the article's linear regression (section 4)", () => {
  const data = makeArticleData(); // RandomState(0): X = randn(100, 1), y = 2X + 3 + 0.5 randn

  it('4.1 data: the first rows are numpy seed 0', () => {
    expect(data.n).toBe(100);
    expect(data.x[0]).toBeCloseTo(1.76405235, 8);
    expect(data.y[0]).toBeCloseTo(7.46968004, 8);
  });

  it('4.2-4.5: 1000 full-batch steps of sgd(0.1) on MSE from zeros give the published w, b, MSE', () => {
    const model = linearRegression({ features: 1 }); // 4.2: y = w x + b, from zeros
    const result = fit(model, data, { loss: 'mse', optimizer: sgd(0.1), maxSteps: 1000 });
    const [w, b] = result.params;
    expect(Math.abs(w! - 2.05734922)).toBeLessThan(1e-8);
    expect(Math.abs(b! - 3.03757654)).toBeLessThan(1e-8);
    // 4.6: the evaluation, MSE of the trained model on its data.
    expect(Math.abs(result.loss - 0.26429296)).toBeLessThan(1e-8);
    expect(result.stopReason).toBe('maxSteps');
    expect(result.history.loss.length).toBe(1000);
  });

  it('gradient descent lands on the least-squares solution', () => {
    const model = linearRegression({ features: 1 });
    const { params } = fit(model, data, { optimizer: sgd(0.1), maxSteps: 1000 });
    const beta = leastSquares(data.x, data.y, data.n, 1);
    expect(Math.abs(params[0]! - beta[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(params[1]! - beta[1]!)).toBeLessThan(1e-8);
    expect(Math.abs(beta[0]! - 2.05734922)).toBeLessThan(1e-8);
    expect(Math.abs(beta[1]! - 3.03757654)).toBeLessThan(1e-8);
  });
});
