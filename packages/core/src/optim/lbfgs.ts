import type { FloatArray } from '../types';
import { findNonFinite } from '../check';
import { LosslabError } from '../errors';
import {
  checkGrads,
  checkInitParams,
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkParams,
  checkPositiveHyper,
  checkState,
} from './checkHyper';
import type { GradientTransformation, LossAndGrad, UpdateExtra } from './GradientTransformation';

/** Options of `lbfgs`, as torch.optim.LBFGS names them. */
export interface LbfgsOptions {
  /** Iterations per `update` (an integer >= 1). Default 20. */
  maxIter?: number;
  /** Loss evaluations per `update` (an integer >= 1). Default `floor(maxIter * 5 / 4)`. */
  maxEval?: number;
  /** Stop when the largest gradient element is at most this, >= 0. Default 1e-7. */
  toleranceGrad?: number;
  /** Stop when the loss or the step changes by less than this, >= 0. Default 1e-9. */
  toleranceChange?: number;
  /** Correction pairs kept (an integer >= 1). Default 100. */
  historySize?: number;
  /** 'strongWolfe' for the strong-Wolfe line search, or null for the fixed step `lr`. Default null. */
  lineSearch?: 'strongWolfe' | null;
}

/** The state of `lbfgs`: PyTorch's, with the correction pairs as plain arrays. */
export interface LbfgsState {
  readonly size: number;
  readonly funcEvals: number;
  readonly nIter: number;
  readonly d: Float64Array | null;
  readonly t: number;
  readonly oldDirs: Float64Array[];
  readonly oldStps: Float64Array[];
  readonly ro: number[];
  readonly hDiag: number;
  readonly prevFlatGrad: Float64Array | null;
  readonly prevLoss: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    s += (a[i] as number) * (b[i] as number);
  }
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i] as number);
    if (v > m || v !== v) {
      m = v;
    }
  }
  return m;
}

/** PyTorch's `_cubic_interpolate`: the minimizer of the cubic through two points and slopes. */
function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  bounds?: [number, number],
): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

type Eval = (t: number) => [number, Float64Array];

/** PyTorch's `_strong_wolfe` (c1 1e-4, c2 0.9, 25 evaluations), line for line. */
function strongWolfe(
  obj: Eval,
  t0: number,
  d: Float64Array,
  f: number,
  g: Float64Array,
  gtd: number,
  toleranceChange: number,
): [number, Float64Array, number, number] {
  const c1 = 1e-4;
  const c2 = 0.9;
  const maxLs = 25;
  let t = t0;
  const dNorm = maxAbs(d);
  let [fNew, gNew] = obj(t);
  let lsFuncEvals = 1;
  let gtdNew = dot(gNew, d);
  let tPrev = 0;
  let fPrev = f;
  let gPrev = g;
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Float64Array[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      bracket = [t];
      bracketF = [fNew];
      bracketG = [gNew];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = gNew;
    gtdPrev = gtdNew;
    [fNew, gNew] = obj(t);
    lsFuncEvals += 1;
    gtdNew = dot(gNew, d);
    lsIter += 1;
  }
  if (lsIter === maxLs) {
    bracket = [0, t];
    bracketF = [f, fNew];
    bracketG = [g, gNew];
  }
  // Zoom: shrink the bracket until a point satisfies the strong Wolfe conditions.
  let insufProgress = false;
  let [lowPos, highPos] =
    (bracketF[0] as number) <= (bracketF[bracketF.length - 1] as number) ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    const b0 = bracket[0] as number;
    const b1 = bracket[1] as number;
    if (Math.abs(b1 - b0) * dNorm < toleranceChange) {
      break;
    }
    t = cubicInterpolate(
      b0,
      bracketF[0] as number,
      bracketGtd[0] as number,
      b1,
      bracketF[1] as number,
      bracketGtd[1] as number,
    );
    const bMax = Math.max(b0, b1);
    const bMin = Math.min(b0, b1);
    const eps = 0.1 * (bMax - bMin);
    if (Math.min(bMax - t, t - bMin) < eps) {
      if (insufProgress || t >= bMax || t <= bMin) {
        t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
        insufProgress = false;
      } else {
        insufProgress = true;
      }
    } else {
      insufProgress = false;
    }
    [fNew, gNew] = obj(t);
    lsFuncEvals += 1;
    gtdNew = dot(gNew, d);
    lsIter += 1;
    if (fNew > f + c1 * t * gtd || fNew >= (bracketF[lowPos] as number)) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = gNew;
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = (bracketF[0] as number) <= (bracketF[1] as number) ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        done = true;
      } else if (gtdNew * ((bracket[highPos] as number) - (bracket[lowPos] as number)) >= 0) {
        bracket[highPos] = bracket[lowPos] as number;
        bracketF[highPos] = bracketF[lowPos] as number;
        bracketG[highPos] = bracketG[lowPos] as Float64Array;
        bracketGtd[highPos] = bracketGtd[lowPos] as number;
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = gNew;
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return [
    bracketF[lowPos] as number,
    bracketG[lowPos] as Float64Array,
    bracket[lowPos] as number,
    lsFuncEvals,
  ];
}

