import type { BadInputCase } from '../badInputCase';
import { adam } from './adam';
import { adamw } from './adamw';
import { applyUpdates } from './applyUpdates';
import { chain } from './chain';
import { clipByGlobalNorm } from './clipByGlobalNorm';
import { cosineDecaySchedule } from './cosineDecaySchedule';
import type { GradientTransformation } from './GradientTransformation';
import { lion } from './lion';
import { reduceOnPlateau } from './reduceOnPlateau';
import { rmsprop } from './rmsprop';
import { scaleByAdam } from './scaleByAdam';
import { scaleByLearningRate } from './scaleByLearningRate';
import { sgd } from './sgd';
import { stepSchedule } from './stepSchedule';
import { exponentialSchedule } from './exponentialSchedule';
import { scaleByRms } from './scaleByRms';
import { adadelta } from './adadelta';
import { asgd } from './asgd';
import { cyclicSchedule } from './cyclicSchedule';
import { lamb } from './lamb';
import { lbfgs } from './lbfgs';
import { multiStepSchedule } from './multiStepSchedule';
import { oneCycleSchedule } from './oneCycleSchedule';
import { radam } from './radam';
import { rprop } from './rprop';

// Steps `opt` once on parameters of length 2 with gradients of length `gradLength`.
function stepWith(
  opt: GradientTransformation,
  gradLength: number,
  extra?: { loss?: number },
): unknown {
  const params = new Float64Array(2);
  return opt.update(new Float64Array(gradLength), opt.init(params), params, extra);
}

