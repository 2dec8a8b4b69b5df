import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
import { ctcLoss } from './ctcLoss';
import { RUNS, expectClose, expectGradMatches } from './fixtures/testKit';
import type { Caller } from './fixtures/torchKit';
import { RTOL_F64, checkTorchFixtures } from './fixtures/torchKit';

const call: Caller = (a, o) => {
  const r = ctcLoss(a.logProbs!, a.targets!, o);
  return { value: r.value, values: r.values, grads: { logProbs: r.grad } };
};

/** log-softmax over the last axis of T x N x C draws. */
function logSoftmax(x: Float64Array, C: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length; r += C) {
    const row = x.subarray(r, r + C);
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    row.forEach((v, c) => (out[r + c] = v - lse));
  }
  return out;
}

/** -log p(l | x) by summing the probabilities of every path of length T (tiny T and C only). */
function bruteForce(
  lp: Float64Array,
  T: number,
  C: number,
  label: number[],
  blank: number,
): number {
  let total = 0;
  const path = new Array<number>(T).fill(0);
  for (let k = 0; k < C ** T; k++) {
    let v = k;
    for (let t = 0; t < T; t++) {
      path[t] = v % C;
      v = Math.floor(v / C);
    }
    // Collapse: merge repeats, drop blanks.
    const collapsed = path.filter((c, t) => c !== blank && (t === 0 || c !== path[t - 1]));
    if (collapsed.length === label.length && collapsed.every((c, i) => c === label[i])) {
      total += Math.exp(path.reduce((s, c, t) => s + (lp[t * C + c] as number), 0));
    }
  }
  return -Math.log(total);
}

