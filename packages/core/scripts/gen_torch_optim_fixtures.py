#!/usr/bin/python3
"""PyTorch reference trajectories for @losslab/core's optimizers, schedules and clipping.

Run with Debian's Python, which has PyTorch 1.13 (apt install python3-torch):

    /usr/bin/python3 packages/core/scripts/gen_torch_optim_fixtures.py

Writes packages/core/src/optim/fixtures/torch.json:

- runs: trajectories of STEPS torch.optim steps (float64) on three small problems, each with the
  optimizer, its options in losslab's names, a schedule or ReduceLROnPlateau, and gradient
  clipping (torch.nn.utils.clip_grad_norm_ / clip_grad_value_), recording the parameters after
  every step and the learning rate every step used;
- schedules: torch.optim.lr_scheduler learning rates for SCHEDULE_STEPS steps;
- plateau: ReduceLROnPlateau's learning rates on given metric sequences.

Gradients are computed in plain Python with the loops of gen_optim_fixtures.py (and the same loops
in the TypeScript test), then assigned to `.grad`, so that only the optimizer arithmetic differs
between PyTorch and losslab; the tests allow 1e-10 relative.

Where losslab deliberately differs from PyTorch, the case carries a `note` saying how and what
the reference was instead:
- NAdam runs use `foreach=True`: PyTorch 1.13's default single-tensor NAdam multiplies by mu_t
  twice (mu_product * mu * mu_next); the foreach path computes the documented formula, as losslab
  does. One run also records the default path, so the test can show that the two differ.
- LAMB is not in PyTorch: its runs are optax's lamb written here with torch tensors.
- cosineDecaySchedule is optax's cosine_decay_schedule: torch's CosineAnnealingLR up to
  decaySteps (after LinearLR for the warmup), then flat at eta_min, where CosineAnnealingLR keeps
  cycling; cosineAnnealingSchedule is CosineAnnealingLR itself.
- OneCycleLR and CyclicLR run with cycle_momentum=False (losslab does not cycle momentum).
- clip_grad_norm_ adds 1e-6 to the norm: the runs use clipByGlobalNorm(c, { eps: 1e-6 }).
"""
import json
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_optim_fixtures import PROBLEMS as NUMPY_PROBLEMS  # noqa: E402 (same problems, same loops)

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'optim', 'fixtures')
STEPS = 60
SCHEDULE_STEPS = 120


def rosenbrock_loss_grad(_p, x):
    # f(a, b) = (1 - a)^2 + 100 (b - a^2)^2, written with products only (same order in the test).
    a, b = x
    e = 1.0 - a
    d = b - a * a
    return e * e + 100.0 * (d * d), [-2.0 * e - 400.0 * a * d, 200.0 * d]


PROBLEMS = dict(NUMPY_PROBLEMS)
PROBLEMS['rosenbrock'] = ({'x0': [-1.2, 1.0]}, rosenbrock_loss_grad)


# ---------------------------------------------------------------- optimizers in torch's names

