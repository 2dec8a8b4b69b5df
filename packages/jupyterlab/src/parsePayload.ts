import type {
  CurveMetric,
  CurveOptions,
  CurvePoint,
  CurveRun,
  LossCurvePayload,
} from '@losslab/kernel';

/** Why a payload could not be drawn; the message is shown to the user as text. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(`parsePayload: ${message}`);
    this.name = 'PayloadError';
  }
}

/**
 * A vendor payload as the kernel sent it: tslab sends a JSON string, other kernels an object.
 *
 * @throws PayloadError when the string is not JSON.
 */
export function readJson(data: unknown): unknown {
  if (typeof data !== 'string') {
    return data;
  }
  try {
    return JSON.parse(data);
  } catch (e) {
    throw new PayloadError(`the output is not valid JSON (${(e as Error).message})`);
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function points(value: unknown, where: string): CurvePoint[] {
  if (!Array.isArray(value)) {
    throw new PayloadError(`'${where}' must be an array of [step, loss] pairs`);
  }
  return value.map((p: unknown, i) => {
    if (
      !Array.isArray(p) ||
      p.length !== 2 ||
      typeof p[0] !== 'number' ||
      !Number.isFinite(p[0]) ||
      (p[1] !== null && (typeof p[1] !== 'number' || !Number.isFinite(p[1])))
    ) {
      throw new PayloadError(
        `'${where}[${i}]' must be [step, loss] with a finite step and a finite or null loss`,
      );
    }
    return [p[0], p[1]];
  });
}

function optionalPoints(
  run: Record<string, unknown>,
  key: string,
  where: string,
): CurvePoint[] | undefined {
  return run[key] === undefined ? undefined : points(run[key], `${where}.${key}`);
}

function finiteOrNull(value: unknown, where: string): number | null {
  if (value === null || (typeof value === 'number' && Number.isFinite(value))) {
    return value;
  }
  throw new PayloadError(`'${where}' must be a finite number or null`);
}

function run(value: unknown, i: number): CurveRun {
  const where = `runs[${i}]`;
  if (!isRecord(value)) {
    throw new PayloadError(`'${where}' must be an object`);
  }
  if (typeof value.name !== 'string') {
    throw new PayloadError(`'${where}.name' must be a string`);
  }
  const pts = points(value.points, `${where}.points`);
  const steps = value.steps === undefined ? pts.length : value.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) {
    throw new PayloadError(`'${where}.steps' must be a non-negative integer`);
  }
  let min: CurveRun['min'] = null;
  if (isRecord(value.min)) {
    const step = finiteOrNull(value.min.step, `${where}.min.step`);
    const loss = finiteOrNull(value.min.loss, `${where}.min.loss`);
    min = step === null || loss === null ? null : { step, loss };
  } else if (value.min !== undefined && value.min !== null) {
    throw new PayloadError(`'${where}.min' must be { step, loss } or null`);
  }
  const last = pts.length > 0 ? pts[pts.length - 1] : undefined;
  const out: CurveRun = {
    name: value.name,
    points: pts,
    steps,
    final:
      value.final === undefined ? (last?.[1] ?? null) : finiteOrNull(value.final, `${where}.final`),
    min,
    // Shown as text only, so a stop reason newer than this plugin is drawn rather than refused.
    stopReason: (typeof value.stopReason === 'string'
      ? value.stopReason
      : '') as CurveRun['stopReason'],
  };
  if (typeof value.stopMessage === 'string') {
    out.stopMessage = value.stopMessage;
  }
  if (typeof value.updatedAt === 'number' && Number.isFinite(value.updatedAt)) {
    out.updatedAt = value.updatedAt;
  }
  if (typeof value.divergedAt === 'number' && Number.isFinite(value.divergedAt)) {
    out.divergedAt = value.divergedAt;
  }
  const valPoints = optionalPoints(value, 'valPoints', where);
  if (valPoints) {
    out.valPoints = valPoints;
  }
  const learningRate = optionalPoints(value, 'learningRate', where);
  if (learningRate) {
    out.learningRate = learningRate;
  }
  const elapsed = optionalPoints(value, 'elapsed', where);
  if (elapsed) {
    out.elapsed = elapsed;
  }
  if (value.metrics !== undefined) {
    if (!Array.isArray(value.metrics)) {
      throw new PayloadError(`'${where}.metrics' must be an array of { name, points }`);
    }
    out.metrics = value.metrics.map((m: unknown, k) => {
      const at = `${where}.metrics[${k}]`;
      if (!isRecord(m) || typeof m.name !== 'string') {
        throw new PayloadError(`'${at}' must be { name, points } with a string name`);
      }
      const metric: CurveMetric = { name: m.name, points: points(m.points, `${at}.points`) };
      const val = optionalPoints(m, 'valPoints', at);
      if (val) {
        metric.valPoints = val;
      }
      return metric;
    });
  }
  return out;
}

function options(value: unknown): CurveOptions {
  if (value !== undefined && !isRecord(value)) {
    throw new PayloadError(`'options' must be an object`);
  }
  const o = value ?? {};
  const smoothing = o.smoothing === undefined ? 0 : o.smoothing;
  if (typeof smoothing !== 'number' || !(smoothing >= 0 && smoothing < 1)) {
    throw new PayloadError(`'options.smoothing' must be a number in [0, 1)`);
  }
  const text = (key: string, fallback: string): string => {
    const v = o[key];
    if (v === undefined) {
      return fallback;
    }
    if (typeof v !== 'string') {
      throw new PayloadError(`'options.${key}' must be a string`);
    }
    return v;
  };
  const parsed: CurveOptions = {
    logY: o.logY === true,
    smoothing,
    title: text('title', ''),
    xLabel: text('xLabel', 'step'),
    yLabel: text('yLabel', 'loss'),
  };
  const yKind = text('yKind', 'loss');
  if (yKind !== 'loss' && yKind !== 'value') {
    throw new PayloadError(`'options.yKind' must be 'loss' or 'value'`);
  }
  if (yKind === 'value') {
    parsed.yKind = 'value';
  }
  const locale = text('locale', '');
  if (locale !== '') {
    parsed.locale = locale;
  }
  return parsed;
}

/**
 * Reads an `application/vnd.losslab.curve.v1+json` payload, given as an object or as the JSON
 * string tslab sends, and checks every field the renderer uses. Optional fields get the
 * defaults of the kernel helper; unknown fields are ignored (forward compatible within v1).
 *
 * @throws PayloadError naming the first offending field, e.g.
 *   `parsePayload: 'runs[0].points[2]' must be [step, loss] with a finite step and a finite or null loss`.
 * @example
 * const payload = parsePayload('{"version":1,"runs":[{"name":"sgd","points":[[0,1],[1,0.5]]}]}');
 * payload.runs[0].final; // 0.5
 */
export function parsePayload(data: unknown): LossCurvePayload {
  const value = readJson(data);
  if (!isRecord(value)) {
    throw new PayloadError('the payload must be a JSON object');
  }
  if (value.version !== 1) {
    throw new PayloadError(
      `'version' must be 1, got ${JSON.stringify(value.version) ?? 'nothing'}`,
    );
  }
  if (!Array.isArray(value.runs)) {
    throw new PayloadError(`'runs' must be an array`);
  }
  return { version: 1, runs: value.runs.map(run), options: options(value.options) };
}
