import { LOSS_CURVE_MIME, lossCurvePayload } from '@losslab/kernel';
import { describe, expect, it } from 'vitest';

import { MIME_TYPE } from './index';
import { parsePayload, PayloadError } from './parsePayload';

const valid = {
  version: 1,
  runs: [
    {
      name: 'sgd',
      points: [
        [1, 2],
        [2, null],
        [3, 0.5],
      ],
      steps: 3,
      final: 0.5,
      min: { step: 3, loss: 0.5 },
      stopReason: 'maxSteps',
      valPoints: [[3, 0.7]],
    },
  ],
  options: { logY: true, smoothing: 0.6, title: 'Loss', xLabel: 'step', yLabel: 'MSE' },
};

describe('parsePayload', () => {
  it('runs its JSDoc example', () => {
    const payload = parsePayload('{"version":1,"runs":[{"name":"sgd","points":[[0,1],[1,0.5]]}]}');
    expect(payload.runs[0]!.final).toBe(0.5);
  });

  it('reads the same payload from an object and from its JSON string (tslab sends strings)', () => {
    const fromObject = parsePayload(valid);
    expect(parsePayload(JSON.stringify(valid))).toEqual(fromObject);
    expect(fromObject).toEqual(valid);
  });

  it('fills optional fields with the kernel helper’s defaults', () => {
    const p = parsePayload({ version: 1, runs: [{ name: 'a', points: [] }] });
    expect(p.options).toEqual({
      logY: false,
      smoothing: 0,
      title: '',
      xLabel: 'step',
      yLabel: 'loss',
    });
    expect(p.runs[0]).toEqual({
      name: 'a',
      points: [],
      steps: 0,
      final: null,
      min: null,
      stopReason: '',
    });
  });

  it('accepts what the kernel helper produces', () => {
    const built = lossCurvePayload([
      { name: 'a', loss: [4, 1, Number.NaN, 2] },
      { name: '<b>b</b>', loss: [3, 2, 1] },
    ]);
    const parsed = parsePayload(JSON.stringify(built));
    expect(parsed.runs.map((r) => r.name)).toEqual(['a', '<b>b</b>']);
    expect(parsed.runs[0]!.points).toEqual(built.runs[0]!.points);
    expect(parsed.runs[0]!.final).toBe(2);
  });

  it('uses the kernel’s MIME type', () => {
    expect(MIME_TYPE).toBe(LOSS_CURVE_MIME);
  });

  it.each([
    ['{"version":1,', /^parsePayload: the output is not valid JSON \(/],
    [null, 'parsePayload: the payload must be a JSON object'],
    [[1, 2], 'parsePayload: the payload must be a JSON object'],
    [{ runs: [] }, "parsePayload: 'version' must be 1, got nothing"],
    [{ version: 2, runs: [] }, "parsePayload: 'version' must be 1, got 2"],
    [{ version: 1 }, "parsePayload: 'runs' must be an array"],
    [{ version: 1, runs: [7] }, "parsePayload: 'runs[0]' must be an object"],
    [{ version: 1, runs: [{ points: [] }] }, "parsePayload: 'runs[0].name' must be a string"],
    [
      { version: 1, runs: [{ name: 'a', points: 'x' }] },
      "parsePayload: 'runs[0].points' must be an array of [step, loss] pairs",
    ],
    [
      {
        version: 1,
        runs: [
          {
            name: 'a',
            points: [
              [1, 1],
              [2, 'x'],
            ],
          },
        ],
      },
      "parsePayload: 'runs[0].points[1]' must be [step, loss] with a finite step and a finite or null loss",
    ],
    [
      { version: 1, runs: [{ name: 'a', points: [], steps: -1 }] },
      "parsePayload: 'runs[0].steps' must be a non-negative integer",
    ],
    [
      { version: 1, runs: [{ name: 'a', points: [], final: 'x' }] },
      "parsePayload: 'runs[0].final' must be a finite number or null",
    ],
    [
      { version: 1, runs: [], options: { smoothing: 1 } },
      "parsePayload: 'options.smoothing' must be a number in [0, 1)",
    ],
    [
      { version: 1, runs: [], options: { title: 3 } },
      "parsePayload: 'options.title' must be a string",
    ],
    [
      { version: 1, runs: [{ name: 'a', points: [], valPoints: [[1]] }] },
      "parsePayload: 'runs[0].valPoints[0]' must be [step, loss] with a finite step and a finite or null loss",
    ],
  ])('rejects %j with a message naming the field', (input, message) => {
    expect(() => parsePayload(input)).toThrow(PayloadError);
    expect(() => parsePayload(input)).toThrow(message);
  });
});
