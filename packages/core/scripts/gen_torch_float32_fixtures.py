#!/usr/bin/python3
"""PyTorch float32 references for @losslab/core's optimizers and `fit` in float32.

Run with Debian's Python, which has PyTorch 1.13 (apt install python3-torch):

    /usr/bin/python3 packages/core/scripts/gen_torch_float32_fixtures.py

Writes packages/core/src/optim/fixtures/torchFloat32.json:

- runs: trajectories of STEPS torch.optim steps on float32 parameters (PyTorch's default dtype),
  every optimizer with its defaults and with options, on the quadratic and the article's linear
  regression of gen_optim_fixtures.py. Gradients come from the same plain-Python loops (float64
  arithmetic on the float32 parameters), rounded to float32 when assigned to `.grad`, as the
  TypeScript replay rounds them into a Float32Array: only the optimizer arithmetic differs, which
  PyTorch does in float32 and losslab in float64 rounded to float32 on every store. Each run also
  carries PyTorch's float64 trajectory of the same spec (`float64Params`): how far float32
  rounding alone moves PyTorch's own result.
- fits: idiomatic float32 PyTorch training of the article's model (nn.Linear(1, 1) at zeros,
  MSELoss, autograd) on the article's data cast to float32, full batch, recording the loss of
  every step and the final parameters, for `fit` with a float32 model and float32 data; and the
  same training in float64, the yardstick of what float32 rounding does.

Lion is not in PyTorch: optax's lion is written here with torch tensors (as LAMB is in
gen_torch_optim_fixtures.py, whose optimizer table, NAdam foreach choice and run loop this reuses).
"""
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_torch_optim_fixtures as ref  # noqa: E402 (the float64 generator: run loop, optimizers)

torch.set_default_dtype(torch.float32)  # after the import: ref sets float64 at import time
OUT = ref.OUT
STEPS = ref.STEPS


class Lion(torch.optim.Optimizer):
    """optax.lion (scale_by_lion, add_decayed_weights, scale_by_learning_rate) in torch tensors."""

    def __init__(self, params, lr, b1, b2, weight_decay):
        super().__init__(params, dict(lr=lr, b1=b1, b2=b2, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                st = self.state[p]
                if not st:
                    st['m'] = torch.zeros_like(p)
                b1, b2 = group['b1'], group['b2']
                u = torch.sign(b1 * st['m'] + (1 - b1) * p.grad) + group['weight_decay'] * p
                st['m'] = b2 * st['m'] + (1 - b2) * p.grad
                p.add_(-group['lr'] * u)


_torch_optimizer = ref.torch_optimizer


def torch_optimizer(name, params, lr, o):
    if name == 'lion':
        return Lion(params, lr=lr, b1=o.get('b1', 0.9), b2=o.get('b2', 0.99),
                    weight_decay=o.get('weightDecay', 1e-3))
    return _torch_optimizer(name, params, lr, o)


ref.torch_optimizer = torch_optimizer  # ref.run looks it up at call time


def runs():
    q, l = 'quadratic', 'linreg'
    specs = []
    for p in (q, l):
        s = 0.015 if p == q else 0.1
        lamb_x0 = [0.5, 1.5, -0.5][:3 if p == q else 2]
        specs += [
            (p, {'optimizer': 'sgd', 'lr': s}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9}}),
            (p, {'optimizer': 'sgd', 'lr': s / 2, 'options': {'momentum': 0.9, 'nesterov': True, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5}),
            (p, {'optimizer': 'adagrad', 'lr': 0.5, 'options': {'lrDecay': 0.01, 'initialAccumulatorValue': 0.1,
                                                               'weightDecay': 0.02, 'eps': 1e-6}}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.01}),
            (p, {'optimizer': 'rmsprop', 'lr': 0.005, 'options': {'momentum': 0.8, 'centered': True, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'adam', 'lr': 0.05}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'options': {'amsgrad': True}}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'options': {'weightDecay': 0.05, 'b1': 0.8, 'b2': 0.99, 'eps': 1e-6}}),
            (p, {'optimizer': 'adamw', 'lr': 0.05}),
            (p, {'optimizer': 'adamw', 'lr': 0.05, 'options': {'weightDecay': 0.2, 'amsgrad': True}}),
            (p, {'optimizer': 'nadam', 'lr': 0.05, 'note': 'foreach=True (documented formula)'}),
            (p, {'optimizer': 'adamax', 'lr': 0.05}),
            (p, {'optimizer': 'adadelta', 'lr': 1.0}),
            (p, {'optimizer': 'adadelta', 'lr': 5.0, 'options': {'rho': 0.8, 'eps': 1e-4, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'radam', 'lr': 0.05}),
            (p, {'optimizer': 'rprop', 'lr': 0.01}),
            (p, {'optimizer': 'asgd', 'lr': s}),
            (p, {'optimizer': 'asgd', 'lr': s, 'options': {'lambd': 0.05, 'alpha': 0.5, 't0': 10, 'weightDecay': 0.01}}),
            (p, {'optimizer': 'lamb', 'lr': 0.05, 'x0': lamb_x0, 'note': 'optax lamb written in torch'}),
            (p, {'optimizer': 'lion', 'lr': 0.01, 'options': {'weightDecay': 0.0}, 'note': 'optax lion written in torch'}),
            (p, {'optimizer': 'lion', 'lr': 0.01, 'options': {'b1': 0.8, 'b2': 0.95, 'weightDecay': 0.1},
                 'note': 'optax lion written in torch'}),
            (p, {'optimizer': 'lbfgs', 'lr': 0.2, 'options': {'maxIter': 1}}),
            (p, {'optimizer': 'lbfgs', 'lr': 1, 'options': {'maxIter': 3, 'lineSearch': 'strongWolfe'}}),
            (p, {'optimizer': 'adam', 'lr': {'kind': 'cosineAnnealing', 'initLr': 0.1, 'tMax': 25, 'etaMin': 0.001}}),
            (p, {'optimizer': 'adam', 'lr': 0.05, 'clipByValue': 0.5}),
        ]
    out = []
    for p, s in specs:
        params, lrs = ref.run(p, s)
        # The same run in float64: how far float32 rounding alone moves PyTorch's own trajectory
        # (the tests scale their tolerance by it: ill-conditioned runs amplify rounding).
        torch.set_default_dtype(torch.float64)
        wide, _ = ref.run(p, s)
        torch.set_default_dtype(torch.float32)
        out.append({**s, 'problem': p, 'params': params, 'float64Params': wide, 'learningRate': lrs})
    return out


