// Kernel cases: what the notebook helpers cost a training run, and how big a loss-curve output is.
//
// "live plot overhead": the article's linear regression (n = 100, full batch, SGD 0.1) for
// 100,000 steps with `liveLossCurve()` listening, against the same fit without it; "core vs
// naive" >= 0.95x means the live plot costs at most 5%. Outside a kernel the helper would skip
// drawing, so a display writer stands in for tslab's: it serializes and signs every message as
// tslab's `signAndSend` does (JSON.stringify of the content, HMAC-SHA256), so every draw pays for
// the payload, the SVG and the message. Sizes of the outputs are printed on stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
        ratios.push(cpuMs(() => train([make()].flat(), dataset)) / plain);
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
    name: `live plot + progress overhead: fit ${STEPS} steps + liveLossCurve + progress (naive = no callback)`,
    size: STEPS,
    setup: () => {
      setupTraining();
      interleavedOverhead('liveLossCurve + progress', () => [
        kernel.liveLossCurve(),
        kernel.progress(),
      ]);
    },
    teardown: teardownTraining,
    core: () => train([kernel.liveLossCurve(), kernel.progress()]),
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

// The two TypeScript kernels side by side, each as `losslab install` registers it, driven by
// Debian's jupyter_client (bench/kernel_timer.py): start, a trivial cell's round trip and an
// @losslab/core cell's (medians), then each notebook's run through nbclient. Printed as a table
// after the cases; `node bench/run.mjs kernel` runs only the kernel cases and this table.
const KERNEL_STARTS = Number(process.env.LOSSLAB_BENCH_STARTS) || 20;
const KERNEL_CELLS = Number(process.env.LOSSLAB_BENCH_CELLS) || 21;
const TRIVIAL_CELL = '1 + 1';
const CORE_CELL = `import { mseLoss } from '@losslab/core';
mseLoss(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 4])).value`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (s) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(s < 0.01 ? 1 : 0)} ms`);

function kernelVersions(cli) {
  const tslab = require('tslab/package.json').version;
  const deno = execFileSync(cli.kernelBinary('deno'), ['--version'], { encoding: 'utf8' });
  return { tslab: `tslab ${tslab}`, deno: `Deno ${deno.split(/\s+/)[1]}` };
}

/** The kernel table (markdown lines), or null when the filter leaves the kernel cases out. */
export async function report(filter = '') {
  if (!'kernel: kernels side by side'.includes(filter)) {
    return null;
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cli = require(join(root, 'packages', 'kernel', 'lib', 'cli.js'));
  const { DENO_LATE_OUTPUT_S, executeNotebooks, listNotebooks } = await import(
    pathToFileURL(join(root, 'scripts', 'notebooks.mjs')).href
  );
  const kernels = cli.KERNELS.filter((k) => cli.kernelBinary(k) !== null);
  const jupyter = mkdtempSync(join(tmpdir(), 'losslab-bench-jupyter-'));
  try {
    for (const kernel of kernels) {
      const dir = join(jupyter, 'kernels', kernel);
      mkdirSync(dir, { recursive: true });
      const spec = cli.kernelSpec(kernel, cli.kernelBinary(kernel));
      writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec));
    }
    console.error(
      `kernels: ${kernels.join(', ')}: ${KERNEL_STARTS} starts, ${KERNEL_CELLS} runs of each cell`,
    );
    const r = spawnSync('/usr/bin/python3', [join(root, 'bench', 'kernel_timer.py')], {
      input: JSON.stringify({
        kernels,
        starts: KERNEL_STARTS,
        cells: KERNEL_CELLS,
        cwd: join(root, 'notebooks'),
        trivial: TRIVIAL_CELL,
        core: CORE_CELL,
      }),
      encoding: 'utf8',
      env: {
        ...process.env,
        JUPYTER_PATH: jupyter,
        JUPYTER_DATA_DIR: join(jupyter, 'data'),
        JUPYTER_RUNTIME_DIR: join(jupyter, 'runtime'),
        JUPYTER_CONFIG_DIR: join(jupyter, 'config'),
        JUPYTER_PLATFORM_DIRS: '1',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) {
      throw new Error(`kernel_timer.py exited with ${r.status}`);
    }
    const times = JSON.parse(r.stdout);
    const notebooks = {};
    for (const kernel of kernels) {
      for (const rec of executeNotebooks(listNotebooks(), { kernel })) {
        const codeCells = rec.notebook.cells.filter((c) => c.cell_type === 'code').length;
        // nb_execute.py listens DENO_LATE_OUTPUT_S after each Deno cell: the executor's wait,
        // not the kernel's work, so it is taken out.
        const wait = kernel === 'deno' ? codeCells * DENO_LATE_OUTPUT_S : 0;
        (notebooks[rec.name] ??= {})[kernel] = rec.seconds - wait;
        console.error(
          `  ${kernel} ${rec.name}: ${rec.seconds.toFixed(1)} s (${rec.errors} errors)`,
        );
      }
    }
    const names = kernelVersions(cli);
    const row = (label, f) => `| ${label} | ${kernels.map((k) => f(k)).join(' | ')} |`;
    return [
      `| kernels (Debian's jupyter_client; medians) | ${kernels.map((k) => names[k]).join(' | ')} |`,
      `|---|${kernels.map(() => '---:').join('|')}|`,
      row(`kernel start (median of ${KERNEL_STARTS})`, (k) => ms(median(times[k].start))),
      row(`trivial cell \`${TRIVIAL_CELL}\` round trip (median of ${KERNEL_CELLS})`, (k) =>
        ms(median(times[k].trivial)),
      ),
      row(`@losslab/core cell round trip (median of ${KERNEL_CELLS})`, (k) =>
        ms(median(times[k].core)),
      ),
      row('@losslab/core cell, first run (its import)', (k) => ms(times[k].coreFirst)),
      ...Object.entries(notebooks).map(([name, byKernel]) =>
        row(`notebook ${name} (nbclient, start included)`, (k) => ms(byKernel[k])),
      ),
    ];
  } finally {
    rmSync(jupyter, { recursive: true, force: true });
  }
}
