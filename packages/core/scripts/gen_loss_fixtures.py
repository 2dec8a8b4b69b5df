#!/usr/bin/env python3
"""Reference values for the losses of @losslab/core, written independently of the TypeScript.

Each loss is implemented here from its published formula (PyTorch's documentation of the
matching nn.*Loss, torchvision's sigmoid_focal_loss, scikit-learn for MAPE/MSLE), in float64 with
numpy's own stable primitives (np.logaddexp, np.log1p), and evaluated on ordinary inputs and on
extreme ones: logits of +-1000, probabilities of exactly 0 and 1, magnitudes of 1e-300 and
1e300. For every case the script writes the 'mean', 'sum' and 'none' values, the gradient of
the 'mean' value where a closed form is published, and the same again for the inputs rounded
to float32 (computed in float64, as the TypeScript does) when they are representable.

Run with apt's numpy:  /usr/bin/python3 packages/core/scripts/gen_loss_fixtures.py
Writes packages/core/src/losses/fixtures/losses.json.
"""

import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "losses", "fixtures", "losses.json")
LOG_2PI = math.log(2 * math.pi)


def softplus(x):
    return np.logaddexp(0.0, x)


def sigmoid(x):
    return np.exp(-np.logaddexp(0.0, -x))


def reduce_elementwise(l, w):
    """Per-element losses times weights; mean divides by n (PyTorch's BCELoss with weight)."""
    if w is not None:
        l = l * w
    return {"none": l, "sum": l.sum(), "mean": l.sum() / l.size}


# ----- regression ----------------------------------------------------------------------------


def mse(p, t, o):
    d = p - t
    return d * d, 2 * d


def mae(p, t, o):
    d = p - t
    return np.abs(d), np.sign(d)


def huber(p, t, o):
    delta = o.get("delta", 1.0)
    d = p - t
    a = np.abs(d)
    return np.where(a < delta, 0.5 * d * d, delta * (a - 0.5 * delta)), np.clip(d, -delta, delta)


def smooth_l1(p, t, o):
    beta = o.get("beta", 1.0)
    d = p - t
    a = np.abs(d)
    if beta == 0:
        return a, np.sign(d)
    return np.where(a < beta, 0.5 * d * d / beta, a - 0.5 * beta), np.where(a < beta, d / beta, np.sign(d))


def log_cosh(p, t, o):
    d = p - t
    a = np.abs(d)
    # log(cosh) where cosh does not overflow, |d| - log 2 beyond (log1p(e^-2|d|) underflows there)
    with np.errstate(over="ignore"):
        l = np.where(a < 300, np.log(np.cosh(np.minimum(a, 300))), a - math.log(2))
    return l, np.tanh(d)


def quantile(p, t, o):
    q = o.get("q", 0.5)
    d = t - p
    return np.maximum(q * d, (q - 1) * d), np.where(d > 0, -q, np.where(d < 0, 1 - q, 0.0))


def msle(p, t, o):
    d = np.log1p(p) - np.log1p(t)
    return d * d, 2 * d / (1 + p)


def mape(p, t, o):
    eps = np.finfo(np.float64).eps  # sklearn.metrics.mean_absolute_percentage_error
    den = np.maximum(np.abs(t), eps)
    return np.abs(p - t) / den, np.sign(p - t) / den


def poisson_nll(p, t, o):
    log_input = o.get("logInput", True)
    eps = o.get("eps", 1e-8)
    if log_input:
        l, g = np.exp(p) - t * p, np.exp(p) - t
    else:
        l, g = p - t * np.log(p + eps), 1 - t / (p + eps)
    if o.get("full", False):
        safe = np.where(t > 1, t, 2.0)
        stirling = safe * np.log(safe) - safe + 0.5 * np.log(2 * np.pi * safe)
        l = l + np.where(t > 1, stirling, 0.0)
    return l, g


def gaussian_nll(p, t, o):
    var = np.asarray(o.get("variance", 1.0), dtype=np.float64)
    var = np.maximum(var, o.get("eps", 1e-6)) * np.ones_like(p)
    l = 0.5 * (np.log(var) + (p - t) ** 2 / var)
    if o.get("full", False):
        l = l + 0.5 * LOG_2PI
    return l, (p - t) / var


# ----- binary classification -----------------------------------------------------------------


def bce(p, t, o):
    with np.errstate(divide="ignore"):
        l = -(t * np.maximum(np.log(p), -100) + (1 - t) * np.maximum(np.log1p(-p), -100))
    # PyTorch's floor is `constexpr float EPSILON = 1e-12` (aten/src/ATen/native/Loss.cpp): a
    # float32, 9.999999960041972e-13, even for double tensors.
    return l, (p - t) / np.maximum(p * (1 - p), float(np.float32(1e-12)))


