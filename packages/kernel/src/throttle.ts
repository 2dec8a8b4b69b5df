/**
 * Decides, at almost no cost per call, whether `intervalMs` has passed since the last time it
 * said yes. Reading the clock costs about as much as a small training step, so the clock is read
 * only every `stride` calls, with `stride` adapted to keep reads about a millisecond apart.
 */
export class Throttle {
  private stride = 1;
  private countdown = 1;
  private lastCheck = 0;
  private lastFire = -Infinity;

  constructor(private readonly intervalMs: number) {}

  /** True when the interval has passed (and restarts it). */
  due(): boolean {
    if (--this.countdown > 0) {
      return false;
    }
    const now = performance.now();
    const dt = now - this.lastCheck;
    this.lastCheck = now;
    if (dt < 0.5) {
      this.stride = Math.min(this.stride * 2, 1 << 16);
    } else if (dt > 2 && this.stride > 1) {
      this.stride >>= 1;
    }
    this.countdown = this.stride;
    if (now - this.lastFire >= this.intervalMs) {
      this.lastFire = now;
      return true;
    }
    return false;
  }

  /** Starts over: the next call reads the clock (and is due). */
  reset(): void {
    this.stride = 1;
    this.countdown = 1;
    this.lastFire = -Infinity;
  }
}
