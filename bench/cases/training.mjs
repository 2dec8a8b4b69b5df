// Training cases: 100 full-batch gradient-descent steps of the article's linear regression
// (y = w x + b, MSE, learning rate 0.1) on n = 1e6 rows, in float64 and float32, four ways on the
// same data (RandomState(0), numpy's legacy generator, on every side): core's `fit`, a naive
// TypeScript loop over plain arrays, idiomatic numpy (`X @ w`, `X.T @ r`) and idiomatic PyTorch
// (nn.Linear, MSELoss, autograd, torch.optim.SGD; bench/torch.mjs), whose final w and b are
// compared in the PyTorch table.
//
// Two more rows measure what `fit` itself costs, with an empty `onStep` callback listening:
// there the "naive" column is a hand-written loop of the same steps, so "core vs naive" below
// 1.0x is fit's overhead (target: at most 5%, i.e. >= 0.95x).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../../packages/core/lib/index.js');
// Internal: the fused kernel fit uses for linear regression with MSE, for the overhead row.
const { affineMseStep } = require('../../packages/core/lib/models/affine.js');

const N = 1e6;
const STEPS = 100;
const LR = 0.1;

let data = null;
let data32 = null;

/** The article's data at scale: x ~ N(0, 1), y = 2x + 3 + 0.5 N(0, 1), from RandomState(0). */
function makeData() {
  const rng = new core.RandomState(0);
  const x = rng.randn(N);
  const noise = rng.randn(N);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    y[i] = 2 * x[i] + 3 + 0.5 * noise[i];
  }
  return { x, y, n: N, features: 1 };
}

function setup() {
  data = makeData();
  data32 = { x: Float32Array.from(data.x), y: Float32Array.from(data.y), n: N, features: 1 };
}

function teardown() {
  data = data32 = null;
}

const emptyCallback = { onStep() {} };

function fitCore(loss, callbacks, dtype = 'float64') {
  const model = core.linearRegression({ features: 1, dtype });
  return core.fit(model, dtype === 'float32' ? data32 : data, {
    loss,
    optimizer: core.sgd(LR),
    maxSteps: STEPS,
    callbacks,
  });
}

// What a first TypeScript version looks like: number arrays, a fresh array per quantity per
// step, one loop per formula.
function naiveLoop() {
  const xs = Array.from(data.x);
  const ys = Array.from(data.y);
  const n = xs.length;
  let w = 0;
  let b = 0;
  for (let s = 0; s < STEPS; s++) {
    const pred = [];
    for (let i = 0; i < n; i++) {
      pred.push(w * xs[i] + b);
    }
    const err = [];
    for (let i = 0; i < n; i++) {
      err.push(pred[i] - ys[i]);
    }
    let gw = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      gw += (2 / n) * err[i] * xs[i];
      gb += (2 / n) * err[i];
    }
    w -= LR * gw;
    b -= LR * gb;
  }
  return [w, b];
}

// The same steps as fit's fused MSE path by hand: the same one-pass kernel fit calls, then the
// SGD update inline. No history, no checks, no callbacks: what fit adds is the difference.
function handFusedLoop() {
  const { x, y, n } = data;
  const params = new Float64Array(2);
  const grads = new Float64Array(2);
  let loss = 0;
  for (let s = 0; s < STEPS; s++) {
    loss = affineMseStep(params, 1, x, y, n, grads);
    params[0] -= LR * grads[0];
    params[1] -= LR * grads[1];
  }
  return loss;
}

