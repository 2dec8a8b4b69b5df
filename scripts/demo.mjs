#!/usr/bin/env node
// The terminal demo: the article's section 4 with @losslab/core (built: packages/core/lib).
// A few losses on the article's data, then its linear regression trained by gradient descent
// with a one-line progress display, and the result next to closed-form least squares.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../packages/core/lib/index.js');

const STEPS = 1000;
const LR = 0.1;

const data = core.makeArticleData(); // np.random.seed(0); X = randn(100, 1); y = 2X + 3 + 0.5 randn
const f = (v, digits = 8) => v.toFixed(digits);

console.log(`The article's data: ${data.n} points, y = 2x + 3 + noise`);
console.log(`  x[0..3] = ${Array.from(data.x.subarray(0, 3), (v) => f(v)).join(', ')}`);
console.log(`  y[0..3] = ${Array.from(data.y.subarray(0, 3), (v) => f(v)).join(', ')}\n`);

// How each loss rates the model before training (w = b = 0) and the true line (w = 2, b = 3).
const model = core.linearRegression({ features: 1 });
const atZero = model.forward(data.x, data.n);
model.params.set([2, 3]);
const atTruth = model.forward(data.x, data.n);
model.params.fill(0);
console.log(`  ${'loss'.padEnd(20)} w=0, b=0   w=2, b=3`);
for (const id of ['mse', 'mae', 'huber', 'logCosh']) {
  const { fn, name } = core.getLoss(id);
  const a = fn(atZero, data.y).value;
  const b = fn(atTruth, data.y).value;
  console.log(`  ${name.padEnd(20)} ${f(a, 4).padStart(8)}   ${f(b, 4).padStart(8)}`);
}
console.log('');

/**
 * A callback drawing one progress line: rewritten in place with \r on a terminal, at most ten
 * times a second; elsewhere (a log, CI) one line every 10% of the run.
 */
function progressLine() {
  const tty = process.stdout.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  const line = (info) => {
    const width = 24;
    const done = Math.round((width * info.step) / info.maxSteps);
    const bar = '#'.repeat(done) + '-'.repeat(width - done);
    const [w, b] = model.params;
    return `  step ${String(info.step).padStart(4)}/${info.maxSteps} [${bar}] loss ${f(info.loss, 6)}  w ${f(w, 4)}  b ${f(b, 4)}`;
  };
  return {
    onStep(info) {
      const last = info.step === info.maxSteps;
      if (tty) {
        const now = Date.now();
        if (last || now - lastDraw >= 100) {
          lastDraw = now;
          process.stdout.write(`\r${line(info)}`);
        }
      } else {
        const tenth = Math.floor((10 * info.step) / info.maxSteps);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          console.log(line(info));
        }
      }
    },
    onEnd() {
      if (tty) {
        process.stdout.write('\n');
      }
    },
  };
}

console.log(`Gradient descent: MSE, sgd(${LR}), ${STEPS} full-batch steps from w = b = 0`);
const result = core.fit(model, data, {
  loss: 'mse',
  optimizer: core.sgd(LR),
  maxSteps: STEPS,
  callbacks: [progressLine()],
});
const [w, b] = result.params;
const [lsW, lsB] = core.leastSquares(data.x, data.y, data.n, 1);
const mse = core.meanSquaredError(model.forward(data.x, data.n), data.y);

console.log(`\n  ${result.stopMessage}`);
console.log(`  gradient descent: w = ${f(w)}, b = ${f(b)}, MSE = ${f(mse)}`);
console.log(`  least squares:    w = ${f(lsW)}, b = ${f(lsB)}`);
console.log('  (the article reports w = 2.05734922, b = 3.03757654, MSE = 0.26429296)');
