import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adam } from './adam';
import { cloneState } from './cloneState';
import { buildOptimizer, initialParams, replay, runTitle } from './fixtures/trajectory';
import type { RunSpec } from './fixtures/trajectory';
import { readFixture } from './fixtures/trajectory';

const runs = readFixture<{ runs: RunSpec[] }>('trajectories.json').runs;

describe('cloneState', () => {
  it('runs its JSDoc example', () => {
    const opt = adam(0.1);
    const params = new Float64Array([1]);
    const state = opt.init(params);
    const saved = cloneState(state);
    opt.update(new Float64Array([1]), state, params);
    expect(state).not.toEqual(saved);
    expect(saved).toEqual(opt.init(params));
  });

  it('copies typed arrays, arrays and objects deeply', () => {
    const state = { a: [1, { b: new Float64Array([2]) }], c: null, d: 'x' };
    const copy = cloneState(state);
    expect(copy).toEqual(state);
    expect((copy.a[1] as { b: Float64Array }).b).not.toBe((state.a[1] as { b: Float64Array }).b);
  });

  it('resuming from a clone gives the uninterrupted trajectory (property, every fixture run)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: runs.length - 1 }),
        fc.integer({ min: 1, max: 60 }),
        (i, k) => {
          const run = runs[i]!;
          const opt = buildOptimizer(run);
          const p = initialParams(run.problem);
          const full = replay(run, opt, Float64Array.from(p), opt.init(p), 80);
          const head = replay(run, opt, Float64Array.from(p), opt.init(p), k);
          const checkpoint = cloneState(head.state);
          const resumed = Float64Array.from(head.params[k - 1]!);
          // Running the original state on further proves the checkpoint does not share with it.
          replay(run, opt, Float64Array.from(resumed), head.state, 5);
          const tail = replay(run, opt, resumed, checkpoint, 80 - k);
          expect([...head.params, ...tail.params], runTitle(run)).toEqual(full.params);
        },
      ),
      { numRuns: 100 },
    );
  });
});