describe('ctcLoss', () => {
  it('runs its JSDoc example', () => {
    const lp = new Float64Array(4).fill(Math.log(0.5));
    const { value, grad } = ctcLoss(lp, new Int32Array([1]), { classes: 2, reduction: 'sum' });
    expect(value).toBeCloseTo(-Math.log(3 / 4), 15);
    expectClose(grad, [-1 / 3, -2 / 3, -1 / 3, -2 / 3], 1e-15, 'grad');
  });

  it('matches PyTorch (blank, lengths, padded and concatenated targets, C to 200, float32)', () => {
    const s = checkTorchFixtures('ctc', call);
    expect(s.cases).toBeGreaterThanOrEqual(95);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('equals the sum over every alignment (brute force, 500 runs)', () => {
    const gen = fc.record({
      T: fc.integer({ min: 1, max: 5 }),
      C: fc.integer({ min: 2, max: 4 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      blank: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(gen, ({ T, C, seed, blank }) => {
        const b = blank % C;
        const rs = new RandomState(seed);
        const lp = logSoftmax(rs.uniform(-3, 3, T * C), C);
        const labels = Array.from({ length: C }, (_, c) => c).filter((c) => c !== b);
        const L = rs.randint(0, T + 1);
        const label = Array.from(
          { length: L },
          () => labels[rs.randint(0, labels.length)] as number,
        );
        const expected = bruteForce(lp, T, C, label, b);
        if (!Number.isFinite(expected)) {
          expect(() =>
            ctcLoss(lp, Float64Array.from(label), { classes: C, blank: b, targetLengths: [L] }),
          ).toThrow(/cannot be aligned/);
          return;
        }
        const r = ctcLoss(lp, Float64Array.from(label), {
          classes: C,
          blank: b,
          targetLengths: [L],
          reduction: 'sum',
        });
        expectClose(r.value, expected, 1e-12, 'value');
        // The posteriors of each frame sum to 1.
        for (let t = 0; t < T; t++) {
          const s = r.grad.subarray(t * C, (t + 1) * C).reduce((a, g) => a + g, 0);
          expect(Math.abs(s + 1)).toBeLessThan(1e-14);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('has the true gradient with respect to the log-probabilities (finite differences)', () => {
    const rs = new RandomState(3);
    // T = 6, N = 2, C = 4; sequence 1 uses 4 frames, sequence 0 has a repeated label.
    const lp = rs.uniform(-3, 0, 6 * 2 * 4);
    const targets = new Int32Array([1, 1, 2, 3]);
    expectGradMatches(ctcLoss, lp, targets, {
      classes: 4,
      inputLengths: [6, 4],
      targetLengths: [3, 1],
      weight: new Float64Array([0.5, 2]),
    });
    expectGradMatches(ctcLoss, lp, new Int32Array([3, 3, 2, 0]), {
      classes: 4,
      blank: 1,
      inputLengths: [5, 6],
      targetLengths: [2, 1],
    });
  });

  it('zeroes an impossible sequence with zeroInfinity and names it otherwise', () => {
    const lp = new Float64Array(2 * 2 * 3).fill(Math.log(1 / 3)); // T = 2, N = 2, C = 3
    const opts = { classes: 3, inputLengths: [1, 2], targetLengths: [2, 1] };
    expect(() => ctcLoss(lp, new Int32Array([1, 1, 2]), opts)).toThrow(
      'ctcLoss: sequence 0 cannot be aligned: its 2 labels need at least 3 frames but its input has 1 (pass zeroInfinity: true to give it loss 0)',
    );
    const r = ctcLoss(lp, new Int32Array([1, 1, 2]), {
      ...opts,
      zeroInfinity: true,
      reduction: 'none',
    });
    expect(r.values![0]).toBe(0);
    // Sequence 0's frames (t = 0 and 1, n = 0) have a zero gradient.
    expect([...r.grad.subarray(0, 3), ...r.grad.subarray(6, 9)]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(r.values![1]).toBeGreaterThan(0);
  });

  it('reads padded (N x S) and concatenated targets alike', () => {
    const rs = new RandomState(5);
    const lp = logSoftmax(rs.uniform(-2, 2, 5 * 2 * 3), 3);
    const opts = { classes: 3, targetLengths: [1, 2], reduction: 'none' as const };
    const concat = ctcLoss(lp, new Int32Array([2, 1, 2]), opts);
    const padded = ctcLoss(lp, new Int32Array([2, 1, 1, 2]), opts);
    expect(Array.from(padded.values!)).toEqual(Array.from(concat.values!));
    expect(Array.from(padded.grad)).toEqual(Array.from(concat.grad));
  });

  it('keeps Float32Array and writes into caller buffers', () => {
    const lp = new Float32Array(6).fill(Math.log(0.5));
    const r = ctcLoss(lp, new Int32Array([1]), { classes: 2 });
    expect(r.grad).toBeInstanceOf(Float32Array);
    const grad = new Float64Array(6);
    const values = new Float64Array(1);
    const r64 = ctcLoss(Float64Array.from(lp), new Int32Array([1]), {
      classes: 2,
      reduction: 'none',
      out: { grad, values },
    });
    expect(r64.grad).toBe(grad);
    expect(r64.values).toBe(values);
  });

  it('is a sum of per-sequence losses: N sequences equal N single calls (200 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const rs = new RandomState(seed);
        const [T, N, C] = [4, 3, 3];
        const lp = logSoftmax(rs.uniform(-2, 2, T * N * C), C);
        const tl = [1, 2, 0];
        const targets = Int32Array.from([1, 2, 2]);
        const all = ctcLoss(lp, targets, { classes: C, targetLengths: tl, reduction: 'none' });
        let start = 0;
        for (let n = 0; n < N; n++) {
          const one = new Float64Array(T * C);
          for (let t = 0; t < T; t++) {
            one.set(lp.subarray((t * N + n) * C, (t * N + n + 1) * C), t * C);
          }
          const seq = targets.slice(start, start + (tl[n] as number));
          start += tl[n] as number;
          const r = ctcLoss(one, seq.length === 0 ? new Int32Array(0) : seq, {
            classes: C,
            targetLengths: [tl[n] as number],
            reduction: 'none',
          });
          expect(r.values![0]).toBe(all.values![n]);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
