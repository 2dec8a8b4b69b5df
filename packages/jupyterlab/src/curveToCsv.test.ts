import type { LossCurvePayload } from '@losslab/kernel';
import { describe, expect, it } from 'vitest';

import { curveToCsv } from './curveToCsv';

const options = { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' };

describe('curveToCsv', () => {
  it('runs its JSDoc example', () => {
    const csv = curveToCsv({
      version: 1,
      options,
      runs: [
        {
          name: 'sgd',
          points: [
            [0, 1],
            [1, null],
          ],
          steps: 2,
          final: null,
          min: null,
          stopReason: 'maxSteps',
        },
      ],
    });
    expect(csv).toBe('run,series,step,loss\r\nsgd,train,0,1\r\nsgd,train,1,\r\n');
  });

  it('writes validation rows and quotes names as RFC 4180 asks, defusing spreadsheet formulas', () => {
    const payload: LossCurvePayload = {
      version: 1,
      options,
      runs: [
        {
          name: 'a, "b"',
          points: [[1, 0.25]],
          steps: 1,
          final: 0.25,
          min: null,
          stopReason: 'maxSteps',
          valPoints: [[1, 0.5]],
        },
        {
          name: '=HYPERLINK("x")',
          points: [[1, 1e-7]],
          steps: 1,
          final: 1e-7,
          min: null,
          stopReason: 'running',
        },
      ],
    };
    expect(curveToCsv(payload).split('\r\n')).toEqual([
      'run,series,step,loss',
      '"a, ""b""",train,1,0.25',
      '"a, ""b""",val,1,0.5',
      `"'=HYPERLINK(""x"")",train,1,1e-7`,
      '',
    ]);
  });
});
