// Node's message when `vm.runInThisContext(…, { breakOnSigint: true })` is stopped by SIGINT.
const INTERRUPTED = /Script execution was interrupted/;

type Write = typeof process.stderr.write;

const listeners = new Set<() => void>();
let original: Write | null = null;

// tslab runs a cell with `breakOnSigint`: Kernel > Interrupt terminates the JavaScript on the
// spot, no `finally` runs, and no callback of ours either. What does run is tslab's own
// `console.error(e)` of the termination error, through the `process.stderr.write` it installed
// for the cell, before it sends the cell's reply and its 'idle' status. So that write is where a
// live display can still send its last frame, in time for the cell's output.
const watcher = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
  if (listeners.size > 0 && INTERRUPTED.test(typeof chunk === 'string' ? chunk : String(chunk))) {
    const ending = [...listeners];
    listeners.clear();
    for (const listener of ending) {
      try {
        listener();
      } catch {
        // A display that cannot end must not hide the interrupt message.
      }
    }
  }
  return (original as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
} as Write;

/**
 * Calls `onInterrupt` once if the running cell is interrupted (tslab prints "Script execution
 * was interrupted by `SIGINT`" to stderr, which this watches). Returns the function that stops
 * watching. Call it again at each frame: tslab installs a new `process.stderr.write` for every
 * cell, and this re-wraps it when it changed.
 */
export function watchInterrupt(onInterrupt?: () => void): () => void {
  if (process.stderr.write !== watcher) {
    original = process.stderr.write;
    process.stderr.write = watcher;
  }
  if (onInterrupt === undefined) {
    return () => undefined;
  }
  listeners.add(onInterrupt);
  return () => {
    listeners.delete(onInterrupt);
  };
}
