/**
 * Decides, at almost no cost per step, whether `intervalMs` has passed since the last time it
 * said yes. Reading the clock costs about as much as a small training step, so a caller counts
 * `stride` steps down in a local variable and asks `check()` only when the count runs out;
 * `stride` adapts to keep clock reads about a millisecond apart.
 */
export class Throttle {
  /** Steps to count down before the next `check()`. */
  stride = 1;
  private lastCheck = 0;
  // NaN until the first check: the first interval counts from there, so a run shorter than one
  // interval pays for one drawing (the final one), not two.
  private lastFire = Number.NaN;

  constructor(private readonly intervalMs: number) {}

  /** Reads the clock: true when the interval has passed (and restarts it). Updates `stride`. */
  check(): boolean {
    const now = performance.now();
    const dt = now - this.lastCheck;
    this.lastCheck = now;
    if (dt < 0.5) {
      this.stride = Math.min(this.stride * 2, 1 << 16);
    } else if (dt > 2 && this.stride > 1) {
      this.stride >>= 1;
    }
    if (Number.isNaN(this.lastFire)) {
      this.lastFire = now;
      return false;
    }
    if (now - this.lastFire >= this.intervalMs) {
      this.lastFire = now;
      return true;
    }
    return false;
  }

  /** Starts over: the next check starts a new interval. */
  reset(): void {
    this.stride = 1;
    this.lastFire = Number.NaN;
  }
}
