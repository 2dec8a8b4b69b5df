// No silent non-finite in the optimizers and schedules (fast-check): for finite gradients and
// parameters at every magnitude from subnormal to 1e300 and extreme but valid hyperparameters,
// every update, learning rate and state stays finite, or the call throws a LosslabError naming the
// function the user called and an argument.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adamw } from './adamw';
import { asgd } from './asgd';
import { clipByGlobalNorm } from './clipByGlobalNorm';
import { clipByValue } from './clipByValue';
import { constantSchedule } from './constantSchedule';
import { cosineAnnealingSchedule } from './cosineAnnealingSchedule';
import { cosineAnnealingWarmRestartsSchedule } from './cosineAnnealingWarmRestartsSchedule';
import { cosineDecaySchedule } from './cosineDecaySchedule';
import { cyclicSchedule } from './cyclicSchedule';
import { exponentialSchedule } from './exponentialSchedule';
import type { GradientTransformation } from './GradientTransformation';
import { lamb } from './lamb';
import { lbfgs } from './lbfgs';
import { linearWarmupSchedule } from './linearWarmupSchedule';
import { lion } from './lion';
import { multiStepSchedule } from './multiStepSchedule';
import { nadam } from './nadam';
import { oneCycleSchedule } from './oneCycleSchedule';
import { polynomialSchedule } from './polynomialSchedule';
import { radam } from './radam';
import { reduceOnPlateau } from './reduceOnPlateau';
import { rmsprop } from './rmsprop';
import { rprop } from './rprop';
import type { Schedule } from './Schedule';
import { sgd } from './sgd';
import { stepSchedule } from './stepSchedule';

/** Finite numbers at every magnitude: sign * 10^e for e in [-323, 300], zeros and subnormals. */
const magnitude = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.boolean(), fc.double({ min: -323, max: 300, noNaN: true })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[boolean, number]>([false, -Infinity], [true, -Infinity]),
    },
  )
  .map(([neg, e]) => (neg ? -1 : 1) * 10 ** e); // 10 ** -Infinity = 0

const vector = (n: number): fc.Arbitrary<number[]> =>
  fc.array(magnitude, { minLength: n, maxLength: n });

const unit = fc.constantFrom(0, 0.5, 0.9, 0.999, 1 - 1e-12);
const small = fc.constantFrom(1e-300, 1e-12, 1e-8, 1, 1e3);
const decay = fc.constantFrom(0, 1e-4, 0.1, 10);
const lrArb = fc.oneof(
  fc.double({ min: -12, max: 1, noNaN: true }).map((e) => 10 ** e),
  fc.constantFrom<number | string>('cosine', 'exponential', 'cyclic'),
);

function lrOf(v: number | string): number | Schedule {
  if (typeof v === 'number') {
    return v;
  }
  if (v === 'cosine') {
    return cosineDecaySchedule({ initLr: 0.1, decaySteps: 3, warmupSteps: 1 });
  }
  if (v === 'exponential') {
    return exponentialSchedule({ initLr: 1, gamma: 1e100 }); // overflows at step 4
  }
  return cyclicSchedule({ baseLr: 0, maxLr: 10, stepSizeUp: 2 });
}

/** A maker that prints as its options in fast-check's counterexamples. */
function described<T>(options: unknown, make: () => T): () => T {
  return Object.assign(make, { toString: (): string => JSON.stringify(options) });
}

