// Every loss against PyTorch 1.13 itself: values from torch.nn.functional (or the peer's formula
// written in torch) and gradients from autograd, in float64 and float32, over every documented
// option (packages/core/scripts/gen_torch_loss_fixtures.py writes the fixture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FloatArray, LossResult } from '../types';
import { getLoss } from './registry';

interface Expected {
  value: number | string;
  grad: (number | string)[];
  values?: (number | string)[];
}

interface Run {
  reduction: string;
  f64: Expected;
  f32?: Expected;
  /** Where losslab deliberately differs: the difference's id and what PyTorch returned. */
  diff?: { id: string; f64?: Expected; f32?: Expected };
}

interface TorchCase {
  loss: string;
  name: string;
  options: Record<string, unknown>;
  pred: number[];
  /** Class indices (integers) for the B x C losses, otherwise one value per element. */
  target: number[];
  runs: Run[];
}

/** The ids of the documented differences (packages/core/README.md, "Differences from PyTorch"). */
const DIFFERENCES = [
  'zero-denominator',
  'smooth-l1-kink',
  'bce-log1p',
  'bce-logits-cancellation',
  'focal-stable-1-pt',
  'cross-entropy-grad-floor',
];

const CLASS_INDEX_LOSSES = ['softmaxCrossEntropy', 'nll', 'multiMargin'];
const ARRAY_OPTIONS = ['weight', 'classWeight', 'variance', 'posWeight'];

/**
 * Tolerances: |actual - expected| <= rtol |expected| + floor * (largest |expected| of the array)
 * + abs. float64: 1e-10 relative element by element, with an absolute floor only where doubles
 * turn subnormal (1e-300). float32: PyTorch computes in float32 and losslab in float64 from the
 * float32 inputs, so they agree to float32 rounding accumulated over up to a few hundred terms,
 * relative to each array's largest element (a small element of a softmax row carries the
 * rounding of the large ones); `abs` covers what float32 cannot represent (below 1e-37).
 */
const TOL = {
  f64: { rtol: 1e-10, floor: 0, abs: 1e-300 },
  f32: { rtol: 2e-5, floor: 1e-5, abs: 1e-37 },
};

const cases = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'torchLosses.json'), 'utf8'),
) as TorchCase[];

function num(v: number | string): number {
  return typeof v === 'number' ? v : Number(v);
}

/** Largest relative error of `actual` against `expected`, past the absolute floor (<= 1 passes). */
function worst(
  actual: ArrayLike<number>,
  expected: (number | string)[],
  tol: { rtol: number; floor: number; abs: number },
): { ratio: number; index: number; rel: number } {
  let scale = 0;
  for (const e of expected) {
    scale = Math.max(scale, Math.abs(num(e)));
  }
  let ratio = 0;
  let index = -1;
  let rel = 0;
  if (actual.length !== expected.length) {
    return { ratio: Infinity, index: -2, rel: Infinity };
  }
  for (let i = 0; i < expected.length; i++) {
    const e = num(expected[i] as number | string);
    const a = actual[i] as number;
    const err = Math.abs(a - e);
    const allowed = tol.rtol * Math.abs(e) + tol.floor * scale + tol.abs;
    const r = err === 0 ? 0 : err / allowed;
    if (!(r <= ratio)) {
      ratio = r;
      index = i;
    }
    // The relative error reported: in float64 over every element not near the subnormals, in
    // float32 over the elements within 1e-3 of their array's largest (float32 rounds the rest).
    if (Math.abs(e) >= (tol.floor === 0 ? 1e-290 : Math.max(1e-30, 1e-3 * scale))) {
      rel = Math.max(rel, err / Math.abs(e));
    }
  }
  return { ratio, index, rel };
}

function toArray(x: number[], dtype: 'f64' | 'f32'): FloatArray {
  return dtype === 'f64' ? Float64Array.from(x) : Float32Array.from(x);
}

function callLoss(c: TorchCase, run: Run, dtype: 'f64' | 'f32', n: number): LossResult {
  const options: Record<string, unknown> = { reduction: run.reduction };
  for (const [k, v] of Object.entries(c.options)) {
    options[k] = ARRAY_OPTIONS.includes(k) && Array.isArray(v) ? toArray(v as number[], dtype) : v;
  }
  // Class indices (fewer targets than predictions, or C = 1) alternate between Int32Array and
  // the prediction's float type.
  const indices = CLASS_INDEX_LOSSES.includes(c.loss) && c.target.every((t) => Number.isInteger(t));
  const target = indices
    ? n % 2 === 0
      ? Int32Array.from(c.target)
      : toArray(c.target, dtype)
    : toArray(c.target, dtype);
  const fn = getLoss(c.loss).fn as (p: FloatArray, t: unknown, o: unknown) => LossResult;
  return fn(toArray(c.pred, dtype), target, options);
}

/**
 * Softmax cross-entropy takes a row's loss as log(sum_c e^(x_c - x_t)) and its gradient as
 * p - onehot, PyTorch as log_softmax and exp(log_softmax) - onehot: both round the sum (>= 1) and
 * p to a few ulps of 1, so a confident row's tiny loss or gradient is only known to about 1e-16
 * absolute per unit of weight, and the loss to that times its logits' magnitude.
 */
function partTolerance(
  c: TorchCase,
  dtype: 'f64' | 'f32',
  part: string,
  tol: { rtol: number; floor: number; abs: number },
  weights: number,
): { rtol: number; floor: number; abs: number } {
  if (dtype !== 'f64' || c.loss !== 'softmaxCrossEntropy') {
    return tol;
  }
  const rows =
    c.target.length === c.pred.length
      ? c.pred.length / (c.options.classes as number)
      : c.target.length;
  const logits = part === 'grad' ? 0 : Math.max(...c.pred.map(Math.abs));
  return { ...tol, abs: 1e-15 * weights * (1 + logits) * (part === 'value' ? rows : 1) };
}

