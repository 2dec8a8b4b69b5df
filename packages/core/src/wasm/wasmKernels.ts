import type { FloatArray } from '../types';
import { KERNELS_WASM_BASE64 } from './kernelsWasm';

// The WebAssembly SIMD kernels (kernels.c) and how arrays reach them.
//
// WebAssembly reads only its own memory, and a user's Float64Array lives in the JS heap. The
// kernels do not copy whole arrays in: they stream them through a fixed scratch region of
// CHUNK elements per array, copying one chunk in (TypedArray.set, a memcpy), running the kernel
// on it while it is in cache, and copying the chunk's gradient out. Main-memory traffic stays
// what one fused pass needs (read pred and target, write grad); the copies run at cache speed.
// The scratch is allocated once, when the module is first used (it compiles then, not when core
// loads), and memory never grows afterwards, so the views made here stay valid (a growing memory would detach every view of its old buffer).
// Below `minLength` elements the JS loops run: a call into WebAssembly and its copies cost more
// than a small loop (see README.md in this folder for the measurements).
//
// The JS path runs when WebAssembly SIMD is unavailable, when LOSSLAB_NO_WASM=1 is set, or after
// `configureKernels({ enabled: false })`; LOSSLAB_WASM_MIN sets `minLength` (the tests use 0 so
// that the kernels see every test input).

/** Elements per array and per chunk: five arrays of 8192 doubles (320 KB) stay in L2. */
const CHUNK = 8192;
/** Below this many elements the JS loops are faster (measured: README.md). */
export const DEFAULT_MIN_LENGTH = 512;
/**
 * Bytes per array beyond which MSE's kernel gives way to the JS loop: far past the last-level
 * cache MSE is memory-bound, and the chunk copies cost more than SIMD saves (x0.84 at 1e7
 * doubles, x1.17 at 3e6; float32 and the other kernels win at 1e7: README.md).
 */
const MEMORY_BOUND_BYTES = 48 * 1024 * 1024;
const MEMORY_BOUND_KERNELS: readonly string[] = ['mse'];

// The part of the WebAssembly API used here (core's lib is ES2022, which does not declare it).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

interface Exports {
  memory: WasmMemory;
  __heap_base: { value: number };
  results: () => number;
  [kernel: string]: unknown;
}

type ElementwiseFn = (
  p: number,
  t: number,
  w: number,
  g: number,
  v: number,
  n: number,
  a: number,
  b: number,
  c: number,
  d: number,
) => number;
type ErrorSumFn = (p: number, t: number, n: number, squares: number) => number;
type SoftmaxFn = (
  x: number,
  g: number,
  target: number,
  w: number,
  v: number,
  rows: number,
  classes: number,
  scale: number,
  ignoreIndex: number,
) => number;

/** Typed views of the scratch region: five arrays of CHUNK elements and CHUNK int32 targets. */
interface Scratch {
  exports: Exports;
  /** Byte offsets of the five arrays and of the int32 targets. */
  at: number[];
  targetAt: number;
  f64: Float64Array[];
  f32: Float32Array[];
  i32: Int32Array;
  results: Float64Array;
}

let scratch: Scratch | null = null;
/** Whether instantiation was tried: the module compiles on first use, not when core loads. */
let tried = false;
let enabled = true;
let minLength = DEFAULT_MIN_LENGTH;

function readEnv(name: string): string | undefined {
  try {
    // Node and Deno (npm compatibility) both have `process`; Deno may refuse env access.
    return typeof process === 'undefined' ? undefined : process.env[name];
  } catch {
    return undefined;
  }
}

