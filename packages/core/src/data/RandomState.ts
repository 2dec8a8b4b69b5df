import { LosslabError } from '../errors';
import { glibcLog } from './glibcLog';

/** The size of a draw: a length, or the dimensions of a row-major array (`[rows, cols]`). */
export type Size = number | readonly number[];

/**
 * The complete state of a {@link RandomState}, the same four things numpy's
 * `RandomState.get_state()` returns after its `'MT19937'` tag: the 624-word key, the position in
 * it, and the Marsaglia polar method's cached second normal value.
 */
export interface RandomStateState {
  /** The Mersenne Twister's 624 32-bit words. */
  key: Uint32Array;
  /** Index of the next word to temper, 0..624 (624 means a new block is generated first). */
  pos: number;
  /** Whether a cached normal value is waiting (numpy's `has_gauss`). */
  hasGauss: boolean;
  /** The cached normal value (numpy's `cached_gaussian`), 0 when none. */
  gauss: number;
}

/** Anything whose elements can be swapped in place: typed arrays and plain arrays. */
export interface Shuffleable {
  readonly length: number;
  [index: number]: unknown;
}

const N = 624;
const M = 397;
// As int32 values: the key lives in Int32Arrays so that V8 keeps every operation in 32-bit
// integers (uint32 values >= 2^31 would become doubles).
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TWO_32 = 4294967296;
const MAX_SEED = 4294967295;
// A typed array's length limit is engine-specific; this one holds everywhere and is far beyond
// what a notebook draws.
const MAX_COUNT = 2 ** 31 - 1;

/** Number of values in `size`, validated: dimensions must be non-negative integers. */
function countOf(fn: string, arg: string, size: Size): number {
  const dims: readonly unknown[] = typeof size === 'number' ? [size] : size;
  if (!Array.isArray(dims)) {
    throw new LosslabError(fn, arg, `'${arg}' must be a number or an array of numbers`);
  }
  let count = 1;
  for (const d of dims) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new LosslabError(fn, arg, `'${arg}' must hold non-negative integers, got ${String(d)}`);
    }
    count *= d;
  }
  if (count > MAX_COUNT) {
    throw new LosslabError(fn, arg, `'${arg}' asks for ${count} values, more than ${MAX_COUNT}`);
  }
  return count;
}

function checkFiniteNumber(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LosslabError(fn, arg, `'${arg}' must be a finite number, got ${String(value)}`);
  }
}

