#!/usr/bin/env node
// Benchmark runner: `npm run bench` (build first) or `node bench/run.mjs [filter]`.
//
// Every module in bench/cases/*.mjs exports `cases` (and may export `report(filter)`, an async
// function returning markdown lines printed after the table, or null), `cases` being an array of
//   { group, name, size, core: () => void, naive: () => void,
//     numpy?: { setup: string, stmt: string }, setup?: () => void, teardown?: () => void }
// `setup`/`teardown` (optional) allocate and free a case's data so that the 1e7-element cases
// do not all live at once. Node timings are best-of-N after warm-up; the numpy side runs in one
// /usr/bin/python3 process (bench/numpy_timer.py) and shows "n/a" when numpy is not importable.
// Cases may also carry `torch` ({ setup, stmt }: PyTorch, bench/torch.mjs), `pyChecks` and
// `check()` (each side's results on the same inputs), `unfused` (core's composable path beside a
// fused one) and `tolerance` (how far the results may differ): the PyTorch table.
// Speed is measured here, never asserted by a test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strictCTable, timeStrictC } from './strictC.mjs';
import { timeTorch, torchTable } from './torch.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const PYTHON = '/usr/bin/python3';
const SAMPLES = 7;
const MIN_SAMPLE_MS = 20;

/** Best time in ms of one call of `f`: warm-up, then best of SAMPLES samples of k calls each. */
function time(f) {
  const t1 = performance.now();
  f();
  const first = performance.now() - t1;
  // Over half a second a call (the naive code at 1e7): best of three, else a run takes minutes.
  if (first > 500) {
    let best = first;
    for (let s = 0; s < 2; s++) {
      const t0 = performance.now();
      f();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }
  let k = 1;
  const warmupEnd = performance.now() + 100;
  let calls = 1;
  while (calls < 3 || performance.now() < warmupEnd) {
    f();
    calls++;
  }
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) {
      f();
    }
    const dt = performance.now() - t0;
    if (dt >= MIN_SAMPLE_MS || k >= 1 << 20) {
      break;
    }
    k *= 2;
  }
  let best = Infinity;
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) {
      f();
    }
    best = Math.min(best, (performance.now() - t0) / k);
  }
  return best;
}

function numpyAvailable() {
  const r = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' });
  return r.status === 0;
}

function timeNumpy(cases) {
  const request = {
    repeat: 5,
    cases: cases.map((c) => ({ id: c.id, setup: c.numpy.setup, stmt: c.numpy.stmt })),
  };
  const r = spawnSync(PYTHON, [join(here, 'numpy_timer.py')], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`numpy_timer.py exited with ${r.status}`);
    return {};
  }
  return JSON.parse(r.stdout);
}

function fmt(ms) {
  if (ms === null || ms === undefined) {
    return 'n/a';
  }
  return ms >= 100
    ? ms.toFixed(0)
    : ms >= 10
      ? ms.toFixed(1)
      : ms >= 1
        ? ms.toFixed(2)
        : ms.toFixed(3);
}

function ratio(a, b) {
  return a === null || a === undefined || b === null || b === undefined
    ? 'n/a'
    : `${(b / a).toFixed(1)}x`;
}

async function main() {
  const filter = process.argv[2] ?? '';
  const dir = join(here, 'cases');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const all = [];
  const reports = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    if (typeof mod.report === 'function') {
      reports.push(mod.report);
    }
    for (const c of mod.cases) {
      const id = `${c.group}: ${c.name}`;
      if (id.includes(filter)) {
        all.push({ ...c, id });
      }
    }
  }
  const withNumpy = all.filter((c) => c.numpy !== undefined);
  const hasNumpy = withNumpy.length > 0 && numpyAvailable();
  if (!hasNumpy && withNumpy.length > 0) {
    console.error(`numpy is not importable by ${PYTHON}: the numpy column says n/a`);
  }
  // numpy first, in its own process, so the two sides never compete for the 2 cores.
  const numpyMs = hasNumpy ? timeNumpy(withNumpy) : {};
  // Strict C next, in its own process too (bench/strictC.mjs), for the cases with a `c` spec.
  const withC = all.filter((c) => c.c !== undefined);
  const strict = withC.length > 0 ? timeStrictC(withC) : null;
  // PyTorch and every side's check values, in one more process (bench/torch.mjs).
  const withTorch = all.filter((c) => c.torch !== undefined);
  const torch = withTorch.length > 0 ? timeTorch(withTorch) : null;
  const rows = [];
  for (const c of all) {
    c.setup?.();
    const core = time(c.core);
    const naive = time(c.naive);
    // Optional: core before its WebAssembly kernels (`before`), core's loss value (`value`).
    const before = c.before === undefined ? null : time(c.before);
    const value = c.value === undefined ? null : c.value();
    // Optional: core's composable path beside a fused one (`unfused`), each side's results.
    const unfused = c.unfused === undefined ? null : time(c.unfused);
    const checks = c.check === undefined ? null : c.check();
    c.teardown?.();
    const np = numpyMs[c.id] ?? null;
    rows.push({
      id: c.id,
      core,
      naive,
      np,
      before,
      value,
      bytes: c.bytes,
      dtype: c.c?.dtype,
      unfused,
      checks,
      tolerance: c.tolerance,
    });
    console.error(`${c.id}: core ${fmt(core)} ms, naive ${fmt(naive)} ms, numpy ${fmt(np)} ms`);
  }
  const lines =
    rows.length === 0
      ? []
      : [
          '| case | core ms | naive ms | numpy ms | core vs naive | core vs numpy |',
          '|---|---:|---:|---:|---:|---:|',
          ...rows.map(
            (r) =>
              `| ${r.id} | ${fmt(r.core)} | ${fmt(r.naive)} | ${fmt(r.np)} | ${ratio(r.core, r.naive)} | ${ratio(r.core, r.np)} |`,
          ),
        ];
  if (strict !== null) {
    lines.push('', ...strictCTable(rows, strict, fmt));
  }
  if (torch !== null) {
    lines.push('', ...torchTable(rows, torch, fmt));
  }
  // Modules may add a table of their own after the cases (bench/cases/kernel.mjs: the kernels).
  for (const report of reports) {
    const extra = await report(filter);
    if (extra !== null) {
      lines.push(...(lines.length > 0 ? [''] : []), ...extra);
    }
  }
  const table = lines.join('\n');
  const header = `Node ${process.version}, ${new Date().toISOString()}; best of ${SAMPLES} after warm-up. "core vs X" = X time / core time.\n\n`;
  console.log(table);
  const out = join(root, 'build', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.md'), header + table + '\n');
  console.error(`written to ${join('build', 'bench', 'latest.md')}`);
}

await main();