/**
 * L-BFGS (Nocedal 1980; Liu and Nocedal 1989), a port of torch.optim.LBFGS (itself after
 * minFunc): each `update` runs up to `maxIter` quasi-Newton iterations, the direction from the
 * last `historySize` correction pairs by the two-loop recursion, the step `lr` (the first
 * iteration of a run: `min(1, 1 / |g|_1) lr`), or with `lineSearch: 'strongWolfe'` a step that
 * satisfies the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9, at most 25 evaluations, cubic
 * interpolation). It stops early on PyTorch's tolerances (`toleranceGrad` on the largest gradient
 * element, `toleranceChange` on the directional derivative, the step and the loss change).
 *
 * It evaluates the loss away from the current parameters, so `update` needs, besides the gradient
 * and `extra.loss` at `params`, `extra.lossAndGrad(at, grad)`: PyTorch's closure. `fit` supplies
 * it (on the step's batch; L-BFGS is meant for full batches). With `maxIter: 1` and no line search
 * it needs none. The update returned is the total move of the parameters in this call.
 *
 * @example
 * // f(x) = (x0 - 3)^2 + 10 (x1 + 1)^2, minimized from 0 in one update.
 * const lossAndGrad = (x: Float64Array, g: Float64Array): number => {
 *   g[0] = 2 * (x[0]! - 3);
 *   g[1] = 20 * (x[1]! + 1);
 *   return (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2;
 * };
 * const opt = lbfgs(1, { lineSearch: 'strongWolfe' });
 * const params = new Float64Array(2);
 * const grads = new Float64Array(2);
 * const loss = lossAndGrad(params, grads);
 * const [u] = opt.update(grads, opt.init(params), params, { loss, lossAndGrad });
 * applyUpdates(params, u); // params ~ [3, -1]
 */