def torch_optimizer(name, params, lr, o):
    betas = (o.get('b1', 0.9), o.get('b2', 0.999))
    if name == 'sgd':
        return torch.optim.SGD(params, lr=lr, momentum=o.get('momentum', 0), dampening=o.get('dampening', 0),
                               nesterov=o.get('nesterov', False), weight_decay=o.get('weightDecay', 0))
    if name == 'adagrad':
        return torch.optim.Adagrad(params, lr=lr, lr_decay=o.get('lrDecay', 0), weight_decay=o.get('weightDecay', 0),
                                   initial_accumulator_value=o.get('initialAccumulatorValue', 0),
                                   eps=o.get('eps', 1e-10))
    if name == 'rmsprop':
        return torch.optim.RMSprop(params, lr=lr, alpha=o.get('alpha', 0.99), eps=o.get('eps', 1e-8),
                                   weight_decay=o.get('weightDecay', 0), momentum=o.get('momentum', 0),
                                   centered=o.get('centered', False))
    if name == 'adam':
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=o.get('eps', 1e-8),
                                weight_decay=o.get('weightDecay', 0), amsgrad=o.get('amsgrad', False))
    if name == 'adamw':
        return torch.optim.AdamW(params, lr=lr, betas=betas, eps=o.get('eps', 1e-8),
                                 weight_decay=o.get('weightDecay', 0.01), amsgrad=o.get('amsgrad', False))
    if name == 'nadam':
        return torch.optim.NAdam(params, lr=lr, betas=betas, eps=o.get('eps', 1e-8),
                                 weight_decay=o.get('weightDecay', 0), momentum_decay=o.get('momentumDecay', 4e-3),
                                 foreach=o.get('_foreach', True))
    if name == 'adamax':
        return torch.optim.Adamax(params, lr=lr, betas=betas, eps=o.get('eps', 1e-8),
                                  weight_decay=o.get('weightDecay', 0))
    if name == 'adadelta':
        return torch.optim.Adadelta(params, lr=lr, rho=o.get('rho', 0.9), eps=o.get('eps', 1e-6),
                                    weight_decay=o.get('weightDecay', 0))
    if name == 'radam':
        return torch.optim.RAdam(params, lr=lr, betas=betas, eps=o.get('eps', 1e-8),
                                 weight_decay=o.get('weightDecay', 0))
    if name == 'rprop':
        return torch.optim.Rprop(params, lr=lr, etas=(o.get('etaMinus', 0.5), o.get('etaPlus', 1.2)),
                                 step_sizes=(o.get('minStepSize', 1e-6), o.get('maxStepSize', 50)))
    if name == 'asgd':
        return torch.optim.ASGD(params, lr=lr, lambd=o.get('lambd', 1e-4), alpha=o.get('alpha', 0.75),
                                t0=o.get('t0', 1e6), weight_decay=o.get('weightDecay', 0))
    if name == 'lbfgs':
        return torch.optim.LBFGS(params, lr=lr, max_iter=o.get('maxIter', 20), max_eval=o.get('maxEval'),
                                 tolerance_grad=o.get('toleranceGrad', 1e-7),
                                 tolerance_change=o.get('toleranceChange', 1e-9),
                                 history_size=o.get('historySize', 100),
                                 line_search_fn='strong_wolfe' if o.get('lineSearch') == 'strongWolfe' else None)
    if name == 'lamb':
        return Lamb(params, lr=lr, b1=betas[0], b2=betas[1], eps=o.get('eps', 1e-6),
                    weight_decay=o.get('weightDecay', 0))
    raise ValueError(name)


