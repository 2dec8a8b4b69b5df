import { LosslabError } from './errors';

// Options arrive from notebooks and plain JavaScript as well as from typed code: a string where an
// object belongs (`mseLoss(p, t, 'sum')`) or a misspelt key (`{ redution: 'sum' }`) would otherwise
// be read as `{}` and give a wrong answer without a word.

const NO_OPTIONS = Object.freeze({});

/**
 * Checks an options argument and returns it (a shared empty object when it is `undefined`).
 *
 * @param fn the public function, for the message (`mseLoss`)
 * @param options what the caller passed
 * @param keys every key the function reads; any other own key is rejected
 * @param arg the argument's name in messages. Default `'options'`; `'out'` for a nested object.
 * @throws LosslabError(fn, arg) when `options` is not a plain object (a string, number, array,
 *   typed array, function or null), or when it has a key outside `keys`. The message lists the
 *   valid keys and suggests the nearest one.
 * @example
 * const opts = checkOptions('huberLoss', { delta: 2 }, ['reduction', 'weight', 'out', 'delta']);
 * // opts.delta === 2; checkOptions('huberLoss', { dleta: 2 }, [...]) throws
 * // "huberLoss: unknown option 'dleta' (did you mean 'delta'? valid options: reduction, weight, out, delta)"
 */
export function checkOptions<T extends object>(
  fn: string,
  options: T | undefined,
  keys: readonly string[],
  arg = 'options',
): T {
  if (options === undefined) {
    return NO_OPTIONS as T;
  }
  if (
    typeof options !== 'object' ||
    options === null ||
    Array.isArray(options) ||
    ArrayBuffer.isView(options)
  ) {
    throw new LosslabError(fn, arg, `'${arg}' must be an object, got ${describe(options)}`);
  }
  // for-in over a small object allocates nothing (Object.keys would, on every loss call).
  for (const key in options) {
    if (!keys.includes(key) && Object.prototype.hasOwnProperty.call(options, key)) {
      const near = nearest(key, keys);
      const hint = near === undefined ? '' : `did you mean '${near}'? `;
      const what = arg === 'options' ? `option '${key}'` : `key '${key}' in '${arg}'`;
      const valid = arg === 'options' ? 'options' : 'keys';
      throw new LosslabError(
        fn,
        arg,
        `unknown ${what} (${hint}valid ${valid}: ${keys.join(', ')})`,
      );
    }
  }
  return options;
}

/** A short description of a value that is not an object, for messages. */
function describe(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (typeof v === 'string') {
    return `the string '${v}'`;
  }
  if (Array.isArray(v)) {
    return 'an array';
  }
  if (ArrayBuffer.isView(v)) {
    return `a ${v.constructor.name}`;
  }
  if (typeof v === 'function') {
    return 'a function';
  }
  return `${typeof v} ${String(v)}`;
}

/** The key of `keys` within two edits of `key` (case ignored), if there is one. */
function nearest(key: string, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = 3;
  for (const k of keys) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDist) {
      best = k;
      bestDist = d;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    d[i * cols] = i;
  }
  for (let j = 0; j < cols; j++) {
    d[j] = j;
  }
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] as number;
}
