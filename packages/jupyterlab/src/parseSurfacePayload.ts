import type { LossSurfacePayload } from '@losslab/kernel/lib/browser';

import { isRecord, PayloadError, readJson } from './parsePayload';

function numbers(value: unknown, where: string): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new PayloadError(`'${where}' must be an array of finite numbers`);
  }
  return value as number[];
}

/**
 * Reads an `application/vnd.losslab.surface.v1+json` payload (an object or the JSON string tslab
 * sends) and checks every field the renderer uses: increasing grid coordinates, a `z` row of
 * finite numbers or nulls per `y`, levels, paths of `[x, y]` pairs. Unknown fields are ignored.
 *
 * @throws PayloadError naming the first offending field.
 * @example
 * parseSurfacePayload({ version: 1, x: [0, 1], y: [0, 1], z: [[0, 1], [1, 2]], levels: [1], paths: [] }).options.zLabel;
 * // 'loss'
 */
export function parseSurfacePayload(data: unknown): LossSurfacePayload {
  const value = readJson(data);
  if (!isRecord(value) || value.version !== 1) {
    throw new PayloadError(`a loss surface must be an object with 'version' 1`);
  }
  const x = numbers(value.x, 'x');
  const y = numbers(value.y, 'y');
  if (x.length < 2 || y.length < 2) {
    throw new PayloadError(`'x' and 'y' must hold at least two grid coordinates each`);
  }
  if (!Array.isArray(value.z) || value.z.length !== y.length) {
    throw new PayloadError(`'z' must hold one row per entry of 'y'`);
  }
  const z = value.z.map((row: unknown, j) => {
    if (
      !Array.isArray(row) ||
      row.length !== x.length ||
      !row.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)))
    ) {
      throw new PayloadError(`'z[${j}]' must hold ${x.length} finite numbers or nulls`);
    }
    return row as (number | null)[];
  });
  const levels = numbers(value.levels ?? [], 'levels');
  const paths = Array.isArray(value.paths) ? value.paths : [];
  const o = isRecord(value.options) ? value.options : {};
  const text = (key: string, fallback: string): string =>
    typeof o[key] === 'string' ? (o[key] as string) : fallback;
  const payload: LossSurfacePayload = {
    version: 1,
    x,
    y,
    z,
    levels,
    paths: paths.map((p: unknown, k) => {
      if (!isRecord(p) || !Array.isArray(p.points)) {
        throw new PayloadError(`'paths[${k}]' must be { name, points }`);
      }
      return {
        name: typeof p.name === 'string' ? p.name : '',
        points: p.points.map((q: unknown, i) => {
          const [a, b] = numbers(q, `paths[${k}].points[${i}]`);
          if (a === undefined || b === undefined) {
            throw new PayloadError(`'paths[${k}].points[${i}]' must be [x, y]`);
          }
          return [a, b] as [number, number];
        }),
      };
    }),
    options: {
      title: text('title', ''),
      xLabel: text('xLabel', 'x'),
      yLabel: text('yLabel', 'y'),
      zLabel: text('zLabel', 'loss'),
    },
  };
  const locale = text('locale', '');
  if (locale !== '') {
    payload.options.locale = locale;
  }
  return payload;
}
