#!/usr/bin/python3
"""Reference values for @losslab/core's models and fit loop, computed with numpy only.

Run with /usr/bin/python3 (numpy from Debian):
    /usr/bin/python3 packages/core/scripts/gen_training_fixtures.py
Writes src/models/fixtures/models.json and src/training/fixtures/training.json.

Everything here is written from the formulas, independently of the TypeScript code: forward and
backward passes by matrix algebra, gradient descent as `p -= lr * grad`, mini-batches as numpy's
`RandomState(seed).permutation(n)` per epoch. json.dumps writes floats with repr, which
round-trips doubles exactly.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "src")


def tolist(a):
    return np.asarray(a, dtype=np.float64).ravel().tolist()


# ---------------------------------------------------------------- activations and losses


def act(kind, z):
    if kind == "tanh":
        return np.tanh(z)
    if kind == "relu":
        return np.maximum(z, 0.0)
    return 1.0 / (1.0 + np.exp(-z))


def act_grad(kind, z):
    if kind == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if kind == "relu":
        return (z > 0).astype(np.float64)
    s = 1.0 / (1.0 + np.exp(-z))
    return s * (1.0 - s)


def mse(pred, y):
    d = pred - y
    return np.mean(d * d), 2.0 * d / d.size


def bce_logits(z, y):
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    sig = 1.0 / (1.0 + np.exp(-z))
    return np.mean(loss), (sig - y) / z.size


def softmax_ce(z, labels):
    b = z.shape[0]
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    loss = np.mean(lse - z[np.arange(b), labels])
    p = np.exp(z - lse[:, None])
    p[np.arange(b), labels] -= 1.0
    return loss, p / b


# ---------------------------------------------------------------- an MLP written with matrices


def mlp_init(layers, activation, seed):
    """Glorot uniform (He uniform for layers followed by ReLU) weights, zero biases, drawn in
    layout order from one RandomState, as the TypeScript mlp documents."""
    rs = np.random.RandomState(seed)
    params = []
    for l in range(len(layers) - 1):
        fan_in, fan_out = layers[l], layers[l + 1]
        hidden = l + 2 < len(layers)
        if hidden and activation == "relu":
            lim = np.sqrt(6.0 / fan_in)
        else:
            lim = np.sqrt(6.0 / (fan_in + fan_out))
        params.append(rs.uniform(-lim, lim, fan_in * fan_out))
        params.append(np.zeros(fan_out))
    return np.concatenate(params)


def mlp_unpack(layers, p):
    out, at = [], 0
    for l in range(len(layers) - 1):
        fi, fo = layers[l], layers[l + 1]
        W = p[at : at + fi * fo].reshape(fi, fo)
        at += fi * fo
        b = p[at : at + fo]
        at += fo
        out.append((W, b))
    return out


def mlp_forward(layers, activation, p, x):
    a = x
    zs, as_ = [], []
    wb = mlp_unpack(layers, p)
    for l, (W, b) in enumerate(wb):
        z = a @ W + b
        zs.append(z)
        a = z if l == len(wb) - 1 else act(activation, z)
        as_.append(a)
    return zs, as_


def mlp_backward(layers, activation, p, x, g_out):
    zs, as_ = mlp_forward(layers, activation, p, x)
    wb = mlp_unpack(layers, p)
    grads = [None] * (2 * len(wb))
    g = g_out
    for l in range(len(wb) - 1, -1, -1):
        W, _ = wb[l]
        a_prev = x if l == 0 else as_[l - 1]
        grads[2 * l] = (a_prev.T @ g).ravel()
        grads[2 * l + 1] = g.sum(axis=0)
        if l > 0:
            g = (g @ W.T) * act_grad(activation, zs[l - 1])
    return np.concatenate(grads)


# ---------------------------------------------------------------- models.json


def models_fixtures():
    out = {}

    # Least squares against numpy's SVD-based lstsq, on three features.
    rs = np.random.RandomState(11)
    n, f = 50, 3
    X = rs.randn(n, f)
    y = X @ np.array([0.5, -1.25, 2.0]) - 0.75 + 0.1 * rs.randn(n)
    A = np.hstack([X, np.ones((n, 1))])
    beta = np.linalg.lstsq(A, y, rcond=None)[0]
    out["leastSquares"] = {"n": n, "features": f, "x": tolist(X), "y": tolist(y), "beta": tolist(beta)}

    # Linear models' 'uniform' init: PyTorch's nn.Linear bound 1/sqrt(fan_in), from RandomState(seed).
    k = 1.0 / np.sqrt(3)
    out["uniformInit"] = {"features": 3, "classes": 4, "seed": 5, "params": tolist(np.random.RandomState(5).uniform(-k, k, 16))}

    # MLP: initialization, forward and backward for each activation, with random biases too.
    mlps = []
    for activation in ["tanh", "relu", "sigmoid"]:
        layers = [3, 5, 4, 2]
        seed = 7
        init = mlp_init(layers, activation, seed)
        rs = np.random.RandomState(21)
        n = 6
        x = rs.randn(n, layers[0])
        p = rs.randn(init.size) * 0.8
        t = rs.randn(n, layers[-1])
        zs, as_ = mlp_forward(layers, activation, p, x)
        loss, g = mse(as_[-1], t)
        grad = mlp_backward(layers, activation, p, x, g)
        mlps.append(
            {
                "layers": layers,
                "activation": activation,
                "seed": seed,
                "init": tolist(init),
                "n": n,
                "x": tolist(x),
                "params": tolist(p),
                "target": tolist(t),
                "z": [tolist(z) for z in zs],
                "a": [tolist(a) for a in as_],
                "mse": float(loss),
                "grad": tolist(grad),
            }
        )
    out["mlp"] = mlps
    return out


# ---------------------------------------------------------------- training.json


def article_data():
    np.random.seed(0)
    X = np.random.randn(100, 1)
    y = 2 * X + 3 + np.random.randn(100, 1) * 0.5
    return X[:, 0], y[:, 0]


def gd_linear(x, y, lr, steps, batch=None, seed=0):
    """Gradient descent on (w, b) with MSE; mini-batches from RandomState(seed).permutation."""
    n = x.size
    w = b = 0.0
    losses = []
    rs = np.random.RandomState(seed)
    order, at = None, n
    for _ in range(steps):
        if batch is None:
            idx = slice(None)
        else:
            if at >= n:
                order, at = rs.permutation(n), 0
            idx = order[at : at + batch]
            at += batch
        xb, yb = x[idx], y[idx]
        loss, g = mse(xb * w + b, yb)
        losses.append(float(loss))
        w, b = w - lr * float(np.sum(g * xb)), b - lr * float(np.sum(g))
    return losses, [w, b]


def training_fixtures():
    out = {}
    x, y = article_data()
    losses, wb = gd_linear(x, y, 0.1, 1000)
    w, b = wb
    beta = np.linalg.lstsq(np.stack([x, np.ones_like(x)], axis=1), y, rcond=None)[0]
    out["article"] = {
        "x": tolist(x),
        "y": tolist(y),
        "losses": losses,
        "w": w,
        "b": b,
        "mse": float(np.mean((x * w + b - y) ** 2)),
        "leastSquares": tolist(beta),
    }

    losses, params = gd_linear(x, y, 0.05, 50, batch=16, seed=1)
    out["minibatch"] = {"batchSize": 16, "seed": 1, "lr": 0.05, "losses": losses, "params": params}

    # Mini-batches of two-feature rows (rows gathered whole), 23 rows in batches of 5.
    rs = np.random.RandomState(13)
    X2 = rs.randn(23, 2)
    y2 = X2 @ np.array([1.0, -2.0]) + 0.5 + 0.3 * rs.randn(23)
    p = np.zeros(3)
    order_rs = np.random.RandomState(2)
    order, at, losses = None, 23, []
    for _ in range(30):
        if at >= 23:
            order, at = order_rs.permutation(23), 0
        idx = order[at : at + 5]
        at += 5
        xb, yb = X2[idx], y2[idx]
        loss, g = mse(xb @ p[:2] + p[2], yb)
        losses.append(float(loss))
        p = p - 0.05 * np.concatenate([xb.T @ g, [g.sum()]])
    out["minibatch2"] = {"x": tolist(X2), "y": tolist(y2), "batchSize": 5, "seed": 2, "lr": 0.05, "losses": losses, "params": tolist(p)}

    # Logistic regression by gradient descent on binary cross-entropy with logits.
    rs = np.random.RandomState(3)
    n = 60
    X = rs.randn(n, 2)
    yb = ((X @ np.array([1.5, -2.0]) + 0.3 + 0.5 * rs.randn(n)) > 0).astype(np.float64)
    p = np.zeros(3)
    losses = []
    for _ in range(200):
        z = X @ p[:2] + p[2]
        loss, g = bce_logits(z, yb)
        losses.append(float(loss))
        p = p - 0.5 * np.concatenate([X.T @ g, [g.sum()]])
    out["logistic"] = {"n": n, "x": tolist(X), "y": tolist(yb), "lr": 0.5, "losses": losses, "params": tolist(p)}

    # Softmax regression by gradient descent on softmax cross-entropy, three classes.
    rs = np.random.RandomState(4)
    n, c = 90, 3
    labels = np.repeat(np.arange(c), n // c)
    centers = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    X = rs.randn(n, 2) + centers[labels]
    W, bias = np.zeros((2, c)), np.zeros(c)
    losses = []
    for _ in range(200):
        loss, g = softmax_ce(X @ W + bias, labels)
        losses.append(float(loss))
        W, bias = W - 0.5 * (X.T @ g), bias - 0.5 * g.sum(axis=0)
    out["softmax"] = {
        "n": n,
        "classes": c,
        "x": tolist(X),
        "y": tolist(labels),
        "lr": 0.5,
        "losses": losses,
        "params": tolist(np.concatenate([W.ravel(), bias])),
    }

    # A tanh MLP fitting sin(x), from the seeded initialization.
    layers = [1, 8, 1]
    xs = np.linspace(-2, 2, 40).reshape(-1, 1)
    ys = np.sin(xs)
    p = mlp_init(layers, "tanh", 0)
    losses = []
    for _ in range(300):
        _, as_ = mlp_forward(layers, "tanh", p, xs)
        loss, g = mse(as_[-1], ys)
        losses.append(float(loss))
        p = p - 0.1 * mlp_backward(layers, "tanh", p, xs, g)
    out["mlp"] = {"layers": layers, "x": tolist(xs), "y": tolist(ys), "lr": 0.1, "losses": losses, "params": tolist(p)}
    return out


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump(data, fh)
        fh.write("\n")
    print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    write(os.path.join(SRC, "models", "fixtures", "models.json"), models_fixtures())
    write(os.path.join(SRC, "training", "fixtures", "training.json"), training_fixtures())