function decodeBase64(b64: string): Uint8Array {
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/** Compiles and instantiates the kernels, or returns null where WebAssembly SIMD is missing. */
function instantiate(): Scratch | null {
  if (typeof WebAssembly !== 'object') {
    return null;
  }
  let exports: Exports;
  try {
    // Synchronous on purpose: tslab runs cells as CommonJS, with no top-level await.
    const module = new WebAssembly.Module(decodeBase64(KERNELS_WASM_BASE64));
    exports = new WebAssembly.Instance(module, {}).exports as Exports;
  } catch {
    // No SIMD (or no WebAssembly): the module does not validate.
    return null;
  }
  const base = (exports.__heap_base.value + 63) & ~63;
  const bytes = 8 * CHUNK;
  const at = [0, 1, 2, 3, 4].map((k) => base + k * bytes);
  const targetAt = base + 5 * bytes;
  const end = targetAt + 4 * CHUNK;
  const memory = exports.memory;
  // Never grow: a grow detaches the old ArrayBuffer, and one detached ArrayBuffer invalidates
  // V8's detach protector for the whole process, after which every typed-array loop re-checks
  // detachment (a bare scan of 1e6 doubles: 1.0 -> 1.9 ms; the article's fit +13%). The module
  // is linked with 1 MiB of initial memory (scripts/build_wasm.mjs), enough for the scratch; a
  // module without it runs the JS path instead.
  if (memory.buffer.byteLength < end) {
    return null;
  }
  const buffer = memory.buffer;
  return {
    exports,
    at,
    targetAt,
    f64: at.map((o) => new Float64Array(buffer, o, CHUNK)),
    f32: at.map((o) => new Float32Array(buffer, o, CHUNK)),
    i32: new Int32Array(buffer, targetAt, CHUNK),
    results: new Float64Array(buffer, exports.results(), 2),
  };
}

{
  const off = readEnv('LOSSLAB_NO_WASM');
  enabled = off === undefined || off === '' || off === '0';
  const min = readEnv('LOSSLAB_WASM_MIN');
  if (min !== undefined && min !== '' && Number.isInteger(Number(min)) && Number(min) >= 0) {
    minLength = Number(min);
  }
}

/** The kernels' scratch, compiling the module the first time (about 40 ms), or null. */
function loaded(): Scratch | null {
  if (!tried) {
    tried = true;
    scratch = instantiate();
  }
  return scratch;
}

/**
 * Turns the WebAssembly kernels on or off and sets the array length from which they run
 * (internal: the tests and the benchmark compare both paths). Returns whether they are active.
 */
export function configureKernels(options: { enabled?: boolean; minLength?: number }): boolean {
  if (options.enabled !== undefined) {
    enabled = options.enabled;
  }
  if (options.minLength !== undefined) {
    minLength = options.minLength;
  }
  return kernelsActive();
}

/** True when the WebAssembly SIMD kernels are loaded and switched on. */
export function kernelsActive(): boolean {
  return enabled && loaded() !== null;
}

/** The scratch for arrays of length `n` all of one type, or null for the JS path. */
function ready(n: number, arrays: readonly (FloatArray | null | undefined)[]): Scratch | null {
  const s = !enabled || n < minLength || n === 0 ? null : loaded();
  if (s === null) {
    return null;
  }
  const first = arrays[0];
  const is64 = first instanceof Float64Array;
  for (const a of arrays) {
    if (a !== null && a !== undefined && a instanceof Float64Array !== is64) {
      return null;
    }
  }
  return s;
}

/** The elementwise kernels of kernels.c, by export name without the type suffix. */
export type ElementwiseKernel =
  'mse' | 'mae_fast' | 'mae' | 'huber' | 'bce' | 'bce_logits' | 'log_cosh';

/** What an elementwise kernel returns: the sum of the per-element losses and the bound. */
export interface KernelSums {
  sum: number;
  bound: number;
}

/**
 * Runs an elementwise loss kernel over `pred`, `target` (and `weight`), writing `grad` (and
 * `values`), with the loss's parameters a..d (see `body` in kernels.c). Returns null when the JS
 * path should run (kernels off, too short, or arrays of mixed types).
 */
export function runElementwise(
  kernel: ElementwiseKernel,
  pred: FloatArray,
  target: FloatArray,
  weight: FloatArray | undefined,
  grad: FloatArray,
  values: FloatArray | null,
  a: number,
  b = 0,
  c = 0,
  d = 0,
): KernelSums | null {
  const n = pred.length;
  const s = ready(n, [pred, target, weight, grad, values]);
  if (
    s === null ||
    (MEMORY_BOUND_KERNELS.includes(kernel) && n * pred.BYTES_PER_ELEMENT > MEMORY_BOUND_BYTES)
  ) {
    return null;
  }
  const is64 = pred instanceof Float64Array;
  const fn = s.exports[is64 ? `${kernel}_64` : `${kernel}_32`] as ElementwiseFn;
  const views: FloatArray[] = is64 ? s.f64 : s.f32;
  const [P, T, W, G, V] = views as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  const [pAt, tAt, wAt, gAt, vAt] = s.at as [number, number, number, number, number];
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    const end = i + m;
    P.set(pred.subarray(i, end));
    T.set(target.subarray(i, end));
    if (weight !== undefined) {
      W.set(weight.subarray(i, end));
    }
    sum += fn(
      pAt,
      tAt,
      weight === undefined ? 0 : wAt,
      gAt,
      values === null ? 0 : vAt,
      m,
      a,
      b,
      c,
      d,
    );
    bound += s.results[0] as number;
    grad.set(m === CHUNK ? G : G.subarray(0, m), i);
    if (values !== null) {
      values.set(m === CHUNK ? V : V.subarray(0, m), i);
    }
  }
  return { sum, bound };
}

