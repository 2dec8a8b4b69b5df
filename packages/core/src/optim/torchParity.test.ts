// Every optimizer, schedule, ReduceLROnPlateau option and clipping against PyTorch 1.13 itself
// (fixtures/torch.json, written by packages/core/scripts/gen_torch_optim_fixtures.py), to 1e-10
// relative in float64. Where losslab deliberately differs, the fixture case carries a note.
import { describe, expect, it } from 'vitest';
import { chain } from './chain';
import { relError, replayTorchRun, torchFixture, torchSchedule } from './fixtures/torch';
import { reduceOnPlateau } from './reduceOnPlateau';
import { scaleByLearningRate } from './scaleByLearningRate';

const { runs, schedules, plateau } = torchFixture;

function title(r: (typeof runs)[number]): string {
  const lr = typeof r.lr === 'number' ? r.lr : r.lr.kind;
  const extra = [
    r.clipByValue !== undefined ? `clipByValue ${r.clipByValue}` : '',
    r.clipByGlobalNorm !== undefined ? `clipByGlobalNorm ${r.clipByGlobalNorm}` : '',
    r.plateau !== undefined ? `plateau ${JSON.stringify(r.plateau)}` : '',
  ].join(' ');
  return `${r.problem}: ${r.optimizer}(lr=${lr}, ${JSON.stringify(r.options ?? {})}) ${extra}`;
}

describe(`optimizers against PyTorch ${torchFixture.torch}`, () => {
  it('covers every optimizer and schedule with runs of at least 50 steps', () => {
    const optimizers = new Set(runs.map((r) => r.optimizer));
    expect([...optimizers].sort()).toEqual(
      [
        'adadelta',
        'adagrad',
        'adam',
        'adamax',
        'adamw',
        'asgd',
        'lamb',
        'lbfgs',
        'nadam',
        'radam',
        'rmsprop',
        'rprop',
        'sgd',
      ].sort(),
    );
    expect(torchFixture.steps).toBeGreaterThanOrEqual(50);
    runs.forEach((r) => expect(r.params.length).toBe(torchFixture.steps));
  });

  it.each(runs.map((r) => [title(r), r] as const))('%s', (_title, run) => {
    const got = replayTorchRun(run);
    // Parameters crossing zero are compared to 1e-3 absolute, where relative error says nothing.
    expect(relError(got.params.flat(), run.params.flat(), 1e-3)).toBeLessThan(1e-10);
    run.learningRate.forEach((lr, t) => {
      if (lr === null) {
        // Rprop's and L-BFGS's lr is an initial step: losslab reports no learning rate.
        expect(got.learningRate[t]).toBeNaN();
      } else {
        expect(relError([got.learningRate[t]!], [lr], 1e-300)).toBeLessThan(1e-10);
      }
    });
  });

  it("PyTorch 1.13's default NAdam path is not the documented formula (losslab follows the formula)", () => {
    const cases = runs.filter((r) => r.torchDefaultPathParams !== undefined);
    expect(cases.length).toBeGreaterThan(0);
    for (const run of cases) {
      const got = replayTorchRun(run).params.flat();
      expect(relError(got, run.params.flat(), 1e-3)).toBeLessThan(1e-10);
      expect(relError(got, run.torchDefaultPathParams!.flat(), 1e-3)).toBeGreaterThan(1e-6);
    }
  });
});

describe(`schedules against torch.optim.lr_scheduler ${torchFixture.torch}`, () => {
  it.each(schedules.map((s) => [JSON.stringify({ ...s, values: undefined }), s] as const))(
    '%s',
    (_title, spec) => {
      const lr = torchSchedule(spec);
      const values = spec.values!;
      const got = values.map((_, t) => lr(t));
      const floor = 1e-12 * Math.max(...values);
      expect(relError(got, values, floor)).toBeLessThan(1e-10);
    },
  );

  it('cosineDecaySchedule stays flat after decaySteps where CosineAnnealingLR rises again', () => {
    const decay = torchSchedule({ kind: 'cosine', initLr: 1, decaySteps: 10 });
    const annealing = torchSchedule({ kind: 'cosineAnnealing', initLr: 1, tMax: 10 });
    expect(decay(15)).toBe(0);
    expect(annealing(15)).toBeCloseTo(0.5, 12);
  });
});

describe('reduceOnPlateau against torch ReduceLROnPlateau', () => {
  it.each(plateau.map((c) => [`lr ${c.lr} ${JSON.stringify(c.options)}`, c] as const))(
    '%s',
    (_title, c) => {
      const opt = chain(scaleByLearningRate(c.lr), reduceOnPlateau({ ...c.options, lr: c.lr }));
      const params = new Float64Array([0]);
      let state = opt.init(params);
      const got: number[] = [];
      for (const loss of c.metrics) {
        got.push(opt.learningRate!(state)!);
        [, state] = opt.update(new Float64Array([1]), state, params, { loss });
      }
      expect(relError(got, c.learningRates, 1e-300)).toBeLessThan(1e-10);
      expect(relError([opt.learningRate!(state)!], [c.final], 1e-300)).toBeLessThan(1e-10);
      // the sequences do reduce the rate
      expect(c.final).toBeLessThan(c.lr);
    },
  );
});
