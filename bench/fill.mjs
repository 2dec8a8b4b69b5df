// The benchmark's inputs, the same on every side: a small LCG in JS (`fill`) and the same
// sequence in numpy (`NUMPY_FILL`, Python source defining `fill(n, seed)`), so core, naive
// TypeScript, numpy, PyTorch and C all read identical numbers.

/** Deterministic data in [-2, 2) (a small LCG: the benchmark needs numbers, not numpy's). */
export function fill(arr, seed) {
  let s = seed >>> 0;
  for (let i = 0; i < arr.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    arr[i] = (s / 4294967296) * 4 - 2;
  }
  return arr;
}

/** `fill` in numpy, vectorised: the LCG jumps 4096 steps at a time (s -> A s + C mod 2^32). */
export const NUMPY_FILL = [
  'def fill(n, seed):',
  '    a, c, M, K = 1664525, 1013904223, 2**32, 4096',
  '    s = np.empty(n, np.uint64)',
  '    x = seed',
  '    for i in range(min(K, n)):',
  '        x = (a * x + c) % M',
  '        s[i] = x',
  '    A, C = 1, 0',
  '    for _ in range(K):',
  '        A, C = (a * A) % M, (a * C + c) % M',
  '    for k in range(K, n, K):',
  '        m = min(K, n - k)',
  '        s[k : k + m] = (np.uint64(A) * s[k - K : k - K + m] + np.uint64(C)) % np.uint64(M)',
  '    return (s / 4294967296.0) * 4 - 2',
].join('\n');