export const optimCases: BadInputCase[] = [
  {
    name: 'adadelta: rho = 1',
    run: () => adadelta(1, { rho: 1 }),
    message: "adadelta: 'rho' must be in [0, 1), got 1",
  },
  {
    name: 'radam: unknown option amsgrad',
    run: () => radam(0.1, { amsgrad: true } as never),
    message: "radam: unknown option 'amsgrad' (valid: b1, b2, eps, weightDecay)",
  },
  {
    name: 'rprop: etaPlus below 1',
    run: () => rprop(0.1, { etaPlus: 0.9 }),
    message: "rprop: 'etaPlus' must be a finite number > 1, got 0.9",
  },
  {
    name: 'rprop: a string as the initial step size',
    run: () => rprop('fast' as never),
    message: "rprop: 'lr' must be a positive finite number, got fast",
  },
  {
    name: 'asgd: negative lambd',
    run: () => asgd(0.1, { lambd: -1 }),
    message: "asgd: 'lambd' must be a non-negative finite number, got -1",
  },
  {
    name: 'lamb: options that are an array',
    run: () => lamb(0.1, [] as never),
    message: "lamb: 'options' must be an object, got an array",
  },
  {
    name: 'lbfgs: a line search it does not know',
    run: () => lbfgs(1, { lineSearch: 'armijo' as never }),
    message: "lbfgs: 'lineSearch' must be 'strongWolfe' or null, got armijo",
  },
  {
    name: 'lbfgs: a line search without the closure',
    run: () => {
      const opt = lbfgs(1, { lineSearch: 'strongWolfe' });
      const params = new Float64Array(2);
      return opt.update(new Float64Array([1, 1]), opt.init(params), params, { loss: 1 });
    },
    message:
      "lbfgs: needs 'extra.lossAndGrad(params, grad)' to evaluate the loss elsewhere (fit supplies it; or use maxIter 1 without a line search)",
  },
  {
    name: 'multiStepSchedule: a fractional milestone',
    run: () => multiStepSchedule({ initLr: 0.1, milestones: [10, 2.5] }),
    message: "multiStepSchedule: 'milestones' must be an array of integers >= 0, got 10,2.5",
  },
  {
    name: 'oneCycleSchedule: pctStart that leaves no steps to rise',
    run: () => oneCycleSchedule({ maxLr: 1, totalSteps: 10, pctStart: 0.05 }),
    message: "oneCycleSchedule: 'pctStart' 0.05 with totalSteps 10 leaves a phase without steps",
  },
  {
    name: 'cyclicSchedule: maxLr below baseLr',
    run: () => cyclicSchedule({ baseLr: 0.1, maxLr: 0.01 }),
    message: "cyclicSchedule: 'maxLr' (0.01) must be above 'baseLr' (0.1)",
  },
  {
    name: 'stepSchedule: an unknown option key',
    run: () => stepSchedule({ initLr: 0.1, stepSize: 2, decay: 0.5 } as never),
    message: "stepSchedule: unknown option 'decay' (valid: initLr, stepSize, gamma)",
  },
  {
    name: 'adam: update with a missing state',
    run: () => adam(0.1).update(new Float64Array(2), undefined as never, new Float64Array(2)),
    message:
      "adam: 'state' is not a state of adam (got undefined); pass what init or the previous update returned",
  },
  {
    name: "sgd: update with adam's state",
    run: () => {
      const params = new Float64Array(2);
      return sgd(0.1).update(new Float64Array(2), adam(0.1).init(params), params);
    },
    message:
      "sgd: 'state' is not a state of sgd (got 2 member states, expected 1); pass what init or the previous update returned",
  },
  {
    name: "scaleByRms: update with scaleByAdam's state",
    run: () => {
      const params = new Float64Array(2);
      return scaleByRms().update(new Float64Array(2), scaleByAdam().init(params), params);
    },
    message:
      "scaleByRms: 'state' is not a state of scaleByRms (got an object without squareAvg); pass what init or the previous update returned",
  },
  {
    name: 'adam: options that are a string',
    run: () => adam(0.1, 'amsgrad' as never),
    message: "adam: 'options' must be an object, got amsgrad",
  },
  {
    name: 'rmsprop: an unknown option key',
    run: () => rmsprop(0.1, { centred: true } as never),
    message:
      "rmsprop: unknown option 'centred' (valid: alpha, eps, centered, momentum, weightDecay)",
  },
  {
    name: 'reduceOnPlateau: unknown mode',
    run: () => reduceOnPlateau({ mode: 'maximum' as never }),
    message: "reduceOnPlateau: 'mode' must be 'min' or 'max', got maximum",
  },
  {
    name: 'exponentialSchedule: a rate that overflows',
    run: () => exponentialSchedule({ initLr: 1e-3, gamma: 2 })(1100),
    message:
      "exponentialSchedule: 'gamma' makes the learning rate overflow at step 1100 (it would pass 1.8e308)",
  },
  {
    name: 'adam: b2 = 0 turns a large momentum over a tiny gradient into Infinity',
    run: () => {
      const opt = adam(1, { b2: 0, b1: 0.9 });
      const params = new Float64Array(1);
      const [, s] = opt.update(new Float64Array([1e302]), opt.init(params), params);
      return opt.update(new Float64Array([1e-300]), s, params);
    },
    message:
      'adam: the update is -Infinity at index 0 although the gradients and parameters are finite: these hyperparameters overflow on gradients this large',
  },
  {
    name: 'adam: negative learning rate',
    run: () => adam(-0.1),
    message: "adam: 'lr' must be a positive finite number or a schedule, got -0.1",
  },
  {
    name: 'sgd: zero learning rate',
    run: () => sgd(0),
    message: "sgd: 'lr' must be a positive finite number or a schedule, got 0",
  },
  {
    name: 'adamw: NaN learning rate',
    run: () => adamw(NaN),
    message: "adamw: 'lr' must be a positive finite number or a schedule, got NaN",
  },
  {
    name: 'rmsprop: infinite learning rate',
    run: () => rmsprop(Infinity),
    message: "rmsprop: 'lr' must be a positive finite number or a schedule, got Infinity",
  },
  {
    name: 'adam: b1 = 1 (outside [0, 1))',
    run: () => adam(0.001, { b1: 1 }),
    message: "adam: 'b1' must be in [0, 1), got 1",
  },
  {
    name: 'scaleByAdam: negative b2',
    run: () => scaleByAdam({ b2: -0.5 }),
    message: "scaleByAdam: 'b2' must be in [0, 1), got -0.5",
  },
  {
    name: 'adam: eps = 0',
    run: () => adam(0.001, { eps: 0 }),
    message: "adam: 'eps' must be a positive finite number, got 0",
  },
  {
    name: 'sgd: negative momentum',
    run: () => sgd(0.1, { momentum: -0.9 }),
    message: "sgd: 'momentum' must be a non-negative finite number, got -0.9",
  },
  {
    name: 'sgd: nesterov without momentum',
    run: () => sgd(0.1, { nesterov: true }),
    message: "sgd: 'nesterov' needs momentum > 0 and dampening 0",
  },
  {
    name: 'sgd: nesterov with dampening',
    run: () => sgd(0.1, { momentum: 0.9, dampening: 0.1, nesterov: true }),
    message: "sgd: 'nesterov' needs momentum > 0 and dampening 0",
  },
  {
    name: 'lion: negative weight decay',
    run: () => lion(1e-4, { weightDecay: -1 }),
    message: "lion: 'weightDecay' must be a non-negative finite number, got -1",
  },
  {
    name: 'rmsprop: alpha = 1',
    run: () => rmsprop(0.01, { alpha: 1 }),
    message: "rmsprop: 'alpha' must be in [0, 1), got 1",
  },
  {
    name: 'adam: gradient length differs from the parameters',
    run: () => stepWith(adam(0.1), 3),
    message: "scaleByAdam: 'grads' has length 3 but the state was made for 2 parameters",
  },
  {
    name: 'applyUpdates: mismatched lengths',
    run: () => applyUpdates(new Float64Array(2), new Float64Array(3)),
    message: "applyUpdates: 'updates' has length 3 but 'params' has 2",
  },
  {
    name: 'adamw: update without params',
    run: () => {
      const opt = adamw(0.1);
      return opt.update(new Float64Array(2), opt.init(new Float64Array(2)));
    },
    message:
      "addDecayedWeights: 'params' must be passed to update (a Float64Array or Float32Array)",
  },
  {
    name: 'adam: init with an empty parameter array',
    run: () => adam(0.1).init(new Float64Array(0)),
    message: "scaleByAdam: 'params' is empty",
  },
  {
    name: 'reduceOnPlateau: no loss in extra',
    run: () => stepWith(chain(sgd(0.1), reduceOnPlateau()), 2),
    message: "reduceOnPlateau: needs the current loss in 'extra.loss', got undefined",
  },
  {
    name: 'reduceOnPlateau: minLr without lr',
    run: () => reduceOnPlateau({ minLr: 1e-5 }),
    message: "reduceOnPlateau: 'minLr' needs 'lr', the optimizer's base learning rate",
  },
  {
    name: 'scaleByLearningRate: a schedule that returns a negative rate',
    run: () =>
      stepWith(
        scaleByLearningRate(() => -1),
        2,
      ),
    message:
      'scaleByLearningRate: the schedule returned -1 at step 0 (expected a finite number >= 0)',
  },
  {
    name: 'stepSchedule: fractional step size',
    run: () => stepSchedule({ initLr: 0.1, stepSize: 2.5 }),
    message: "stepSchedule: 'stepSize' must be an integer >= 1, got 2.5",
  },
  {
    name: 'cosineDecaySchedule: alpha above 1',
    run: () => cosineDecaySchedule({ initLr: 0.1, decaySteps: 100, alpha: 2 }),
    message: "cosineDecaySchedule: 'alpha' must be in [0, 1], got 2",
  },
  {
    name: 'clipByGlobalNorm: zero max norm',
    run: () => clipByGlobalNorm(0),
    message: "clipByGlobalNorm: 'maxNorm' must be a positive finite number, got 0",
  },
  {
    name: 'chain: no transformations',
    run: () => chain(),
    message: 'chain: needs at least one transformation',
  },
];
