// RandomState against numpy 1.24's legacy RandomState, value for value: the fixtures come from
// scripts/gen_random_fixtures.py (run with /usr/bin/python3) and every double is compared bit for
// bit (Object.is), so a single ulp of difference fails.
import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { RandomState } from './RandomState';
import type { RandomStateState } from './RandomState';
import { firstDifference, loadFixture } from './fixtures/loadFixture';

interface StateFixture {
  key: number[];
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

interface Step {
  op: string;
  args: (number | number[])[];
  out: number | number[] | StateFixture | null;
}

interface SeedFixture {
  numpy: string;
  seed: number;
  methods: {
    randomSample: number[];
    randn: number[];
    normal: { loc: number; scale: number; values: number[] };
    uniform: { low: number; high: number; values: number[] };
    randint: { low: number; high: number; values: number[]; next: number }[];
    shuffle: number[];
    shuffleRows: { rowLength: number; values: number[] };
    permutation: number[];
  };
  script: Step[];
  setState: { state: StateFixture; after: { randn: number[]; rand: number[] } };
}

function load(seed: number): SeedFixture {
  return loadFixture<SeedFixture>(`random_seed${seed}.json`);
}

function expectBitwise(actual: ArrayLike<number> | number, expected: number | number[]): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Object.is(actual, expected), `${String(actual)} vs ${expected}`).toBe(true);
    return;
  }
  expect(typeof actual).not.toBe('number');
  const i = firstDifference(actual as ArrayLike<number>, expected);
  const at = i >= 0 ? `index ${i}: ${(actual as ArrayLike<number>)[i]} vs ${expected[i]}` : '';
  expect(i, at).toBe(-1);
}

function toState(s: StateFixture): RandomStateState {
  return { key: Uint32Array.from(s.key), pos: s.pos, hasGauss: s.hasGauss, gauss: s.gauss };
}

/** Replays one scripted numpy call on `rs` and returns what it gave. */
function replay(rs: RandomState, step: Step): unknown {
  const a = step.args as number[];
  switch (step.op) {
    case 'rand':
      return rs.rand(...a);
    case 'randn':
      return rs.randn(...a);
    case 'randomSample':
      return rs.randomSample(step.args[0] as number[]);
    case 'standardNormal':
      return a.length === 0 ? rs.standardNormal() : rs.standardNormal(a[0] as number);
    case 'normal':
      return a.length === 3
        ? rs.normal(a[0] as number, a[1] as number, a[2] as number)
        : rs.normal(a[0], a[1]);
    case 'uniform':
      return a.length === 3
        ? rs.uniform(a[0] as number, a[1] as number, a[2] as number)
        : rs.uniform(a[0], a[1]);
    case 'randint':
      return a.length === 3
        ? rs.randint(a[0] as number, a[1] as number, a[2] as number)
        : rs.randint(a[0] as number, a[1]);
    case 'seed':
      rs.seed(a[0]);
      return null;
    case 'shuffle': {
      const x = new Float64Array(a[0] as number).map((_, i) => i);
      rs.shuffle(x);
      return x;
    }
    case 'permutation':
      return rs.permutation(a[0] as number);
    case 'getState':
      return rs.getState();
    default:
      throw new Error(`unknown op ${step.op}`);
  }
}

