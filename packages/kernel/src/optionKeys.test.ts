// Every helper that takes options rejects a key it does not read, naming the valid ones: a
// misspelt option (`{ logy: true }`) would otherwise be ignored without a word.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStop } from './describeStop';
import { displayBundle, setDisplayWriter } from './display';
import { downsample } from './downsample';
import { renderLinesSvg } from './renderLinesSvg';
import { historyTable } from './historyTable';
import { liveLossCurve } from './liveLossCurve';
import { lossCurvePayload } from './lossCurvePayload';
import { lossShapes } from './lossShapes';
import { lossSurface } from './lossSurface';
import { plotLosses } from './plotLosses';
import { progress } from './progress';
import { showFormula } from './showFormula';

const run = { name: 'gd', loss: [3, 2, 1] };
const CURVE = 'logY, smoothing, title, xLabel, yLabel, names, maxPoints, locale, yKind';

const cases: [string, () => unknown, string][] = [
  [
    'plotLosses',
    () => plotLosses(run, { logy: true } as never),
    `plotLosses: unknown option 'logy' (did you mean 'logY'? valid options: ${CURVE})`,
  ],
  [
    'liveLossCurve',
    () => liveLossCurve({ throttle: 100 } as never),
    `liveLossCurve: unknown option 'throttle' (did you mean 'throttleMs'? valid options: ${CURVE}, throttleMs)`,
  ],
  [
    'lossCurvePayload',
    () => lossCurvePayload(run, { smothing: 0.5 } as never),
    `lossCurvePayload: unknown option 'smothing' (did you mean 'smoothing'? valid options: ${CURVE}, running)`,
  ],
  [
    'progress',
    () => progress({ lable: 'x' } as never),
    "progress: unknown option 'lable' (did you mean 'label'? valid options: throttleMs, label, locale)",
  ],
  [
    'lossSurface',
    () => lossSurface((x, y) => x * x + y * y, { xrange: [0, 1] } as never),
    "lossSurface: unknown option 'xrange' (did you mean 'xRange'? valid options: xRange, yRange, path, paramIndices, resolution, levels, pathName, title, xLabel, yLabel, locale)",
  ],
  [
    'lossShapes',
    () => lossShapes(['mse'], { targets: 0 } as never),
    "lossShapes: unknown option 'targets' (did you mean 'target'? valid options: target, range, points, lossOptions, locale)",
  ],
  [
    'lossShapes: a misspelt loss option reaches the loss',
    () => lossShapes(['huber'], { lossOptions: { delt: 1 } }),
    "huberLoss: unknown option 'delt' (did you mean 'delta'? valid options: reduction, weight, out, delta)",
  ],
  [
    'lossShapes: a bad loss option value reaches the loss',
    () => lossShapes(['huber'], { lossOptions: { delta: -1 } }),
    "huberLoss: 'delta' must be a positive finite number, got -1",
  ],
  [
    'historyTable',
    () => historyTable(run, { row: 3 } as never),
    "historyTable: unknown option 'row' (did you mean 'rows'? valid options: rows, steps, locale)",
  ],
  [
    'showFormula',
    () => showFormula('mse', { lang: 'zh' } as never),
    "showFormula: unknown option 'lang' (valid options: locale)",
  ],
  [
    'describeStop',
    () => describeStop({ stopMessage: '' }, { lang: 'zh' } as never),
    "describeStop: unknown option 'lang' (valid options: locale)",
  ],
  [
    'displayBundle',
    () => displayBundle({ data: { 'text/plain': 'x' } }, { display_id: 'a' } as never),
    "displayBundle: unknown option 'display_id' (did you mean 'displayId'? valid options: displayId)",
  ],
  [
    'downsample',
    () => downsample([1, 2, 3], { bucket: 2 } as never),
    "downsample: unknown option 'bucket' (did you mean 'buckets'? valid options: buckets, steps)",
  ],
  [
    'renderLinesSvg',
    () => renderLinesSvg([], { title: 't', xlabel: 'x' } as never),
    "renderLinesSvg: unknown option 'xlabel' (did you mean 'xLabel'? valid options: title, xLabel, yLabel)",
  ],
  [
    'plotLosses: options not an object',
    () => plotLosses(run, 'logY' as never),
    "plotLosses: 'options' must be an object, got the string 'logY'",
  ],
];

beforeEach(() => setDisplayWriter(() => undefined));
afterEach(() => setDisplayWriter(undefined));

describe('options of the kernel helpers', () => {
  it.each(cases)('%s', (_name, call, message) => {
    expect(call).toThrow(message);
    try {
      call();
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });
});
