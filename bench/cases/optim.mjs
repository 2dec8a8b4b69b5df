// Optimizer cases: one Adam step (update + applyUpdates) on 1e6 and 1e7 float64 parameters,
// against a naive TypeScript version (plain arrays, one map per moment) and idiomatic numpy
// (the textbook update, written as the PyTorch docs state it).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../../packages/core/lib/index.js');

/** Deterministic data in [-2, 2) (a small LCG, as in losses.mjs). */
function fill(arr, seed) {
  let s = seed >>> 0;
  for (let i = 0; i < arr.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    arr[i] = (s / 4294967296) * 4 - 2;
  }
  return arr;
}

const LR = 1e-3;
const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;

// What a first TypeScript version of Adam looks like: arrays of numbers, a map per quantity.
function naiveAdamStep(s) {
  s.t += 1;
  const bc1 = 1 - Math.pow(B1, s.t);
  const bc2 = 1 - Math.pow(B2, s.t);
  s.m = s.m.map((m, i) => B1 * m + (1 - B1) * s.g[i]);
  s.v = s.v.map((v, i) => B2 * v + (1 - B2) * s.g[i] * s.g[i]);
  s.p = s.p.map((p, i) => p - (LR * (s.m[i] / bc1)) / (Math.sqrt(s.v[i] / bc2) + EPS));
}

function adamCase(n) {
  let opt, state, params, grads, naive;
  return {
    group: 'optim',
    name: `adam step n=${n.toExponential().replace('+', '')} float64`,
    size: n,
    setup() {
      opt = core.adam(LR);
      params = fill(new Float64Array(n), 1);
      grads = fill(new Float64Array(n), 2);
      state = opt.init(params);
      const g = Array.from(grads);
      naive = { t: 0, p: Array.from(params), g, m: new Array(n).fill(0), v: new Array(n).fill(0) };
    },
    teardown() {
      opt = state = params = grads = naive = undefined;
    },
    // The update overwrites the gradient buffer, as in training, where the next backward pass
    // refills it; refilling is not part of the optimizer's cost, so it is not timed here.
    core() {
      const [updates, next] = opt.update(grads, state, params);
      core.applyUpdates(params, updates);
      state = next;
    },
    naive: () => naiveAdamStep(naive),
    numpy: {
      setup: [
        'rng = np.random.default_rng(0)',
        `p = rng.uniform(-2, 2, ${n})`,
        `g = rng.uniform(-2, 2, ${n})`,
        `m = np.zeros(${n})`,
        `v = np.zeros(${n})`,
        't = 0',
        `lr, b1, b2, eps = ${LR}, ${B1}, ${B2}, ${EPS}`,
      ].join('\n'),
      // timeit runs the statement inside a function: `global` keeps the state between calls.
      stmt: [
        'global m, v, t, p',
        't += 1',
        'm = b1 * m + (1 - b1) * g',
        'v = b2 * v + (1 - b2) * g * g',
        'mhat = m / (1 - b1 ** t)',
        'vhat = v / (1 - b2 ** t)',
        'p -= lr * mhat / (np.sqrt(vhat) + eps)',
      ].join('\n'),
    },
  };
}

export const cases = [adamCase(1e6), adamCase(1e7)];
