/**
 * "Nice" axis ticks (Heckbert, Graphics Gems 1990): multiples of 1, 2 or 5 times a power of ten
 * that fall inside [min, max], about `count` of them.
 *
 * @example
 * niceTicks(0, 1, 5);
 * // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    return [];
  }
  if (max === min) {
    return [min];
  }
  // Scale by a power of ten first so (max - min) cannot overflow at +-1e308.
  const scale = Math.pow(10, Math.floor(Math.log10(Math.max(Math.abs(min), Math.abs(max)))));
  const lo = min / scale;
  const hi = max / scale;
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  const step = nice * power;
  const ticks: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  for (let k = first; k <= last; k++) {
    // Round to the step's precision so ticks print as 0.3, not 0.30000000000000004.
    const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
    ticks.push(Number((k * step).toFixed(Math.min(20, digits))) * scale);
  }
  return ticks;
}

/**
 * Ticks for a log axis over [min, max] (both > 0): powers of ten, thinned to about `count`;
 * within less than two decades also 2 and 5 times them; linear nice ticks when even those are
 * fewer than two.
 *
 * @example
 * logTicks(0.001, 10);
 * // [0.001, 0.01, 0.1, 1, 10]
 */
export function logTicks(min: number, max: number, count = 6): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) {
    return [];
  }
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const inside = (v: number): boolean => v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12);
  const decades: number[] = [];
  const every = Math.max(1, Math.ceil((hi - lo + 1) / count));
  for (let e = lo; e <= hi; e++) {
    const v = Number(`1e${e}`);
    if ((e - lo) % every === 0 && inside(v)) {
      decades.push(v);
    }
  }
  if (decades.length >= 3 || hi - lo > 2) {
    return decades;
  }
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of [1, 2, 5]) {
      const v = Number(`${m}e${e}`);
      if (inside(v)) {
        ticks.push(v);
      }
    }
  }
  return ticks.length >= 2 ? ticks : niceTicks(min, max, 4).filter((v) => v > 0);
}
