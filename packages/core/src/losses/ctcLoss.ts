import { checkArray, checkFinite, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkBoolean, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('classes', 'inputLengths', 'targetLengths', 'blank', 'zeroInfinity');

/** Lengths as typed arrays or plain arrays of integers. */
export type Lengths = FloatArray | Int32Array | readonly number[];

/** Options of {@link ctcLoss} (PyTorch's CTCLoss). */
export interface CtcLossOptions extends LossOptions {
  /** Number of classes C, blank included (the last axis of the log-probabilities). Required. */
  classes?: number;
  /** Frames used of each of the N sequences, each in [1, T]. Default T for every sequence. */
  inputLengths?: Lengths;
  /** Labels of each of the N sequences. Default `targets.length / N` for every sequence. */
  targetLengths?: Lengths;
  /** The blank class, in [0, C). Default 0. */
  blank?: number;
  /** Give an impossible (infinite) sequence loss 0 and a zero gradient instead of throwing. Default false. */
  zeroInfinity?: boolean;
}

/**
 * Connectionist temporal classification loss (Graves et al. 2006; PyTorch's CTCLoss): the
 * negative log-probability of each target label sequence summed over every alignment of it to
 * the input frames (blanks between and around labels, repeats merged).
 *
 * `logProbs` is a flat row-major T x N x C array (PyTorch's layout: frame, sequence, class),
 * normally a log-softmax over C; a single sequence (N = 1) is a T x C array. N comes from the
 * lengths' length (1 without them). `targets` holds the labels either concatenated (its length
 * is the sum of the target lengths) or padded to N rows of S (PyTorch's N x S form; the padding is
 * ignored), as `Float64Array`, `Float32Array` or `Int32Array` of class indices other than `blank`.
 *
 * With the extended label $l'$ (blank, $l_1$, blank, ..., $l_L$, blank), the forward and backward
 * variables $\alpha_t(s)$, $\beta_t(s)$ (both including frame t), kept in log space:
 *
 * $$\ell_n = -\log \sum_{\pi \in \mathcal B^{-1}(l)} \prod_t y^t_{\pi_t},\qquad
 *   \frac{\partial \ell_n}{\partial \log y^t_c} = -\frac{1}{p(l \mid x)} \sum_{s:\, l'_s = c} \frac{\alpha_t(s)\beta_t(s)}{y^t_c}$$
 *
 * the posterior occupation of class c at frame t, negated; frames beyond a sequence's input length
 * get 0. 'mean' is PyTorch's: each sequence's loss divided by its target length (at least 1),
 * then the mean over N; 'sum' adds them; 'none' gives the N losses. `weight` (one per sequence, a
 * losslab addition) multiplies each sequence's loss.
 *
 * Differences from PyTorch: the gradient is the true derivative with respect to the
 * log-probabilities; PyTorch's native CTC returns $\exp(\log y^t_c)$ minus it, which is the same
 * after a log-softmax (its softmax term cancels there) but not for other inputs. A sequence
 * that cannot be aligned (fewer frames than labels plus repeated neighbours) throws unless
 * `zeroInfinity`, where PyTorch returns Infinity.
 *
 * @throws LosslabError when `classes` is missing, the shapes or lengths disagree, a label is
 *   blank or outside [0, C), a log-probability is NaN or infinite, an output buffer overlaps an input,
 *   or a sequence cannot be aligned and `zeroInfinity` is false.
 * @example
 * // T = 2 frames, C = 2 classes (blank 0), one target label 1, uniform log-probabilities:
 * const lp = new Float64Array(4).fill(Math.log(0.5));
 * const { value, grad } = ctcLoss(lp, new Int32Array([1]), { classes: 2, reduction: 'sum' });
 * // alignments (1,1), (0,1), (1,0): value = -log(3/4) = 0.2876820724517809
 * // grad = -[1/3, 2/3, 1/3, 2/3] (posterior of blank and label at each frame)
 */
export function ctcLoss(
  logProbs: FloatArray,
  targets: FloatArray | Int32Array,
  options?: CtcLossOptions,
): LossResult {
  const fn = 'ctcLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'logProbs', logProbs);
  if (
    !(targets instanceof Float64Array) &&
    !(targets instanceof Float32Array) &&
    !(targets instanceof Int32Array)
  ) {
    throw new LosslabError(
      fn,
      'targets',
      `'targets' must be a Float64Array, Float32Array or Int32Array`,
    );
  }
  const C = opts.classes;
  if (typeof C !== 'number' || !Number.isInteger(C) || C < 1) {
    throw new LosslabError(
      fn,
      'classes',
      `'classes' must be a positive integer (the class count C), got ${String(C)}`,
    );
  }
  const blank = opts.blank ?? 0;
  if (!Number.isInteger(blank) || blank < 0 || blank >= C) {
    throw new LosslabError(fn, 'blank', `'blank' must be an integer in [0, ${C}), got ${blank}`);
  }
  const zeroInfinity = opts.zeroInfinity ?? false;
  checkBoolean(fn, 'zeroInfinity', zeroInfinity);
  const inputLengths = opts.inputLengths;
  const targetLengths = opts.targetLengths;
  checkLengthsArray(fn, 'inputLengths', inputLengths);
  checkLengthsArray(fn, 'targetLengths', targetLengths);
  const N = inputLengths?.length ?? targetLengths?.length ?? 1;
  if (targetLengths !== undefined && targetLengths.length !== N) {
    throw new LosslabError(
      fn,
      'targetLengths',
      `'targetLengths' has length ${targetLengths.length} but 'inputLengths' has ${N}`,
    );
  }
  if (logProbs.length % (N * C) !== 0) {
    throw new LosslabError(
      fn,
      'logProbs',
      `'logProbs' has length ${logProbs.length}, not a multiple of N x C = ${N} x ${C}`,
    );
  }
  const T = logProbs.length / (N * C);
  // Where each sequence's labels start in `targets`, and how many it has.
  const starts = new Int32Array(N);
  const lens = new Int32Array(N);
  const frames = new Int32Array(N);
  for (let n = 0; n < N; n++) {
    frames[n] =
      inputLengths === undefined ? T : checkLength(fn, 'inputLengths', inputLengths, n, 1, T);
  }
  if (targetLengths === undefined) {
    if (targets.length % N !== 0) {
      throw new LosslabError(
        fn,
        'targets',
        `'targets' has length ${targets.length}, not a multiple of the ${N} sequences: pass 'targetLengths'`,
      );
    }
    const S = targets.length / N;
    for (let n = 0; n < N; n++) {
      starts[n] = n * S;
      lens[n] = S;
    }
  } else {
    let total = 0;
    for (let n = 0; n < N; n++) {
      lens[n] = checkLength(fn, 'targetLengths', targetLengths, n, 0, targets.length);
      total += lens[n] as number;
    }
    const S = targets.length / N;
    if (total === targets.length) {
      for (let n = 1; n < N; n++) {
        starts[n] = (starts[n - 1] as number) + (lens[n - 1] as number);
      }
    } else if (Number.isInteger(S) && lens.every((l) => l <= S)) {
      for (let n = 0; n < N; n++) {
        starts[n] = n * S;
      }
    } else {
      throw new LosslabError(
        fn,
        'targets',
        `'targets' has length ${targets.length}: neither the sum of 'targetLengths' (${total}) ` +
          `nor ${N} padded rows holding them`,
      );
    }
  }
  let maxLen = 0;
  for (let n = 0; n < N; n++) {
    const start = starts[n] as number;
    const L = lens[n] as number;
    maxLen = Math.max(maxLen, L);
    for (let j = start; j < start + L; j++) {
      const c = targets[j] as number;
      if (!Number.isInteger(c) || c < 0 || c >= C || c === blank) {
        throw new LosslabError(
          fn,
          'targets',
          `'targets' has ${c} at index ${j}; labels must be integers in [0, ${C}) other than blank = ${blank}`,
        );
      }
    }
  }
  const weight = checkWeight(fn, 'weight', opts.weight, N, `there are ${N} sequences`);
  const inputs = { logProbs, targets, weight };
  const { reduction, grad, values } = prepareOutputs(fn, logProbs, N, opts, inputs);
  checkFinite(fn, { logProbs });
  grad.fill(0);
  const width = 2 * maxLen + 1;
  const ext = new Int32Array(width);
  const alpha = new Float64Array(T * width);
  const beta = new Float64Array(T * width);
  let sum = 0;
  let bound = 0;
  for (let n = 0; n < N; n++) {
    const L = lens[n] as number;
    const Tn = frames[n] as number;
    const w = weight === undefined ? 1 : (weight[n] as number);
    const k = reduction === 'mean' ? w / Math.max(L, 1) / N : w;
    extendLabels(ext, targets, starts[n] as number, L, blank);
    const logp = forwardBackward(logProbs, ext, alpha, beta, L, Tn, N, n, C);
    let nll = -logp;
    if (!(nll < Infinity)) {
      if (zeroInfinity && nll === Infinity) {
        nll = 0;
      } else {
        const needed = L + repeats(ext, L);
        if (needed > Tn) {
          throw new LosslabError(
            fn,
            'targets',
            `sequence ${n} cannot be aligned: its ${L} labels need at least ${needed} frames but ` +
              `its input has ${Tn} (pass zeroInfinity: true to give it loss 0)`,
          );
        }
        throw new LosslabError(fn, 'logProbs', `the loss of sequence ${n} overflowed to ${nll}`);
      }
    } else {
      const S = 2 * L + 1;
      for (let t = 0; t < Tn; t++) {
        const row = (t * N + n) * C;
        // The posterior of state s at frame t is alpha beta / (y p). Every alignment is in
        // exactly one state at each frame, so the posteriors of a frame sum to 1: normalizing by
        // their own log-sum-exp rather than by log p cancels the rounding that alpha, beta and
        // log p accumulate over the frames (about T ulps of |log p|).
        let top = -Infinity;
        for (let s = 0; s < S; s++) {
          top = Math.max(top, occupancy(alpha, beta, logProbs, ext, t * width, row, s));
        }
        let total = 0;
        for (let s = 0; s < S; s++) {
          total += Math.exp(occupancy(alpha, beta, logProbs, ext, t * width, row, s) - top);
        }
        const lse = top + Math.log(total);
        for (let s = 0; s < S; s++) {
          const c = ext[s] as number;
          const post = Math.exp(occupancy(alpha, beta, logProbs, ext, t * width, row, s) - lse);
          grad[row + c] = (grad[row + c] as number) - k * post;
          bound += Math.abs(k * post);
        }
      }
    }
    sum += k * nll;
    if (values !== null) {
      values[n] = w * nll;
      bound += Math.abs(w * nll);
    }
  }
  return finishLoss(fn, sum, grad, values, bound, { logProbs, weight });
}

/** Writes the extended label sequence l' of one target into `ext`: blank, l_1, blank, ..., blank. */
function extendLabels(
  ext: Int32Array,
  targets: FloatArray | Int32Array,
  start: number,
  L: number,
  blank: number,
): void {
  ext[0] = blank;
  for (let j = 0; j < L; j++) {
    ext[2 * j + 1] = targets[start + j] as number;
    ext[2 * j + 2] = blank;
  }
}

/** log(alpha_t(s) beta_t(s) / y^t_{l'_s}), -Infinity for a state no alignment passes through. */
function occupancy(
  alpha: Float64Array,
  beta: Float64Array,
  lp: FloatArray,
  ext: Int32Array,
  at: number,
  row: number,
  s: number,
): number {
  const a = alpha[at + s] as number;
  const b = beta[at + s] as number;
  return a === -Infinity || b === -Infinity
    ? -Infinity
    : a + b - (lp[row + (ext[s] as number)] as number);
}

/** How many labels equal their predecessor: each needs a blank frame between them. */
function repeats(ext: Int32Array, L: number): number {
  let r = 0;
  for (let s = 3; s < 2 * L + 1; s += 2) {
    if (ext[s] === ext[s - 2]) {
      r++;
    }
  }
  return r;
}

/** log(e^a + e^b) without overflow, exact when either is -Infinity. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) {
    return b;
  }
  if (b === -Infinity) {
    return a;
  }
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * Fills log alpha and log beta of sequence n (rows of `width`, frames 0 .. Tn - 1) and returns
 * log p(l | x), -Infinity when no alignment exists.
 */
function forwardBackward(
  lp: FloatArray,
  ext: Int32Array,
  alpha: Float64Array,
  beta: Float64Array,
  L: number,
  Tn: number,
  N: number,
  n: number,
  C: number,
): number {
  const S = 2 * L + 1;
  const width = alpha.length / (lp.length / (N * C));
  for (let s = 0; s < S; s++) {
    alpha[s] = s < 2 ? (lp[n * C + (ext[s] as number)] as number) : -Infinity;
  }
  for (let t = 1; t < Tn; t++) {
    const prev = (t - 1) * width;
    const cur = t * width;
    const row = (t * N + n) * C;
    for (let s = 0; s < S; s++) {
      let a = alpha[prev + s] as number;
      if (s > 0) {
        a = logAddExp(a, alpha[prev + s - 1] as number);
      }
      // A label may follow the label two states back unless they are equal (blank between).
      if (s > 1 && s % 2 === 1 && ext[s] !== ext[s - 2]) {
        a = logAddExp(a, alpha[prev + s - 2] as number);
      }
      alpha[cur + s] = a === -Infinity ? -Infinity : a + (lp[row + (ext[s] as number)] as number);
    }
  }
  const last = (Tn - 1) * width;
  const lastRow = ((Tn - 1) * N + n) * C;
  for (let s = 0; s < S; s++) {
    beta[last + s] = s >= S - 2 ? (lp[lastRow + (ext[s] as number)] as number) : -Infinity;
  }
  for (let t = Tn - 2; t >= 0; t--) {
    const next = (t + 1) * width;
    const cur = t * width;
    const row = (t * N + n) * C;
    for (let s = 0; s < S; s++) {
      let b = beta[next + s] as number;
      if (s < S - 1) {
        b = logAddExp(b, beta[next + s + 1] as number);
      }
      if (s < S - 2 && s % 2 === 1 && ext[s + 2] !== ext[s]) {
        b = logAddExp(b, beta[next + s + 2] as number);
      }
      beta[cur + s] = b === -Infinity ? -Infinity : b + (lp[row + (ext[s] as number)] as number);
    }
  }
  const end = alpha[last + S - 1] as number;
  return S > 1 ? logAddExp(end, alpha[last + S - 2] as number) : end;
}

/** Throws unless `lengths` is absent or a non-empty typed or plain array. */
function checkLengthsArray(fn: string, arg: string, lengths: unknown): void {
  if (lengths === undefined) {
    return;
  }
  const ok =
    Array.isArray(lengths) ||
    lengths instanceof Float64Array ||
    lengths instanceof Float32Array ||
    lengths instanceof Int32Array;
  if (!ok || (lengths as ArrayLike<number>).length === 0) {
    throw new LosslabError(fn, arg, `'${arg}' must be a non-empty array of integers`);
  }
}

/** lengths[n], checked to be an integer in [lo, hi]. */
function checkLength(
  fn: string,
  arg: string,
  lengths: Lengths,
  n: number,
  lo: number,
  hi: number,
): number {
  const v = lengths[n] as number;
  if (!Number.isInteger(v) || v < lo || v > hi) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' has ${String(v)} at index ${n}; lengths must be integers in [${lo}, ${hi}]`,
    );
  }
  return v;
}
