// The WebAssembly SIMD kernels against the JS path they replace, and their exp/log against
// Math's. The loss suites run on both paths (the 'core' project with LOSSLAB_WASM_MIN=0 sends
// every test input through the kernels, 'core-js' with LOSSLAB_NO_WASM=1 through the JS loops:
// packages/core/vitest.config.mts and the root vitest.config.mts); this file checks what those
// cannot see: that the kernels are really on, that both paths store the same numbers across
// chunk boundaries, and that the committed binary is built from kernels.c.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bceLoss } from '../losses/bceLoss';
import { bceWithLogitsLoss } from '../losses/bceWithLogitsLoss';
import { huberLoss } from '../losses/huberLoss';
import { logCoshLoss } from '../losses/logCoshLoss';
import { maeLoss } from '../losses/maeLoss';
import { mseLoss } from '../losses/mseLoss';
import { smoothL1Loss } from '../losses/smoothL1Loss';
import { softmaxCrossEntropy } from '../losses/softmaxCrossEntropy';
import { RandomState } from '../data/RandomState';
import { meanAbsoluteError } from '../metrics/meanAbsoluteError';
import { meanSquaredError } from '../metrics/meanSquaredError';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { DEFAULT_MIN_LENGTH, configureKernels, kernelMath, kernelsActive } from './wasmKernels';

const disabled = ['1', 'true'].includes(process.env.LOSSLAB_NO_WASM ?? '');
const initialMin = process.env.LOSSLAB_WASM_MIN;

afterEach(() => {
  // Back to what the project's environment asked for.
  configureKernels({
    enabled: !disabled,
    minLength: initialMin === undefined ? DEFAULT_MIN_LENGTH : Number(initialMin),
  });
});

/** Distance from `a` to the reference `b` in units in the last place of `b`. */
function ulps(a: number, b: number): number {
  if (a === b) {
    return 0;
  }
  const bits = new Float64Array([Math.abs(b)]);
  const view = new BigInt64Array(bits.buffer);
  view[0] = (view[0] as bigint) + 1n;
  return Math.abs(a - b) / ((bits[0] as number) - Math.abs(b));
}

describe('wasm kernels', () => {
  it('are loaded in this project unless LOSSLAB_NO_WASM is set (Node 20 has WebAssembly SIMD)', () => {
    expect(kernelsActive()).toBe(!disabled);
    if (!disabled) {
      expect(initialMin).toBe('0');
    }
  });

  it('exp, log and log1p are within 1 ulp of Math.exp, Math.log, Math.log1p', () => {
    const n = 200_000;
    const cases: [string, (x: number) => number, (i: number) => number][] = [
      ['vexp', Math.exp, (i) => -745 + 809 * (i / n)], // softmax's fused range, subnormals included
      ['vexp', Math.exp, (i) => -1e-3 * (i / n) ** 3],
      ['vlog', Math.log, (i) => Math.exp(-700 + 1400 * (i / n))],
      ['vlog', Math.log, (i) => 0.5 + 1.5 * (i / n)],
      ['vlog1p', Math.log1p, (i) => -1 + 2 * (i / n)],
      ['vlog1p', Math.log1p, (i) => Math.exp(-745 * (i / n))], // log1p(exp(-|x|)) of BCE with logits
    ];
    for (const [name, ref, at] of cases) {
      configureKernels({ enabled: true });
      const x = Float64Array.from({ length: n }, (_, i) => at(i));
      const y = kernelMath(name as 'vexp' | 'vlog' | 'vlog1p', x);
      let worst = 0;
      for (let i = 0; i < n; i++) {
        worst = Math.max(worst, ulps(y[i] as number, ref(x[i] as number)));
      }
      expect(worst, name).toBeLessThanOrEqual(1);
    }
    expect(Array.from(kernelMath('vlog1p', new Float64Array([-1, 0])))).toEqual([-Infinity, 0]);
  });
});

type Loss = (p: FloatArray, t: FloatArray, o?: LossOptions) => LossResult;

/**
 * |a - b| <= rtol |b| + floor max|b| element by element (and the same signed zeros and NaNs).
 */
function expectClose(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rtol: number,
  what: string,
  floor = 0,
): void {
  expect(a.length, what).toBe(b.length);
  let top = 0;
  for (let i = 0; i < b.length; i++) {
    top = Math.max(top, Math.abs(b[i] as number));
  }
  for (let i = 0; i < b.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    // One expect per failure, not per element: the arrays hold up to 36,000 numbers.
    if (!Object.is(x, y) && !(Math.abs(x - y) <= rtol * Math.abs(y) + floor * top)) {
      expect(x, `${what} [${i}]`).toBe(y);
    }
  }
}

