#!/usr/bin/env python3
"""PyTorch itself as the reference for the losses of @losslab/core.

For every loss of packages/core/src/losses/ and every option it documents, this script evaluates
torch.nn.functional (or, where PyTorch has no such loss, the peer's formula written in torch) in
float64 and float32, and takes the gradient from autograd. Inputs are seeded and rounded to six
significant digits, so the JSON holds them exactly (a short decimal is one double) and the file
stays small; the float32 cases round the same inputs to float32, as Float32Array.from does.

Each case holds the losslab options, the inputs, and per dtype the reduced value, the per-row
values (reduction 'none') and the gradient of the value. Where losslab deliberately differs from
PyTorch the case carries `diff`: the id of the difference (documented in the loss's JSDoc and in
packages/core/README.md, "Differences from PyTorch") and what PyTorch returned, while the expected
values follow losslab's documented formula, also written in torch.

Run with apt's PyTorch 1.13:  /usr/bin/python3 packages/core/scripts/gen_torch_loss_fixtures.py
Writes packages/core/src/losses/fixtures/torchLosses.json (one case per line).
"""

import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "losses", "fixtures", "torchLosses.json")
SEED = 20261130
rng = np.random.RandomState(SEED)
REDUCTIONS = ("mean", "sum", "none")
# PyTorch's floor in BCELoss's gradient, `constexpr float EPSILON = 1e-12` (a float32 even for
# double tensors).
BCE_EPS = float(np.float32(1e-12))


# ----- inputs ---------------------------------------------------------------------------------


def short(x):
    """Six significant digits: exact in JSON, and still arbitrary doubles for the loss."""
    return np.array([float(f"{v:.6g}") for v in np.ravel(x)], dtype=np.float64)


def randn(n, scale=1.0):
    return short(rng.randn(n) * scale)


def probs(n):
    """Probabilities in [0, 1] with exact 0 and 1 and values within 1e-12 of them."""
    p = rng.uniform(0, 1, n)
    pick = rng.randint(0, 8, n)
    p = np.where(pick == 0, 0.0, p)
    p = np.where(pick == 1, 1.0, p)
    p = np.where(pick == 2, 10.0 ** rng.uniform(-15, -3, n), p)
    p = np.where(pick == 3, 1 - 10.0 ** rng.uniform(-12, -3, n), p)
    return np.clip(short(p), 0, 1)


def softmax_rows(x, C):
    x = x.reshape(-1, C)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).ravel()


def log_softmax_rows(x, C):
    x = x.reshape(-1, C)
    m = x.max(axis=1, keepdims=True)
    return (x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True))).ravel()


# Magnitudes from tiny to saturating; the elementwise regression losses see each.
SCALES = (1e-300, 1e-30, 1e-6, 1e-2, 1.0, 30.0, 1e4, 1e20, 1e150)
SIZES = (1, 2, 3, 5, 8, 17, 64, 200)


# ----- torch helpers ---------------------------------------------------------------------------


def tens(x, dtype, grad=False):
    t = torch.tensor(np.asarray(x, dtype=np.float64), dtype=torch.float64).to(dtype)
    if grad:
        t.requires_grad_(True)
    return t


class Softplus(torch.autograd.Function):
    """log(1 + e^x) = max(x, 0) + log1p(e^-|x|) with the derivative sigmoid(x) everywhere
    (F.softplus turns linear above its threshold of 20, so its gradient there is exactly 1)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * torch.sigmoid(x)


softplus = Softplus.apply


def reduce(l, reduction, denom):
    """Sum, or the sum divided by `denom` (a number or a tensor), or the per-element losses."""
    if reduction == "none":
        return l
    s = l.sum()
    return s if reduction == "sum" else s / denom


def elementwise(o, dtype, l, n):
    """losslab's per-element `weight` on top of a 'none' loss; 'mean' divides by n."""
    if "weight" in o:
        l = l * tens(o["weight"], dtype)
    return reduce(l, o["reduction"], n)


# ----- the losses -----------------------------------------------------------------------------
#
# Each takes (x, target, o, dtype) with x a tensor that requires grad, target a numpy array and
# o the losslab options (with "reduction"), and returns the loss tensor for that reduction.
# `ours` entries write losslab's documented formula in torch where it deliberately differs.


def mse(x, t, o, dt):
    # PyTorch 2.6+ F.mse_loss(weight=...) (pytorch/pytorch#132049): sum(w l) / sum(w) for 'mean'.
    # PyTorch 1.13 has no weight, so its formula is written out here.
    if "weight" not in o:
        return F.mse_loss(x, tens(t, dt), reduction=o["reduction"])
    w = tens(o["weight"], dt)
    l = (x - tens(t, dt)) ** 2 * w
    return reduce(l, o["reduction"], w.sum())