def bce_with_logits(x, z, o):
    pw = np.asarray(o.get("posWeight", 1.0), dtype=np.float64)
    pw = np.resize(pw, x.shape) if pw.ndim else pw
    # -[pw z log sigma(x) + (1 - z) log(1 - sigma(x))], with -log sigma(x) = softplus(-x)
    l = pw * z * softplus(-x) + (1 - z) * softplus(x)
    g = (1 - z) * sigmoid(x) - pw * z * sigmoid(-x)
    return l, g


def focal(x, z, o):
    alpha = o.get("alpha", 0.25)
    gamma = o.get("gamma", 2.0)
    p = sigmoid(x)
    ce = softplus(x) - x * z
    p_t = p * z + (1 - p) * (1 - z)
    # 1 - p_t from sigma(x) and sigma(-x), so it keeps its precision when p_t is close to 1
    m = p * (1 - z) + sigmoid(-x) * z
    l = ce * m**gamma
    if alpha >= 0:
        l = (alpha * z + (1 - alpha) * (1 - z)) * l
    del p_t
    return l, None


def hinge(p, t, o):
    m = o.get("margin", 1.0)
    z = m - t * p
    return np.maximum(0.0, z), np.where(z > 0, -t, 0.0)


def squared_hinge(p, t, o):
    m = o.get("margin", 1.0)
    z = np.maximum(0.0, m - t * p)
    return z * z, -2 * t * z


def kl_div(x, t, o):
    if o.get("logTarget", False):
        return np.exp(t) * (t - x), -np.exp(t)
    with np.errstate(divide="ignore", invalid="ignore"):
        xlogy = np.where(t > 0, t * np.log(np.where(t > 0, t, 1.0)), 0.0)
    return xlogy - t * x, -t


ELEMENTWISE = {
    "mse": mse,
    "mae": mae,
    "huber": huber,
    "smoothL1": smooth_l1,
    "logCosh": log_cosh,
    "quantile": quantile,
    "msle": msle,
    "mape": mape,
    "poissonNll": poisson_nll,
    "gaussianNll": gaussian_nll,
    "bce": bce,
    "bceWithLogits": bce_with_logits,
    "focal": focal,
    "hinge": hinge,
    "squaredHinge": squared_hinge,
    "klDiv": kl_div,
}


def run_elementwise(loss_id, p, t, o):
    l, g = ELEMENTWISE[loss_id](p, t, o)
    w = np.asarray(o["weight"]) if "weight" in o else None
    r = reduce_elementwise(l, w)
    # MSE and MAE follow PyTorch 2.6+'s F.mse_loss / F.l1_loss `weight`: a weighted mean divides
    # by the sum of the weights.
    denom = w.sum() if w is not None and loss_id in ("mse", "mae") else p.size
    r["mean"] = r["sum"] / denom
    if loss_id == "klDiv" and o.get("reduction") == "batchmean":
        rows = p.size // o.get("classes", 1)
        r["batchmean"] = r["sum"] / rows
    if g is not None:
        if w is not None:
            g = g * w
        r["grad"] = g / denom
    return r


# ----- B x C classification ------------------------------------------------------------------


def log_softmax(x):
    m = x.max(axis=1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))


def softmax_ce(x, t, o, C):
    """torch.nn.CrossEntropyLoss: class indices (ignore_index, weight, label_smoothing) or probabilities."""
    x = x.reshape(-1, C)
    B = x.shape[0]
    lp = log_softmax(x)
    v = np.asarray(o["classWeight"]) if "classWeight" in o else np.ones(C)
    eps = o.get("labelSmoothing", 0.0)
    rw = np.asarray(o["weight"]) if "weight" in o else np.ones(B)
    if t.size == B:
        ignore = o.get("ignoreIndex", -100)
        keep = t != ignore
        ti = np.where(keep, t, 0).astype(int)
        nll = -v[ti] * lp[np.arange(B), ti]
        smooth = -(lp * v).sum(axis=1)
        l = np.where(keep, (1 - eps) * nll + eps / C * smooth, 0.0) * rw
        denom = v[ti][keep].sum()
        q = np.zeros((B, C))
        q[np.arange(B), ti] = 1.0
        q = (1 - eps) * q + eps / C
        q = q * keep[:, None]
    else:
        q = (1 - eps) * t.reshape(B, C) + eps / C
        l = -(v * q * lp).sum(axis=1) * rw
        denom = B
    p = np.exp(lp)
    g = (p * (v * q).sum(axis=1, keepdims=True) - v * q) * rw[:, None]
    mean = l.sum() / denom if denom > 0 else 0.0
    return {"none": l, "sum": l.sum(), "mean": mean, "grad": (g / denom if denom > 0 else 0 * g).ravel()}


