/**
 * The same selection as `downsampleIndices` (each bucket's min, max and first non-finite value,
 * plus the first and last values), kept up to date as a history grows: each new value is looked
 * at once, so a live curve redrawn every 250 ms costs O(new steps), not O(all steps) per redraw.
 * Buckets start one step wide and merge pairwise whenever there are `2 * buckets` of them.
 * Also tracks the minimum and the first non-finite step.
 */
export class StreamingDownsampler {
  private width = 1;
  private lo: number[] = [];
  private hi: number[] = [];
  private gap: number[] = [];
  // The bucket being filled.
  private count = 0;
  private curLo = -1;
  private curHi = -1;
  private curGap = -1;
  private curLoV = Infinity;
  private curHiV = -Infinity;
  private seen = 0;
  /** Index and value of the smallest finite value so far (-1 when none). */
  minIndex = -1;
  minValue = Infinity;
  /** Index of the first non-finite value (-1 when none). */
  firstNonFinite = -1;

  constructor(private readonly buckets: number) {}

  /** Takes in `values[seen..]`: the history is append-only. */
  update(values: ArrayLike<number>): void {
    const n = values.length;
    let i = this.seen;
    while (i < n) {
      // One bucket's worth at a time, in locals: the hot loop touches no object fields.
      const start = i;
      const end = Math.min(n, i + this.width - this.count);
      let lo = this.curLo;
      let hi = this.curHi;
      let gap = this.curGap;
      let loV = this.curLoV;
      let hiV = this.curHiV;
      for (; i < end; i++) {
        const v = values[i] as number;
        if (v - v !== 0) {
          if (gap < 0) {
            gap = i;
          }
        } else {
          if (v < loV) {
            loV = v;
            lo = i;
          }
          if (v > hiV) {
            hiV = v;
            hi = i;
          }
        }
      }
      this.count += end - start;
      this.curLo = lo;
      this.curHi = hi;
      this.curGap = gap;
      this.curLoV = loV;
      this.curHiV = hiV;
      this.noteExtremes(lo, loV, gap);
      if (this.count === this.width) {
        this.close(values);
      }
    }
    this.seen = n;
  }

  // The minimum and first non-finite value overall follow from each bucket's own.
  private noteExtremes(lo: number, loV: number, gap: number): void {
    if (lo >= 0 && loV < this.minValue) {
      this.minValue = loV;
      this.minIndex = lo;
    }
    if (gap >= 0 && (this.firstNonFinite < 0 || gap < this.firstNonFinite)) {
      this.firstNonFinite = gap;
    }
  }

  private close(values: ArrayLike<number>): void {
    this.lo.push(this.curLo);
    this.hi.push(this.curHi);
    this.gap.push(this.curGap);
    this.count = 0;
    this.curLo = this.curHi = this.curGap = -1;
    this.curLoV = Infinity;
    this.curHiV = -Infinity;
    if (this.lo.length === 2 * this.buckets) {
      const pick = (a: number, b: number, better: (x: number, y: number) => boolean): number =>
        a < 0 ? b : b < 0 ? a : better(values[b] as number, values[a] as number) ? b : a;
      const lo: number[] = [];
      const hi: number[] = [];
      const gap: number[] = [];
      for (let k = 0; k < this.lo.length; k += 2) {
        lo.push(pick(this.lo[k] as number, this.lo[k + 1] as number, (x, y) => x < y));
        hi.push(pick(this.hi[k] as number, this.hi[k + 1] as number, (x, y) => x > y));
        const g = this.gap[k] as number;
        gap.push(g >= 0 ? g : (this.gap[k + 1] as number));
      }
      this.lo = lo;
      this.hi = hi;
      this.gap = gap;
      this.width *= 2;
    }
  }

  /** The kept indices so far, sorted and unique. */
  indices(): number[] {
    if (this.seen === 0) {
      return [];
    }
    const keep = [
      0,
      this.seen - 1,
      ...this.lo,
      ...this.hi,
      ...this.gap,
      this.curLo,
      this.curHi,
      this.curGap,
    ];
    keep.sort((a, b) => a - b);
    const out: number[] = [];
    for (const i of keep) {
      if (i >= 0 && (out.length === 0 || out[out.length - 1] !== i)) {
        out.push(i);
      }
    }
    return out;
  }
}
