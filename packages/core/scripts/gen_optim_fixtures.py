#!/usr/bin/python3
"""Reference trajectories for @losslab/core's optimizers, schedules and clipping.

Run with /usr/bin/python3 (numpy) from anywhere:

    /usr/bin/python3 packages/core/scripts/gen_optim_fixtures.py

Writes packages/core/src/optim/fixtures/{trajectories,schedules,clipping}.json.

Each optimizer below is written from its documented algorithm (the pseudo-code boxes of the
torch.optim docs for SGD, Adagrad, RMSprop, Adam, AdamW, NAdam, Adamax; Algorithm 2 of Chen et
al. 2023 for Lion), one whole step at a time in textbook form, not as a chain of transformations
like the TypeScript code it checks. Gradients are computed with plain Python loops in a fixed
order so that the TypeScript test can reproduce them bit for bit; only the optimizer arithmetic
differs, and the tests allow 1e-10 relative.
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'optim', 'fixtures')
STEPS = 200


# ---------------------------------------------------------------- problems

def make_quadratic():
    # f(x) = 1/2 x^T A x - b^T x with eigenvalues 1, 10, 100 in a rotated basis (condition 100).
    rng = np.random.RandomState(42)
    q, _ = np.linalg.qr(rng.randn(3, 3))
    a = q @ np.diag([1.0, 10.0, 100.0]) @ q.T
    a = (a + a.T) / 2
    return {
        'A': a.tolist(),
        'b': [1.0, -2.0, 0.5],
        'x0': [2.0, -1.0, 3.0],
    }


def quadratic_loss_grad(p, x):
    a, b = p['A'], p['b']
    n = len(b)
    g = [0.0] * n
    loss = 0.0
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a[i][j] * x[j]
        g[i] = s - b[i]
        loss += 0.5 * x[i] * s - b[i] * x[i]
    return loss, g


def make_linreg():
    # The article's data: np.random.seed(0); X = randn(100, 1); y = 2X + 3 + 0.5 randn(100, 1).
    np.random.seed(0)
    x = np.random.randn(100, 1)
    y = 2 * x + 3 + np.random.randn(100, 1) * 0.5
    return {'x': x[:, 0].tolist(), 'y': y[:, 0].tolist(), 'x0': [0.0, 0.0]}


def linreg_loss_grad(p, params):
    # MSE of pred = w x + b; params = (w, b).
    w, b = params
    xs, ys = p['x'], p['y']
    n = len(xs)
    sw = 0.0
    sb = 0.0
    sl = 0.0
    for i in range(n):
        r = (w * xs[i] + b) - ys[i]
        sw += r * xs[i]
        sb += r
        sl += r * r
    return sl / n, [2 * sw / n, 2 * sb / n]


PROBLEMS = {'quadratic': (make_quadratic(), quadratic_loss_grad),
            'linreg': (make_linreg(), linreg_loss_grad)}


# ---------------------------------------------------------------- schedules

def schedule_value(spec, t):
    kind = spec['kind']
    if kind == 'constant':
        return spec['value']
    if kind == 'step':  # StepLR
        return spec['initLr'] * spec.get('gamma', 0.1) ** (t // spec['stepSize'])
    if kind == 'exponential':  # ExponentialLR
        return spec['initLr'] * spec['gamma'] ** t
    if kind == 'linearWarmup':
        init = spec.get('warmupInit', 0.0)
        return init + (spec['peakLr'] - init) * min(t, spec['warmupSteps']) / spec['warmupSteps']
    if kind == 'cosine':
        tw = spec.get('warmupSteps', 0)
        init = spec.get('warmupInit', 0.0)
        alpha = spec.get('alpha', 0.0)
        if t < tw:
            return init + (spec['initLr'] - init) * t / tw
        # CosineAnnealingLR closed form with eta_min = alpha * initLr, held after decaySteps.
        tc = min(t - tw, spec['decaySteps'])
        eta_min = alpha * spec['initLr']
        return eta_min + (spec['initLr'] - eta_min) * (1 + math.cos(math.pi * tc / spec['decaySteps'])) / 2
    raise ValueError(kind)


class Plateau:
    """torch.optim.lr_scheduler.ReduceLROnPlateau, mode='min', threshold_mode='rel', on a factor."""

    def __init__(self, factor=0.1, patience=10, threshold=1e-4, cooldown=0, minScale=0.0, eps=1e-8):
        self.factor, self.patience, self.threshold = factor, patience, threshold
        self.cooldown, self.min_scale, self.eps = cooldown, minScale, eps
        self.scale, self.best, self.bad, self.cooldown_counter = 1.0, math.inf, 0, 0

    def step(self, metric):
        if metric < self.best * (1 - self.threshold):
            self.best = metric
            self.bad = 0
        else:
            self.bad += 1
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.bad = 0
        if self.bad > self.patience:
            # PyTorch skips a reduction of eps or less (here in units of the scale: no base lr).
            reduced = max(self.scale * self.factor, self.min_scale)
            if self.scale - reduced > self.eps:
                self.scale = reduced
            self.cooldown_counter = self.cooldown
            self.bad = 0


# ---------------------------------------------------------------- optimizers (one step each)

class SGD:
    def __init__(self, n, momentum=0.0, dampening=0.0, nesterov=False, weightDecay=0.0):
        self.mu, self.tau, self.nesterov, self.wd = momentum, dampening, nesterov, weightDecay
        self.b = None

    def step(self, theta, g, lr, t):
        if self.wd != 0:
            g = g + self.wd * theta
        if self.mu != 0:
            if t > 1:
                self.b = self.mu * self.b + (1 - self.tau) * g
            else:
                self.b = g.copy()
            g = g + self.mu * self.b if self.nesterov else self.b
        return theta - lr * g

    def lr_factor(self, t):
        return 1.0


class Adagrad:
    def __init__(self, n, lrDecay=0.0, weightDecay=0.0, initialAccumulatorValue=0.0, eps=1e-10):
        self.eta, self.wd, self.eps = lrDecay, weightDecay, eps
        self.state_sum = np.full(n, initialAccumulatorValue, dtype=np.float64)

    def lr_factor(self, t):
        return 1 / (1 + (t - 1) * self.eta)

    def step(self, theta, g, lr, t):
        clr = lr / (1 + (t - 1) * self.eta)
        if self.wd != 0:
            g = g + self.wd * theta
        self.state_sum = self.state_sum + g * g
        return theta - clr * g / (np.sqrt(self.state_sum) + self.eps)


class RMSprop:
    def __init__(self, n, alpha=0.99, eps=1e-8, weightDecay=0.0, momentum=0.0, centered=False):
        self.alpha, self.eps, self.wd, self.mu, self.centered = alpha, eps, weightDecay, momentum, centered
        self.v = np.zeros(n)
        self.g_ave = np.zeros(n)
        self.b = np.zeros(n)

    def lr_factor(self, t):
        return 1.0

    def step(self, theta, g, lr, t):
        if self.wd != 0:
            g = g + self.wd * theta
        self.v = self.alpha * self.v + (1 - self.alpha) * g ** 2
        v_tilde = self.v
        if self.centered:
            self.g_ave = self.g_ave * self.alpha + (1 - self.alpha) * g
            v_tilde = v_tilde - self.g_ave ** 2
        if self.mu > 0:
            self.b = self.mu * self.b + g / (np.sqrt(v_tilde) + self.eps)
            return theta - lr * self.b
        return theta - lr * g / (np.sqrt(v_tilde) + self.eps)


class Adam:
    decoupled = False

    def __init__(self, n, b1=0.9, b2=0.999, eps=1e-8, weightDecay=0.0, amsgrad=False):
        self.b1, self.b2, self.eps, self.wd, self.amsgrad = b1, b2, eps, weightDecay, amsgrad
        self.m = np.zeros(n)
        self.v = np.zeros(n)
        self.v_max = np.zeros(n)

    def lr_factor(self, t):
        return 1.0

    def step(self, theta, g, lr, t):
        if self.decoupled:
            theta = theta - lr * self.wd * theta
        elif self.wd != 0:
            g = g + self.wd * theta
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g ** 2
        m_hat = self.m / (1 - self.b1 ** t)
        if self.amsgrad:
            self.v_max = np.maximum(self.v_max, self.v)
            v_hat = self.v_max / (1 - self.b2 ** t)
        else:
            v_hat = self.v / (1 - self.b2 ** t)
        return theta - lr * m_hat / (np.sqrt(v_hat) + self.eps)


class AdamW(Adam):
    decoupled = True

    def __init__(self, n, weightDecay=0.01, **kw):
        super().__init__(n, weightDecay=weightDecay, **kw)


class NAdam:
    def __init__(self, n, b1=0.9, b2=0.999, eps=1e-8, weightDecay=0.0, momentumDecay=4e-3):
        self.b1, self.b2, self.eps, self.wd, self.psi = b1, b2, eps, weightDecay, momentumDecay
        self.m = np.zeros(n)
        self.v = np.zeros(n)
        self.mus = []  # mu_1 .. mu_t, for the products

    def lr_factor(self, t):
        return 1.0

    def mu(self, t):
        return self.b1 * (1 - 0.5 * 0.96 ** (t * self.psi))

    def step(self, theta, g, lr, t):
        if self.wd != 0:
            g = g + self.wd * theta
        mu_t = self.mu(t)
        mu_next = self.mu(t + 1)
        self.mus.append(mu_t)
        prod_t = float(np.prod(self.mus))
        prod_next = prod_t * mu_next
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g ** 2
        m_hat = mu_next * self.m / (1 - prod_next) + (1 - mu_t) * g / (1 - prod_t)
        v_hat = self.v / (1 - self.b2 ** t)
        return theta - lr * m_hat / (np.sqrt(v_hat) + self.eps)


class Adamax:
    def __init__(self, n, b1=0.9, b2=0.999, eps=1e-8, weightDecay=0.0):
        self.b1, self.b2, self.eps, self.wd = b1, b2, eps, weightDecay
        self.m = np.zeros(n)
        self.u = np.zeros(n)

    def lr_factor(self, t):
        return 1.0

    def step(self, theta, g, lr, t):
        if self.wd != 0:
            g = g + self.wd * theta
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.u = np.maximum(self.b2 * self.u, np.abs(g) + self.eps)
        return theta - lr * self.m / ((1 - self.b1 ** t) * self.u)


class Lion:
    def __init__(self, n, b1=0.9, b2=0.99, weightDecay=1e-3):
        self.b1, self.b2, self.wd = b1, b2, weightDecay
        self.m = np.zeros(n)

    def lr_factor(self, t):
        return 1.0

    def step(self, theta, g, lr, t):
        c = self.b1 * self.m + (1 - self.b1) * g
        theta = theta - lr * (np.sign(c) + self.wd * theta)
        self.m = self.b2 * self.m + (1 - self.b2) * g
        return theta


OPTIMIZERS = {'sgd': SGD, 'adagrad': Adagrad, 'rmsprop': RMSprop, 'adam': Adam, 'adamw': AdamW,
              'nadam': NAdam, 'adamax': Adamax, 'lion': Lion}


def clip_value(g, delta):
    return np.clip(g, -delta, delta)


def clip_global_norm(g, max_norm):
    norm = np.linalg.norm(g)
    return g if norm < max_norm else g / norm * max_norm


def run(problem, spec, perturb=0.0):
    data, loss_grad = PROBLEMS[problem]
    theta = np.array(data['x0'], dtype=np.float64) + perturb
    opt = OPTIMIZERS[spec['optimizer']](len(theta), **spec.get('options', {}))
    plateau = Plateau(**spec['plateau']) if 'plateau' in spec else None
    lr_spec = spec['lr']
    params, lrs = [], []
    for t in range(1, STEPS + 1):
        base = lr_spec if isinstance(lr_spec, (int, float)) else schedule_value(lr_spec, t - 1)
        scale = plateau.scale if plateau else 1.0
        lrs.append(base * scale * opt.lr_factor(t))
        loss, g = loss_grad(data, theta.tolist())
        g = np.array(g)
        if 'clipByValue' in spec:
            g = clip_value(g, spec['clipByValue'])
        if 'clipByGlobalNorm' in spec:
            g = clip_global_norm(g, spec['clipByGlobalNorm'])
        theta = opt.step(theta, g, base * scale, t)
        if plateau:
            plateau.step(loss)
        params.append(theta.tolist())
    assert np.all(np.isfinite(params)), (problem, spec)
    return {**spec, 'problem': problem, 'params': params, 'learningRate': lrs}


def runs():
    # (problem, spec); learning rates chosen per problem so that each run moves visibly.
    q, l = 'quadratic', 'linreg'
    specs = []
    for p, s in [
        (q, 0.015), (l, 0.1),
    ]:
        specs += [
            (p, {'optimizer': 'sgd', 'lr': s}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9}}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9, 'nesterov': True}}),
            (p, {'optimizer': 'sgd', 'lr': s / 2,
                 'options': {'momentum': 0.5, 'dampening': 0.3, 'weightDecay': 0.05}}),
        ]
    for p in (q, l):
        specs += [
            (p, {'optimizer': 'adagrad', 'lr': 0.5}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5,
                 'options': {'lrDecay': 0.01, 'initialAccumulatorValue': 0.1, 'weightDecay': 0.02, 'eps': 1e-6}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.01}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.01, 'options': {'centered': True, 'alpha': 0.95}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.005,
                 'options': {'momentum': 0.8, 'centered': True, 'weightDecay': 0.01}}),
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
            (p, {'optimizer': 'lion', 'lr': 0.01}),
            (p, {'optimizer': 'lion', 'lr': 0.01, 'options': {'weightDecay': 0.2, 'b1': 0.8, 'b2': 0.95}}),
            # Schedules, clipping and reduce-on-plateau composed with the optimizers.
            (p, {'optimizer': 'adam', 'lr': {'kind': 'cosine', 'initLr': 0.1, 'decaySteps': 150,
                                              'alpha': 0.05, 'warmupSteps': 20, 'warmupInit': 0.001}}),
            (p, {'optimizer': 'sgd', 'lr': {'kind': 'step', 'initLr': 0.01, 'stepSize': 50, 'gamma': 0.5},
                 'options': {'momentum': 0.9}}),
            (p, {'optimizer': 'rmsprop', 'lr': {'kind': 'exponential', 'initLr': 0.02, 'gamma': 0.99}}),
            (p, {'optimizer': 'adamw', 'lr': {'kind': 'linearWarmup', 'peakLr': 0.05, 'warmupSteps': 30}}),
            (p, {'optimizer': 'sgd', 'lr': 0.01, 'options': {'momentum': 0.9}, 'clipByGlobalNorm': 1.0}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'clipByValue': 0.5}),
            (p, {'optimizer': 'sgd', 'lr': 0.01, 'options': {'momentum': 0.9},
                 'plateau': {'factor': 0.5, 'patience': 3, 'threshold': 1e-3, 'cooldown': 2, 'minScale': 0.01}}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5, 'options': {'lrDecay': 0.05},
                 'plateau': {'factor': 0.3, 'patience': 0, 'threshold': 0.01}}),
        ]
    out = []
    for p, s in specs:
        r = run(p, s)
        # A run near a chaotic regime (centered RMSprop whose variance estimate cancels to ~0, Lion
        # whose sign flips) would amplify last-bit rounding differences beyond 1e-10. Nudge the
        # start by 1e-14 relative and require that no parameter moves by more than 1000 times the
        # nudge, so that the fixture can be matched to 1e-10 at all.
        nudged = np.array(run(p, s, perturb=1e-14)['params'])
        ref = np.array(r['params'])
        amplification = np.max(np.abs(nudged - ref)) / 1e-14
        assert amplification < 1e3, ('ill-conditioned trajectory', p, s, amplification)
        out.append(r)
    return out


# ---------------------------------------------------------------- schedules and clipping alone

def schedules():
    specs = [
        {'kind': 'constant', 'value': 0.3},
        {'kind': 'step', 'initLr': 0.1, 'stepSize': 7},
        {'kind': 'step', 'initLr': 2.0, 'stepSize': 3, 'gamma': 0.7},
        {'kind': 'exponential', 'initLr': 0.5, 'gamma': 0.95},
        {'kind': 'linearWarmup', 'peakLr': 0.1, 'warmupSteps': 10},
        {'kind': 'linearWarmup', 'peakLr': 1.0, 'warmupSteps': 7, 'warmupInit': 0.2},
        {'kind': 'cosine', 'initLr': 0.1, 'decaySteps': 40},
        {'kind': 'cosine', 'initLr': 1.0, 'decaySteps': 33, 'alpha': 0.1},
        {'kind': 'cosine', 'initLr': 0.5, 'decaySteps': 25, 'alpha': 0.2, 'warmupSteps': 10, 'warmupInit': 0.05},
    ]
    return [{**s, 'values': [schedule_value(s, t) for t in range(60)]} for s in specs]


def plateau_cases():
    rng = np.random.RandomState(7)
    # A loss that falls, stalls with noise, falls again, then stalls for good.
    losses = np.concatenate([np.linspace(1, 0.5, 10), 0.5 + 0.001 * rng.rand(15),
                             np.linspace(0.49, 0.2, 10), 0.2 + 0.01 * rng.rand(25)]).tolist()
    cases = []
    for opts in [{}, {'patience': 2, 'factor': 0.5}, {'patience': 1, 'factor': 0.5, 'cooldown': 3},
                 {'patience': 0, 'factor': 0.2, 'threshold': 0.05, 'minScale': 0.03}]:
        p = Plateau(**opts)
        scales = []
        for loss in losses:
            scales.append(p.scale)  # the factor applied to this step's update
            p.step(loss)
        cases.append({'options': opts, 'losses': losses, 'scales': scales, 'finalScale': p.scale})
    return cases


def clipping():
    rng = np.random.RandomState(1)
    cases = []
    for size, spread in [(5, 1.0), (17, 3.0), (64, 0.1), (1, 10.0)]:
        g = rng.randn(size) * spread
        for delta in [0.05, 0.5, 2.0]:
            cases.append({'kind': 'clipByValue', 'limit': delta, 'grads': g.tolist(),
                          'expected': clip_value(g, delta).tolist()})
        norm = float(np.linalg.norm(g))
        for max_norm in [norm / 3, norm * 2]:
            cases.append({'kind': 'clipByGlobalNorm', 'limit': max_norm, 'grads': g.tolist(),
                          'expected': clip_global_norm(g, max_norm).tolist()})
    return cases


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
        f.write('\n')
    print('wrote', os.path.relpath(path), os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    write('trajectories.json', {
        'steps': STEPS,
        'problems': {'quadratic': PROBLEMS['quadratic'][0], 'linreg': PROBLEMS['linreg'][0]},
        'runs': runs(),
    })
    write('schedules.json', {'schedules': schedules(), 'plateau': plateau_cases()})
    write('clipping.json', {'cases': clipping()})