class Lamb(torch.optim.Optimizer):
    """optax.lamb (scale_by_adam, add_decayed_weights, scale_by_trust_ratio, scale_by_learning_rate)
    in torch tensors, one parameter tensor = one layer."""

    def __init__(self, params, lr, b1, b2, eps, weight_decay):
        super().__init__(params, dict(lr=lr, b1=b1, b2=b2, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                st = self.state[p]
                if not st:
                    st['t'], st['m'], st['v'] = 0, torch.zeros_like(p), torch.zeros_like(p)
                st['t'] += 1
                t, b1, b2 = st['t'], group['b1'], group['b2']
                st['m'] = b1 * st['m'] + (1 - b1) * p.grad
                st['v'] = b2 * st['v'] + (1 - b2) * p.grad * p.grad
                m_hat = st['m'] / (1 - b1 ** t)
                v_hat = st['v'] / (1 - b2 ** t)
                r = m_hat / (torch.sqrt(v_hat) + group['eps']) + group['weight_decay'] * p
                p_norm, r_norm = torch.linalg.norm(p), torch.linalg.norm(r)
                ratio = 1.0 if (p_norm == 0 or r_norm == 0) else p_norm / r_norm
                p.add_(-group['lr'] * ratio * r)


# ---------------------------------------------------------------- schedules in torch's names

def torch_scheduler(spec, opt):
    k = spec['kind']
    S = torch.optim.lr_scheduler
    if k == 'step':
        return S.StepLR(opt, step_size=spec['stepSize'], gamma=spec.get('gamma', 0.1))
    if k == 'exponential':
        return S.ExponentialLR(opt, gamma=spec['gamma'])
    if k == 'multiStep':
        return S.MultiStepLR(opt, milestones=spec['milestones'], gamma=spec.get('gamma', 0.1))
    if k == 'polynomial':
        return S.PolynomialLR(opt, total_iters=spec.get('totalIters', 5), power=spec.get('power', 1.0))
    if k == 'cosineAnnealing':
        return S.CosineAnnealingLR(opt, T_max=spec['tMax'], eta_min=spec.get('etaMin', 0))
    if k == 'cosineAnnealingWarmRestarts':
        return S.CosineAnnealingWarmRestarts(opt, T_0=spec['t0'], T_mult=spec.get('tMult', 1),
                                             eta_min=spec.get('etaMin', 0))
    if k == 'linearWarmup':
        return S.LinearLR(opt, start_factor=spec['warmupInit'] / spec['peakLr'], end_factor=1.0,
                          total_iters=spec['warmupSteps'])
    if k == 'oneCycle':
        return S.OneCycleLR(opt, max_lr=spec['maxLr'], total_steps=spec['totalSteps'],
                            pct_start=spec.get('pctStart', 0.3), anneal_strategy=spec.get('annealStrategy', 'cos'),
                            div_factor=spec.get('divFactor', 25.0), final_div_factor=spec.get('finalDivFactor', 1e4),
                            three_phase=spec.get('threePhase', False), cycle_momentum=False)
    if k == 'cosine':
        # No single torch scheduler: its values from torch's pieces (cosine_decay_lrs) via LambdaLR.
        values = cosine_decay_lrs(spec, STEPS + 1)
        return S.LambdaLR(opt, lambda e: values[e] / spec['initLr'])
    if k == 'cyclic':
        return S.CyclicLR(opt, base_lr=spec['baseLr'], max_lr=spec['maxLr'], step_size_up=spec.get('stepSizeUp', 2000),
                          step_size_down=spec.get('stepSizeDown'), mode=spec.get('mode', 'triangular'),
                          gamma=spec.get('gamma', 1.0), cycle_momentum=False)
    raise ValueError(k)


def initial_lr(spec):
    return spec.get('initLr', spec.get('peakLr', spec.get('maxLr', spec.get('baseLr'))))


def torch_lrs(spec, steps):
    """The learning rate torch uses at each of `steps` steps."""
    p = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([p], lr=initial_lr(spec))
    sched = torch_scheduler(spec, opt)
    out = []
    for _ in range(steps):
        out.append(opt.param_groups[0]['lr'])
        opt.step()
        sched.step()
    return out


def cosine_decay_lrs(spec, steps):
    """cosineDecaySchedule from torch's pieces: LinearLR warmup, CosineAnnealingLR for decaySteps,
    then held at eta_min (optax's cosine_decay_schedule; CosineAnnealingLR would rise again)."""
    tw, td, alpha = spec.get('warmupSteps', 0), spec['decaySteps'], spec.get('alpha', 0.0)
    warm = torch_lrs({'kind': 'linearWarmup', 'peakLr': spec['initLr'],
                      'warmupInit': spec.get('warmupInit', 0.0), 'warmupSteps': tw}, tw) if tw > 0 else []
    cos = torch_lrs({'kind': 'cosineAnnealing', 'initLr': spec['initLr'], 'tMax': td,
                     'etaMin': alpha * spec['initLr']}, td + 1)
    return (warm + cos + [cos[-1]] * steps)[:steps]


def schedule_lrs(spec, steps):
    return cosine_decay_lrs(spec, steps) if spec['kind'] == 'cosine' else torch_lrs(spec, steps)


# ---------------------------------------------------------------- trajectories

def run(problem, spec, perturb=0.0, foreach=None):
    data, loss_grad = PROBLEMS[problem]
    p = torch.nn.Parameter(torch.tensor(spec.get('x0', data['x0'])) + perturb)
    name, o = spec['optimizer'], dict(spec.get('options', {}))
    if foreach is not None:
        o['_foreach'] = foreach
    lr_spec = spec['lr']
    lr0 = lr_spec if isinstance(lr_spec, (int, float)) else initial_lr(lr_spec)
    opt = torch_optimizer(name, [p], lr0, o)
    sched = None
    if not isinstance(lr_spec, (int, float)):
        sched = torch_scheduler(lr_spec, opt)
    plateau = None
    if 'plateau' in spec:
        q = spec['plateau']
        plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(
            opt, mode=q.get('mode', 'min'), factor=q.get('factor', 0.1), patience=q.get('patience', 10),
            threshold=q.get('threshold', 1e-4), threshold_mode=q.get('thresholdMode', 'rel'),
            cooldown=q.get('cooldown', 0), min_lr=q.get('minLr', 0), eps=q.get('eps', 1e-8))

    def closure():
        loss, g = loss_grad(data, p.detach().tolist())
        p.grad = torch.tensor(g)
        return loss

    params, lrs = [], []
    for t in range(1, STEPS + 1):
        group = opt.param_groups[0]
        if name == 'adagrad':
            lrs.append(group['lr'] / (1 + (t - 1) * group['lr_decay']))
        elif name == 'asgd':
            st = opt.state[p]
            lrs.append(st['eta'].item() if 'eta' in st else group['lr'])
        elif name in ('rprop', 'lbfgs'):
            lrs.append(None)  # losslab reports none: lr is only the initial step (size)
        else:
            lrs.append(group['lr'])
        loss = closure()
        if 'clipByValue' in spec:
            torch.nn.utils.clip_grad_value_([p], spec['clipByValue'])
        if 'clipByGlobalNorm' in spec:
            torch.nn.utils.clip_grad_norm_([p], spec['clipByGlobalNorm'])
        if name == 'lbfgs':
            opt.step(closure)
        else:
            opt.step()
        if plateau is not None:
            plateau.step(loss)
        if sched is not None:
            sched.step()
        params.append(p.detach().tolist())
    assert all(math.isfinite(v) for row in params for v in row), (problem, spec)
    return params, lrs


def runs():
    q, l, r = 'quadratic', 'linreg', 'rosenbrock'
    specs = []
    for p in (q, l):
        s = 0.015 if p == q else 0.1
        specs += [
            (p, {'optimizer': 'sgd', 'lr': s}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9}}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9, 'nesterov': True, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.5, 'dampening': 0.3, 'weightDecay': 0.05}}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5, 'options': {'lrDecay': 0.01, 'initialAccumulatorValue': 0.1,
                                                               'weightDecay': 0.02, 'eps': 1e-6}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.01}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.01, 'options': {'centered': True, 'alpha': 0.95}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.005, 'options': {'momentum': 0.8, 'centered': True, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.005, 'options': {'momentum': 0.5}}),
            (p, {'optimizer': 'adam', 'lr': 0.05}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'options': {'amsgrad': True}}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'options': {'weightDecay': 0.05, 'b1': 0.8, 'b2': 0.99, 'eps': 1e-6}}),
            (p, {'optimizer': 'adamw', 'lr': 0.05}),
            (p, {'optimizer': 'adamw', 'lr': 0.05, 'options': {'weightDecay': 0.2, 'amsgrad': True}}),
            (p, {'optimizer': 'nadam', 'lr': 0.05}),
            (p, {'optimizer': 'nadam', 'lr': 0.05, 'options': {'momentumDecay': 0.01, 'weightDecay': 0.05}}),
            (p, {'optimizer': 'adamax', 'lr': 0.05}),
            (p, {'optimizer': 'adamax', 'lr': 0.05, 'options': {'weightDecay': 0.05, 'b1': 0.5}}),
            (p, {'optimizer': 'adadelta', 'lr': 1.0}),
            (p, {'optimizer': 'adadelta', 'lr': 5.0, 'options': {'rho': 0.8, 'eps': 1e-4, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'radam', 'lr': 0.05}),
            (p, {'optimizer': 'radam', 'lr': 0.05, 'options': {'b1': 0.8, 'b2': 0.9, 'weightDecay': 0.05, 'eps': 1e-6}}),
            (p, {'optimizer': 'rprop', 'lr': 0.01}),
            (p, {'optimizer': 'rprop', 'lr': 0.05, 'options': {'etaMinus': 0.3, 'etaPlus': 1.5,
                                                              'minStepSize': 1e-4, 'maxStepSize': 0.5}}),
            (p, {'optimizer': 'asgd', 'lr': s}),
            (p, {'optimizer': 'asgd', 'lr': s, 'options': {'lambd': 0.05, 'alpha': 0.5, 't0': 10, 'weightDecay': 0.01}}),
            # LAMB's trust ratio is 1 at zero parameters and |theta| / |r| next to them: start away.
            (p, {'optimizer': 'lamb', 'lr': 0.05, 'x0': [0.5, 1.5, -0.5][:3 if p == q else 2],
                 'note': 'optax lamb written in torch (not in PyTorch)'}),
            (p, {'optimizer': 'lamb', 'lr': 0.05, 'x0': [0.5, 1.5, -0.5][:3 if p == q else 2],
                 'options': {'weightDecay': 0.1, 'b1': 0.8, 'eps': 1e-8},
                 'note': 'optax lamb written in torch (not in PyTorch)'}),
            (p, {'optimizer': 'lbfgs', 'lr': 0.2, 'options': {'maxIter': 1}}),
            (p, {'optimizer': 'lbfgs', 'lr': 1, 'options': {'maxIter': 3, 'lineSearch': 'strongWolfe'}}),
            # Schedules, clipping and ReduceLROnPlateau with the optimizers.
            (p, {'optimizer': 'sgd', 'lr': {'kind': 'step', 'initLr': s / 2, 'stepSize': 15, 'gamma': 0.5},
                 'options': {'momentum': 0.9}}),
            (p, {'optimizer': 'rmsprop', 'lr': {'kind': 'exponential', 'initLr': 0.02, 'gamma': 0.97}}),
            (p, {'optimizer': 'adamw', 'lr': {'kind': 'linearWarmup', 'peakLr': 0.05, 'warmupSteps': 20,
                                               'warmupInit': 0.005}}),
            (p, {'optimizer': 'adam', 'lr': {'kind': 'cosineAnnealing', 'initLr': 0.1, 'tMax': 25, 'etaMin': 0.001}}),
            (p, {'optimizer': 'adam', 'lr': {'kind': 'cosine', 'initLr': 0.1, 'decaySteps': 30, 'alpha': 0.05,
                                              'warmupSteps': 10, 'warmupInit': 0.01},
                 'note': 'cosineDecaySchedule: torch LinearLR, then CosineAnnealingLR held at eta_min (optax)'}),
            (p, {'optimizer': 'sgd', 'lr': {'kind': 'multiStep', 'initLr': s, 'milestones': [10, 25, 25, 40],
                                             'gamma': 0.7}, 'options': {'momentum': 0.5}}),
            (p, {'optimizer': 'adam', 'lr': {'kind': 'polynomial', 'initLr': 0.1, 'totalIters': 45, 'power': 2.0}}),
            (p, {'optimizer': 'nadam', 'lr': {'kind': 'cosineAnnealingWarmRestarts', 'initLr': 0.05, 't0': 7,
                                               'tMult': 2, 'etaMin': 0.001}}),
            (p, {'optimizer': 'sgd', 'lr': {'kind': 'oneCycle', 'maxLr': 2 * s, 'totalSteps': STEPS},
                 'options': {'momentum': 0.9}, 'note': 'OneCycleLR with cycle_momentum=False'}),
            (p, {'optimizer': 'adam', 'lr': {'kind': 'cyclic', 'baseLr': 0.01, 'maxLr': 0.1, 'stepSizeUp': 8,
                                              'stepSizeDown': 5, 'mode': 'triangular2'},
                 'note': 'CyclicLR with cycle_momentum=False'}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9}, 'clipByGlobalNorm': 1.0,
                 'note': "clip_grad_norm_ adds 1e-6 to the norm: clipByGlobalNorm(c, { eps: 1e-6 })"}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'clipByValue': 0.5}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9},
                 'plateau': {'factor': 0.5, 'patience': 3, 'threshold': 1e-3, 'cooldown': 2, 'minLr': s / 200}}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5, 'options': {'lrDecay': 0.05},
                 'plateau': {'factor': 0.3, 'patience': 0, 'threshold': 0.01, 'thresholdMode': 'abs'}}),
            (p, {'optimizer': 'adam', 'lr': 1e-7,
                 'plateau': {'factor': 0.5, 'patience': 0, 'eps': 1e-8},
                 'note': 'ReduceLROnPlateau skips reductions of eps or less: the lr stops at 1.5625e-9'}),
        ]
    specs += [
        (r, {'optimizer': 'lbfgs', 'lr': 1, 'options': {'maxIter': 2, 'lineSearch': 'strongWolfe'}}),
        (r, {'optimizer': 'lbfgs', 'lr': 1, 'options': {'maxIter': 5, 'historySize': 2, 'lineSearch': 'strongWolfe'}}),
        (r, {'optimizer': 'lbfgs', 'lr': 1, 'options': {'lineSearch': 'strongWolfe'}}),
        (r, {'optimizer': 'lbfgs', 'lr': 1e-3, 'options': {'maxIter': 4, 'historySize': 3}}),
        (r, {'optimizer': 'adam', 'lr': 0.02}),
        (r, {'optimizer': 'rprop', 'lr': 0.01}),
    ]
    out = []
    for p, s in specs:
        params, lrs = run(p, s)
        # A trajectory that amplifies last-bit differences cannot be matched to 1e-10: nudge the
        # start by 1e-14 and require that no parameter moves by more than 1e4 times that (rounding
        # differences of ~1e-16 per step then stay below 1e-11).
        nudged, _ = run(p, s, perturb=1e-14)
        amp = max(abs(a - b) for ra, rb in zip(params, nudged) for a, b in zip(ra, rb)) / 1e-14
        assert amp < 1e4, ('ill-conditioned trajectory', p, s, amp)
        case = {**s, 'problem': p, 'params': params, 'learningRate': lrs}
        if s['optimizer'] == 'nadam' and 'options' not in s and isinstance(s['lr'], float):
            # PyTorch 1.13's default path, recorded to show it is not the documented formula.
            case['torchDefaultPathParams'] = run(p, s, foreach=False)[0]
            case['note'] = 'foreach=True (documented formula); torchDefaultPathParams: the 1.13 default path'
        out.append(case)
    return out


