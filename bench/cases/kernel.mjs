// Kernel cases: what the notebook helpers cost a training run, and how big a loss-curve output is.
//
// "live plot overhead": the article's linear regression (n = 100, full batch, SGD 0.1) for
// 100,000 steps with `liveLossCurve()` listening, against the same fit without it; "core vs
// naive" >= 0.95x means the live plot costs at most 5%. Outside a kernel the helper would skip
// drawing, so a display writer stands in for tslab's: it serializes and signs every message as
// tslab's `signAndSend` does (JSON.stringify of the content, HMAC-SHA256), so every draw pays for
// the payload, the SVG and the message. Sizes of the outputs are printed on stderr.
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const core = require('../../packages/core/lib/index.js');
const kernel = require('../../packages/kernel/lib/index.js');

const STEPS = 100_000;
let data = null;
let million = null;
let sent = 0;
let sentBytes = 0;

function kernelLikeWriter(content, update) {
  const body = JSON.stringify(content);
  createHmac('sha256', 'bench-key').update(body).digest('hex');
  sent++;
  sentBytes = body.length;
  return update;
}

function setupTraining() {
  data = core.makeArticleData();
  kernel.setDisplayWriter(kernelLikeWriter);
}

function teardownTraining() {
  kernel.setDisplayWriter(undefined);
  console.error(`  (${sent} display messages sent, the last one ${sentBytes} bytes)`);
  sent = 0;
  data = null;
}

function train(callbacks, dataset = data) {
  const model = core.linearRegression({ features: 1 });
  // threshold 0 never stops early: every run takes all STEPS steps.
  return core.fit(model, dataset, {
    optimizer: core.sgd(0.1),
    maxSteps: STEPS,
    threshold: 0,
    callbacks,
  });
}

/** CPU milliseconds of this process (user + system): other processes' load does not count. */
function cpuMs(f) {
  const t0 = process.cpuUsage();
  f();
  const dt = process.cpuUsage(t0);
  return (dt.user + dt.system) / 1000;
}

/**
 * The runner times core and naive one after the other by wall clock, so load from other
 * processes on a shared machine lands on one side. This alternates the two, 21 pairs, times them
 * in CPU time and prints the median ratio; an empty `onStep` is the baseline of what any
 * per-step callback costs inside fit.
 */
function interleavedOverhead(label, makeCallback) {
  // The article's n = 100 rows, and n = 1000 rows where a step costs ten times more.
  for (const dataset of [data, core.makeLinearData({ n: 1000 })]) {
    const median = (make) => {
      const ratios = [];
      const plainMs = [];
      for (let k = 0; k < 21; k++) {
        const plain = cpuMs(() => train([], dataset));
        plainMs.push(plain);
        ratios.push(cpuMs(() => train([make()], dataset)) / plain);
      }
      ratios.sort((a, b) => a - b);
      plainMs.sort((a, b) => a - b);
      return [ratios[10], plainMs[10]];
    };
    const [empty] = median(() => ({ onStep() {} }));
    const [ours, plainMs] = median(makeCallback);
    const pct = (r) => `${((r - 1) * 100).toFixed(1)}%`;
    console.error(
      `  ${label}, n=${dataset.n} (training ${plainMs.toFixed(1)} ms CPU): median overhead ` +
        `over 21 interleaved pairs ${pct(ours)} (an empty onStep: ${pct(empty)})`,
    );
  }
}

function setupMillion() {
  const loss = new Array(1_000_000);
  for (let i = 0; i < loss.length; i++) {
    loss[i] = 1 / Math.sqrt(1 + i) + 0.05 * Math.sin(i * 0.7);
  }
  million = { name: 'million', loss };
  const bundle = kernel.lossCurveBundle(kernel.lossCurvePayload(million, { smoothing: 0.9 }));
  const sizes = Object.entries(bundle.data).map(([k, v]) => `${k} ${JSON.stringify(v).length}`);
  console.error(
    `  1,000,000-step bundle: ${JSON.stringify(bundle).length} bytes (${sizes.join(', ')})`,
  );
}

export const cases = [
  {
    group: 'kernel',
    name: `live plot overhead: fit ${STEPS} steps + liveLossCurve (naive = no callback)`,
    size: STEPS,
    setup: () => {
      setupTraining();
      interleavedOverhead('liveLossCurve', () => kernel.liveLossCurve());
    },
    teardown: teardownTraining,
    core: () => train([kernel.liveLossCurve()]),
    naive: () => train([]),
  },
  {
    group: 'kernel',
    name: `progress overhead: fit ${STEPS} steps + progress (naive = no callback)`,
    size: STEPS,
    setup: () => {
      setupTraining();
      interleavedOverhead('progress', () => kernel.progress());
    },
    teardown: teardownTraining,
    core: () => train([kernel.progress()]),
    naive: () => train([]),
  },
  {
    group: 'kernel',
    name: 'loss-curve bundle of 1,000,000 steps (naive = no downsampling)',
    size: 1_000_000,
    setup: setupMillion,
    teardown: () => {
      million = null;
    },
    core: () => kernel.lossCurveBundle(kernel.lossCurvePayload(million)),
    naive: () => kernel.lossCurveBundle(kernel.lossCurvePayload(million, { maxPoints: 2_000_000 })),
  },
];