describe.each([0, 42, 4294967295])('RandomState(%i) against numpy', (seed) => {
  const fx = load(seed);
  const m = fx.methods;

  it('randomSample: 10,000 doubles', () => {
    expectBitwise(new RandomState(seed).randomSample(m.randomSample.length), m.randomSample);
  });

  it('rand with a shape is randomSample, row-major', () => {
    const x = new RandomState(seed).rand(100, 100);
    expectBitwise(x, m.randomSample);
  });

  it('randn: 10,001 normals (the polar method and its cached second value)', () => {
    expectBitwise(new RandomState(seed).randn(m.randn.length), m.randn);
  });

  it('standardNormal equals randn, and one-at-a-time draws equal a batch', () => {
    const rs = new RandomState(seed);
    const one = new Float64Array(m.randn.length);
    for (let i = 0; i < one.length; i++) {
      one[i] = rs.standardNormal();
    }
    expectBitwise(one, m.randn);
    expectBitwise(new RandomState(seed).standardNormal([m.randn.length]), m.randn);
  });

  it('normal(loc, scale)', () => {
    const { loc, scale, values } = m.normal;
    expectBitwise(new RandomState(seed).normal(loc, scale, values.length), values);
  });

  it('uniform(low, high)', () => {
    const { low, high, values } = m.uniform;
    expectBitwise(new RandomState(seed).uniform(low, high, values.length), values);
  });

  it.each(m.randint.map((r) => [`[${r.low}, ${r.high})`, r] as const))(
    'randint %s, and the draw after it',
    (_name, r) => {
      const rs = new RandomState(seed);
      expectBitwise(rs.randint(r.low, r.high, r.values.length), r.values);
      expectBitwise(rs.randomSample(), r.next);
      // One at a time gives the same integers.
      const one = new RandomState(seed);
      const first = Math.min(r.values.length, 50);
      for (let i = 0; i < first; i++) {
        expect(one.randint(r.low, r.high)).toBe(r.values[i]);
      }
    },
  );

  it('shuffle: 10,000 elements in place, typed or plain arrays', () => {
    const typed = new Float64Array(m.shuffle.length).map((_, i) => i);
    new RandomState(seed).shuffle(typed);
    expectBitwise(typed, m.shuffle);
    const plain = Array.from({ length: m.shuffle.length }, (_, i) => i);
    new RandomState(seed).shuffle(plain);
    expect(plain).toEqual(m.shuffle);
  });

  it('shuffle with rowLength moves whole rows, as numpy shuffles a 2-D array', () => {
    const { rowLength, values } = m.shuffleRows;
    const x = new Int32Array(values.length).map((_, i) => i);
    new RandomState(seed).shuffle(x, rowLength);
    expect(Array.from(x)).toEqual(values);
  });

  it('permutation(n), and permutation of an array leaves the input untouched', () => {
    expectBitwise(new RandomState(seed).permutation(m.permutation.length), m.permutation);
    const input = new Float64Array(m.permutation.length).map((_, i) => i * 10);
    const copy = new RandomState(seed).permutation(input);
    expect(copy).toBeInstanceOf(Float64Array);
    expect(copy).not.toBe(input);
    expect(input[5]).toBe(50);
    expectBitwise(
      copy,
      m.permutation.map((v) => v * 10),
    );
    const strings = new RandomState(seed).permutation(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const idx = new RandomState(seed).permutation(7);
    expect(strings).toEqual(Array.from(idx, (i) => 'abcdefg'[i]));
  });

  it('interleaved calls: rand, randn, seed() resetting the cache, getState', () => {
    const rs = new RandomState(seed);
    for (const [i, step] of fx.script.entries()) {
      const got = replay(rs, step);
      const where = `step ${i}: ${step.op}(${JSON.stringify(step.args)})`;
      if (step.op === 'seed') {
        continue;
      }
      if (step.op === 'getState') {
        const want = step.out as StateFixture;
        const state = got as RandomStateState;
        expect(Array.from(state.key), where).toEqual(want.key);
        expect(state.pos, where).toBe(want.pos);
        expect(state.hasGauss, where).toBe(want.hasGauss);
        expect(Object.is(state.gauss, want.gauss), where).toBe(true);
        continue;
      }
      const out = step.out as number | number[];
      const i0 =
        typeof out === 'number'
          ? Object.is(got, out)
            ? -1
            : 0
          : firstDifference(got as ArrayLike<number>, out);
      expect(i0, where).toBe(-1);
    }
  });

  it("setState from numpy's get_state continues as numpy does", () => {
    const rs = new RandomState(1);
    rs.setState(toState(fx.setState.state));
    expectBitwise(rs.randn(5), fx.setState.after.randn);
    expectBitwise(rs.rand(5), fx.setState.after.rand);
  });
});

describe('RandomState', () => {
  it('runs its JSDoc examples', () => {
    const rs = new RandomState(0);
    const x = rs.randn(100, 1);
    expect([x[0], x[1], x[2]]).toEqual([1.764052345967664, 0.4001572083672233, 0.9787379841057392]);
    expect(new RandomState(42).randomSample()).toBe(0.3745401188473625);
    expect(new RandomState(0).rand(2, 3)).toHaveLength(6);
    expect(Array.from(new RandomState(0).randn(3))).toEqual([
      1.764052345967664, 0.4001572083672233, 0.9787379841057392,
    ]);
    expect(Array.from(new RandomState(0).standardNormal(2))).toEqual([
      1.764052345967664, 0.4001572083672233,
    ]);
    expect(Array.from(new RandomState(0).normal(3, 0.5, 2))).toEqual([
      3 + 0.5 * 1.764052345967664,
      3 + 0.5 * 0.4001572083672233,
    ]);
    expect(Array.from(new RandomState(42).uniform(-1, 1, 2))).toEqual([
      -1 + 2 * 0.3745401188473625,
      -1 + 2 * 0.9507143064099162,
    ]);
    expect(Array.from(new RandomState(0).randint(10, undefined, 5))).toEqual([5, 0, 3, 3, 7]);
    const a = new Float64Array([0, 1, 2, 3, 4]);
    new RandomState(0).shuffle(a);
    expect(Array.from(a)).toEqual([2, 0, 1, 3, 4]);
    expect(Array.from(new RandomState(0).permutation(5))).toEqual([2, 0, 1, 3, 4]);
    const reseeded = new RandomState(1);
    reseeded.seed(0);
    expect(reseeded.randn()).toBe(1.764052345967664);
    const rs2 = new RandomState(0);
    const saved = rs2.getState();
    const first = rs2.rand(3);
    rs2.setState(saved);
    expect(rs2.rand(3)).toEqual(first);
  });

  it('getState/setState round-trips mid-stream, cached normal included', () => {
    const rs = new RandomState(99);
    rs.randn(3); // leaves a cached normal
    const state = rs.getState();
    expect(state.hasGauss).toBe(true);
    const after = rs.randn(10);
    rs.randint(0, 3, 5);
    rs.setState(state);
    expectBitwise(rs.randn(10), Array.from(after));
    // getState returns a copy: drawing does not change it.
    expect(state.key).not.toBe(rs.getState().key);
  });

  it('seed() re-seeds and forgets the cached normal', () => {
    const rs = new RandomState(5);
    const first = rs.randn(3);
    rs.seed(5);
    expectBitwise(rs.randn(3), Array.from(first));
  });

  it('returns scalars without a size and empty arrays for a zero size, drawing nothing', () => {
    const rs = new RandomState(0);
    expect(rs.rand(0)).toHaveLength(0);
    expect(rs.randn(3, 0)).toHaveLength(0);
    expect(rs.randint(5, 6, 4)).toEqual(new Float64Array([5, 5, 5, 5]));
    expect(rs.randomSample()).toBe(new RandomState(0).randomSample());
  });

  it('without a seed, two generators differ', () => {
    expect(new RandomState().randomSample(4)).not.toEqual(new RandomState().randomSample(4));
  });

  it('rejects bad seeds by name', () => {
    for (const bad of [-1, 2 ** 32, 1.5, NaN]) {
      expect(() => new RandomState(bad)).toThrow(LosslabError);
    }
  });
});