export function lbfgs(lr = 1, options?: LbfgsOptions): GradientTransformation<LbfgsState> {
  const fn = 'lbfgs';
  checkPositiveHyper(fn, 'lr', lr);
  checkOptions(fn, options, [
    'maxIter',
    'maxEval',
    'toleranceGrad',
    'toleranceChange',
    'historySize',
    'lineSearch',
  ]);
  const {
    maxIter = 20,
    toleranceGrad = 1e-7,
    toleranceChange = 1e-9,
    historySize = 100,
    lineSearch = null,
  } = options ?? {};
  checkInteger(fn, 'maxIter', maxIter, 1);
  const maxEval = options?.maxEval ?? Math.floor((maxIter * 5) / 4);
  checkInteger(fn, 'maxEval', maxEval, 1);
  checkNonNegativeHyper(fn, 'toleranceGrad', toleranceGrad);
  checkNonNegativeHyper(fn, 'toleranceChange', toleranceChange);
  checkInteger(fn, 'historySize', historySize, 1);
  if (lineSearch !== null && lineSearch !== 'strongWolfe') {
    throw new LosslabError(
      fn,
      'lineSearch',
      `'lineSearch' must be 'strongWolfe' or null, got ${String(lineSearch)}`,
    );
  }
  const needsClosure = lineSearch !== null || maxIter > 1;
  return {
    name: `lbfgs(lr=${lr}${maxIter !== 20 ? `, maxIter=${maxIter}` : ''}${lineSearch !== null ? ', strongWolfe' : ''})`,
    init(params: FloatArray): LbfgsState {
      checkInitParams(fn, params);
      return {
        size: params.length,
        funcEvals: 0,
        nIter: 0,
        d: null,
        t: 0,
        oldDirs: [],
        oldStps: [],
        ro: [],
        hDiag: 1,
        prevFlatGrad: null,
        prevLoss: NaN,
      };
    },
    update(
      grads: FloatArray,
      state: LbfgsState,
      params?: FloatArray,
      extra?: UpdateExtra,
    ): [FloatArray, LbfgsState] {
      checkState(fn, state, 'oldDirs');
      checkGrads(fn, grads, state.size);
      checkParams(fn, params, state.size);
      const loss0 = extra?.loss;
      if (typeof loss0 !== 'number') {
        throw new LosslabError(
          fn,
          'extra.loss',
          `needs the loss at 'params' in 'extra.loss', got ${String(loss0)}`,
        );
      }
      const closure: LossAndGrad | undefined = extra?.lossAndGrad;
      if (needsClosure && typeof closure !== 'function') {
        throw new LosslabError(
          fn,
          'extra.lossAndGrad',
          `needs 'extra.lossAndGrad(params, grad)' to evaluate the loss elsewhere (fit supplies it; or use maxIter 1 without a line search)`,
        );
      }
      const n = state.size;
      const evaluate = (at: Float64Array): [number, Float64Array] => {
        const g = new Float64Array(n);
        const f = (closure as LossAndGrad)(at, g);
        return [f, g];
      };
      const inputFinite =
        Number.isFinite(loss0) && findNonFinite(grads) < 0 && findNonFinite(params) < 0;
      let funcEvals = state.funcEvals + 1;
      let flatGrad = Float64Array.from(grads);
      let loss = loss0;
      const x = Float64Array.from(params);
      if (maxAbs(flatGrad) <= toleranceGrad) {
        grads.fill(0);
        return [grads, { ...state, funcEvals }];
      }
      let { d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad, prevLoss } = state;
      let globalIter = state.nIter;
      let currentEvals = 1;
      let iter = 0;
      while (iter < maxIter) {
        iter += 1;
        globalIter += 1;
        // The direction: steepest descent at first, then the two-loop recursion.
        if (globalIter === 1 || d === null || prevFlatGrad === null) {
          d = flatGrad.map((v) => -v);
          oldDirs = [];
          oldStps = [];
          ro = [];
          hDiag = 1;
        } else {
          const y = flatGrad.map((v, i) => v - (prevFlatGrad as Float64Array)[i]!);
          const s = d.map((v) => v * t);
          const ys = dot(y, s);
          if (ys > 1e-10) {
            if (oldDirs.length === historySize) {
              oldDirs.shift();
              oldStps.shift();
              ro.shift();
            }
            oldDirs.push(y);
            oldStps.push(s);
            ro.push(1 / ys);
            hDiag = ys / dot(y, y);
          }
          const numOld = oldDirs.length;
          const al = new Float64Array(numOld);
          const q = flatGrad.map((v) => -v);
          for (let i = numOld - 1; i >= 0; i--) {
            const a = dot(oldStps[i] as Float64Array, q) * (ro[i] as number);
            al[i] = a;
            const dir = oldDirs[i] as Float64Array;
            for (let k = 0; k < n; k++) {
              q[k] = (q[k] as number) + -a * (dir[k] as number);
            }
          }
          const r = q.map((v) => v * hDiag);
          for (let i = 0; i < numOld; i++) {
            const be = dot(oldDirs[i] as Float64Array, r) * (ro[i] as number);
            const c = (al[i] as number) - be;
            const stp = oldStps[i] as Float64Array;
            for (let k = 0; k < n; k++) {
              r[k] = (r[k] as number) + c * (stp[k] as number);
            }
          }
          d = r;
        }
        prevFlatGrad = flatGrad.slice();
        prevLoss = loss;
        // The step length: a guess, then the line search or the fixed step.
        if (globalIter === 1) {
          let sumAbs = 0;
          for (let k = 0; k < n; k++) {
            sumAbs += Math.abs(flatGrad[k] as number);
          }
          t = Math.min(1, 1 / sumAbs) * lr;
        } else {
          t = lr;
        }
        const gtd = dot(flatGrad, d);
        if (gtd > -toleranceChange) {
          break;
        }
        let lsFuncEvals = 0;
        let optCond = false;
        const dir = d;
        if (lineSearch !== null) {
          const trial = new Float64Array(n);
          const obj: Eval = (step) => {
            for (let k = 0; k < n; k++) {
              trial[k] = (x[k] as number) + step * (dir[k] as number);
            }
            return evaluate(trial);
          };
          [loss, flatGrad, t, lsFuncEvals] = strongWolfe(
            obj,
            t,
            dir,
            loss,
            flatGrad,
            gtd,
            toleranceChange,
          );
          for (let k = 0; k < n; k++) {
            x[k] = (x[k] as number) + t * (dir[k] as number);
          }
          optCond = maxAbs(flatGrad) <= toleranceGrad;
        } else {
          for (let k = 0; k < n; k++) {
            x[k] = (x[k] as number) + t * (dir[k] as number);
          }
          if (iter !== maxIter) {
            [loss, flatGrad] = evaluate(x);
            optCond = maxAbs(flatGrad) <= toleranceGrad;
            lsFuncEvals = 1;
          }
        }
        currentEvals += lsFuncEvals;
        funcEvals += lsFuncEvals;
        if (iter === maxIter || currentEvals >= maxEval || optCond) {
          break;
        }
        if (maxAbs(dir) * Math.abs(t) <= toleranceChange) {
          break;
        }
        if (Math.abs(loss - prevLoss) < toleranceChange) {
          break;
        }
      }
      let finite = true;
      for (let k = 0; k < n; k++) {
        grads[k] = (x[k] as number) - (params[k] as number);
        finite &&= Number.isFinite(grads[k]); // as stored: a Float32Array overflows beyond 3.4e38
      }
      // Finite gradients and loss that still give a non-finite step or state: the curvature
      // estimate overflowed. Say so rather than move to Infinity or keep a NaN for later.
      // The curvature pairs too: a product of two gradients of 1e154 and more overflows.
      finite &&=
        Number.isFinite(hDiag) &&
        Number.isFinite(t) &&
        ro.every((v) => Number.isFinite(v)) &&
        (d === null || findNonFinite(d) < 0) &&
        oldDirs.every((v) => findNonFinite(v) < 0) &&
        oldStps.every((v) => findNonFinite(v) < 0);
      if (!finite && inputFinite) {
        throw new LosslabError(
          fn,
          'grads',
          `the update or the curvature estimate is not finite although the gradients and parameters are (it overflowed on gradients this large)`,
        );
      }
      return [
        grads,
        {
          size: n,
          funcEvals,
          nIter: globalIter,
          d,
          t,
          oldDirs,
          oldStps,
          ro,
          hDiag,
          prevFlatGrad,
          prevLoss,
        },
      ];
    },
  };
}