def nll(x, t, o, C):
    x = x.reshape(-1, C)
    B = x.shape[0]
    v = np.asarray(o["classWeight"]) if "classWeight" in o else np.ones(C)
    rw = np.asarray(o["weight"]) if "weight" in o else np.ones(B)
    keep = t != o.get("ignoreIndex", -100)
    ti = np.where(keep, t, 0).astype(int)
    l = np.where(keep, -v[ti] * x[np.arange(B), ti], 0.0) * rw
    denom = v[ti][keep].sum()
    return {"none": l, "sum": l.sum(), "mean": l.sum() / denom}


def cross_entropy(q, p, o, C):
    """The article's H(p, q) = -sum p log q per row, logs clamped at -100 like BCELoss."""
    q = q.reshape(-1, C)
    p = p.reshape(-1, C)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.maximum(np.log(q), -100), 0.0)
    l = terms.sum(axis=1)
    if "weight" in o:
        l = l * np.asarray(o["weight"])
    B = q.shape[0]
    return {"none": l, "sum": l.sum(), "mean": l.sum() / B}


def multi_margin(x, t, o, C):
    """torch.nn.MultiMarginLoss as implemented (the class weight multiplies each term after the power)."""
    x = x.reshape(-1, C)
    B = x.shape[0]
    power = o.get("p", 1)
    margin = o.get("margin", 1.0)
    v = np.asarray(o["classWeight"]) if "classWeight" in o else np.ones(C)
    ti = t.astype(int)
    z = margin - x[np.arange(B), ti][:, None] + x
    z[np.arange(B), ti] = 0.0
    h = np.where(z > 0, z**power, 0.0)
    l = v[ti] * h.sum(axis=1) / C
    if "weight" in o:
        l = l * np.asarray(o["weight"])
    return {"none": l, "sum": l.sum(), "mean": l.sum() / B}


ROWWISE = {"softmaxCrossEntropy": softmax_ce, "nll": nll, "crossEntropy": cross_entropy, "multiMargin": multi_margin}


# ----- cases ---------------------------------------------------------------------------------

rng = np.random.default_rng(20240601)


def normal(n, scale=1.0):
    return (rng.standard_normal(n) * scale).round(6)


def unit(n):
    return rng.uniform(0.02, 0.98, n).round(6)


def signs(n):
    return rng.choice([-1.0, 1.0], n)


def weights(n):
    return rng.uniform(0.5, 2.0, n).round(4)


