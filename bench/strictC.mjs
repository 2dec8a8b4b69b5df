// The strict-C column of bench/run.mjs: compiles bench/strict_c.c with gcc -O3 -march=native
// (no -ffast-math) into build/bench/strict_c when the source is newer, and times the cases that
// carry a `c` spec ({ kernel, dtype, n, classes? }) in one process, after numpy and before Node,
// so that no two sides compete for the cores. Also times the STREAM-like probe (triad,
// a = b + 3 c over 1e7 doubles: 24 bytes an element) that the bandwidth column is measured against.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'strict_c.c');
const binary = join(here, '..', 'build', 'bench', 'strict_c');

/** gcc's flags: what "strict C" means in the tables (IEEE semantics kept: no -ffast-math). */
export const GCC_FLAGS = ['-O3', '-march=native', '-std=gnu11', '-Wall'];

/** Elements of the bandwidth probe (three arrays of 80 MB: well beyond any cache). */
const PROBE_N = 1e7;

function compile() {
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) {
    return true;
  }
  mkdirSync(dirname(binary), { recursive: true });
  const r = spawnSync('gcc', [...GCC_FLAGS, '-o', binary, source, '-lm'], {
    encoding: 'utf8',
  });
  if (r.error !== undefined || r.status !== 0) {
    console.error(
      `strict C: gcc failed (apt-get install gcc): ${r.error?.message ?? ''}${r.stderr ?? ''}`,
    );
    return false;
  }
  return true;
}

/**
 * Times every case with a `c` spec and the bandwidth probe in strict C. Returns
 * { results: { [id]: { ms, value } }, probeGBs } or null when gcc is missing.
 */
export function timeStrictC(cases) {
  if (!compile()) {
    return null;
  }
  const lines = [
    ...cases.map((c) => `${c.id}\t${c.c.kernel} ${c.c.dtype} ${c.c.n} ${c.c.classes ?? 0}`),
    `probe\ttriad float64 ${PROBE_N} 0`,
  ];
  const r = spawnSync(binary, [], {
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`strict_c exited with ${r.status}`);
    return null;
  }
  const results = JSON.parse(r.stdout);
  const probe = results.probe;
  delete results.probe;
  return { results, probeGBs: (24 * PROBE_N) / (probe.ms * 1e6) };
}

/** |a - b| / |b| within float32's or float64's tolerance: core's loss against C's. */
function check(value, cValue, dtype) {
  if (value === null || cValue === undefined) {
    return 'n/a';
  }
  const rel = Math.abs(value - cValue) / Math.abs(cValue);
  return rel <= (dtype === 'float32' ? 1e-5 : 1e-10)
    ? `ok (${rel.toExponential(0)})`
    : `DIFFERS (${rel.toExponential(1)})`;
}

/** Geometric mean of positive numbers (null when there are none). */
function geoMean(xs) {
  const ok = xs.filter((x) => x !== null && x > 0 && Number.isFinite(x));
  return ok.length === 0 ? null : Math.exp(ok.reduce((a, x) => a + Math.log(x), 0) / ok.length);
}

/**
 * The strict-C table: time / strict-C time for core, core's JS path (before the WebAssembly
 * kernels) and numpy (lower is better; 1.00 is C's speed), core's effective bandwidth against
 * the probe, and core's loss checked against C's; then geo-means per element type.
 */
export function strictCTable(rows, strict, fmt) {
  const withC = rows.filter((r) => strict.results[r.id] !== undefined);
  const x = (a, b) => (a === null || a === undefined || !b ? null : a / b);
  const xs = (v) => (v === null ? 'n/a' : `x${v.toFixed(2)}`);
  const lines = [
    `Strict C: gcc ${GCC_FLAGS.join(' ')} (no -ffast-math), the same fused kernels on the same inputs (bench/strict_c.c). "x" = time / C time, lower is better. Bandwidth: bytes one call must move / core's time, against the STREAM-like triad probe (${strict.probeGBs.toFixed(1)} GB/s).`,
    '',
    '| case | C ms | core ms | core JS path ms | numpy ms | core / C | JS path / C | numpy / C | core GB/s (% of probe) | core value vs C |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const per = {};
  for (const r of withC) {
    const c = strict.results[r.id];
    const gbs = r.bytes === undefined ? null : r.bytes / (r.core * 1e6);
    const ratios = [x(r.core, c.ms), x(r.before, c.ms), x(r.np, c.ms)];
    (per[r.dtype] ??= []).push(ratios);
    lines.push(
      `| ${r.id} | ${fmt(c.ms)} | ${fmt(r.core)} | ${fmt(r.before)} | ${fmt(r.np)} | ${ratios.map(xs).join(' | ')} | ${gbs === null ? 'n/a' : `${gbs.toFixed(1)} (${((100 * gbs) / strict.probeGBs).toFixed(0)}%)`} | ${check(r.value, c.value, r.dtype)} |`,
    );
  }
  for (const [dtype, list] of Object.entries(per)) {
    const g = [0, 1, 2].map((k) => geoMean(list.map((rs) => rs[k])));
    lines.push(
      `| geo-mean ${dtype} (${list.length} cases) | | | | | ${g.map(xs).join(' | ')} | | |`,
    );
  }
  return lines;
}