def zero_if_no_weight(ref):
    """losslab's 'mean' when the weights sum to 0: 0 with a zero gradient (PyTorch: NaN)."""

    def ours(x, t, o, dt):
        if o["reduction"] == "mean" and "weight" in o and sum(o["weight"]) == 0:
            return (ref(x, t, dict(o, reduction="sum"), dt)) * 0
        return ref(x, t, o, dt)

    return ours


def mae(x, t, o, dt):
    # PyTorch 2.6+ F.l1_loss(weight=...), the same weighting as mse_loss.
    if "weight" not in o:
        return F.l1_loss(x, tens(t, dt), reduction=o["reduction"])
    w = tens(o["weight"], dt)
    l = torch.abs(x - tens(t, dt)) * w
    return reduce(l, o["reduction"], w.sum())


def huber(x, t, o, dt):
    # PyTorch 2.6+ F.huber_loss(weight=...) takes the plain mean of w l (divides by n).
    l = F.huber_loss(x, tens(t, dt), reduction="none", delta=o.get("delta", 1.0))
    return elementwise(o, dt, l, x.numel())


def smooth_l1(x, t, o, dt):
    l = F.smooth_l1_loss(x, tens(t, dt), reduction="none", beta=o.get("beta", 1.0))
    return elementwise(o, dt, l, x.numel())


def smooth_l1_ours(x, t, o, dt):
    """With beta = 0, the L1 loss whose gradient at d = 0 is sign(0) = 0 (as F.l1_loss's);
    PyTorch 1.13's smooth_l1_loss gives -1 there."""
    if o.get("beta", 1.0) != 0:
        return smooth_l1(x, t, o, dt)
    return elementwise(o, dt, torch.abs(x - tens(t, dt)), x.numel())


def log_cosh(x, t, o, dt):
    # Keras's log_cosh (keras/src/losses/losses.py): d + softplus(-2 d) - log 2, here as
    # |d| + softplus(-2|d|) - log 2 for |d| >= 1 and as log1p(2 sinh(d/2)^2) below, whose
    # autograd gradient tanh(d) keeps its digits for small d (1 - 2 sigmoid(2d) would not).
    d = x - tens(t, dt)
    small = torch.abs(d) < 1
    ds = torch.where(small, d, torch.zeros_like(d))
    a = torch.abs(torch.where(small, torch.ones_like(d), d))
    l = torch.where(
        small, torch.log1p(2 * torch.sinh(ds / 2) ** 2), a + softplus(-2 * a) - math.log(2)
    )
    return elementwise(o, dt, l, x.numel())


def quantile(x, t, o, dt):
    # scikit-learn's mean_pinball_loss: q max(d, 0) + (1 - q) max(-d, 0), d = y - pred; relu's
    # gradient at 0 is 0, losslab's choice at the kink.
    q = o.get("q", 0.5)
    d = tens(t, dt) - x
    l = q * F.relu(d) + (1 - q) * F.relu(-d)
    return elementwise(o, dt, l, x.numel())


def msle(x, t, o, dt):
    # scikit-learn's mean_squared_log_error: (log1p(pred) - log1p(y))^2.
    l = (torch.log1p(x) - torch.log1p(tens(t, dt))) ** 2
    return elementwise(o, dt, l, x.numel())


def mape(x, t, o, dt):
    # scikit-learn's mean_absolute_percentage_error: |pred - y| / max(|y|, float64 eps).
    y = tens(t, dt)
    l = torch.abs(x - y) / torch.clamp(torch.abs(y), min=np.finfo(np.float64).eps)
    return elementwise(o, dt, l, x.numel())


def poisson_nll(x, t, o, dt):
    l = F.poisson_nll_loss(
        x,
        tens(t, dt),
        log_input=o.get("logInput", True),
        full=o.get("full", False),
        eps=o.get("eps", 1e-8),
        reduction="none",
    )
    return elementwise(o, dt, l, x.numel())


def gaussian_nll(x, t, o, dt):
    v = o.get("variance", 1.0)
    var = tens([v] if isinstance(v, float) else v, dt)
    l = F.gaussian_nll_loss(
        x, tens(t, dt), var, full=o.get("full", False), eps=o.get("eps", 1e-6), reduction="none"
    )
    return elementwise(o, dt, l, x.numel())


def bce(x, t, o, dt):
    w = tens(o["weight"], dt) if "weight" in o else None
    return F.binary_cross_entropy(x, tens(t, dt), weight=w, reduction=o["reduction"])


def bce_with_logits(x, t, o, dt):
    w = tens(o["weight"], dt) if "weight" in o else None
    pw = o.get("posWeight")
    C = len(pw) if isinstance(pw, list) else 1
    pwt = None if pw is None else tens(pw if isinstance(pw, list) else [pw], dt)
    l = F.binary_cross_entropy_with_logits(
        x.view(-1, C),
        tens(t, dt).view(-1, C),
        weight=None if w is None else w.view(-1, C),
        pos_weight=pwt,
        reduction="none",
    ).reshape(-1)
    return reduce(l, o["reduction"], x.numel())


