// One table of bad inputs across @losslab/core: each case must throw a LosslabError with exactly
// this message. Each area keeps its cases in its own `*.cases.ts` file, assembled here.
import { describe, expect, it } from 'vitest';
import { LosslabError } from './errors';
import type { BadInputCase } from './badInputCase';
import { lossCases } from './losses/badInput.cases';
import { breadthLossCases } from './losses/badInputBreadth.cases';
import { dataCases } from './data/badInput.cases';
import { metricCases } from './metrics/badInput.cases';
import { optimCases } from './optim/badInput.cases';
import { trainingCases } from './training/badInput.cases';

const cases: BadInputCase[] = [
  ...lossCases,
  ...breadthLossCases,
  ...dataCases,
  ...metricCases,
  ...optimCases,
  ...trainingCases,
];

describe('bad input is a named error, never a silent NaN', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    let thrown: unknown;
    try {
      c.run();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LosslabError);
    expect((thrown as Error).message).toBe(c.message);
  });
});