function checkSafeInteger(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must be an integer between -(2**53 - 1) and 2**53 - 1, got ${String(value)}`,
    );
  }
}

/** Smallest 2^k - 1 >= v, for 0 <= v < 2^32 (numpy's `gen_mask`). */
function mask32(v: number): number {
  let m = v >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** MT19937's output tempering of one key word (numpy's `mt19937_next`), as an int32. */
function temper(word: number): number {
  let y = word | 0;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y;
}

/**
 * numpy's legacy random number generator (`np.random.RandomState`, which `np.random.seed` and
 * `np.random.randn` use), ported so that the same seed gives the very same numbers, bit for bit:
 * MT19937 seeded by `init_genrand`, 53-bit doubles from two 32-bit words, normals by the
 * Marsaglia polar method (which caches the second value of each pair), integers by masked
 * rejection sampling, shuffles by Fisher-Yates with numpy's bounded interval draw.
 *
 * Every method that takes a size returns a flat row-major `Float64Array`; without a size it
 * returns one number. Integer draws (`randint`, `permutation(n)`) are `Float64Array`s too, holding
 * exact integers (numpy returns int64; doubles hold every integer up to 2^53, and a `Float64Array`
 * plugs straight into a {@link Dataset}'s `y`).
 *
 * @example
 * const rs = new RandomState(0);
 * const x = rs.randn(100, 1); // np.random.seed(0); np.random.randn(100, 1)
 * // x[0] = 1.764052345967664, x[1] = 0.4001572083672233, x[2] = 0.9787379841057392
 */
export class RandomState {
  private readonly key = new Int32Array(N);
  // The key's words already tempered: numpy tempers on every read; doing it once per block in
  // generate() makes a read a plain load. The state (getState) is still the untempered key.
  private readonly tempered = new Int32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /**
   * @param seed an integer in [0, 2^32 - 1], as `np.random.RandomState(seed)`; without one the
   *   generator is seeded from `Math.random()` (not reproducible).
   */
  constructor(seed?: number) {
    this.seed(seed);
  }

  /**
   * Re-seeds the generator (numpy's `seed(seed)`, `init_genrand`) and forgets the cached normal
   * value, exactly as numpy does.
   * $$k_0 = s,\qquad k_i = (1812433253\,(k_{i-1} \oplus (k_{i-1} \gg 30)) + i) \bmod 2^{32}$$
   *
   * @example
   * const rs = new RandomState(1);
   * rs.seed(0);
   * rs.randn(); // 1.764052345967664, as after np.random.seed(0)
   */
  seed(seed?: number): void {
    const fn = 'RandomState.seed';
    const s0 = seed === undefined ? Math.floor(Math.random() * TWO_32) : seed;
    if (typeof s0 !== 'number' || !Number.isInteger(s0) || s0 < 0 || s0 > MAX_SEED) {
      throw new LosslabError(
        fn,
        'seed',
        `'seed' must be an integer between 0 and 2**32 - 1, got ${String(s0)}`,
      );
    }
    const key = this.key;
    let s = s0 >>> 0;
    key[0] = s;
    for (let i = 1; i < N; i++) {
      // Math.imul keeps the product modulo 2^32, as C's uint32 arithmetic does.
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + i) >>> 0;
      key[i] = s;
    }
    this.pos = N;
    this.hasGauss = false;
    this.gauss = 0;
  }

  /**
   * A copy of the generator's state (numpy's `get_state()` without the `'MT19937'` tag).
   *
   * @example
   * const rs = new RandomState(0);
   * const saved = rs.getState();
   * const a = rs.rand(3);
   * rs.setState(saved);
   * rs.rand(3); // the same three numbers as a
   */
  getState(): RandomStateState {
    return {
      key: new Uint32Array(this.key.buffer.slice(0)),
      pos: this.pos,
      hasGauss: this.hasGauss,
      gauss: this.gauss,
    };
  }

  /**
   * Restores a state from {@link RandomState.getState} or from numpy's `get_state()`
   * (`key = state[1]`, `pos = state[2]`, `hasGauss = state[3] === 1`, `gauss = state[4]`).
   * See {@link RandomState.getState} for an example.
   */
  setState(state: RandomStateState): void {
    const fn = 'RandomState.setState';
    if (
      state === null ||
      typeof state !== 'object' ||
      state.key === undefined ||
      state.key === null ||
      state.key.length !== N
    ) {
      throw new LosslabError(fn, 'state', `'state.key' must hold ${N} words`);
    }
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > N) {
      throw new LosslabError(
        fn,
        'state',
        `'state.pos' must be an integer between 0 and ${N}, got ${state.pos}`,
      );
    }
    if (state.hasGauss) {
      checkFiniteNumber(fn, 'state.gauss', state.gauss);
    }
    for (let i = 0; i < N; i++) {
      const w = state.key[i] as number;
      if (!Number.isInteger(w) || w < 0 || w > MAX_SEED) {
        throw new LosslabError(fn, 'state', `'state.key' must hold 32-bit unsigned integers`);
      }
      this.key[i] = w;
      this.tempered[i] = temper(w);
    }
    this.pos = state.pos;
    this.hasGauss = Boolean(state.hasGauss);
    this.gauss = this.hasGauss ? state.gauss : 0;
  }

  /**
   * Uniform doubles in [0, 1) (numpy's `random_sample`): 53 random bits from two words,
   * $$u = \frac{(a \gg 5)\,2^{26} + (b \gg 6)}{2^{53}}$$
   *
   * @example
   * new RandomState(42).randomSample(); // 0.3745401188473625, as np.random.RandomState(42).random_sample()
   */
  randomSample(): number;
  randomSample(size: Size): Float64Array;
  randomSample(size?: Size): number | Float64Array {
    if (size === undefined) {
      return this.nextDouble();
    }
    const out = new Float64Array(countOf('RandomState.randomSample', 'size', size));
    for (let i = 0; i < out.length; i++) {
      out[i] = this.nextDouble();
    }
    return out;
  }

  /**
   * Uniform doubles in [0, 1) of the given shape (numpy's `rand(d0, d1, ...)`); one number when
   * called without dimensions.
   *
   * @example
   * new RandomState(0).rand(2, 3); // Float64Array(6), row-major, as np.random.RandomState(0).rand(2, 3)
   */
  rand(): number;
  rand(...shape: number[]): Float64Array;
  rand(...shape: number[]): number | Float64Array {
    if (shape.length === 0) {
      return this.nextDouble();
    }
    const out = new Float64Array(countOf('RandomState.rand', 'shape', shape));
    for (let i = 0; i < out.length; i++) {
      out[i] = this.nextDouble();
    }
    return out;
  }

  /**
   * Standard normal values of the given shape (numpy's `randn(d0, d1, ...)`); one number when
   * called without dimensions. See {@link RandomState.standardNormal}.
   *
   * @example
   * new RandomState(0).randn(3); // [1.764052345967664, 0.4001572083672233, 0.9787379841057392]
   */
  randn(): number;
  randn(...shape: number[]): Float64Array;
  randn(...shape: number[]): number | Float64Array {
    if (shape.length === 0) {
      return this.nextGauss();
    }
    const out = new Float64Array(countOf('RandomState.randn', 'shape', shape));
    for (let i = 0; i < out.length; i++) {
      out[i] = this.nextGauss();
    }
    return out;
  }

  /**
   * Standard normal values (numpy's legacy `standard_normal`), by the Marsaglia polar method: draw
   * $x_1, x_2$ uniform in (-1, 1) until $0 < r^2 = x_1^2 + x_2^2 < 1$, then
   * $$f = \sqrt{-2 \ln r^2 / r^2},$$ return $f x_2$ and keep $f x_1$ for the next call
   * (`seed()` forgets it).
   *
   * @example
   * new RandomState(0).standardNormal(2); // [1.764052345967664, 0.4001572083672233]
   */
  standardNormal(): number;
  standardNormal(size: Size): Float64Array;
  standardNormal(size?: Size): number | Float64Array {
    if (size === undefined) {
      return this.nextGauss();
    }
    const out = new Float64Array(countOf('RandomState.standardNormal', 'size', size));
    for (let i = 0; i < out.length; i++) {
      out[i] = this.nextGauss();
    }
    return out;
  }

  /**
   * Normal values with mean `loc` and standard deviation `scale` (numpy's legacy `normal`),
   * $x = \mathrm{loc} + \mathrm{scale}\cdot z$ with $z$ from {@link RandomState.standardNormal}.
   *
   * @example
   * new RandomState(0).normal(3, 0.5, 2); // [3 + 0.5 * 1.764052345967664, 3 + 0.5 * 0.4001572083672233]
   */
  normal(loc?: number, scale?: number): number;
  normal(loc: number, scale: number, size: Size): Float64Array;
  normal(loc = 0, scale = 1, size?: Size): number | Float64Array {
    const fn = 'RandomState.normal';
    checkFiniteNumber(fn, 'loc', loc);
    checkFiniteNumber(fn, 'scale', scale);
    if (scale < 0) {
      throw new LosslabError(fn, 'scale', `'scale' must be non-negative, got ${scale}`);
    }
    if (size === undefined) {
      return loc + scale * this.nextGauss();
    }
    const out = new Float64Array(countOf(fn, 'size', size));
    for (let i = 0; i < out.length; i++) {
      out[i] = loc + scale * this.nextGauss();
    }
    return out;
  }

  /**
   * Uniform doubles in [low, high) (numpy's legacy `uniform`), $x = \mathrm{low} +
   * (\mathrm{high} - \mathrm{low})\,u$. As in numpy, `high < low` is allowed (the interval is
   * then (high, low]); the range must be finite.
   *
   * @example
   * new RandomState(42).uniform(-1, 1, 2); // [-1 + 2 * 0.3745401188473625, -1 + 2 * 0.9507143064099162]
   */
  uniform(low?: number, high?: number): number;
  uniform(low: number, high: number, size: Size): Float64Array;
  uniform(low = 0, high = 1, size?: Size): number | Float64Array {
    const fn = 'RandomState.uniform';
    checkFiniteNumber(fn, 'low', low);
    checkFiniteNumber(fn, 'high', high);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new LosslabError(fn, 'high', `'high' - 'low' overflows to ${range}`);
    }
    if (size === undefined) {
      return low + range * this.nextDouble();
    }
    const out = new Float64Array(countOf(fn, 'size', size));
    for (let i = 0; i < out.length; i++) {
      out[i] = low + range * this.nextDouble();
    }
    return out;
  }

  /**
   * Random integers in [low, high), high exclusive (numpy's legacy `randint` with its default
   * int64 dtype); `randint(5)` draws from [0, 5). numpy's masked rejection sampling: with
   * $r = \mathrm{high} - 1 - \mathrm{low}$ and $m$ the smallest $2^k - 1 \ge r$, draw
   * $v = w \,\&\, m$ (a 32-bit word when $r < 2^{32}$, else a 64-bit one made of two words,
   * high word first) until $v \le r$, return low + v. Bounds must be safe integers and
   * high - low at most 2^53.
   *
   * @returns one integer without a size, else a `Float64Array` of exact integers.
   * @example
   * new RandomState(0).randint(10, undefined, 5); // [5, 0, 3, 3, 7], as np.random.RandomState(0).randint(10, size=5)
   */
  randint(low: number, high?: number | null): number;
  randint(low: number, high: number | null | undefined, size: Size): Float64Array;
  randint(low: number, high?: number | null, size?: Size): number | Float64Array {
    const fn = 'RandomState.randint';
    if (high === undefined || high === null) {
      high = low;
      low = 0;
    }
    checkSafeInteger(fn, 'low', low);
    checkSafeInteger(fn, 'high', high);
    if (low >= high) {
      throw new LosslabError(
        fn,
        'high',
        `'high' must be greater than 'low', got low = ${low} and high = ${high}`,
      );
    }
    const rng = high - 1 - low;
    if (rng >= 2 ** 53) {
      // (rng itself may be rounded here, so the message shows the bounds.)
      throw new LosslabError(
        fn,
        'high',
        `'high' - 'low' must be at most 2**53, got low = ${low} and high = ${high}`,
      );
    }
    if (size === undefined) {
      return low + this.boundedInt(rng);
    }
    const out = new Float64Array(countOf(fn, 'size', size));
    if (rng === 0) {
      // numpy draws nothing for a single-value range.
      out.fill(low);
    } else if (rng <= 0xffffffff) {
      const mask = mask32(rng);
      for (let i = 0; i < out.length; i++) {
        let v: number;
        do {
          v = (this.nextUint32() & mask) >>> 0;
        } while (v > rng);
        out[i] = low + v;
      }
    } else {
      for (let i = 0; i < out.length; i++) {
        out[i] = low + this.boundedInt(rng);
      }
    }
    return out;
  }

  /**
   * Shuffles `x` in place (numpy's legacy `shuffle`): Fisher-Yates from the end, swapping row i
   * with row j drawn by numpy's `random_interval(i)` (masked rejection in [0, i]). With
   * `rowLength` > 1, `x` is taken as rows of that many values and whole rows move, as numpy
   * shuffles a 2-D array along its first axis (the same draws as a 1-D array of that many rows).
   *
   * @example
   * const a = new Float64Array([0, 1, 2, 3, 4]);
   * new RandomState(0).shuffle(a); // a = [2, 0, 1, 3, 4], as np.random.RandomState(0).shuffle
   */
  shuffle(x: Shuffleable, rowLength = 1): void {
    const fn = 'RandomState.shuffle';
    if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
      throw new LosslabError(fn, 'x', `'x' must be an array or a typed array`);
    }
    if (!Number.isInteger(rowLength) || rowLength < 1) {
      throw new LosslabError(
        fn,
        'rowLength',
        `'rowLength' must be a positive integer, got ${rowLength}`,
      );
    }
    if (x.length % rowLength !== 0) {
      throw new LosslabError(
        fn,
        'rowLength',
        `'x' has length ${x.length}, not a multiple of 'rowLength' ${rowLength}`,
      );
    }
    const rows = x.length / rowLength;
    for (let i = rows - 1; i > 0; i--) {
      const mask = mask32(i);
      let j: number;
      do {
        j = (this.nextUint32() & mask) >>> 0;
      } while (j > i);
      if (rowLength === 1) {
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
      } else {
        const a = i * rowLength;
        const b = j * rowLength;
        for (let k = 0; k < rowLength; k++) {
          const t = x[a + k];
          x[a + k] = x[b + k];
          x[b + k] = t;
        }
      }
    }
  }

  /**
   * A random permutation (numpy's legacy `permutation`): of 0..n-1 for a number (as a
   * `Float64Array` of exact integers), or a shuffled copy of an array (rows of `rowLength`
   * values move together); the input is left untouched. Same draws as {@link RandomState.shuffle}.
   *
   * @example
   * new RandomState(0).permutation(5); // [2, 0, 1, 3, 4], as np.random.RandomState(0).permutation(5)
   */
  permutation(n: number): Float64Array;
  permutation(x: Float64Array, rowLength?: number): Float64Array;
  permutation(x: Float32Array, rowLength?: number): Float32Array;
  permutation(x: Int32Array, rowLength?: number): Int32Array;
  permutation<T>(x: readonly T[], rowLength?: number): T[];
  permutation(
    x: number | Float64Array | Float32Array | Int32Array | readonly unknown[],
    rowLength = 1,
  ): Float64Array | Float32Array | Int32Array | unknown[] {
    const fn = 'RandomState.permutation';
    let out: Float64Array | Float32Array | Int32Array | unknown[];
    if (typeof x === 'number') {
      if (!Number.isInteger(x) || x < 0 || x > MAX_COUNT) {
        throw new LosslabError(fn, 'x', `'x' must be a non-negative integer or an array, got ${x}`);
      }
      const arange = new Float64Array(x);
      for (let i = 0; i < x; i++) {
        arange[i] = i;
      }
      out = arange;
    } else if (
      x instanceof Float64Array ||
      x instanceof Float32Array ||
      x instanceof Int32Array ||
      Array.isArray(x)
    ) {
      out = x.slice();
    } else {
      throw new LosslabError(
        fn,
        'x',
        `'x' must be a non-negative integer or an array, got ${String(x)}`,
      );
    }
    this.shuffle(out, rowLength);
    return out;
  }

  /** The next tempered 32-bit word (numpy's `mt19937_next32`). */
  private nextUint32(): number {
    if (this.pos === N) {
      this.generate();
    }
    return (this.tempered[this.pos++] as number) >>> 0;
  }

  /** numpy's `mt19937_next_double`: 27 + 26 bits over 2^53. */
  private nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** numpy's `legacy_gauss`. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // glibcLog, not Math.log: V8's log differs from C's in the last bit now and then.
    const f = Math.sqrt((-2 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** One masked-rejection draw in [0, rng], 0 < rng < 2^53 (numpy's bounded_masked_uint32/64). */
  private boundedInt(rng: number): number {
    if (rng === 0) {
      return 0;
    }
    if (rng <= 0xffffffff) {
      const mask = mask32(rng);
      let v: number;
      do {
        v = (this.nextUint32() & mask) >>> 0;
      } while (v > rng);
      return v;
    }
    // 64-bit draw: the low word's mask is all ones, the high word's covers rng's high part.
    const hiMask = mask32(Math.floor(rng / TWO_32));
    let v: number;
    do {
      const hi = (this.nextUint32() & hiMask) >>> 0;
      v = hi * TWO_32 + this.nextUint32();
    } while (v > rng);
    return v;
  }

  /** Regenerates the 624-word block (numpy's `mt19937_gen`). */
  private generate(): void {
    const k = this.key;
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = ((k[i] as number) & UPPER_MASK) | ((k[i + 1] as number) & LOWER_MASK);
      k[i] = (k[i + M] as number) ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; i < N - 1; i++) {
      y = ((k[i] as number) & UPPER_MASK) | ((k[i + 1] as number) & LOWER_MASK);
      k[i] = (k[i + M - N] as number) ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = ((k[N - 1] as number) & UPPER_MASK) | ((k[0] as number) & LOWER_MASK);
    k[N - 1] = (k[M - 1] as number) ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    const t = this.tempered;
    for (i = 0; i < N; i++) {
      t[i] = temper(k[i] as number);
    }
    this.pos = 0;
  }
}
