// A library frame: a file of a losslab package (`packages/core/lib/…` in this repository,
// `node_modules/@losslab/kernel/lib/…` once installed, `src/` under Vitest), but not a test file.
const LIBRARY_FRAME =
  /^\s*at .*[\\/](?:packages[\\/](?:core|kernel)|node_modules[\\/]@losslab[\\/][^\\/]+)[\\/](?:lib|src)[\\/](?![^\n]*\.test\.)/;

/**
 * The error every losslab function throws for bad input. Its message always starts with the
 * function's name and names the argument: `mseLoss: 'target' has length 3 but 'pred' has 4`.
 * Its stack starts at the caller's own line (a notebook cell, a test): the frames inside losslab
 * are left out, as they say nothing about what to fix.
 */
export class LosslabError extends Error {
  /** The function that rejected its input. */
  readonly fn: string;
  /** The argument that was wrong. */
  readonly arg: string;

  constructor(fn: string, arg: string, message: string) {
    // Capture enough frames to reach past the library's own (V8 keeps 10 by default; engines
    // without stackTraceLimit are left alone).
    const limit = Error.stackTraceLimit;
    const v8 = typeof limit === 'number';
    if (v8) {
      Error.stackTraceLimit = Math.max(limit, 64);
    }
    super(`${fn}: ${message}`);
    if (v8) {
      Error.stackTraceLimit = limit;
    }
    this.name = 'LosslabError';
    this.fn = fn;
    this.arg = arg;
    let stack = v8 ? userStack(this.stack, limit) : this.stack;
    // Node's vm (tslab runs cells in it) prepends the throw site's source line to `stack`, the
    // "arrow", which would show a losslab file before the message: an assignment that only
    // prepends to the stack is ignored; any other replaces it.
    Object.defineProperty(this, 'stack', {
      configurable: true,
      enumerable: false,
      get: (): string | undefined => stack,
      set: (value: string | undefined): void => {
        if (!(typeof value === 'string' && stack !== undefined && value.endsWith(stack))) {
          stack = value;
        }
      },
    });
  }
}

/** The stack without losslab's frames, at most `limit` of them; as it is if none would be left. */
function userStack(stack: string | undefined, limit: number): string | undefined {
  if (stack === undefined) {
    return stack;
  }
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => /^\s*at /.test(l));
  if (first < 0) {
    return stack;
  }
  const frames = lines.slice(first).filter((l) => !LIBRARY_FRAME.test(l));
  if (frames.length === 0) {
    return stack;
  }
  return [...lines.slice(0, first), ...frames.slice(0, Math.max(limit, 1))].join('\n');
}
