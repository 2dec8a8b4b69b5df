// Loss cases: the value-only MSE (meanSquaredError) and the value + gradient of MSE and MAE at
// n = 1e5, 1e6, 1e7, softmax cross-entropy at 1e4 x 10, 1e5 x 10 and 1e4 x 1000, each in float64
// and float32, against naive TypeScript-style code (plain arrays, map/reduce, one pass per step),
// idiomatic numpy and strict C (bench/strict_c.c): all on the same inputs (`fill`'s LCG, in numpy
// too), `c` naming the C kernel.
// `before` is core with its WebAssembly kernels switched off (the JS loops that ran before
// them); `bytes` is the memory one call must move, for the bandwidth column; `value` is core's
// loss, checked against C's.
import { createRequire } from 'node:module';
import { NUMPY_FILL, fill } from '../fill.mjs';

const require = createRequire(import.meta.url);
const core = require('../../packages/core/lib/index.js');
// Internal switch of the WebAssembly kernels (packages/core/src/wasm/wasmKernels.ts).
const { configureKernels } = require('../../packages/core/lib/wasm/wasmKernels.js');

/** Runs `f` on core's JS path. */
function jsPath(f) {
  configureKernels({ enabled: false });
  try {
    return f();
  } finally {
    configureKernels({ enabled: true });
  }
}

const TYPES = [
  { dtype: 'float64', Ctor: Float64Array },
  { dtype: 'float32', Ctor: Float32Array },
];

function elementwiseCase(name, lossFn, naive, numpyStmt, n, { dtype, Ctor }) {
  let pred, target, grad, predArr, targetArr;
  const valueOnly = name === 'MSE value';
  const call = valueOnly
    ? () => lossFn(pred, target)
    : () => lossFn(pred, target, { out: { grad } }).value;
  return {
    group: 'losses',
    name: `${name}${valueOnly ? '' : ' value+grad'} n=${n.toExponential().replace('+', '')} ${dtype}`,
    size: n,
    c: { kernel: valueOnly ? 'mse_value' : `${name.toLowerCase()}_grad`, dtype, n },
    bytes: (valueOnly ? 2 : 3) * n * Ctor.BYTES_PER_ELEMENT,
    value: call,
    before: () => jsPath(call),
    setup() {
      pred = fill(new Ctor(n), 1);
      target = fill(new Ctor(n), 2);
      grad = new Ctor(n);
      predArr = Array.from(pred);
      targetArr = Array.from(target);
    },
    teardown() {
      pred = target = grad = predArr = targetArr = undefined;
    },
    core: call,
    naive: () => naive(predArr, targetArr, Ctor),
    numpy: {
      setup: `${NUMPY_FILL}\np = fill(${n}, 1).astype(np.${dtype})\nt = fill(${n}, 2).astype(np.${dtype})`,
      stmt: numpyStmt,
    },
  };
}

// The naive side: what a first TypeScript version looks like.
function naiveMse(p, t, Ctor) {
  const d = p.map((v, i) => v - t[i]);
  const loss = d.map((v) => v * v).reduce((a, b) => a + b, 0) / d.length;
  const grad = Ctor.from(d.map((v) => (2 * v) / d.length));
  return { loss, grad };
}

function naiveMae(p, t, Ctor) {
  const d = p.map((v, i) => v - t[i]);
  const loss = d.map((v) => Math.abs(v)).reduce((a, b) => a + b, 0) / d.length;
  const grad = Ctor.from(d.map((v) => Math.sign(v) / d.length));
  return { loss, grad };
}

function naiveSoftmaxCe(x, t, B, C, Ctor) {
  const rows = [];
  for (let i = 0; i < B; i++) {
    rows.push(x.slice(i * C, (i + 1) * C));
  }
  const probs = rows.map((r) => {
    const m = Math.max(...r);
    const e = r.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  const loss = -probs.map((p, i) => Math.log(p[t[i]])).reduce((a, b) => a + b, 0) / B;
  const grad = Ctor.from(probs.flatMap((p, i) => p.map((v, c) => (v - (c === t[i] ? 1 : 0)) / B)));
  return { loss, grad };
}

function softmaxCase(B, C, { dtype, Ctor }) {
  let logits, labels, grad, logitsArr, labelsArr;
  const call = () => core.softmaxCrossEntropy(logits, labels, { out: { grad } }).value;
  return {
    group: 'losses',
    name: `softmaxCE value+grad ${B}x${C} ${dtype}`,
    size: B * C,
    c: { kernel: 'softmax_ce', dtype, n: B * C, classes: C },
    bytes: 2 * B * C * Ctor.BYTES_PER_ELEMENT + 4 * B,
    value: call,
    before: () => jsPath(call),
    setup() {
      logits = fill(new Ctor(B * C), 3);
      labels = new Int32Array(B);
      for (let i = 0; i < B; i++) {
        labels[i] = (i * 7919) % C;
      }
      grad = new Ctor(B * C);
      logitsArr = Array.from(logits);
      labelsArr = Array.from(labels);
    },
    teardown() {
      logits = labels = grad = logitsArr = labelsArr = undefined;
    },
    core: call,
    naive: () => naiveSoftmaxCe(logitsArr, labelsArr, B, C, Ctor),
    numpy: {
      setup: [
        NUMPY_FILL,
        `x = fill(${B * C}, 3).reshape(${B}, ${C}).astype(np.${dtype})`,
        `t = (np.arange(${B}) * 7919) % ${C}`,
        `r = np.arange(${B})`,
      ].join('\n'),
      stmt: [
        'm = x.max(axis=1, keepdims=True)',
        'e = np.exp(x - m)',
        's = e.sum(axis=1, keepdims=True)',
        'p = e / s',
        'loss = np.mean(np.log(s[:, 0]) + m[:, 0] - x[r, t])',
        'g = p',
        'g[r, t] -= 1',
        'g /= len(t)',
      ].join('\n'),
    },
  };
}

function naiveMseValue(p, t) {
  return p.map((v, i) => (v - t[i]) ** 2).reduce((a, b) => a + b, 0) / p.length;
}

export const cases = [];
for (const type of TYPES) {
  for (const n of [1e5, 1e6, 1e7]) {
    cases.push(
      elementwiseCase(
        'MSE value',
        core.meanSquaredError,
        naiveMseValue,
        'd = p - t\nloss = np.mean(d * d)',
        n,
        type,
      ),
    );
  }
  for (const n of [1e5, 1e6, 1e7]) {
    cases.push(
      elementwiseCase(
        'MSE',
        core.mseLoss,
        naiveMse,
        'd = p - t\nloss = np.mean(d * d)\ng = 2 * d / d.size',
        n,
        type,
      ),
    );
  }
  for (const n of [1e5, 1e6, 1e7]) {
    cases.push(
      elementwiseCase(
        'MAE',
        core.maeLoss,
        naiveMae,
        'd = p - t\nloss = np.mean(np.abs(d))\ng = np.sign(d) / d.size',
        n,
        type,
      ),
    );
  }
  for (const [B, C] of [
    [1e4, 10],
    [1e5, 10],
    [1e4, 1000],
  ]) {
    cases.push(softmaxCase(B, C, type));
  }
}