/**
 * The sum of (pred - target)^2 (`squares`) or of |pred - target| for the value-only metrics, or
 * null for the JS path.
 */
export function runErrorSum(pred: FloatArray, target: FloatArray, squares: boolean): number | null {
  const n = pred.length;
  const s = ready(n, [pred, target]);
  if (s === null) {
    return null;
  }
  const is64 = pred instanceof Float64Array;
  const fn = s.exports[is64 ? 'error_sum_64' : 'error_sum_32'] as ErrorSumFn;
  const [P, T] = (is64 ? s.f64 : s.f32) as [FloatArray, FloatArray];
  const [pAt, tAt] = s.at as [number, number];
  let sum = 0;
  for (let i = 0; i < n; i += CHUNK) {
    const end = Math.min(n, i + CHUNK);
    P.set(pred.subarray(i, end));
    T.set(target.subarray(i, end));
    sum += fn(pAt, tAt, end - i, squares ? 1 : 0);
  }
  return sum;
}

/**
 * Softmax cross-entropy with class-index targets, no smoothing or class weights (the one-hot
 * rows of softmaxCrossEntropy.ts): writes `grad` (and `values`), returns the sum of the rows'
 * losses, or null for the JS path (also when one row exceeds the scratch).
 */
export function runSoftmaxCrossEntropy(
  logits: FloatArray,
  target: FloatArray | Int32Array,
  weight: FloatArray | undefined,
  grad: FloatArray,
  values: FloatArray | null,
  rows: number,
  classes: number,
  scale: number,
  ignoreIndex: number,
): number | null {
  if (classes > CHUNK || !Number.isInteger(ignoreIndex) || Math.abs(ignoreIndex) > 2 ** 31 - 1) {
    return null;
  }
  const s = ready(logits.length, [logits, grad, weight, values]);
  if (s === null) {
    return null;
  }
  const is64 = logits instanceof Float64Array;
  const fn = s.exports[is64 ? 'softmax_ce_64' : 'softmax_ce_32'] as SoftmaxFn;
  const [X, W, G, V] = (is64 ? s.f64 : s.f32) as [FloatArray, FloatArray, FloatArray, FloatArray];
  const [xAt, wAt, gAt, vAt] = s.at as [number, number, number, number];
  const per = Math.floor(CHUNK / classes);
  let sum = 0;
  for (let r = 0; r < rows; r += per) {
    const k = Math.min(per, rows - r);
    const from = r * classes;
    const to = from + k * classes;
    X.set(logits.subarray(from, to));
    // Validated integer labels (checkLabels): the int32 conversion is exact.
    s.i32.set(target.subarray(r, r + k));
    if (weight !== undefined) {
      W.set(weight.subarray(r, r + k));
    }
    sum += fn(
      xAt,
      gAt,
      s.targetAt,
      weight === undefined ? 0 : wAt,
      values === null ? 0 : vAt,
      k,
      classes,
      scale,
      ignoreIndex,
    );
    grad.set(G.subarray(0, k * classes), from);
    if (values !== null) {
      values.set(V.subarray(0, k), r);
    }
  }
  return sum;
}

/** exp, log and log1p of the kernels, element by element (for the accuracy tests). */
export function kernelMath(name: 'vexp' | 'vlog' | 'vlog1p', x: Float64Array): Float64Array {
  const s = loaded();
  if (s === null) {
    throw new Error('kernelMath: the WebAssembly kernels are not loaded');
  }
  const fn = s.exports[`${name}_64`] as (x: number, out: number, n: number) => void;
  const out = new Float64Array(x.length);
  const [X, Y] = s.f64 as [Float64Array, Float64Array];
  for (let i = 0; i < x.length; i += CHUNK) {
    const end = Math.min(x.length, i + CHUNK);
    X.set(x.subarray(i, end));
    fn(s.at[0] as number, s.at[1] as number, end - i);
    out.set(Y.subarray(0, end - i), i);
  }
  return out;
}
