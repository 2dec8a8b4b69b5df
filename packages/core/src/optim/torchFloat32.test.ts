// Every optimizer on Float32Array parameters against PyTorch 1.13 in float32 (fixtures/
// torchFloat32.json, written by packages/core/scripts/gen_torch_float32_fixtures.py), through
// update + applyUpdates and through the fused updateInPlace. PyTorch computes in float32; losslab
// computes in float64, keeps its moments in float64 and rounds to float32 on every store into the
// parameters and gradients, so the two differ by float32 rounding, compounded over the steps.
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/trajectory';
import { relError, replayTorchRun } from './fixtures/torch';
import type { TorchRun } from './fixtures/torch';

interface Float32Run extends TorchRun {
  /** PyTorch's trajectory of the same run in float64. */
  float64Params: number[][];
}

interface Float32Fixture {
  torch: string;
  dtype: 'float32';
  steps: number;
  runs: Float32Run[];
}

const fixture = readFixture<Float32Fixture>('torchFloat32.json');

// float32's machine epsilon is 1.19e-7, and a trajectory carries each step's rounding forward,
// more so where the problem is ill-conditioned (RMSprop's and Adadelta's divisions by small
// square roots, Rprop's sign tests, L-BFGS's line search on the quadratic). The yardstick is
// PyTorch itself: each run may differ from PyTorch's float32 trajectory by at most SLACK times
// the distance between PyTorch's float32 and float64 trajectories of the same run (what float32
// rounding alone does to it: one sample of a chaotic process, so SLACK is generous: the worst
// ratio seen is 4.7, L-BFGS without line search on the quadratic, then 3.0 for centered RMSprop),
// and never by less than MIN_TOLERANCE. Parameters near zero are
// compared to FLOOR absolute (a float32 ulp of the O(1) parameters here is 1e-7 to 2.4e-7).
const SLACK = 8;
const MIN_TOLERANCE = 4e-6;
const FLOOR = 1e-2;

function title(r: Float32Run): string {
  const lr = typeof r.lr === 'number' ? r.lr : r.lr.kind;
  const clip = r.clipByValue !== undefined ? ` clipByValue ${r.clipByValue}` : '';
  return `${r.problem}: ${r.optimizer}(lr=${lr}, ${JSON.stringify(r.options ?? {})})${clip}`;
}

describe(`optimizers in float32 against PyTorch ${fixture.torch} float32`, () => {
  it('covers every optimizer in float32', () => {
    expect(fixture.dtype).toBe('float32');
    expect([...new Set(fixture.runs.map((r) => r.optimizer))].sort()).toEqual(
      [
        'adadelta',
        'adagrad',
        'adam',
        'adamax',
        'adamw',
        'asgd',
        'lamb',
        'lbfgs',
        'lion',
        'nadam',
        'radam',
        'rmsprop',
        'rprop',
        'sgd',
      ].sort(),
    );
    fixture.runs.forEach((r) => expect(r.params.length).toBe(fixture.steps));
  });

  it.each(fixture.runs.map((r) => [title(r), r] as const))('%s', (_title, run) => {
    const expected = run.params.flat();
    const torchRounding = relError(run.float64Params.flat(), expected, FLOOR);
    const tolerance = Math.max(SLACK * torchRounding, MIN_TOLERANCE);
    const plain = replayTorchRun(run, { float32: true });
    expect(relError(plain.params.flat(), expected, FLOOR)).toBeLessThan(tolerance);
    // L-BFGS has no fused path (fit falls back to update and a loop); every other alias has.
    if (run.optimizer !== 'lbfgs') {
      const fused = replayTorchRun(run, { float32: true, fused: true });
      expect(relError(fused.params.flat(), expected, FLOOR)).toBeLessThan(tolerance);
    }
    // Every parameter is a float32 value (the replay reads them back from a Float32Array).
    plain.params.flat().forEach((v) => expect(Math.fround(v)).toBe(v));
  });
});