def train(c, dtype):
    """Idiomatic PyTorch: nn.Linear(1, 1) from zeros, MSELoss, autograd, full batch, in dtype."""
    np.random.seed(0)
    x = np.random.randn(100, 1)
    y = 2 * x + 3 + np.random.randn(100, 1) * 0.5
    X = torch.tensor(x, dtype=dtype)
    Y = torch.tensor(y, dtype=dtype)
    model = torch.nn.Linear(1, 1).to(dtype)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    opt = torch_optimizer(c['optimizer'], model.parameters(), c['lr'], c.get('options', {}))
    loss_fn = torch.nn.MSELoss()
    losses = []
    for _ in range(c['steps']):
        opt.zero_grad()
        loss = loss_fn(model(X), Y)
        loss.backward()
        losses.append(loss.item())
        opt.step()
    return losses, [model.weight.item(), model.bias.item()], loss_fn(model(X), Y).item()


def fits():
    cases = [
        {'optimizer': 'sgd', 'lr': 0.1, 'steps': 300},
        {'optimizer': 'sgd', 'lr': 0.05, 'options': {'momentum': 0.9}, 'steps': 300},
        {'optimizer': 'adam', 'lr': 0.05, 'steps': 500},
        {'optimizer': 'adamw', 'lr': 0.05, 'steps': 300},
        {'optimizer': 'rmsprop', 'lr': 0.01, 'steps': 300},
    ]
    out = []
    for c in cases:
        losses, params, final = train(c, torch.float32)
        losses64, params64, final64 = train(c, torch.float64)
        out.append({**c, 'loss': losses, 'params': params, 'finalLoss': final,
                    'float64Loss': losses64, 'float64Params': params64, 'float64FinalLoss': final64})
    return out


def main():
    data = {'torch': torch.__version__, 'dtype': 'float32', 'steps': STEPS, 'runs': runs(), 'fits': fits()}
    path = os.path.join(OUT, 'torchFloat32.json')
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')
    print('wrote', os.path.relpath(path), os.path.getsize(path), 'bytes,', len(data['runs']), 'runs,',
          len(data['fits']), 'fits')


if __name__ == '__main__':
    main()