def schedules():
    specs = [
        {'kind': 'step', 'initLr': 0.1, 'stepSize': 7},
        {'kind': 'step', 'initLr': 2.0, 'stepSize': 3, 'gamma': 0.7},
        {'kind': 'exponential', 'initLr': 0.5, 'gamma': 0.95},
        {'kind': 'exponential', 'initLr': 1e-3, 'gamma': 1.05},
        {'kind': 'linearWarmup', 'peakLr': 0.1, 'warmupSteps': 10, 'warmupInit': 0.001},
        {'kind': 'linearWarmup', 'peakLr': 1.0, 'warmupSteps': 7, 'warmupInit': 0.2},
        {'kind': 'cosine', 'initLr': 0.1, 'decaySteps': 40},
        {'kind': 'cosine', 'initLr': 1.0, 'decaySteps': 33, 'alpha': 0.1},
        {'kind': 'cosine', 'initLr': 0.5, 'decaySteps': 25, 'alpha': 0.2, 'warmupSteps': 10, 'warmupInit': 0.05},
        {'kind': 'cosineAnnealing', 'initLr': 0.1, 'tMax': 40},
        {'kind': 'cosineAnnealing', 'initLr': 1.0, 'tMax': 17, 'etaMin': 0.05},
        {'kind': 'multiStep', 'initLr': 0.1, 'milestones': [5, 30, 30, 80]},
        {'kind': 'multiStep', 'initLr': 1.0, 'milestones': [0, 50, 10], 'gamma': 0.5},
        {'kind': 'polynomial', 'initLr': 0.1},
        {'kind': 'polynomial', 'initLr': 1.0, 'totalIters': 90, 'power': 0.5},
        {'kind': 'polynomial', 'initLr': 0.3, 'totalIters': 60, 'power': 3.0},
        {'kind': 'cosineAnnealingWarmRestarts', 'initLr': 0.1, 't0': 10},
        {'kind': 'cosineAnnealingWarmRestarts', 'initLr': 1.0, 't0': 3, 'tMult': 2, 'etaMin': 0.01},
        {'kind': 'cosineAnnealingWarmRestarts', 'initLr': 0.5, 't0': 1, 'tMult': 3},
        {'kind': 'oneCycle', 'maxLr': 0.1, 'totalSteps': SCHEDULE_STEPS},
        {'kind': 'oneCycle', 'maxLr': 1.0, 'totalSteps': SCHEDULE_STEPS, 'pctStart': 0.25, 'annealStrategy': 'linear',
         'divFactor': 10.0, 'finalDivFactor': 100.0},
        {'kind': 'oneCycle', 'maxLr': 0.5, 'totalSteps': SCHEDULE_STEPS, 'threePhase': True},
        {'kind': 'oneCycle', 'maxLr': 0.5, 'totalSteps': 99, 'pctStart': 0.37, 'threePhase': True,
         'annealStrategy': 'linear'},
        {'kind': 'cyclic', 'baseLr': 0.01, 'maxLr': 0.1, 'stepSizeUp': 10},
        {'kind': 'cyclic', 'baseLr': 0.001, 'maxLr': 0.006, 'stepSizeUp': 7, 'stepSizeDown': 13, 'mode': 'triangular2'},
        {'kind': 'cyclic', 'baseLr': 0.1, 'maxLr': 1.0, 'stepSizeUp': 6, 'mode': 'exp_range', 'gamma': 0.98},
    ]
    out = []
    for s in specs:
        steps = min(SCHEDULE_STEPS, s['totalSteps']) if s['kind'] == 'oneCycle' else SCHEDULE_STEPS
        case = {**s, 'values': schedule_lrs(s, steps)}
        if s['kind'] == 'cosine':
            case['note'] = 'torch LinearLR then CosineAnnealingLR up to decaySteps, then held (optax)'
        out.append(case)
    return out