type Opts = Record<string, unknown> & { lr: number | string };
const rec = (r: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Opts> =>
  fc.record({ lr: lrArb, ...r }) as fc.Arbitrary<Opts>;
// `lr` out of the options, the rest passed as they are.
const rest = ({ lr: _lr, ...o }: Opts): never => o as never;

/**
 * Each maker: the function name errors must carry, arbitrary options (printed as they are in a
 * counterexample), and how to build the optimizer from them.
 */
const makers: [string, fc.Arbitrary<Opts>, (o: Opts) => GradientTransformation][] = [
  [
    'sgd',
    rec({ momentum: fc.constantFrom(0, 0.9, 10), weightDecay: decay, nesterov: fc.boolean() }),
    (o) =>
      sgd(lrOf(o.lr), {
        momentum: o.momentum as number,
        weightDecay: o.weightDecay as number,
        nesterov: (o.nesterov as boolean) && (o.momentum as number) > 0,
      }),
  ],
  [
    'adam',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay, amsgrad: fc.boolean() }),
    (o) => adam(lrOf(o.lr), rest(o)),
  ],
  [
    'adamw',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay, amsgrad: fc.boolean() }),
    (o) => adamw(lrOf(o.lr), rest(o)),
  ],
  [
    'nadam',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay, momentumDecay: decay }),
    (o) => nadam(lrOf(o.lr), rest(o)),
  ],
  [
    'rmsprop',
    rec({
      alpha: unit,
      eps: small,
      weightDecay: decay,
      centered: fc.boolean(),
      momentum: fc.constantFrom(0, 0.9),
    }),
    (o) => rmsprop(lrOf(o.lr), rest(o)),
  ],
  [
    'adagrad',
    rec({ lrDecay: decay, eps: small, weightDecay: decay, initialAccumulatorValue: decay }),
    (o) => adagrad(lrOf(o.lr), rest(o)),
  ],
  [
    'adamax',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay }),
    (o) => adamax(lrOf(o.lr), rest(o)),
  ],
  ['lion', rec({ b1: unit, b2: unit, weightDecay: decay }), (o) => lion(lrOf(o.lr), rest(o))],
  [
    'adadelta',
    rec({ rho: unit, eps: small, weightDecay: decay }),
    (o) => adadelta(lrOf(o.lr), rest(o)),
  ],
  [
    'radam',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay }),
    (o) => radam(lrOf(o.lr), rest(o)),
  ],
  [
    'rprop',
    fc.record({ lr: fc.constantFrom(1e-300, 0.01, 1e300), etaPlus: fc.constantFrom(1.2, 1e10) }),
    (o) => rprop(o.lr as number, { etaPlus: o.etaPlus as number, maxStepSize: 1e300 }),
  ],
  [
    'asgd',
    rec({ lambd: decay, alpha: fc.constantFrom(0, 0.75, 3), t0: fc.constantFrom(0, 2, 1e6) }),
    (o) => asgd(lrOf(o.lr), rest(o)),
  ],
  [
    'lamb',
    rec({ b1: unit, b2: unit, eps: small, weightDecay: decay }),
    (o) => lamb(lrOf(o.lr), rest(o)),
  ],
  [
    'lbfgs',
    fc.record({ lr: fc.constantFrom(1e-8, 1, 1e8), historySize: fc.constantFrom(1, 100) }),
    (o) => lbfgs(o.lr as number, { maxIter: 1, historySize: o.historySize as number }),
  ],
];

function finiteDeep(x: unknown): boolean {
  if (typeof x === 'number') {
    return Number.isFinite(x);
  }
  if (ArrayBuffer.isView(x)) {
    return Array.prototype.every.call(x, (v: number) => Number.isFinite(v));
  }
  if (Array.isArray(x)) {
    return x.every(finiteDeep);
  }
  if (x !== null && typeof x === 'object') {
    return Object.values(x).every(finiteDeep);
  }
  return true;
}

// LbfgsState.prevLoss starts as NaN (no loss seen): the one non-finite number a state may hold.
function stateFinite(state: unknown): boolean {
  return finiteDeep(stripPrevLoss(state));
}

function stripPrevLoss(state: unknown): unknown {
  if (state !== null && typeof state === 'object' && 'prevLoss' in state) {
    const rest: Record<string, unknown> = { ...(state as Record<string, unknown>) };
    if (Number.isNaN(rest.prevLoss)) {
      delete rest.prevLoss;
    }
    return rest;
  }
  return state;
}

/**
 * True when `e` is a LosslabError of `fn`, or of the schedule it was given (a schedule that
 * overflows names itself), that names an argument.
 */
function namedError(e: unknown, fn: string): boolean {
  return (
    e instanceof LosslabError && (e.fn === fn || e.fn.endsWith('Schedule')) && e.arg.length > 0
  );
}

const CASES_PER_OPTIMIZER = 1200;
const CASES_PER_PATH = 200;