def cases():
    n = 7
    out = []

    def add(loss, name, pred, target, **options):
        out.append((loss, name, np.asarray(pred, dtype=np.float64), np.asarray(target, dtype=np.float64), options))

    for loss in ["mse", "mae", "logCosh", "quantile", "huber", "smoothL1", "gaussianNll"]:
        add(loss, "random", normal(n, 2), normal(n, 2))
        add(loss, "weighted", normal(n, 2), normal(n, 2), weight=weights(n).tolist())
    add("huber", "delta 0.5", normal(n, 2), normal(n, 2), delta=0.5)
    add("huber", "delta 3", normal(n, 2), normal(n, 2), delta=3.0)
    add("smoothL1", "beta 0.25", normal(n, 2), normal(n, 2), beta=0.25)
    add("smoothL1", "beta 0 (L1)", normal(n, 2), normal(n, 2), beta=0.0)
    add("quantile", "q 0.9", normal(n, 2), normal(n, 2), q=0.9)
    add("quantile", "q 0.1", normal(n, 2), normal(n, 2), q=0.1)
    add("mse", "extreme magnitudes", [1e-300, -1e-300, 1e150, -1e150, 0.0], [0.0, 1e-300, 0.0, 1e150, 0.0])
    add("mae", "extreme magnitudes", [1e-300, -1e300, 1e300, 0.0], [0.0, 0.0, -1e300 / 2, 1e-300])
    add("logCosh", "extreme magnitudes", [1e-300, 1e300, -1e300, 1000.0, -800.0, 20.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.5])
    add("huber", "extreme magnitudes", [1e-300, 1e300, -1e300], [0.0, 0.0, 0.0])
    add("msle", "random", np.abs(normal(n, 3)), np.abs(normal(n, 3)))
    add("msle", "weighted", np.abs(normal(n, 3)), np.abs(normal(n, 3)), weight=weights(n).tolist())
    add("msle", "extreme magnitudes", [0.0, 1e-300, 1e300, 1e10], [1e300, 0.0, 1e300, 0.0])
    add("mape", "random", normal(n, 3), normal(n, 3) + 5)
    add("mape", "weighted", normal(n, 3), normal(n, 3) - 5, weight=weights(n).tolist())
    add("mape", "zero target", [1e-20, 0.0, 2.0], [0.0, 0.0, 1e-300])
    add("poissonNll", "log input", normal(n), rng.poisson(2.0, n).astype(float))
    add("poissonNll", "log input full", normal(n), rng.poisson(3.0, n).astype(float), full=True)
    add("poissonNll", "rate input", np.abs(normal(n)) + 0.1, rng.poisson(2.0, n).astype(float), logInput=False)
    add("poissonNll", "rate input full eps", np.abs(normal(n)), rng.poisson(3.0, n).astype(float), logInput=False, full=True, eps=1e-3)
    add("poissonNll", "weighted", normal(n), rng.poisson(2.0, n).astype(float), weight=weights(n).tolist())
    add("poissonNll", "extreme", [-1e300, 700.0, -1000.0, 0.0], [0.0, 0.0, 2.0, 1e300])
    add("gaussianNll", "per-element variance", normal(n), normal(n), variance=(np.abs(normal(n)) + 0.1).tolist())
    add("gaussianNll", "shared variance full", normal(n), normal(n), variance=2.5, full=True)
    add("gaussianNll", "variance clamped by eps", normal(4), normal(4), variance=[1e-300, 0.0, 1e-3, 1.0], eps=1e-2)
    add("bce", "random", unit(n), rng.integers(0, 2, n).astype(float))
    add("bce", "soft targets weighted", unit(n), unit(n), weight=weights(n).tolist())
    add("bce", "probabilities 0 and 1", [0.0, 1.0, 0.0, 1.0, 1e-300, 0.5, 1e-20], [0.0, 1.0, 1.0, 0.0, 1.0, 0.5, 0.0])
    add("bceWithLogits", "random", normal(n, 3), rng.integers(0, 2, n).astype(float))
    add("bceWithLogits", "soft targets weighted", normal(n, 3), unit(n), weight=weights(n).tolist())
    add("bceWithLogits", "posWeight scalar", normal(n, 3), unit(n), posWeight=3.0)
    add("bceWithLogits", "posWeight per class", normal(6, 3), rng.integers(0, 2, 6).astype(float), posWeight=[0.5, 2.0, 4.0])
    add(
        "bceWithLogits",
        "logits +-1000 and 1e+-300",
        [1000.0, -1000.0, 1000.0, -1000.0, 1e-300, -1e300, 1e300, 30.0, -30.0, 0.0],
        [1.0, 1.0, 0.0, 0.0, 0.5, 0.0, 1.0, 0.0, 0.0, 1.0],
    )
    add("focal", "random", normal(n, 3), rng.integers(0, 2, n).astype(float))
    add("focal", "alpha 0.5 gamma 0", normal(n, 3), rng.integers(0, 2, n).astype(float), alpha=0.5, gamma=0.0)
    add("focal", "no alpha gamma 1.5", normal(n, 3), unit(n), alpha=-1.0, gamma=1.5)
    add("focal", "weighted", normal(n, 3), rng.integers(0, 2, n).astype(float), weight=weights(n).tolist())
    add("focal", "logits +-1000", [1000.0, -1000.0, 1000.0, -1000.0, 1e-300, 40.0], [1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    add("hinge", "random", normal(n, 2), signs(n))
    add("hinge", "margin 2 weighted", normal(n, 2), signs(n), margin=2.0, weight=weights(n).tolist())
    add("hinge", "extreme", [1e300, -1e300, 1e-300], [1.0, 1.0, -1.0])
    add("squaredHinge", "random", normal(n, 2), signs(n))
    add("squaredHinge", "margin 0.5 weighted", normal(n, 2), signs(n), margin=0.5, weight=weights(n).tolist())
    lq = log_softmax(normal(12).reshape(3, 4)).ravel()
    tp = rng.dirichlet(np.ones(4), 3).ravel()
    add("klDiv", "probability target", lq, tp)
    add("klDiv", "batchmean", lq, tp, reduction="batchmean", classes=4)
    add("klDiv", "log target", lq, np.log(tp), logTarget=True)
    add("klDiv", "weighted", lq, tp, weight=weights(12).tolist())
    add("klDiv", "zero and tiny targets", [-1000.0, -0.5, -1e-300, -700.0], [0.0, 0.0, 1.0, 1e-300])

    # B x C losses: (loss, name, pred, target, options incl. classes)
    B, C = 4, 5
    logits = normal(B * C, 3)
    idx = rng.integers(0, C, B).astype(float)
    probs = rng.dirichlet(np.ones(C), B).ravel()
    add("softmaxCrossEntropy", "class indices", logits, idx)
    add("softmaxCrossEntropy", "class weights", logits, idx, classWeight=weights(C).tolist())
    add("softmaxCrossEntropy", "label smoothing", logits, idx, labelSmoothing=0.1)
    add("softmaxCrossEntropy", "smoothing, class weights, ignore", logits, [idx[0], -100.0, idx[2], idx[3]], labelSmoothing=0.2, classWeight=weights(C).tolist())
    add("softmaxCrossEntropy", "ignore index 2", logits, [2.0, 1.0, 2.0, 0.0], ignoreIndex=2)
    add("softmaxCrossEntropy", "row weights", logits, idx, weight=weights(B).tolist())
    add("softmaxCrossEntropy", "probability targets", logits, probs, classes=C)
    add("softmaxCrossEntropy", "probabilities, smoothing, class weights", logits, probs, classes=C, labelSmoothing=0.3, classWeight=weights(C).tolist())
    add("softmaxCrossEntropy", "logits +-1000", [1000.0, -1000.0, 0.0, -1000.0, -1000.0, -1000.0, 1e-300, -1e-300, 1000.0], [1.0, 2.0, 0.0])
    add("nll", "class indices", lq, [0.0, 3.0, 1.0])
    add("nll", "class weights ignore", lq, [0.0, -100.0, 1.0], classWeight=[0.5, 1.0, 2.0, 3.0])
    add("nll", "row weights", lq, [2.0, 3.0, 1.0], weight=[1.0, 0.5, 2.0])
    add("crossEntropy", "one distribution", [0.5, 0.25, 0.25], [1.0, 0.0, 0.0])
    add("crossEntropy", "batch", rng.dirichlet(np.ones(C), B).ravel(), probs, classes=C)
    add("crossEntropy", "weighted batch", rng.dirichlet(np.ones(C), B).ravel(), probs, classes=C, weight=weights(B).tolist())
    add("crossEntropy", "probabilities 0 and 1", [0.0, 1.0, 0.0, 1.0, 1e-300, 0.0], [0.0, 1.0, 1.0, 0.0, 1.0, 0.0], classes=2)
    add("multiMargin", "p 1", logits, idx)
    add("multiMargin", "p 2 margin 0.5", logits, idx, p=2, margin=0.5)
    add("multiMargin", "class and row weights", logits, idx, classWeight=weights(C).tolist(), weight=weights(B).tolist())
    add("multiMargin", "extreme", [1e300, -1e300, 0.0, 1e-300], [0.0, 1.0])
    return out


def evaluate(loss, p, t, o):
    if loss in ROWWISE:
        # crossEntropy defaults to one distribution; the others infer C from the class indices
        C = o.get("classes", p.size if loss == "crossEntropy" else p.size // t.size)
        return ROWWISE[loss](p, t, o, C)
    return run_elementwise(loss, p, t, o)


def jsonable(r):
    return {k: (np.asarray(v, dtype=np.float64).tolist() if np.ndim(v) else float(v)) for k, v in r.items()}


def main():
    fixtures = {}
    for loss, name, p, t, o in cases():
        with np.errstate(over="ignore"):
            r = evaluate(loss, p, t, o)
        for key, v in r.items():
            assert np.all(np.isfinite(v)), (loss, name, key, v)
        case = {"name": name, "pred": p.tolist(), "target": t.tolist(), "options": o, "f64": jsonable(r)}
        with np.errstate(over="ignore"):
            p32 = p.astype(np.float32).astype(np.float64)
            t32 = t.astype(np.float32).astype(np.float64)
        if np.all(np.isfinite(p32)) and np.all(np.isfinite(t32)) and np.all((p32 != 0) == (p != 0)):
            case["f32"] = jsonable(evaluate(loss, p32, t32, o))
        fixtures.setdefault(loss, []).append(case)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixtures, f, indent=1)
        f.write("\n")
    print(f"wrote {sum(len(v) for v in fixtures.values())} cases for {len(fixtures)} losses to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