def plateau_cases():
    g = torch.Generator().manual_seed(7)
    noise = torch.rand(60, generator=g).tolist()
    falling = [1.0 - 0.05 * t for t in range(10)] + [0.5 + 0.001 * v for v in noise[:15]] + \
        [0.49 - 0.03 * t for t in range(10)] + [0.2 + 0.01 * v for v in noise[15:40]]
    rising = [-v for v in falling]
    cases = []
    for metrics, lr, opts in [
        (falling, 0.1, {}),
        (falling, 0.1, {'patience': 2, 'factor': 0.5}),
        (falling, 0.1, {'patience': 1, 'factor': 0.5, 'cooldown': 3}),
        (falling, 0.1, {'patience': 0, 'factor': 0.2, 'threshold': 0.05, 'minLr': 0.003}),
        (falling, 0.1, {'patience': 1, 'factor': 0.5, 'thresholdMode': 'abs', 'threshold': 0.005}),
        (rising, 0.1, {'mode': 'max', 'patience': 2, 'factor': 0.5}),
        (rising, 0.1, {'mode': 'max', 'patience': 1, 'factor': 0.5, 'thresholdMode': 'abs', 'threshold': 0.005,
                       'cooldown': 2}),
        (falling, 1e-6, {'patience': 0, 'factor': 0.5}),  # eps stops the reductions at ~1e-8
        (falling, 1e-3, {'patience': 0, 'factor': 0.5, 'eps': 1e-5}),
    ]:
        p = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([p], lr=lr)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(
            opt, mode=opts.get('mode', 'min'), factor=opts.get('factor', 0.1), patience=opts.get('patience', 10),
            threshold=opts.get('threshold', 1e-4), threshold_mode=opts.get('thresholdMode', 'rel'),
            cooldown=opts.get('cooldown', 0), min_lr=opts.get('minLr', 0), eps=opts.get('eps', 1e-8))
        lrs = []
        for m in metrics:
            lrs.append(opt.param_groups[0]['lr'])  # the rate of the update that goes with this metric
            sched.step(m)
        cases.append({'lr': lr, 'options': opts, 'metrics': metrics, 'learningRates': lrs,
                      'final': opt.param_groups[0]['lr']})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    data = {
        'torch': torch.__version__,
        'steps': STEPS,
        'problems': {'rosenbrock': PROBLEMS['rosenbrock'][0]},
        'runs': runs(),
        'schedules': schedules(),
        'plateau': plateau_cases(),
    }
    path = os.path.join(OUT, 'torch.json')
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')
    print('wrote', os.path.relpath(path), os.path.getsize(path), 'bytes,', len(data['runs']), 'runs,',
          len(data['schedules']), 'schedules,', len(data['plateau']), 'plateau cases')


if __name__ == '__main__':
    main()
