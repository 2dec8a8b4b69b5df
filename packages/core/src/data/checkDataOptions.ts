import { LosslabError } from '../errors';

// Option checks shared by the dataset makers; each names the maker and the option.

/** Returns `value` (or `fallback` when undefined) after checking it is an integer >= `min`. */
export function integerOption(
  fn: string,
  arg: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new LosslabError(fn, arg, `'${arg}' must be an integer >= ${min}, got ${String(v)}`);
  }
  return v;
}

/** Returns `value` (or `fallback`) after checking it is a finite number >= `min` (if given). */
export function numberOption(
  fn: string,
  arg: string,
  value: number | undefined,
  fallback: number,
  min?: number,
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || (min !== undefined && v < min)) {
    const bound = min === undefined ? 'a finite number' : `a finite number >= ${min}`;
    throw new LosslabError(fn, arg, `'${arg}' must be ${bound}, got ${String(v)}`);
  }
  return v;
}

/** Copies a list of `length` finite numbers into a Float64Array. */
export function vectorOption(
  fn: string,
  arg: string,
  value: ArrayLike<number>,
  length: number,
): Float64Array {
  if (value === null || typeof value !== 'object' || value.length !== length) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must hold ${length} numbers, got ${value === null || typeof value !== 'object' ? String(value) : value.length}`,
    );
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new LosslabError(
        fn,
        arg,
        `'${arg}' has a non-finite value (${String(v)}) at index ${i}`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** Returns the seed (default 0) after checking it is one numpy accepts. */
export function seedOption(fn: string, value: number | undefined): number {
  const v = value === undefined ? 0 : value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4294967295) {
    throw new LosslabError(
      fn,
      'seed',
      `'seed' must be an integer between 0 and 2**32 - 1, got ${String(v)}`,
    );
  }
  return v;
}
