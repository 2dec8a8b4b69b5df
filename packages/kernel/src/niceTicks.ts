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
  // Halves first: max - min overflows at +-1.7e308, max / 2 - min / 2 cannot.
  const raw = ((max / 2 - min / 2) / Math.max(1, count)) * 2;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  // Heckbert's rounding thresholds: the step closest to the wanted one, not the next larger.
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  const step = nice * power;
  const first = Math.ceil(min / step - 1e-12);
  const last = Math.floor(max / step + 1e-12);
  // A range near the smallest doubles makes the step underflow to 0, and a range narrow for its
  // magnitude puts the tick counter past 2^53 where k++ no longer moves: never loop on either,
  // the bounds themselves are the ticks.
  if (
    !(step > 0) ||
    !(Math.abs(first) < 2 ** 52) ||
    !(Math.abs(last) < 2 ** 52) ||
    last - first > 100
  ) {
    return [min, max];
  }
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    // 15 significant digits turn 0.6000000000000001 back into 0.6.
    ticks.push(Number((k * step).toPrecision(15)));
  }
  return ticks;
}

/**
 * Ticks for a log axis over [min, max] (both > 0): powers of ten, thinned to about `count`;
 * when fewer than three of them are in view, also 2 and 5 times them; linear nice ticks when
 * even those are fewer than two.
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
  // Fewer than three decades in view, over at most four: 2 and 5 times them too (at most 15
  // ticks), so a reader has labels near the curve (10 and 100 alone over a chart are too few).
  if (decades.length >= 3 || hi - lo > 4) {
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