/** Compares one run in one dtype; returns a description of the failure, or null. */
function check(
  c: TorchCase,
  run: Run,
  dtype: 'f64' | 'f32',
  n: number,
  record: (dtype: 'f64' | 'f32', rel: number) => void,
): string | null {
  const expected = run[dtype];
  if (expected === undefined) {
    return null;
  }
  // A float32 gradient element is a multiple of the weights rounded once or twice to float32:
  // allow 2^-23 of the largest weight product where every expected element is 0.
  let weights = 1;
  for (const k of ARRAY_OPTIONS) {
    const v = c.options[k];
    if (Array.isArray(v) && k !== 'variance') {
      weights *= Math.max(1, ...(v as number[]).map(Math.abs));
    }
  }
  const tol =
    dtype === 'f64' ? TOL.f64 : { ...TOL.f32, abs: Math.max(TOL.f32.abs, 2 ** -23 * weights) };
  let r: LossResult;
  try {
    r = callLoss(c, run, dtype, n);
  } catch (e) {
    return `${c.loss} '${c.name}' ${run.reduction} ${dtype}: threw ${String(e)}`;
  }
  const what = `${c.loss} '${c.name}' ${JSON.stringify(c.options).slice(0, 80)} ${run.reduction} ${dtype}`;
  if (!(r.grad instanceof (dtype === 'f64' ? Float64Array : Float32Array))) {
    return `${what}: gradient is a ${r.grad.constructor.name}`;
  }
  const parts: [string, ArrayLike<number>, (number | string)[]][] = [
    ['value', [r.value], [expected.value]],
    ['grad', r.grad, expected.grad],
  ];
  if (expected.values !== undefined) {
    parts.push(['values', r.values ?? [], expected.values]);
  }
  for (const [part, actual, exp] of parts) {
    const w = worst(actual, exp, partTolerance(c, dtype, part, tol, weights));
    record(dtype, w.rel);
    if (!(w.ratio <= 1)) {
      return `${what} ${part}[${w.index}]: got ${actual[w.index]}, expected ${exp[w.index]}`;
    }
  }
  return null;
}

describe('losses against PyTorch (torchLosses.json)', () => {
  const losses = [...new Set(cases.map((c) => c.loss))];

  it('covers each of the twenty losses, with thousands of comparisons', () => {
    expect([...losses].sort()).toEqual(
      [
        'bce',
        'bceWithLogits',
        'crossEntropy',
        'focal',
        'gaussianNll',
        'hinge',
        'huber',
        'klDiv',
        'logCosh',
        'mae',
        'mape',
        'mse',
        'msle',
        'multiMargin',
        'nll',
        'poissonNll',
        'quantile',
        'smoothL1',
        'softmaxCrossEntropy',
        'squaredHinge',
      ].sort(),
    );
    const runs = cases.reduce((s, c) => s + c.runs.length, 0);
    expect(runs).toBeGreaterThan(5000);
  });

  it('records only documented differences, each a real one', () => {
    const seen = new Set<string>();
    for (const c of cases) {
      for (const run of c.runs) {
        const diff = run.diff;
        if (diff === undefined) {
          continue;
        }
        const what = `${c.loss} '${c.name}' ${run.reduction}`;
        expect(DIFFERENCES, what).toContain(diff.id);
        seen.add(diff.id);
        // PyTorch's numbers are kept for the dtype where they differ, and they do differ.
        const differs = (['f64', 'f32'] as const).some((dtype) => {
          const theirs = diff[dtype];
          const ours = run[dtype];
          if (theirs === undefined || ours === undefined) {
            return theirs !== undefined;
          }
          const a = [theirs.value, ...theirs.grad, ...(theirs.values ?? [])].map(num);
          const b = [ours.value, ...ours.grad, ...(ours.values ?? [])].map(num);
          return a.some(
            (x, i) => !(Math.abs(x - (b[i] as number)) <= 1e-12 * Math.abs(b[i] as number)),
          );
        });
        expect(differs, what).toBe(true);
        if (diff.id === 'zero-denominator') {
          expect(diff.f64?.value, what).toBe('nan');
        }
      }
    }
    expect([...seen].sort()).toEqual([...DIFFERENCES].sort());
  });

  // LOSSLAB_PARITY_REPORT=1 prints the case counts and worst relative errors per loss.
  const report: Record<string, { f64: number; f32: number; rel64: number; rel32: number }> = {};
  afterAll(() => {
    if (process.env.LOSSLAB_PARITY_REPORT !== undefined) {
      console.table(report);
    }
  });

  for (const loss of losses) {
    it(`${loss} matches PyTorch in float64 (1e-10) and float32`, () => {
      const failures: string[] = [];
      const row = (report[loss] = { f64: 0, f32: 0, rel64: 0, rel32: 0 });
      const record = (dtype: 'f64' | 'f32', rel: number): void => {
        if (dtype === 'f64') {
          row.rel64 = Math.max(row.rel64, rel);
        } else {
          row.rel32 = Math.max(row.rel32, rel);
        }
      };
      let n = 0;
      for (const c of cases) {
        if (c.loss !== loss) {
          continue;
        }
        for (const run of c.runs) {
          for (const dtype of ['f64', 'f32'] as const) {
            if (run[dtype] !== undefined) {
              row[dtype]++;
            }
            const f = check(c, run, dtype, n++, record);
            if (f !== null) {
              failures.push(f);
            }
          }
        }
      }
      expect(failures.slice(0, 5), `${failures.length} failures`).toEqual([]);
    });
  }
});
