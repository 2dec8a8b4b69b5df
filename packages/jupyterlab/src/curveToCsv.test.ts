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
    expect(csv).toBe('run,series,step,value\r\nsgd,train,0,1\r\nsgd,train,1,\r\n');
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
      'run,series,step,value',
      '"a, ""b""",train,1,0.25',
      '"a, ""b""",val,1,0.5',
      `"'=HYPERLINK(""x"")",train,1,1e-7`,
      '',
    ]);
  });

  it('defuses every cell a spreadsheet would run as a formula, and keeps negative losses numeric', () => {
    const names = [
      '=1+1',
      '+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '  =1',
      '\uFF1D1+1',
      '\uFF0B1',
      '\uFF0D1',
      '\uFF20SUM(A1)',
      '\u3000=1',
    ];
    const csv = curveToCsv({
      version: 1,
      options,
      runs: names.map((name) => ({
        name,
        points: [[1, -0.5]],
        steps: 1,
        final: -0.5,
        min: { step: 1, loss: -0.5 },
        stopReason: 'maxSteps',
      })),
    });
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(names.length);
    for (const [i, row] of rows.entries()) {
      // The name field, unquoted: it starts with ' and is otherwise the name.
      const field = row.slice(0, row.lastIndexOf(',train,'));
      const text = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(text).toBe(`'${names[i]}`);
      expect(row.endsWith(',train,1,-0.5')).toBe(true);
    }
    // Names that only contain such characters later are left as they are.
    const plain = curveToCsv({
      version: 1,
      options,
      runs: [
        {
          name: 'lr=0.1 - run@2',
          points: [[1, 1]],
          steps: 1,
          final: 1,
          min: null,
          stopReason: 'maxSteps',
        },
      ],
    });
    expect(plain.split('\r\n')[1]).toBe('lr=0.1 - run@2,train,1,1');
  });
});

describe('curveToCsv of a thinned chart', () => {
  it('says it holds the chart points only and names the way to the whole history; writes lr and metrics', () => {
    const csv = curveToCsv({
      version: 1,
      options,
      runs: [
        {
          name: 'sgd',
          points: [
            [1, 1],
            [1000, 0.5],
          ],
          steps: 1000,
          final: 0.5,
          min: null,
          stopReason: 'maxSteps',
          learningRate: [
            [1, 0.1],
            [1000, 0.05],
          ],
          metrics: [{ name: 'accuracy', points: [[1, 0.5]], valPoints: [[1000, 0.9]] }],
        },
      ],
    }).split('\r\n');
    expect(csv[0]).toBe(
      "# thinned: the chart's points only (2 of 1000 steps per run); the whole history of every run: historyCsv(history) from @losslab/kernel in the notebook",
    );
    expect(csv.slice(1)).toEqual([
      'run,series,step,value',
      'sgd,train,1,1',
      'sgd,train,1000,0.5',
      'sgd,lr,1,0.1',
      'sgd,lr,1000,0.05',
      'sgd,accuracy,1,0.5',
      'sgd,val accuracy,1000,0.9',
      '',
    ]);
  });
});
