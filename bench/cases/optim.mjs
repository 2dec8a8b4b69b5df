// Optimizer cases: one Adam step on 1e5, 1e6 and 1e7 parameters, float64 and float32, all sides
// on the same inputs (bench/fill.mjs's LCG): core's fused `updateInPlace` (one pass; its
// composable `update` + `applyUpdates` beside it), a naive TypeScript version (plain arrays, one
// map per moment), the textbook numpy update as the PyTorch docs state it, and torch.optim.Adam
// (bench/torch.mjs). The gradient stays the same from step to step on every side (refilling it
// is the backward pass's cost, not the optimizer's). `check` and `pyChecks` give each side's
// parameters after three steps from the start, compared in the PyTorch table.
import { createRequire } from 'node:module';
import { NUMPY_FILL, fill } from '../fill.mjs';

const require = createRequire(import.meta.url);
const core = require('../../packages/core/lib/index.js');

const LR = 1e-3;
const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;
const CHECK_STEPS = 3;

// What a first TypeScript version of Adam looks like: arrays of numbers, a map per quantity.
function naiveAdamStep(s) {
  s.t += 1;
  const bc1 = 1 - Math.pow(B1, s.t);
  const bc2 = 1 - Math.pow(B2, s.t);
  s.m = s.m.map((m, i) => B1 * m + (1 - B1) * s.g[i]);
  s.v = s.v.map((v, i) => B2 * v + (1 - B2) * s.g[i] * s.g[i]);
  s.p = s.p.map((p, i) => p - (LR * (s.m[i] / bc1)) / (Math.sqrt(s.v[i] / bc2) + EPS));
}

/** A few numbers that any difference in the parameters shows in: ends, middle, mean |p|, rms. */
function summary(p) {
  let abs = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    abs += Math.abs(p[i]);
    sq += p[i] * p[i];
  }
  const n = p.length;
  return [p[0], p[n >> 1], p[n - 1], abs / n, Math.sqrt(sq / n)];
}

/** The same summary in Python, of a float64 copy of `p`. */
const PY_SUMMARY =
  'q = np.asarray(p, dtype=np.float64)\n' +
  'value = [q[0], q[len(q) // 2], q[-1], np.abs(q).mean(), np.sqrt((q * q).mean())]';

const numpyAdam = (dtype) => [
  `p = fill(N, 1).astype(np.${dtype})`,
  `g = fill(N, 2).astype(np.${dtype})`,
  `m = np.zeros(N, np.${dtype})`,
  `v = np.zeros(N, np.${dtype})`,
  't = 0',
  `lr, b1, b2, eps = ${LR}, ${B1}, ${B2}, ${EPS}`,
];
const NUMPY_STEP = [
  't += 1',
  'm = b1 * m + (1 - b1) * g',
  'v = b2 * v + (1 - b2) * g * g',
  'mhat = m / (1 - b1 ** t)',
  'vhat = v / (1 - b2 ** t)',
  'p -= lr * mhat / (np.sqrt(vhat) + eps)',
];
const torchAdam = (dtype) => [
  `p = torch.tensor(fill(N, 1), dtype=torch.${dtype})`,
  `p.grad = torch.tensor(fill(N, 2), dtype=torch.${dtype})`,
  `opt = torch.optim.Adam([p], lr=${LR}, betas=(${B1}, ${B2}), eps=${EPS})`,
];

function adamCase(n, dtype, Ctor) {
  let opt, state, params, grads, twoPass, naive;
  const N = `N = ${n}`;
  return {
    group: 'optim',
    name: `adam step n=${n.toExponential().replace('+', '')} ${dtype}`,
    size: n,
    setup() {
      opt = core.adam(LR);
      params = fill(new Ctor(n), 1);
      grads = fill(new Ctor(n), 2);
      state = opt.init(params);
      const p2 = params.slice();
      twoPass = { params: p2, grads: grads.slice(), state: opt.init(p2) };
      naive = {
        t: 0,
        p: Array.from(params),
        g: Array.from(grads),
        m: new Array(n).fill(0),
        v: new Array(n).fill(0),
      };
    },
    teardown() {
      opt = state = params = grads = twoPass = naive = undefined;
    },
    core() {
      state = opt.updateInPlace(grads, state, params);
    },
    // The composable path: update writes the updates into its gradient buffer, then a second
    // pass adds them (the buffer then holds updates, not gradients: the values do not matter).
    unfused() {
      const [updates, next] = opt.update(twoPass.grads, twoPass.state, twoPass.params);
      core.applyUpdates(twoPass.params, updates);
      twoPass.state = next;
    },
    naive: () => naiveAdamStep(naive),
    numpy: {
      setup: [NUMPY_FILL, N, ...numpyAdam(dtype)].join('\n'),
      // timeit runs the statement inside a function: `global` keeps the state between calls.
      stmt: ['global m, v, t, p', ...NUMPY_STEP].join('\n'),
    },
    torch: { setup: [N, ...torchAdam(dtype)].join('\n'), stmt: 'opt.step()' },
    tolerance: dtype === 'float32' ? 1e-5 : 1e-10,
    check() {
      const o = core.adam(LR);
      const p = fill(new Ctor(n), 1);
      const g = fill(new Ctor(n), 2);
      let s = o.init(p);
      const p2 = p.slice();
      let s2 = o.init(p2);
      const zeros = () => new Array(n).fill(0);
      const nv = { t: 0, p: Array.from(p), g: Array.from(g), m: zeros(), v: zeros() };
      for (let t = 0; t < CHECK_STEPS; t++) {
        s = o.updateInPlace(g, s, p);
        const [u, next] = o.update(g.slice(), s2, p2);
        core.applyUpdates(p2, u);
        s2 = next;
        naiveAdamStep(nv);
      }
      return { core: summary(p), 'core update+apply': summary(p2), naive: summary(nv.p) };
    },
    pyChecks: {
      numpy: [N, ...numpyAdam(dtype), `for _ in range(${CHECK_STEPS}):`]
        .concat(
          NUMPY_STEP.map((l) => `    ${l}`),
          PY_SUMMARY,
        )
        .join('\n'),
      torch: [N, ...torchAdam(dtype), `for _ in range(${CHECK_STEPS}):`, '    opt.step()']
        .concat(PY_SUMMARY.replace('np.asarray(p,', 'np.asarray(p.detach().numpy(),'))
        .join('\n'),
    },
  };
}

export const cases = [
  ...[1e5, 1e6, 1e7].map((n) => adamCase(n, 'float64', Float64Array)),
  // float64 first: V8 then compiles Adam's loop for Float64Array before it sees a Float32Array.
  ...[1e5, 1e6, 1e7].map((n) => adamCase(n, 'float32', Float32Array)),
];