describe('wasm and JS paths', () => {
  const rng = new RandomState(14);
  const uniform = (n: number, lo: number, hi: number): number[] =>
    Array.from(rng.rand(n), (u) => lo + (hi - lo) * u);

  const losses: [string, Loss, object, [number, number], [number, number]][] = [
    ['mseLoss', mseLoss as Loss, {}, [-3, 3], [-3, 3]],
    ['maeLoss', maeLoss as Loss, {}, [-3, 3], [-3, 3]],
    ['huberLoss', huberLoss as Loss, { delta: 0.7 }, [-3, 3], [-3, 3]],
    ['smoothL1Loss', smoothL1Loss as Loss, { beta: 0.5 }, [-3, 3], [-3, 3]],
    ['smoothL1Loss beta 0', smoothL1Loss as Loss, { beta: 0 }, [-3, 3], [-3, 3]],
    ['logCoshLoss', logCoshLoss as Loss, {}, [-3, 3], [-3, 3]],
    ['logCoshLoss small', logCoshLoss as Loss, {}, [-0.2, 0.2], [-0.2, 0.2]],
    ['logCoshLoss large', logCoshLoss as Loss, {}, [-500, 500], [-1, 1]],
    ['bceLoss', bceLoss as Loss, {}, [0, 1], [0, 1]],
    ['bceLoss smoothed', bceLoss as Loss, { labelSmoothing: 0.1 }, [0, 1], [0, 1]],
    ['bceWithLogitsLoss', bceWithLogitsLoss as Loss, {}, [-40, 40], [0, 1]],
    [
      'bceWithLogitsLoss',
      bceWithLogitsLoss as Loss,
      { posWeight: 2.5, labelSmoothing: 0.2 },
      [-800, 800],
      [0, 1],
    ],
  ];

  // Sizes around the kernels' unrolling (4) and chunk (8192) boundaries.
  it('store the same gradients and values and agree on the loss to 1e-12 (a sum in another order) (float64 and float32)', () => {
    for (const Ctor of [Float64Array, Float32Array]) {
      for (const n of [1, 3, 6, 8191, 8193, 20_001]) {
        for (const [name, f, opts, [pl, ph], [tl, th]] of losses) {
          const p = Ctor.from(uniform(n, pl, ph));
          const t = Ctor.from(uniform(n, tl, th));
          // Exact hits: MAE's and Huber's kink, BCE's p = 0 and 1 (log clamped at -100), -0.
          for (let i = 0; i < n; i += 5) {
            t[i] = name.startsWith('bce') ? (t[i] as number) : (p[i] as number);
          }
          if (name.startsWith('bceLoss') && n > 3) {
            [p[0], p[1], p[2]] = [0, 1, -0];
          }
          for (const reduction of ['mean', 'sum', 'none'] as const) {
            for (const weight of [undefined, Ctor.from(uniform(n, 0, 2))]) {
              const o = { ...opts, reduction, weight };
              configureKernels({ enabled: false });
              const js = f(p, t, o);
              expect(configureKernels({ enabled: true, minLength: 0 })).toBe(true);
              const simd = f(p, t, o);
              const what = `${name} ${Ctor.name} n=${n} ${reduction}${weight ? ' weighted' : ''}`;
              expectClose([simd.value], [js.value], 1e-12, `${what} value`);
              // The same doubles, except through exp, log and tanh (a few ulp apart), where a
              // difference of two terms (BCE with logits' (1 - y) sigma(x) - rho y sigma(-x)) may
              // cancel.
              const [rtol, floor] = /^(bce|logCosh)/.test(name) ? [1e-13, 1e-15] : [0, 0];
              expectClose(simd.grad, js.grad, rtol, `${what} grad`, floor);
              expectClose(simd.values ?? [], js.values ?? [], rtol, `${what} values`, floor);
            }
          }
        }
      }
    }
  });

  it('softmax cross-entropy agrees to 1e-12, ignored rows and rows redone with the max included', () => {
    for (const Ctor of [Float64Array, Float32Array]) {
      for (const [B, C] of [
        [3, 5],
        [10, 10],
        [50, 1000],
        [3, 8192],
        [2, 9000],
      ] as const) {
        const x = Ctor.from(uniform(B * C, -30, 30));
        const t = Int32Array.from({ length: B }, (_, i) => (i * 7919) % C);
        t[1] = -100;
        x[2 * C] = 900; // row 2: a logit far above the target's
        // The last row: one logit 720 below the target's (exp underflows toward subnormals: the
        // fused pass gives up below -708).
        const last = (B - 1) * C;
        x[last + (((t[B - 1] as number) + 1) % C)] =
          (x[last + (t[B - 1] as number)] as number) - 720;
        for (const reduction of ['mean', 'sum', 'none'] as const) {
          for (const weight of [undefined, Ctor.from(uniform(B, 0, 2))]) {
            const o = { reduction, weight, classes: C };
            configureKernels({ enabled: false });
            const js = softmaxCrossEntropy(x, t, o);
            configureKernels({ enabled: true, minLength: 0 });
            const simd = softmaxCrossEntropy(x, t, o);
            const what = `${Ctor.name} ${B}x${C} ${reduction}${weight ? ' weighted' : ''}`;
            expectClose([simd.value], [js.value], 1e-12, `${what} value`);
            // exp within 1 ulp of the JS table method's, then a sum and a division; in float32
            // each p is rounded twice (exp stored, then scaled): 1 ulp of exp may become 2.
            expectClose(simd.grad, js.grad, Ctor === Float32Array ? 2.4e-7 : 1e-14, `${what} grad`);
            expectClose(simd.values ?? [], js.values ?? [], 1e-13, `${what} values`);
          }
        }
      }
    }
  });

  it('the value-only metrics agree to 1e-12 (sums in a different order)', () => {
    for (const Ctor of [Float64Array, Float32Array]) {
      for (const n of [1, 7, 8193, 30_000]) {
        const p = Ctor.from(uniform(n, -2, 2));
        const t = Ctor.from(uniform(n, -2, 2));
        configureKernels({ enabled: false });
        const js = [meanSquaredError(p, t), meanAbsoluteError(p, t)];
        configureKernels({ enabled: true, minLength: 0 });
        expectClose(
          [meanSquaredError(p, t), meanAbsoluteError(p, t)],
          js,
          1e-12,
          `${Ctor.name} ${n}`,
        );
      }
    }
  });
});

describe('kernelsWasm.ts', () => {
  it('is the binary clang builds from kernels.c (scripts/build_wasm.mjs --check)', () => {
    const script = join(__dirname, '..', '..', 'scripts', 'build_wasm.mjs');
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('matches');
    expect(r.status).toBe(0);
  }, 120_000);
});