// Finite float32 values at every magnitude, subnormals (1.4e-45) to 3.4e38.
const magnitude32 = fc
  .tuple(fc.boolean(), fc.double({ min: -46, max: 38.5, noNaN: true }))
  .map(([neg, e]) => Math.fround((neg ? -1 : 1) * 10 ** e))
  .filter((v) => Number.isFinite(v));

// The law on each path: float64 through `update` (the composable path), and float32 and the
// fused updateInPlace, whose parameters must stay finite too (a Float32Array overflows sooner).
const PATHS = [
  { path: 'float64 update', float32: false, fused: false, runs: CASES_PER_OPTIMIZER, seed: 2024 },
  { path: 'float64 updateInPlace', float32: false, fused: true, runs: CASES_PER_PATH, seed: 2025 },
  { path: 'float32 update', float32: true, fused: false, runs: CASES_PER_PATH, seed: 2025 },
  { path: 'float32 updateInPlace', float32: true, fused: true, runs: CASES_PER_PATH, seed: 2025 },
] as const;

describe('optimizers never return a silent non-finite (property)', () => {
  it.each(makers.flatMap((m) => PATHS.map((p) => [`${m[0]} (${p.path})`, m, p] as const)))(
    '%s',
    (_title, [fn, options, build], { float32, fused, runs, seed }) => {
      const value = float32 ? magnitude32 : magnitude;
      const arr = (v: number[]): Float32Array | Float64Array =>
        float32 ? Float32Array.from(v) : Float64Array.from(v);
      const size = 3;
      fc.assert(
        fc.property(
          options,
          fc.array(fc.array(value, { minLength: size, maxLength: size }), {
            minLength: 1,
            maxLength: 5,
          }),
          fc.array(value, { minLength: size, maxLength: size }),
          fc.array(magnitude, { minLength: 5, maxLength: 5 }),
          (o, gradSeq, params, losses) => {
            const opt = build(o);
            const p = arr(params);
            let state = opt.init(p);
            for (let t = 0; t < gradSeq.length; t++) {
              try {
                const lr = opt.learningRate?.(state);
                if (lr !== undefined && !Number.isFinite(lr)) {
                  return false;
                }
                const extra = { loss: Math.abs(losses[t]!) };
                const g = arr(gradSeq[t]!);
                if (fused && opt.updateInPlace !== undefined) {
                  state = opt.updateInPlace(g, state, p, extra);
                  if (!finiteDeep(p) || !stateFinite(state)) {
                    return false;
                  }
                } else {
                  const [u, next] = opt.update(g, state, p, extra);
                  if (!finiteDeep(u) || !stateFinite(next)) {
                    return false;
                  }
                  state = next;
                }
              } catch (e) {
                return namedError(e, fn);
              }
            }
            return true;
          },
        ),
        { numRuns: runs, seed },
      );
    },
  );

  it('clipping and reduce-on-plateau stay finite on any finite gradient', () => {
    fc.assert(
      fc.property(
        vector(4),
        fc.constantFrom(1e-300, 1, 1e300),
        fc.array(magnitude, { minLength: 3, maxLength: 3 }),
        (g, limit, losses) => {
          const params = new Float64Array(4);
          for (const opt of [
            clipByGlobalNorm(limit),
            clipByGlobalNorm(limit, { eps: 1e-6 }),
            clipByValue(limit),
          ] as GradientTransformation[]) {
            const [u] = opt.update(Float64Array.from(g), opt.init(params), params);
            if (!finiteDeep(u)) {
              return false;
            }
          }
          const plateau = reduceOnPlateau({ patience: 0, factor: 0.5, mode: 'max' });
          let s = plateau.init(params);
          for (const loss of losses) {
            const [u, next] = plateau.update(Float64Array.from(g), s, params, { loss });
            if (!finiteDeep(u) || !finiteDeep({ ...next, best: 0 })) {
              return false;
            }
            s = next;
          }
          return true;
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

const scheduleMakers: [string, fc.Arbitrary<() => Schedule>][] = [
  [
    'constantSchedule',
    fc.constantFrom(0, 1e-300, 1e300).map((v) => described(v, () => constantSchedule(v))),
  ],
  [
    'stepSchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        stepSize: fc.integer({ min: 1, max: 10 }),
        gamma: fc.constantFrom(0, 0.1, 1, 2, 1e10),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => stepSchedule(o))),
  ],
  [
    'exponentialSchedule',
    fc
      .record({ initLr: magnitude.map(Math.abs), gamma: fc.constantFrom(0, 0.5, 1, 1.5, 1e10) })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => exponentialSchedule(o))),
  ],
  [
    'multiStepSchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        milestones: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        gamma: fc.constantFrom(0, 0.1, 1e20),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => multiStepSchedule(o))),
  ],
  [
    'polynomialSchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        totalIters: fc.integer({ min: 1, max: 1000 }),
        power: fc.constantFrom(1e-300, 0.5, 1, 300),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => polynomialSchedule(o))),
  ],
  [
    'cosineDecaySchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        decaySteps: fc.integer({ min: 1, max: 1000 }),
        alpha: fc.constantFrom(0, 0.5, 1),
        warmupSteps: fc.integer({ min: 0, max: 100 }),
        warmupInit: fc.constantFrom(0, 1e300),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => cosineDecaySchedule(o))),
  ],
  [
    'linearWarmupSchedule',
    fc
      .record({
        peakLr: magnitude.map(Math.abs),
        warmupSteps: fc.integer({ min: 1, max: 100 }),
        warmupInit: fc.constantFrom(0, 1e300),
      })
      .filter((o) => o.peakLr > 0)
      .map((o) => described(o, () => linearWarmupSchedule(o))),
  ],
  [
    'cosineAnnealingSchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        tMax: fc.integer({ min: 1, max: 1000 }),
        etaMin: fc.constantFrom(0, 1e300),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => cosineAnnealingSchedule(o))),
  ],
  [
    'cosineAnnealingWarmRestartsSchedule',
    fc
      .record({
        initLr: magnitude.map(Math.abs),
        t0: fc.integer({ min: 1, max: 100 }),
        tMult: fc.integer({ min: 1, max: 5 }),
        etaMin: fc.constantFrom(0, 1e300),
      })
      .filter((o) => o.initLr > 0)
      .map((o) => described(o, () => cosineAnnealingWarmRestartsSchedule(o))),
  ],
  [
    'oneCycleSchedule',
    fc
      .record({
        maxLr: magnitude.map(Math.abs),
        totalSteps: fc.integer({ min: 100, max: 10000 }),
        divFactor: fc.constantFrom(1e-300, 25, 1e300),
        finalDivFactor: fc.constantFrom(1e-300, 1e4, 1e300),
        threePhase: fc.boolean(),
      })
      .filter((o) => o.maxLr > 0)
      .map((o) => described(o, () => oneCycleSchedule(o))),
  ],
  [
    'cyclicSchedule',
    fc
      .record({
        baseLr: fc.constantFrom(0, 1e-300, 1),
        maxLr: fc.constantFrom(2, 1e300),
        stepSizeUp: fc.integer({ min: 1, max: 100 }),
        mode: fc.constantFrom<'triangular' | 'triangular2' | 'exp_range'>(
          'triangular',
          'triangular2',
          'exp_range',
        ),
        gamma: fc.constantFrom(1e-300, 0.5, 1),
      })
      .map((o) => described(o, () => cyclicSchedule(o))),
  ],
];

describe('schedules never return a silent non-finite (property)', () => {
  it.each(scheduleMakers)('%s', (fn, maker) => {
    fc.assert(
      fc.property(
        maker,
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (make, steps) => {
          let schedule: Schedule;
          try {
            schedule = make();
          } catch (e) {
            return namedError(e, fn);
          }
          for (const step of steps) {
            try {
              const lr = schedule(step);
              if (!(Number.isFinite(lr) && lr >= 0)) {
                return false;
              }
            } catch (e) {
              if (!namedError(e, fn)) {
                return false;
              }
            }
          }
          return true;
        },
      ),
      { numRuns: 1500, seed: 99 },
    );
  });
});

it('the property tests above run tens of thousands of cases', () => {
  const optimizerCases = makers.length * PATHS.reduce((sum, p) => sum + p.runs, 0);
  expect(optimizerCases + 3000 + scheduleMakers.length * 1500).toBeGreaterThan(44_000);
});