def bce_with_logits_ours(x, t, o, dt):
    """losslab's sum of two non-negative terms, rho y sp(-x) + (1 - y) sp(x) (no cancellation)."""
    y = tens(t, dt)
    pw = o.get("posWeight", 1.0)
    rho = tens(pw, dt).repeat(x.numel() // len(pw)) if isinstance(pw, list) else pw
    l = rho * y * softplus(-x) + (1 - y) * softplus(x)
    return elementwise(o, dt, l, x.numel())


def focal(x, t, o, dt):
    """torchvision.ops.sigmoid_focal_loss, literally."""
    alpha, gamma = o.get("alpha", 0.25), o.get("gamma", 2.0)
    y = tens(t, dt)
    p = torch.sigmoid(x)
    ce = F.binary_cross_entropy_with_logits(x, y, reduction="none")
    p_t = p * y + (1 - p) * (1 - y)
    l = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        l = (alpha * y + (1 - alpha) * (1 - y)) * l
    return elementwise(o, dt, l, x.numel())


def focal_ours(x, t, o, dt):
    """The same formula with 1 - p_t = sigma(x)(1 - y) + sigma(-x) y, exact at large |x|."""
    alpha, gamma = o.get("alpha", 0.25), o.get("gamma", 2.0)
    y = tens(t, dt)
    ce = y * softplus(-x) + (1 - y) * softplus(x)
    m = torch.sigmoid(x) * (1 - y) + torch.sigmoid(-x) * y
    # m^gamma with the limit 0 of its derivative times dm/dx where m underflows to 0 (a plain
    # power gives 0 * inf = NaN there for gamma < 1).
    pos = m > 0
    l = ce * torch.where(pos, torch.where(pos, m, torch.ones_like(m)) ** gamma, torch.zeros_like(m))
    if alpha >= 0:
        l = (alpha * y + (1 - alpha) * (1 - y)) * l
    return elementwise(o, dt, l, x.numel())


def hinge(x, t, o, dt):
    # Keras's hinge / scikit-learn's hinge_loss with a margin: max(0, m - y pred).
    l = F.relu(o.get("margin", 1.0) - tens(t, dt) * x)
    return elementwise(o, dt, l, x.numel())


def squared_hinge(x, t, o, dt):
    # Keras's squared_hinge with a margin: max(0, m - y pred)^2.
    l = F.relu(o.get("margin", 1.0) - tens(t, dt) * x) ** 2
    return elementwise(o, dt, l, x.numel())


def kl_div(x, t, o, dt):
    red = o["reduction"]
    C = o.get("classes", 1)
    if "weight" not in o:
        r = F.kl_div(
            x.view(-1, C),
            tens(t, dt).view(-1, C),
            reduction=red,
            log_target=o.get("logTarget", False),
        )
        return r.reshape(-1) if red == "none" else r
    l = F.kl_div(x, tens(t, dt), reduction="none", log_target=o.get("logTarget", False))
    l = l * tens(o["weight"], dt)
    if red == "batchmean":
        return l.sum() / (x.numel() // C)
    return reduce(l, red, x.numel())


def class_index_target(t):
    return torch.tensor(np.asarray(t, dtype=np.int64))


def row_weighted(l, o, dt, denom):
    """losslab's per-row `weight` on a 'none' loss; the mean keeps PyTorch's denominator."""
    if "weight" in o:
        l = l * tens(o["weight"], dt)
    return reduce(l, o["reduction"], denom)


def kept_class_weight(t, o, C, dt):
    """PyTorch's 'mean' denominator for class indices: the class weights of the kept targets."""
    ig = o.get("ignoreIndex", -100)
    v = tens(o["classWeight"], dt) if "classWeight" in o else torch.ones(C, dtype=dt)
    kept = [int(c) for c in t if int(c) != ig]
    return v[kept].sum() if kept else torch.zeros((), dtype=dt)


def softmax_ce(x, t, o, dt):
    C = o["classes"]
    x2 = x.view(-1, C)
    B = x2.shape[0]
    v = tens(o["classWeight"], dt) if "classWeight" in o else None
    eps = o.get("labelSmoothing", 0.0)
    if len(t) == x.numel():
        tt = tens(t, dt).view(-1, C)
        if "weight" not in o:
            r = F.cross_entropy(x2, tt, weight=v, reduction=o["reduction"], label_smoothing=eps)
            return r
        l = F.cross_entropy(x2, tt, weight=v, reduction="none", label_smoothing=eps)
        return row_weighted(l, o, dt, B)
    ti = class_index_target(t)
    ig = o.get("ignoreIndex", -100)
    if "weight" not in o:
        return F.cross_entropy(
            x2, ti, weight=v, ignore_index=ig, reduction=o["reduction"], label_smoothing=eps
        )
    l = F.cross_entropy(x2, ti, weight=v, ignore_index=ig, reduction="none", label_smoothing=eps)
    return row_weighted(l, o, dt, kept_class_weight(t, o, C, dt))


def softmax_ce_ours(x, t, o, dt):
    """losslab: 'mean' of class indices divides by the kept targets' class weights (the kept
    count without class weights, as current PyTorch does with label smoothing), and by 0 gives 0."""
    C = o["classes"]
    x2 = x.view(-1, C)
    v = tens(o["classWeight"], dt) if "classWeight" in o else None
    eps = o.get("labelSmoothing", 0.0)
    if len(t) == x.numel():
        return softmax_ce(x, t, o, dt)
    ti = class_index_target(t)
    ig = o.get("ignoreIndex", -100)
    l = F.cross_entropy(x2, ti, weight=v, ignore_index=ig, reduction="none", label_smoothing=eps)
    denom = kept_class_weight(t, o, C, dt)
    if o["reduction"] == "mean" and float(denom) == 0:
        return (l * 0).sum()
    return row_weighted(l, o, dt, denom)


def nll(x, t, o, dt):
    C = o["classes"]
    x2 = x.view(-1, C)
    v = tens(o["classWeight"], dt) if "classWeight" in o else None
    ig = o.get("ignoreIndex", -100)
    ti = class_index_target(t)
    if "weight" not in o:
        return F.nll_loss(x2, ti, weight=v, ignore_index=ig, reduction=o["reduction"])
    l = F.nll_loss(x2, ti, weight=v, ignore_index=ig, reduction="none")
    return row_weighted(l, o, dt, kept_class_weight(t, o, C, dt))


def nll_ours(x, t, o, dt):
    C = o["classes"]
    x2 = x.view(-1, C)
    v = tens(o["classWeight"], dt) if "classWeight" in o else None
    l = F.nll_loss(
        x2,
        class_index_target(t),
        weight=v,
        ignore_index=o.get("ignoreIndex", -100),
        reduction="none",
    )
    denom = kept_class_weight(t, o, C, dt)
    if o["reduction"] == "mean" and float(denom) == 0:
        return (l * 0).sum()
    return row_weighted(l, o, dt, denom)


class ClampedLog(torch.autograd.Function):
    """max(log q, -100) whose derivative is 1 / max(q, float32(1e-12)): BCELoss's clamp and floor
    (aten/src/ATen/native/Loss.cpp), which crossEntropy documents as its own."""

    @staticmethod
    def forward(ctx, q):
        ctx.save_for_backward(q)
        return torch.clamp(torch.log(q), min=-100)

    @staticmethod
    def backward(ctx, g):
        (q,) = ctx.saved_tensors
        return g / torch.clamp(q, min=BCE_EPS)


def cross_entropy_h(x, t, o, dt, log=lambda q: torch.clamp(torch.log(q), min=-100)):
    """The article's H(p, q) = -sum_c p_c max(log q_c, -100) per row, PyTorch's clamp written out."""
    C = o.get("classes", x.numel())
    p = tens(t, dt)
    terms = torch.where(p == 0, torch.zeros_like(x), -p * log(x))
    l = terms.view(-1, C).sum(dim=1)
    return row_weighted(l, o, dt, l.numel())


def cross_entropy_h_ours(x, t, o, dt):
    return cross_entropy_h(x, t, o, dt, log=ClampedLog.apply)


def multi_margin(x, t, o, dt):
    C = o["classes"]
    x2 = x.view(-1, C)
    v = tens(o["classWeight"], dt) if "classWeight" in o else None
    kw = dict(p=o.get("p", 1), margin=o.get("margin", 1.0), weight=v)
    ti = class_index_target(t)
    if "weight" not in o:
        return F.multi_margin_loss(x2, ti, reduction=o["reduction"], **kw)
    l = F.multi_margin_loss(x2, ti, reduction="none", **kw)
    return row_weighted(l, o, dt, x2.shape[0])


def bce_ours(x, t, o, dt):
    """BCELoss with log(1 - p) as log1p(-p) (PyTorch's log(1 - p) loses digits for p < 1e-8) and
    PyTorch's gradient (p - y) / max(p (1 - p), float32(1e-12)), taken in float64 as losslab does
    for float32 inputs too."""

    class G(torch.autograd.Function):
        @staticmethod
        def forward(ctx, p):
            ctx.save_for_backward(p)
            y = tens(t, p.dtype)
            return -(
                y * torch.clamp(torch.log(p), min=-100)
                + (1 - y) * torch.clamp(torch.log1p(-p), min=-100)
            )

        @staticmethod
        def backward(ctx, g):
            (p,) = ctx.saved_tensors
            y = tens(t, torch.float64)
            p64 = p.double()
            d = (p64 - y) / torch.clamp(p64 * (1 - p64), min=BCE_EPS)
            return (g.double() * d).to(p.dtype)

    return elementwise(o, dt, G.apply(x), x.numel())


# id -> (reference, losslab's formula where it deliberately differs, the difference's id)
LOSSES = {
    "mse": (mse, zero_if_no_weight(mse), "zero-denominator"),
    "mae": (mae, zero_if_no_weight(mae), "zero-denominator"),
    "huber": (huber, None, None),
    "smoothL1": (smooth_l1, smooth_l1_ours, "smooth-l1-kink"),
    "logCosh": (log_cosh, None, None),
    "quantile": (quantile, None, None),
    "msle": (msle, None, None),
    "mape": (mape, None, None),
    "poissonNll": (poisson_nll, None, None),
    "gaussianNll": (gaussian_nll, None, None),
    "bce": (bce, bce_ours, "bce-log1p"),
    "bceWithLogits": (bce_with_logits, bce_with_logits_ours, "bce-logits-cancellation"),
    "softmaxCrossEntropy": (softmax_ce, softmax_ce_ours, None),
    "nll": (nll, nll_ours, None),
    "crossEntropy": (cross_entropy_h, cross_entropy_h_ours, "cross-entropy-grad-floor"),
    "klDiv": (kl_div, None, None),
    "focal": (focal, focal_ours, "focal-stable-1-pt"),
    "hinge": (hinge, None, None),
    "squaredHinge": (squared_hinge, None, None),
    "multiMargin": (multi_margin, None, None),
}


# ----- evaluation -----------------------------------------------------------------------------


def num64(v):
    v = float(v)
    return v if math.isfinite(v) else str(v)


def num32(v):
    v = float(v)
    return float(f"{v:.7g}") if math.isfinite(v) else str(v)


def evaluate(fn, pred, target, o, dt):
    x = tens(pred, dt, grad=True)
    with np.errstate(all="ignore"):
        out = fn(x, target, o, dt)
    if o["reduction"] == "none":
        values = out.detach().reshape(-1)
        s = out.sum()
    else:
        values = None
        s = out
    s.backward()
    grad = x.grad if x.grad is not None else torch.zeros_like(x)
    return {
        "value": float(s.detach()),
        "values": None if values is None else [float(v) for v in values],
        "grad": [float(g) for g in grad.detach()],
    }


def finite(r):
    vals = [r["value"]] + r["grad"] + (r["values"] or [])
    return all(math.isfinite(v) for v in vals)


def close(a, b, rtol, floor):
    """a and b agree to rtol, with an absolute floor of `floor` times each array's largest."""
    for part in ("value", "grad", "values"):
        va = a[part] if isinstance(a[part], list) else [a[part]]
        vb = b[part] if isinstance(b[part], list) else [b[part]]
        if part == "values" and a[part] is None:
            continue
        scale = max([abs(v) for v in vb if math.isfinite(v)] + [0.0])
        for u, v in zip(va, vb):
            if math.isnan(u) != math.isnan(v):
                return False
            if not math.isnan(u) and abs(u - v) > rtol * abs(v) + floor * scale + 1e-300:
                return False
    return True


def pack(r, num):
    out = {"value": num(r["value"]), "grad": [num(g) for g in r["grad"]]}
    if r["values"] is not None:
        out["values"] = [num(v) for v in r["values"]]
    return out


def f32_inputs(pred, target, o, classIdx):
    """The inputs rounded to float32, or None when one does not fit (overflow or underflow to a
    different domain)."""
    with np.errstate(over="ignore"):
        p32 = np.asarray(pred, dtype=np.float32)
        t32 = target if classIdx else np.asarray(target, dtype=np.float32)
    if not np.all(np.isfinite(p32)) or (not classIdx and not np.all(np.isfinite(t32))):
        return None
    o32 = dict(o)
    for k in ("weight", "classWeight", "variance", "posWeight"):
        if isinstance(o.get(k), list):
            a = np.asarray(o[k], dtype=np.float32)
            if not np.all(np.isfinite(a)):
                return None
            o32[k] = [float(v) for v in a]
    return p32.astype(np.float64), (t32 if classIdx else t32.astype(np.float64)), o32


CASES = []
COUNT = {}
ROTATE = 0


def add(loss, name, pred, target, options, classIdx=False, reductions=REDUCTIONS):
    """One input with its options, evaluated for each reduction in float64 and float32."""
    ref, ours, diff_id = LOSSES[loss]
    pred = [float(v) for v in np.ravel(pred)]
    target = [int(v) for v in target] if classIdx else [float(v) for v in np.ravel(target)]
    if len(pred) > 8:
        # Larger inputs take one reduction each, in turn, to keep the file small.
        global ROTATE
        ROTATE += 1
        reductions = (reductions[ROTATE % len(reductions)],)
    runs = []
    for red in reductions:
        o = dict(options, reduction=red)
        run = {"reduction": red}
        for dtype, dt, num in (("f64", torch.float64, num64), ("f32", torch.float32, num32)):
            if dtype == "f64":
                inp = (pred, target, o)
            else:
                inp = f32_inputs(pred, target, o, classIdx)
                if inp is None:
                    continue
            r = evaluate(ref, *inp, dt)
            expected = r
            if ours is not None:
                mine = evaluate(ours, *inp, dt)
                if not (close(mine, r, 1e-12, 0) if dtype == "f64" else close(mine, r, 1e-5, 1e-6)):
                    expected = mine
                    run.setdefault("diff", {})["id"] = diff_id or difference_id(loss, o, r)
                    run["diff"][dtype] = pack(r, num)
            if not finite(expected):
                if dtype == "f64":
                    break  # PyTorch overflows too: out of the losses' range, not a case
                continue
            run[dtype] = pack(expected, num)
        if "f64" in run:
            runs.append(run)
            COUNT[loss] = COUNT.get(loss, 0) + 1 + ("f32" in run)
    if runs:
        CASES.append(
            {
                "loss": loss,
                "name": name,
                "options": options,
                "pred": pred,
                "target": target,
                "runs": runs,
            }
        )


def difference_id(loss, o, torch_result):
    if not math.isfinite(torch_result["value"]):
        return "zero-denominator"
    raise AssertionError(f"{loss}: an undocumented difference from PyTorch with {o}")


# ----- the cases ------------------------------------------------------------------------------


def weights(n, kind):
    if kind == "random":
        return short(rng.uniform(0, 3, n))
    if kind == "zeros":  # some weights 0
        return short(np.where(rng.rand(n) < 0.4, 0.0, rng.uniform(0.1, 2, n)))
    if kind == "big":
        return short(10.0 ** rng.uniform(-6, 6, n))
    raise ValueError(kind)


def regression_inputs(loss):
    """(name, pred, target) over the sizes and magnitudes, in each loss's domain."""
    out = []
    for s in SCALES:
        for n in SIZES:
            if (n == 64 and s not in (1.0, 1e20)) or (n == 200 and s != 1.0):
                continue
            if loss in ("msle",):
                p, t = np.abs(randn(n, s)), np.abs(randn(n, s))
            elif loss == "mape":
                t = randn(n, s)
                p = short(t * (1 + rng.randn(n) * 0.3))
            elif loss == "poissonNll":
                continue
            else:
                p, t = randn(n, s), randn(n, s)
            out.append((f"n={n} scale={s:g}", p, t))
    n = 7
    t = randn(n)
    out.append(("near-perfect", short(t + 1e-9 * rng.randn(n)), t))
    out.append(("exact at some elements", np.where(rng.rand(n) < 0.5, t, randn(n)), t))
    if loss in ("msle",):
        out = [(nm, np.abs(p), np.abs(t)) for nm, p, t in out]
    if loss == "mape":
        out.append(("zero and tiny targets", randn(5), np.array([0.0, 1e-300, -1e-20, 2.0, 1e-16])))
    return out


def add_regression(loss, option_sets):
    inputs = regression_inputs(loss)
    for i, (name, p, t) in enumerate(inputs):
        for j, opts in enumerate(option_sets):
            # Every input with the default options; each option set on a rotating third of them.
            if j > 0 and (i + j) % 3 != 0:
                continue
            o = dict(opts)
            for k, v in list(o.items()):
                if v in ("random", "zeros", "big"):
                    o[k] = list(weights(len(p), v))
                elif v == "var":  # per-element variances, some below eps
                    o[k] = list(short(10.0 ** rng.uniform(-8, 2, len(p))))
            add(loss, name, p, t, o)


def main():
    torch.manual_seed(SEED)
    w = [{}, {"weight": "random"}, {"weight": "zeros"}, {"weight": "big"}]
    add_regression("mse", w)
    add(
        "mse",
        "all weights 0",
        [1.0, 2.0],
        [0.0, 0.0],
        {"weight": [0.0, 0.0]},
    )
    add_regression("mae", w)
    add_regression(
        "huber",
        w + [{"delta": d} for d in (0.5, 2.5, 1e-3, 1e3)] + [{"delta": 0.1, "weight": "random"}],
    )
    add_regression(
        "smoothL1",
        w + [{"beta": b} for b in (0.25, 3.0, 0.0, 1e-6)] + [{"beta": 0.0, "weight": "random"}],
    )
    add_regression("logCosh", w)
    add_regression(
        "quantile",
        w + [{"q": q} for q in (0.1, 0.9, 0.01, 0.99)] + [{"q": 0.3, "weight": "random"}],
    )
    add_regression("msle", w)
    add_regression("mape", w)
    add_regression(
        "gaussianNll",
        w
        + [
            {"variance": 4.0},
            {"variance": [0.5]},
            {"variance": "var"},
            {"variance": "var", "full": True},
            {"full": True},
            {"variance": 1e-9},
            {"variance": "var", "eps": 1e-2},
            {"variance": 0.0, "eps": 1e-3},
        ],
    )

    # Poisson: log-rates or rates, integer and fractional counts.
    for n in (1, 3, 8, 40, 200):
        for mag in (1.0, 5.0, 30.0):
            x = randn(n, mag / 2)
            counts = short(
                np.where(
                    rng.rand(n) < 0.5, rng.poisson(np.exp(np.clip(x, -5, 6))), rng.uniform(0, 20, n)
                )
            )
            rates = np.abs(randn(n, mag))
            rates = np.where(rng.rand(n) < 0.2, 0.0, rates)
            for j, o in enumerate(
                [
                    {},
                    {"full": True},
                    {"weight": "random"},
                    {"logInput": False},
                    {"logInput": False, "full": True},
                    {"logInput": False, "eps": 1e-3},
                    {"logInput": False, "weight": "zeros"},
                ]
            ):
                if n == 200 and j not in (0, 3):
                    continue
                oo = dict(o)
                if "weight" in oo:
                    oo["weight"] = list(weights(n, oo["weight"]))
                add(
                    "poissonNll",
                    f"n={n} mag={mag:g}",
                    x if o.get("logInput", True) else rates,
                    counts,
                    oo,
                )

    # Binary losses on probabilities and logits.
    for n in (1, 1, 2, 2, 3, 5, 5, 8, 16, 16, 64, 200):
        p, t = probs(n), probs(n)
        hard = short((rng.rand(n) < 0.5).astype(float))
        for j, o in enumerate([{}, {"weight": "random"}, {"weight": "big"}, {"weight": "zeros"}]):
            if n >= 64 and j > 0:
                continue
            for tn, tt in (("soft", t), ("hard", hard)):
                oo = dict(o)
                if "weight" in oo:
                    oo["weight"] = list(weights(n, oo["weight"]))
                add("bce", f"n={n} {tn} targets", p, tt, oo)
    for scale in (1e-3, 1.0, 10.0, 40.0, 1e3, 1e4):
        for n in (1, 4, 12, 60, 200):
            if n >= 60 and scale not in (1.0, 1e4):
                continue
            x = randn(n, scale)
            soft, hard = probs(n), short((rng.rand(n) < 0.5).astype(float))
            for tn, tt in (("soft", soft), ("hard", hard)):
                for j, o in enumerate(
                    [
                        {},
                        {"weight": "random"},
                        {"posWeight": 3.0},
                        {"posWeight": 0.25, "weight": "random"},
                        {"posWeight": "perClass"},
                    ]
                ):
                    if n == 200 and j > 0:
                        continue
                    oo = dict(o)
                    if "weight" in oo:
                        oo["weight"] = list(weights(n, oo["weight"]))
                    if oo.get("posWeight") == "perClass":
                        C = 4 if n % 4 == 0 else 1
                        oo["posWeight"] = list(short(rng.uniform(0.1, 5, C)))
                    add("bceWithLogits", f"n={n} scale={scale:g} {tn}", x, tt, oo)
                for o in (
                    {},
                    {"alpha": 0.5, "gamma": 0.0},
                    {"alpha": -1.0, "gamma": 1.0},
                    {"alpha": 0.0, "gamma": 0.5},
                    {"alpha": 1.0, "gamma": 3.0},
                    {"alpha": 0.25, "gamma": 2.0, "weight": "random"},
                ):
                    if n == 200 and o:
                        continue
                    oo = dict(o)
                    if "weight" in oo:
                        oo["weight"] = list(weights(n, oo["weight"]))
                    add("focal", f"n={n} scale={scale:g} {tn}", x, tt, oo)
            signs = np.where(rng.rand(n) < 0.5, -1.0, 1.0)
            for o in ({}, {"margin": 0.5}, {"margin": 2.0}, {"weight": "random"}):
                if n == 200 and o:
                    continue
                oo = dict(o)
                if "weight" in oo:
                    oo["weight"] = list(weights(n, oo["weight"]))
                add("hinge", f"n={n} scale={scale:g}", x, signs, oo)
                add("squaredHinge", f"n={n} scale={scale:g}", x, signs, oo)
    # Scores exactly at the hinge's kink.
    add("hinge", "at the kink", [1.0, -1.0, 0.5, -2.0], [1.0, -1.0, -1.0, 1.0], {})
    add("squaredHinge", "at the kink", [1.0, -1.0, 0.5, -2.0], [1.0, -1.0, -1.0, 1.0], {})
    add("hinge", "at the kink, margin 2", [2.0, -2.0], [1.0, -1.0], {"margin": 2.0})
    # Multi-class margins exactly at the kink (x_t - x_c = margin) for p = 1 and 2.
    for p in (1, 2):
        add(
            "multiMargin",
            f"at the kink, p {p}",
            [1.0, 2.0, 0.5, 0.25, -1.0, 0.25],
            [1, 0],
            {"classes": 3, "p": p},
            classIdx=True,
        )

    # B x C losses.
    shapes = [(1, 1), (1, 2), (2, 2), (3, 3), (4, 5), (5, 7), (8, 10), (2, 100), (1, 257), (1, 500)]
    for B, C in shapes:
        for scale in (1e-3, 1.0, 20.0, 1e3):
            big = C >= 100
            if big and scale not in (1.0, 1e3):
                continue
            x = randn(B * C, scale)
            ti = rng.randint(0, C, B)
            soft = softmax_rows(randn(B * C, 2.0), C)
            soft = short(soft)
            cw = short(rng.uniform(0.1, 3, C))
            rw = short(rng.uniform(0, 2, B))
            base = {"classes": C}
            opts = [
                {},
                {"classWeight": list(cw)},
                {"labelSmoothing": 0.1},
                {"labelSmoothing": 0.5, "classWeight": list(cw)},
                {"weight": list(rw)},
                {"ignoreIndex": int(ti[0])},
                {"ignoreIndex": int(ti[0]), "classWeight": list(cw), "weight": list(rw)},
                {"ignoreIndex": int(ti[0]), "labelSmoothing": 0.2},
            ]
            for j, o in enumerate(opts):
                if big and j not in (0, 1, 3, 7):
                    continue
                add(
                    "softmaxCrossEntropy",
                    f"{B}x{C} scale={scale:g}",
                    x,
                    ti,
                    dict(base, **o),
                    classIdx=True,
                )
            for o in ({}, {"labelSmoothing": 0.3}, {"classWeight": list(cw)}, {"weight": list(rw)}):
                # With C = 1 a probability target looks like class indices (losslab reads those).
                if (big and o) or C == 1:
                    continue
                add(
                    "softmaxCrossEntropy",
                    f"{B}x{C} scale={scale:g} probabilities",
                    x,
                    soft,
                    dict(base, **o),
                )
            lp = short(log_softmax_rows(x, C))
            for j, o in enumerate(opts[:2] + opts[4:7]):
                if big and j > 1:
                    continue
                add("nll", f"{B}x{C} scale={scale:g}", lp, ti, dict(base, **o), classIdx=True)
            for o in (
                {},
                {"p": 2},
                {"margin": 0.3},
                {"margin": 2.0, "p": 2},
                {"classWeight": list(cw)},
                {"p": 2, "classWeight": list(cw), "weight": list(rw)},
            ):
                if big and len(o) > 1:
                    continue
                if C == 1:
                    continue
                add(
                    "multiMargin", f"{B}x{C} scale={scale:g}", x, ti, dict(base, **o), classIdx=True
                )
            q = softmax_rows(x, C)
            q = short(np.where(rng.rand(B * C) < 0.1, 0.0, q))
            for o in ({}, {"weight": list(rw)}):
                if big and o:
                    continue
                add("crossEntropy", f"{B}x{C} scale={scale:g}", q, soft, dict(base, **o))
            tlog = short(log_softmax_rows(randn(B * C, 2.0), C))
            for o in ({}, {"logTarget": True}, {"weight": list(short(rng.uniform(0, 2, B * C)))}):
                if big and o:
                    continue
                tt = tlog if o.get("logTarget") else np.where(rng.rand(B * C) < 0.1, 0.0, soft)
                add(
                    "klDiv",
                    f"{B}x{C} scale={scale:g}",
                    lp,
                    tt,
                    dict(base, **o),
                    reductions=REDUCTIONS + ("batchmean",),
                )
    # Class weights of the kept targets summing to 0, and a batch whose every target is ignored.
    x = randn(6)
    add(
        "softmaxCrossEntropy",
        "kept class weights sum to 0",
        x,
        [0, 0],
        {"classes": 3, "classWeight": [0.0, 1.0, 2.0]},
        classIdx=True,
    )
    add(
        "softmaxCrossEntropy",
        "every target ignored",
        x,
        [-100, -100],
        {"classes": 3},
        classIdx=True,
    )
    add(
        "nll",
        "kept class weights sum to 0",
        short(log_softmax_rows(x, 3)),
        [1, 1],
        {"classes": 3, "classWeight": [1.0, 0.0, 2.0]},
        classIdx=True,
    )
    for red in REDUCTIONS:
        add(
            "softmaxCrossEntropy",
            "label smoothing with an ignored target",
            short(x * 3),
            [2, -100],
            {"classes": 3, "labelSmoothing": 0.2},
            classIdx=True,
            reductions=(red,),
        )
    add(
        "nll",
        "every target ignored",
        short(log_softmax_rows(x, 3)),
        [2, 2],
        {"classes": 3, "ignoreIndex": 2},
        classIdx=True,
    )

    with open(OUT, "w") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in CASES))
        f.write("\n]\n")
    total = sum(COUNT.values())
    diffs = {}
    for c in CASES:
        for r in c["runs"]:
            if "diff" in r:
                diffs[r["diff"]["id"]] = diffs.get(r["diff"]["id"], 0) + 1
    print(json.dumps(COUNT), "total", total, "bytes", os.path.getsize(OUT))
    print("differences", json.dumps(diffs))


if __name__ == "__main__":
    main()