// The same steps as fit's generic path (any loss): forward, loss, backward, optimizer update,
// with core's own functions and reused buffers, minus everything fit adds around them.
function handGenericLoop() {
  const { x, y, n } = data;
  const model = core.linearRegression({ features: 1 });
  const opt = core.sgd(LR);
  let state = opt.init(model.params);
  const pred = new Float64Array(n);
  const grads = new Float64Array(2);
  const lossOptions = { out: { grad: new Float64Array(n) } };
  let loss = 0;
  for (let s = 0; s < STEPS; s++) {
    model.forward(x, n, pred);
    const r = core.huberLoss(pred, y, lossOptions);
    loss = r.value;
    model.backward(x, n, r.grad, grads);
    const [updates, next] = opt.update(grads, state, model.params);
    core.applyUpdates(model.params, updates);
    state = next;
  }
  return loss;
}

const numpySetup = (dtype) =>
  [
    `n = ${N}`,
    'rs = np.random.RandomState(0)',
    'X64 = rs.randn(n, 1)',
    'y64 = 2 * X64[:, 0] + 3 + 0.5 * rs.randn(n)',
    // The float64 data rounded, as the Node side's Float32Array.from does.
    `X = X64.astype(np.${dtype})`,
    `y = y64.astype(np.${dtype})`,
  ].join('\n');

// Idiomatic numpy for the article's corrected gradient descent, with (n, 1) X as in the article.
const numpySteps = (dtype) => [
  `w = np.zeros(1, np.${dtype})`,
  `b = np.${dtype}(0)`,
  `for _ in range(${STEPS}):`,
  '    r = X @ w + b - y',
  `    w -= np.${dtype}(${LR} * 2 / n) * (X.T @ r)`,
  `    b -= np.${dtype}(${LR} * 2 / n) * r.sum()`,
];

// Idiomatic PyTorch: the model, the loss and the optimizer from the library, autograd for the
// gradient, one thread.
const torchSetup = (dtype) =>
  [
    numpySetup(dtype),
    'Xt = torch.from_numpy(X)',
    'yt = torch.from_numpy(y).reshape(-1, 1)',
    'def train():',
    `    model = torch.nn.Linear(1, 1).to(torch.${dtype})`,
    '    with torch.no_grad():',
    '        model.weight.zero_()',
    '        model.bias.zero_()',
    `    opt = torch.optim.SGD(model.parameters(), lr=${LR})`,
    `    for _ in range(${STEPS}):`,
    '        opt.zero_grad()',
    '        loss = torch.nn.functional.mse_loss(model(Xt), yt)',
    '        loss.backward()',
    '        opt.step()',
    '    return model',
  ].join('\n');

function fitCase(dtype) {
  return {
    group: 'training',
    name: `linear regression, ${STEPS} full-batch GD steps, n=1e6 ${dtype} (fit)`,
    size: N,
    setup,
    teardown,
    core: () => fitCore('mse', [], dtype),
    naive: naiveLoop,
    numpy: { setup: numpySetup(dtype), stmt: numpySteps(dtype).join('\n') },
    torch: { setup: torchSetup(dtype), stmt: 'train()' },
    tolerance: dtype === 'float32' ? 1e-5 : 1e-10,
    check() {
      return { core: Array.from(fitCore('mse', [], dtype).params), naive: naiveLoop() };
    },
    pyChecks: {
      numpy: [numpySetup(dtype), ...numpySteps(dtype), 'value = [w[0], b]'].join('\n'),
      torch: [torchSetup(dtype), 'm = train()', 'value = [m.weight.item(), m.bias.item()]'].join(
        '\n',
      ),
    },
  };
}

export const cases = [
  fitCase('float64'),
  fitCase('float32'),
  {
    group: 'training overhead',
    name: `fit(mse) + empty onStep vs hand-written fused loop (naive column), ${STEPS} steps n=1e6`,
    size: N,
    setup,
    teardown,
    core: () => fitCore('mse', [emptyCallback]),
    naive: handFusedLoop,
  },
  {
    group: 'training overhead',
    name: `fit(huber) + empty onStep vs hand-written forward/loss/backward/update (naive column), ${STEPS} steps n=1e6`,
    size: N,
    setup,
    teardown,
    core: () => fitCore('huber', [emptyCallback]),
    naive: handGenericLoop,
  },
];
