// The PyTorch column of bench/run.mjs: PyTorch 1.13 (Debian's python3-torch, one thread,
// idiomatic code: torch.optim, autograd) times the cases that carry a `torch` spec
// ({ setup, stmt }, Python, with numpy as np, torch and the benchmark's `fill`) in one
// /usr/bin/python3 process (bench/torch_timer.py), after numpy and before Node, so no two sides
// compete for the cores. The same process runs each case's `pyChecks` ({ numpy, torch }: Python
// that leaves a list of floats in `value`), which the table compares with core's and naive
// TypeScript's (`check()` in Node: { core, naive }) on the same inputs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NUMPY_FILL } from './fill.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

/** PyTorch's version, or null when `import torch` fails. */
function torchVersion() {
  const r = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Times the cases' `torch` specs and runs their `pyChecks`. Returns
 * { version, results: { [id]: { ms, values: { numpy?, torch? } } } }, or null without PyTorch.
 */
export function timeTorch(cases) {
  const version = torchVersion();
  if (version === null) {
    console.error(`PyTorch is not importable by ${PYTHON} (apt-get install python3-torch)`);
    return null;
  }
  const request = {
    repeat: 5,
    prelude: NUMPY_FILL,
    cases: cases.map((c) => ({ id: c.id, torch: c.torch ?? null, checks: c.pyChecks ?? {} })),
  };
  const r = spawnSync(PYTHON, [join(here, 'torch_timer.py')], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`torch_timer.py exited with ${r.status}`);
    return null;
  }
  return { version, results: JSON.parse(r.stdout) };
}

/** Largest |a - b| / max(|b|, 1e-30) over two lists (Infinity when either is missing). */
function relDiff(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
    return Infinity;
  }
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-30);
    worst = d > worst || d !== d ? d : worst;
  }
  return worst;
}

/** "ok (2e-16)" when every side's values agree with core's within `tolerance`, else who differs. */
function agreement(values, tolerance) {
  const core = values.core;
  if (!Array.isArray(core)) {
    return 'n/a';
  }
  const worst = { side: '', d: 0 };
  const bad = [];
  for (const [side, v] of Object.entries(values)) {
    if (side === 'core' || v === undefined) {
      continue;
    }
    const d = relDiff(v, core);
    if (!(d <= tolerance)) {
      bad.push(`${side} ${Number.isFinite(d) ? d.toExponential(1) : 'missing'}`);
    } else if (d >= worst.d) {
      Object.assign(worst, { side, d });
    }
  }
  return bad.length > 0
    ? `DIFFERS: ${bad.join(', ')}`
    : `ok (${Object.keys(values).join(', ')}; worst ${worst.d.toExponential(0)})`;
}

function ratio(a, b) {
  return a === null || a === undefined || b === null || b === undefined
    ? 'n/a'
    : `${(b / a).toFixed(2)}x`;
}

/**
 * The PyTorch table: core (and its composable two-pass path where the case times a fused one),
 * naive TypeScript, numpy and PyTorch, "core vs X" = X time / core time (higher is better for
 * core), and whether the sides' results agree on the same inputs.
 */
export function torchTable(rows, torch, fmt) {
  const mine = rows.filter((r) => torch.results[r.id] !== undefined);
  const lines = [
    `PyTorch ${torch.version}, one thread (torch.set_num_threads(1)), idiomatic (torch.optim, autograd); "core vs X" = X time / core time. "results": each side's numbers on the same inputs against core's.`,
    '',
    '| case | core ms | core update+apply ms | naive ms | numpy ms | torch ms | core vs naive | core vs numpy | core vs torch | results |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of mine) {
    const t = torch.results[r.id];
    const values = { ...(r.checks ?? {}), ...t.values };
    lines.push(
      `| ${r.id} | ${fmt(r.core)} | ${fmt(r.unfused)} | ${fmt(r.naive)} | ${fmt(r.np)} | ${fmt(t.ms)} | ${ratio(r.core, r.naive)} | ${ratio(r.core, r.np)} | ${ratio(r.core, t.ms)} | ${agreement(values, r.tolerance ?? 1e-9)} |`,
    );
  }
  return lines;
}
