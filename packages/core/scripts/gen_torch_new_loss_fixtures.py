#!/usr/bin/env python3
"""PyTorch reference values for the losses added in issue 12 (the "breadth" losses).

torch.nn losses come from torch.nn.functional itself (values for 'none', 'sum' and 'mean') and
their gradients from autograd. The losses defined elsewhere are written out in torch from their
published source, so autograd gives their gradients too:

  cosineSimilarity  keras/src/losses/losses.py cosine_similarity (l2_normalize, epsilon 1e-12)
  categoricalHinge  keras/src/losses/losses.py categorical_hinge
  dice, tversky     optax/losses/_segmentation.py dice_loss (apply_softmax=False, per sample)
  tweedie           sklearn/metrics/_regression.py _mean_tweedie_deviance (np.average weights)
  multiclassHinge   optax/losses/_classification.py multiclass_hinge_loss

The CTC gradient is the true derivative with respect to the log-probabilities, from autograd
through a log-space forward recursion written here; the script also checks that PyTorch's native
CTC gradient differs from it by exactly exp(log_probs) on the used frames (its log-softmax
shortcut, documented in ctcLoss.ts).

Inputs are not stored: each array is a spec that the TypeScript test rebuilds with losslab's
RandomState (numpy's legacy generator, value for value):
  {"u": [seed, n, lo, hi, scale]}  RandomState(seed).uniform(lo, hi, n) * scale
  {"i": [seed, n, lo, hi]}         RandomState(seed).randint(lo, hi, n)
  {"s": [seed, n]}                 RandomState(seed).randint(0, 2, n) * 2 - 1
or a plain list of numbers. Every case is evaluated in float64 on the inputs as given ("f64") and
on the float arrays rounded to float32 ("f32", still computed in float64, as the TypeScript
computes). Large outputs are stored at 12 sampled indices ({"at": [...], "v": [...]}); numbers
are rounded to 13 significant digits (f32 gradients to 9), enough for 1e-10 relative.

Run with Debian's torch:  /usr/bin/python3 packages/core/scripts/gen_torch_new_loss_fixtures.py
Writes packages/core/src/losses/fixtures/torchNewLosses.json.
"""

import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(
    os.path.dirname(__file__), "..", "src", "losses", "fixtures", "torchNewLosses.json"
)
FULL = 24  # arrays up to this length are stored whole
SAMPLES = 12

torch.set_default_dtype(torch.float64)


# ----- input specs ---------------------------------------------------------------------------


def u(seed, n, lo, hi, scale=1.0):
    return {"u": [seed, n, lo, hi, scale]}


def ints(seed, n, lo, hi):
    return {"i": [seed, n, lo, hi]}


def signs(seed, n):
    return {"s": [seed, n]}


def decode(spec):
    if isinstance(spec, list):
        return np.array(spec, dtype=np.float64)
    if "u" in spec:
        seed, n, lo, hi, scale = spec["u"]
        x = np.random.RandomState(seed).uniform(lo, hi, n)
        return x * scale if scale != 1 else x
    if "i" in spec:
        seed, n, lo, hi = spec["i"]
        return np.random.RandomState(seed).randint(lo, hi, n).astype(np.float64)
    seed, n = spec["s"]
    return np.random.RandomState(seed).randint(0, 2, n).astype(np.float64) * 2 - 1


# ----- output encoding -----------------------------------------------------------------------


def num(x, digits=13):
    x = float(x.item() if torch.is_tensor(x) else x)
    assert math.isfinite(x), x
    return float(f"{x:.{digits}g}")


def arr(x, seed, digits=13):
    x = np.asarray(x, dtype=np.float64).ravel()
    if x.size <= FULL:
        return [num(v, digits) for v in x]
    rng = np.random.RandomState(seed)
    at = set(rng.choice(x.size, SAMPLES - 1, replace=False).tolist())
    at.add(int(np.argmax(np.abs(x))))
    at = sorted(at)
    return {"at": at, "v": [num(x[i], digits) for i in at]}


# ----- references ----------------------------------------------------------------------------
# Each takes the decoded inputs (float64 tensors; the differentiable ones require grad) and the
# case's options, and returns {'none': tensor, 'sum': tensor, 'mean': tensor}.


def row_weighted(none, o):
    """losslab's per-row (or per-element) weights, where the peer has none: mean divides by n."""
    if "weight" in o:
        none = none * torch.tensor(o["weight"])
    return {"none": none, "sum": none.sum(), "mean": none.sum() / none.numel()}


def torch_reductions(f, o):
    """A torch.nn.functional loss called with each reduction (row weights from 'none')."""
    if "weight" in o:
        return row_weighted(f("none"), o)
    return {r: f(r) for r in ("none", "sum", "mean")}


def rows_of(x, o, key):
    d = o.get(key, x.numel())
    return x.view(-1, d)


def ref_margin_ranking(t, o):
    m = o.get("margin", 0.0)
    return torch_reductions(
        lambda r: F.margin_ranking_loss(t["x1"], t["x2"], t["target"], margin=m, reduction=r), o
    )


def ref_hinge_embedding(t, o):
    m = o.get("margin", 1.0)
    return torch_reductions(
        lambda r: F.hinge_embedding_loss(t["pred"], t["target"], margin=m, reduction=r), o
    )


def ref_soft_margin(t, o):
    # PyTorch computes log(1 + exp(z)): digits lost below z = -1, 0 below z = -37 and Infinity
    # past z = 709. The reference
    # is the same function written without either, checked against PyTorch where that is exact.
    z = -t["target"] * t["pred"]
    stable = torch.clamp_min(z, 0) + torch.log1p(torch.exp(-z.abs()))
    native = F.soft_margin_loss(t["pred"], t["target"], reduction="none")
    ok = (z > -1) & (z < 700)  # where log(1 + e^z) loses no digits
    assert torch.allclose(native[ok], stable[ok], rtol=1e-14, atol=0), "soft margin"
    return row_weighted(stable, o)


def unoverflow(x):
    """Rows whose sum of squares overflows, divided by their largest |x| (a constant to autograd).

    PyTorch returns NaN there; losslab rescales such rows, which leaves a cosine unchanged."""
    ss = (x.detach() * x.detach()).sum(-1, keepdim=True)
    s = torch.where(
        torch.isinf(ss), x.detach().abs().max(-1, keepdim=True).values, torch.ones_like(ss)
    )
    return x / s


def ref_cosine_embedding(t, o):
    B = t["target"].numel()
    x1, x2 = unoverflow(t["x1"].view(B, -1)), unoverflow(t["x2"].view(B, -1))
    m = o.get("margin", 0.0)
    return torch_reductions(
        lambda r: F.cosine_embedding_loss(x1, x2, t["target"], margin=m, reduction=r), o
    )


def ref_triplet(t, o):
    a = rows_of(t["anchor"], o, "features")
    p = t["positive"].view(a.shape)
    n = t["negative"].view(a.shape)
    margin, eps = o.get("margin", 1.0), o.get("eps", 1e-6)
    # PyTorch's norms square without scaling, so they overflow past 1e154 and underflow below
    # 1e-154. Norms are positively homogeneous: loss(a, p, n; m, eps) = s loss(a/s, p/s, n/s;
    # m/s, eps/s) for s > 0, so extreme magnitudes are evaluated at scale 1 (losslab scales too).
    s = max(a.detach().abs().max(), p.detach().abs().max(), n.detach().abs().max()).item()
    s = s if s > 1e100 or s < 1e-100 else 1.0
    kw = dict(margin=margin / s, p=o.get("p", 2.0), eps=eps / s, swap=o.get("swap", False))
    return torch_reductions(
        lambda r: s * F.triplet_margin_loss(a / s, p / s, n / s, reduction=r, **kw), o
    )


def ref_multilabel_soft_margin(t, o):
    x = rows_of(t["pred"], o, "classes")
    y = t["target"].view(x.shape)
    w = torch.tensor(o["classWeight"]) if "classWeight" in o else None
    return torch_reductions(lambda r: F.multilabel_soft_margin_loss(x, y, weight=w, reduction=r), o)


def ref_multilabel_margin(t, o):
    x = rows_of(t["pred"], o, "classes")
    y = t["target"].view(x.shape).long()
    return torch_reductions(lambda r: F.multilabel_margin_loss(x, y, reduction=r), o)


def ref_cosine_similarity(t, o):
    # keras: l2_normalize(x) = x * rsqrt(max(sum(x^2), 1e-12)); loss = -sum(y_n * x_n, axis=-1)
    x = unoverflow(rows_of(t["pred"], o, "features"))
    y = unoverflow(t["target"].view(x.shape))
    xn = x / torch.sqrt(torch.clamp_min((x * x).sum(-1, keepdim=True), 1e-12))
    yn = y / torch.sqrt(torch.clamp_min((y * y).sum(-1, keepdim=True), 1e-12))
    return row_weighted(-(xn * yn).sum(-1), o)


def ref_categorical_hinge(t, o):
    # keras: pos = sum(y * x); neg = max((1 - y) * x); max(0, neg - pos + 1)
    x = rows_of(t["pred"], o, "classes")
    y = t["target"].view(x.shape)
    pos = (y * x).sum(-1)
    neg = ((1 - y) * x).max(-1).values
    return row_weighted(torch.relu(neg - pos + 1), o)


def ref_tversky(t, o, alpha=None, beta=None):
    # optax dice_loss, apply_softmax=False, summed over one sample's values
    p = rows_of(t["pred"], o, "features")
    y = t["target"].view(p.shape)
    alpha = o.get("alpha", 0.5) if alpha is None else alpha
    beta = o.get("beta", 0.5) if beta is None else beta
    s = o.get("smooth", 1.0)
    inter = (p * y).sum(-1)
    den = inter + alpha * (p.sum(-1) - inter) + beta * (y.sum(-1) - inter) + s
    return row_weighted(1 - (inter + s) / den, o)


def ref_dice(t, o):
    return ref_tversky(t, o, 0.5, 0.5)


def ref_tweedie(t, o):
    # sklearn _mean_tweedie_deviance, then np.average(dev, weights=sample_weight)
    mu, y, p = t["pred"], t["target"], o.get("power", 0.0)
    if p < 0:
        dev = 2 * (
            torch.clamp_min(y, 0) ** (2 - p) / ((1 - p) * (2 - p))
            - y * mu ** (1 - p) / (1 - p)
            + mu ** (2 - p) / (2 - p)
        )
    elif p == 0:
        dev = (y - mu) ** 2
    elif p == 1:
        # sklearn's xlogy(y, y / mu); y = 1 where y = 0 inside the ratio keeps autograd finite
        dev = 2 * (torch.xlogy(y, torch.where(y > 0, y, torch.ones_like(y)) / mu) - y + mu)
    elif p == 2:
        dev = 2 * (torch.log(mu / y) + y / mu - 1)
    else:
        dev = 2 * (
            y ** (2 - p) / ((1 - p) * (2 - p))
            - y * mu ** (1 - p) / (1 - p)
            + mu ** (2 - p) / (2 - p)
        )
    w = torch.tensor(o["weight"]) if "weight" in o else torch.ones_like(dev)
    r = {"none": w * dev, "sum": (w * dev).sum(), "mean": (w * dev).sum() / w.sum()}
    # The formula cancels where mu is close to y (the deviance is much smaller than its terms), so
    # the stored values are the same formula in numpy's extended precision (64-bit significand);
    # the gradients come from autograd above, 2 mu^-p (mu - y), which does not cancel.
    ext = tweedie_extended(mu.detach().numpy(), y.detach().numpy(), p) * w.numpy().astype(
        np.longdouble
    )
    r["values"] = {
        "none": ext,
        "sum": ext.sum(),
        "mean": ext.sum() / w.numpy().astype(np.longdouble).sum(),
    }
    return r


def tweedie_extended(mu, y, p):
    mu, y, p = mu.astype(np.longdouble), y.astype(np.longdouble), np.longdouble(p)
    if p < 0:
        return 2 * (
            np.maximum(y, 0) ** (2 - p) / ((1 - p) * (2 - p))
            - y * mu ** (1 - p) / (1 - p)
            + mu ** (2 - p) / (2 - p)
        )
    if p == 0:
        return (y - mu) ** 2
    if p == 1:
        safe = np.where(y > 0, y, 1)
        return 2 * (np.where(y > 0, y * np.log(safe / mu), 0) - y + mu)
    if p == 2:
        return 2 * (np.log(mu / y) + y / mu - 1)
    return 2 * (
        y ** (2 - p) / ((1 - p) * (2 - p)) - y * mu ** (1 - p) / (1 - p) + mu ** (2 - p) / (2 - p)
    )


def smoothed(y, o):
    # keras/src/losses/losses.py binary_crossentropy: y_true * (1 - s) + 0.5 * s
    s = o.get("labelSmoothing", 0.0)
    return y * (1 - s) + 0.5 * s


def ref_bce_smoothing(t, o):
    w = torch.tensor(o["weight"]) if "weight" in o else None
    y = smoothed(t["target"], o)
    return {
        r: F.binary_cross_entropy(t["pred"], y, weight=w, reduction=r)
        for r in ("none", "sum", "mean")
    }


def ref_bce_logits_smoothing(t, o):
    w = torch.tensor(o["weight"]) if "weight" in o else None
    pw = torch.tensor(o["posWeight"]) if "posWeight" in o else None
    y = smoothed(t["target"], o)
    return {
        r: F.binary_cross_entropy_with_logits(t["pred"], y, weight=w, pos_weight=pw, reduction=r)
        for r in ("none", "sum", "mean")
    }


def ref_multiclass_hinge(t, o):
    # optax: max(scores + 1 - one_hot) - sum(scores * one_hot), with 1 - one_hot added as one
    # exact term (0 or 1), so the true class's score is not rounded through x + 1 - 1
    y = t["target"].long()
    x = t["pred"].view(y.numel(), -1)
    onehot = F.one_hot(y, x.shape[1]).to(x.dtype)
    return row_weighted((x + (1 - onehot)).max(-1).values - (x * onehot).sum(-1), o)


# ----- CTC -----------------------------------------------------------------------------------


def ctc_layout(t, o):
    C = o["classes"]
    il = o.get("inputLengths")
    tl = o.get("targetLengths")
    N = len(il) if il is not None else len(tl) if tl is not None else 1
    lp = t["logProbs"]
    T = lp.numel() // (N * C)
    il = il if il is not None else [T] * N
    tg = t["targets"].long().tolist()
    if tl is None:
        S = len(tg) // N
        tl = [S] * N
    if sum(tl) == len(tg):
        starts = np.concatenate([[0], np.cumsum(tl)[:-1]]).astype(int).tolist()
    else:
        S = len(tg) // N
        starts = [n * S for n in range(N)]
    seqs = [tg[s : s + L] for s, L in zip(starts, tl)]
    return lp.view(T, N, C), il, tl, seqs


def ctc_nll(lp, il, seqs, blank):
    """-log p(l|x) per sequence by the forward recursion in log space (autograd differentiates it)."""
    out = []
    for n, seq in enumerate(seqs):
        ext = [blank]
        for c in seq:
            ext += [c, blank]
        S = len(ext)
        alpha = [lp[0, n, ext[s]] if s < 2 else None for s in range(S)]
        for t in range(1, il[n]):
            new = []
            for s in range(S):
                terms = [alpha[s]]
                if s > 0:
                    terms.append(alpha[s - 1])
                if s > 1 and ext[s] != blank and ext[s] != ext[s - 2]:
                    terms.append(alpha[s - 2])
                terms = [a for a in terms if a is not None]
                new.append(
                    torch.logsumexp(torch.stack(terms), 0) + lp[t, n, ext[s]] if terms else None
                )
            alpha = new
        ends = [a for a in alpha[max(0, S - 2) :] if a is not None]
        out.append(-torch.logsumexp(torch.stack(ends), 0) if ends else torch.tensor(math.inf))
    return torch.stack(out)


def ref_ctc(t, o):
    lp, il, tl, seqs = ctc_layout(t, o)
    blank = o.get("blank", 0)
    zi = o.get("zeroInfinity", False)
    flat = torch.tensor([c for s in seqs for c in s], dtype=torch.long)

    def native(r):
        return F.ctc_loss(lp, flat, il, tl, blank=blank, reduction=r, zero_infinity=zi)

    nll = ctc_nll(lp, il, seqs, blank)
    if zi:
        nll = torch.where(torch.isinf(nll), torch.zeros_like(nll), nll)
    w = torch.tensor(o["weight"]) if "weight" in o else torch.ones_like(nll)
    per = w * nll
    ours = {"none": per, "sum": per.sum(), "mean": (per / torch.tensor(tl).clamp_min(1)).mean()}
    if "weight" not in o:
        for r in ("none", "sum", "mean"):
            assert torch.allclose(native(r), ours[r].detach(), rtol=1e-12, atol=0), (
                r,
                native(r),
                ours[r],
            )
    return ours


def check_ctc_native_gradient(t, o):
    """PyTorch's native gradient = exp(log_probs) on used frames + the true gradient ('sum')."""
    lp, il, tl, seqs = ctc_layout(t, o)
    blank = o.get("blank", 0)
    flat = torch.tensor([c for s in seqs for c in s], dtype=torch.long)
    lp0 = lp.detach().clone().requires_grad_(True)
    F.ctc_loss(lp0, flat, il, tl, blank=blank, reduction="sum", zero_infinity=True).backward()
    lp1 = lp.detach().clone().requires_grad_(True)
    nll = ctc_nll(lp1, il, seqs, blank)
    finite = torch.isfinite(nll)
    nll[finite].sum().backward()
    mask = torch.zeros_like(lp0)
    for n in range(lp.shape[1]):
        if finite[n]:
            mask[: il[n], n, :] = 1
    expected = lp1.grad + torch.exp(lp0.detach()) * mask
    # (PyTorch's native posteriors divide by p(l|x) and keep its rounding, up to ~1e-10 of
    # the largest element at the largest magnitudes, hence the tolerance.)
    err = (lp0.grad - expected).abs().max().item()
    assert err <= 1e-7 * max(1.0, expected.abs().max().item()), f"native CTC gradient: {err}"


# ----- case tables ---------------------------------------------------------------------------

LOSSES = {}


def case(loss_id, name, inputs, options, diff):
    LOSSES.setdefault(loss_id, []).append((name, inputs, options, diff))


ROW_SHAPES = [(1, 1), (1, 2), (3, 4), (2, 7), (4, 10), (2, 150), (1, 300)]
SEED = [1000]


def seed():
    SEED[0] += 1
    return SEED[0]


def row_weight(B):
    return [round(0.25 + 0.5 * ((3 * i) % 5), 3) for i in range(B)]


# torch.nn: elementwise
for n in [1, 3, 8, 40, 300]:
    for scale in [1e-300, 1e-3, 1, 1e3, 1e300]:
        for margin in [0.0, 0.5, -0.3, 2.0]:
            o = {"margin": margin}
            if n in (3, 40) and margin == 0.5:
                o["weight"] = row_weight(n)
            case(
                "marginRanking",
                f"n{n} s{scale:g} m{margin}",
                {
                    "x1": u(seed(), n, -1, 1, scale),
                    "x2": u(seed(), n, -1, 1, scale),
                    "target": signs(seed(), n),
                },
                o,
                ["x1", "x2"],
            )
        for margin in [1.0, 0.5, -0.5, 3.0]:
            o = {"margin": margin}
            if n in (3, 40) and margin == 0.5:
                o["weight"] = row_weight(n)
            case(
                "hingeEmbedding",
                f"n{n} s{scale:g} m{margin}",
                {"pred": u(seed(), n, -1, 1, scale), "target": signs(seed(), n)},
                o,
                ["pred"],
            )
    for scale in [1e-300, 1e-3, 1, 30, 1e3, 1e4, 1e300]:
        o = {"weight": row_weight(n)} if n in (3, 40) and scale == 1 else {}
        case(
            "softMargin",
            f"n{n} s{scale:g}",
            {"pred": u(seed(), n, -1, 1, scale), "target": signs(seed(), n)},
            o,
            ["pred"],
        )

# torch.nn: rows
for B, D in ROW_SHAPES:
    n = B * D
    for scale in [1e-200, 1e-3, 1, 1e3, 1e200]:
        for margin in [0.0, 0.5, -0.5]:
            if D == 1:
                continue  # cos is +-1 up to eps: its gradient is pure rounding
            if scale == 1e-200 and margin == 0.0:
                continue  # the cosine underflows to 0 = margin, the kink (PyTorch passes a gradient)
            o = {"margin": margin}
            if B > 1 and margin == 0.5:
                o["weight"] = row_weight(B)
            case(
                "cosineEmbedding",
                f"{B}x{D} s{scale:g} m{margin}",
                {
                    "x1": u(seed(), n, -1, 1, scale),
                    "x2": u(seed(), n, -1, 1, scale),
                    "target": signs(seed(), B),
                },
                o,
                ["x1", "x2"],
            )
        for p, eps, swap, margin in [
            (2, 1e-6, False, 1.0),
            (2, 1e-6, True, 1.0),
            (1, 0.0, False, 0.5),
            (3, 1e-2, True, 2.0),
            (1.5, 1e-6, False, 0.0),
        ]:
            if scale == 1e-200 and eps > 0:
                continue  # eps would swamp the differences: the loss is the margin, its gradient 0
            o = {"margin": margin, "p": p, "eps": eps, "swap": swap}
            if B > 1:
                o["features"] = D
            if B > 1 and p == 2 and not swap:
                o["weight"] = row_weight(B)
            case(
                "tripletMargin",
                f"{B}x{D} s{scale:g} p{p} eps{eps} swap{swap} m{margin}",
                {
                    "anchor": u(seed(), n, -1, 1, scale),
                    "positive": u(seed(), n, -1, 1, scale),
                    "negative": u(seed(), n, -1, 1, scale),
                },
                o,
                ["anchor", "positive", "negative"],
            )
    for scale in [1e-3, 1, 30, 1e4]:
        for cw, probs in [(False, False), (True, False), (False, True)]:
            o = {"classes": D}
            if cw:
                o["classWeight"] = [round(0.5 + (i % 7) / 4, 3) for i in range(D)]
            if B > 1 and cw:
                o["weight"] = row_weight(B)
            tgt = u(seed(), n, 0, 1) if probs else ints(seed(), n, 0, 2)
            case(
                "multiLabelSoftMargin",
                f"{B}x{D} s{scale:g} cw{cw} probs{probs}",
                {"pred": u(seed(), n, -1, 1, scale), "target": tgt},
                o,
                ["pred"],
            )
        for draw in range(3):
            # targets: a random prefix of distinct classes, then -1 and junk
            rng = np.random.RandomState(seed())
            tg = []
            for i in range(B):
                k = int(rng.randint(0, D + 1))
                row = rng.permutation(D)[:k].tolist()
                if k < D:
                    row += [-1] + rng.randint(-1, D, D - k - 1).tolist()
                tg += row
            o = {"classes": D}
            if B > 1 and scale == 1:
                o["weight"] = row_weight(B)
            case(
                "multiLabelMargin",
                f"{B}x{D} s{scale:g} draw{draw}",
                {"pred": u(seed(), n, -1, 1, scale), "target": tg},
                o,
                ["pred"],
            )

# CTC: T x N x C
for T, N, C, Lmax in [
    (1, 1, 2, 1),
    (3, 1, 3, 1),
    (5, 2, 4, 2),
    (12, 3, 6, 4),
    (30, 2, 20, 10),
    (20, 2, 200, 6),
    (40, 1, 5, 12),
]:
    for scale, norm in [(1, True), (1e-3, False), (8, False), (300, True), (3e4, False)]:
        for blank in [0, C - 1]:
            rng = np.random.RandomState(seed())
            x = rng.uniform(-1, 1, (T, N, C)) * scale
            if norm and T * N * C <= 240:  # a real log-softmax, stored as given
                x = (
                    x
                    - np.log(np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True))
                    - x.max(-1, keepdims=True)
                )
                lp = [float(v) for v in x.ravel()]
            else:  # log-probabilities need not be normalized: draw -|u|
                lp = u(seed(), T * N * C, -1, 0, scale)
            labels = [c for c in range(C) if c != blank]
            il = [int(rng.randint(max(1, T // 2), T + 1)) for _ in range(N)]
            il[0] = T
            tl, tg = [], []
            for i in range(N):
                L = int(rng.randint(0, min(Lmax, il[i]) + 1))
                seq = rng.choice(labels, L).tolist()
                if L >= 2 and rng.rand() < 0.5:
                    seq[1] = seq[0]  # a repeat needs a blank between
                # keep it alignable
                while len(seq) + sum(1 for j in range(1, len(seq)) if seq[j] == seq[j - 1]) > il[i]:
                    seq.pop()
                tl.append(len(seq))
                tg.append(seq)
            padded = rng.rand() < 0.5 and max(tl) > 0
            if padded:
                S = max(tl)
                flat = [c for seq in tg for c in seq + [labels[0]] * (S - len(seq))]
            else:
                flat = [c for seq in tg for c in seq]
            if not flat:
                continue
            for red_opts in [{}, {"weight": row_weight(N)}] if N > 1 else [{}]:
                o = {
                    "classes": C,
                    "blank": blank,
                    "inputLengths": il,
                    "targetLengths": tl,
                    **red_opts,
                }
                case(
                    "ctc",
                    f"T{T} N{N} C{C} s{scale:g} blank{blank} {'padded' if padded else 'concat'}{' w' if red_opts else ''}",
                    {"logProbs": lp, "targets": flat},
                    o,
                    ["logProbs"],
                )
# CTC: defaults (lengths from the shapes), zero_infinity with an impossible sequence
case(
    "ctc",
    "defaults T4 C3",
    {"logProbs": u(7001, 12, -2, 0), "targets": [1, 2]},
    {"classes": 3},
    ["logProbs"],
)
case(
    "ctc",
    "zeroInfinity",
    {"logProbs": u(7002, 3 * 2 * 4, -2, 0), "targets": [1, 1, 2, 2]},
    {"classes": 4, "inputLengths": [3, 2], "targetLengths": [2, 2], "zeroInfinity": True},
    ["logProbs"],
)

# elsewhere
for B, D in ROW_SHAPES:
    n = B * D
    for scale in [1e-200, 1e-7, 1e-3, 1, 1e3, 1e200]:
        if D == 1:
            break  # the cosine of two numbers is +-1, its gradient pure rounding
        o = {"features": D} if B > 1 else {}
        if B > 1 and scale == 1:
            o["weight"] = row_weight(B)
        case(
            "cosineSimilarity",
            f"{B}x{D} s{scale:g}",
            {"pred": u(seed(), n, -1, 1, scale), "target": u(seed(), n, -1, 1)},
            o,
            ["pred"],
        )
    for scale in [1e-3, 0.3, 1, 10, 1e6, 1e100]:
        rng = np.random.RandomState(seed())
        for kind in ["onehot", "probs"]:
            if kind == "onehot":
                tg = np.zeros((B, D))
                tg[np.arange(B), rng.randint(0, D, B)] = 1
                tgt = [float(v) for v in tg.ravel()]
            else:
                tgt = u(seed(), n, 0, 1)
            o = {"classes": D}
            if B > 1 and scale == 1:
                o["weight"] = row_weight(B)
            case(
                "categoricalHinge",
                f"{B}x{D} s{scale:g} {kind}",
                {"pred": u(seed(), n, -1, 1, scale), "target": tgt},
                o,
                ["pred"],
            )
        o = {"classes": D}
        if B > 1 and scale == 1:
            o["weight"] = row_weight(B)
        case(
            "multiclassHinge",
            f"{B}x{D} s{scale:g}",
            {"pred": u(seed(), n, -1, 1, scale), "target": ints(seed(), B, 0, D)},
            o,
            ["pred"],
        )
    for lo, hi in [(0, 1e-3), (0, 1), (0.4, 0.6)]:
        for binary in [True, False]:
            tgt = ints(seed(), n, 0, 2) if binary else u(seed(), n, 0, 1)
            for smooth in [1.0, 0.0, 1e-3]:
                o = {"smooth": smooth}
                if B > 1:
                    o["features"] = D
                if B > 1 and smooth == 1.0:
                    o["weight"] = row_weight(B)
                case(
                    "dice",
                    f"{B}x{D} p[{lo},{hi}] {'binary' if binary else 'soft'} s{smooth}",
                    {"pred": u(seed(), n, lo, hi), "target": tgt},
                    o,
                    ["pred"],
                )
            for alpha, beta, smooth in [
                (0.5, 0.5, 1.0),
                (0.7, 0.3, 0.0),
                (0.2, 0.9, 1.0),
                (0.0, 1.0, 1e-3),
                (1.0, 0.0, 1.0),
            ]:
                o = {"alpha": alpha, "beta": beta, "smooth": smooth}
                if B > 1:
                    o["features"] = D
                if B > 1 and alpha == 0.2:
                    o["weight"] = row_weight(B)
                case(
                    "tversky",
                    f"{B}x{D} p[{lo},{hi}] {'binary' if binary else 'soft'} a{alpha} b{beta} s{smooth}",
                    {"pred": u(seed(), n, lo, hi), "target": tgt},
                    o,
                    ["pred"],
                )

for n in [1, 4, 30, 300]:
    for power in [0, -1, -0.5, 1, 1.5, 2, 2.5, 3]:
        for lo, hi, scale in [(0.01, 1, 1), (0.5, 2, 1e-100), (0.5, 2, 1e3), (0.5, 3, 1e50)]:
            ylo = -1 if power <= 0 else (0.01 if power >= 2 else 0)
            o = {"power": power}
            if n in (4, 30) and scale == 1:
                o["weight"] = row_weight(n)
            case(
                "tweedie",
                f"n{n} p{power} mu[{lo},{hi}]x{scale:g}",
                {"pred": u(seed(), n, lo, hi, scale), "target": u(seed(), n, ylo, 2, scale)},
                o,
                ["pred"],
            )
    # zeros in the target at p = 1 (0 log 0 = 0) and p = 1.5
    for power in [1, 1.5]:
        y = [0.0, 1.0, 0.0, 2.5][: max(n, 1)] if n <= 4 else [0.0] * n
        case(
            "tweedie",
            f"n{n} p{power} zero targets",
            {"pred": u(seed(), len(y), 0.1, 2), "target": y},
            {"power": power},
            ["pred"],
        )

# binary cross-entropy with Keras's label smoothing (PyTorch's BCE on the smoothed targets)
for n in [1, 5, 40, 300]:
    for s_ in [0.1, 0.2, 0.5, 1.0]:
        for soft in [False, True]:
            tgt = u(seed(), n, 0, 1) if soft else ints(seed(), n, 0, 2)
            o = {"labelSmoothing": s_}
            if n in (5, 40) and s_ == 0.2:
                o["weight"] = row_weight(n)
            case(
                "bceLabelSmoothing",
                f"n{n} ls{s_} {'soft' if soft else 'binary'}",
                {"pred": u(seed(), n, 0.01, 0.99), "target": tgt},
                o,
                ["pred"],
            )
            for scale in [1, 30, 1e3]:
                o = {"labelSmoothing": s_}
                if n in (5, 40) and s_ == 0.2:
                    o["weight"] = row_weight(n)
                if scale == 30:
                    o["posWeight"] = 2.5
                case(
                    "bceWithLogitsLabelSmoothing",
                    f"n{n} ls{s_} {'soft' if soft else 'binary'} s{scale:g}",
                    {"pred": u(seed(), n, -1, 1, scale), "target": tgt},
                    o,
                    ["pred"],
                )

REFS = {
    "bceLabelSmoothing": ref_bce_smoothing,
    "bceWithLogitsLabelSmoothing": ref_bce_logits_smoothing,
    "marginRanking": ref_margin_ranking,
    "hingeEmbedding": ref_hinge_embedding,
    "softMargin": ref_soft_margin,
    "cosineEmbedding": ref_cosine_embedding,
    "tripletMargin": ref_triplet,
    "multiLabelSoftMargin": ref_multilabel_soft_margin,
    "multiLabelMargin": ref_multilabel_margin,
    "ctc": ref_ctc,
    "cosineSimilarity": ref_cosine_similarity,
    "categoricalHinge": ref_categorical_hinge,
    "dice": ref_dice,
    "tversky": ref_tversky,
    "tweedie": ref_tweedie,
    "multiclassHinge": ref_multiclass_hinge,
}


def evaluate(loss_id, inputs, options, diff, f32, salt):
    t = {}
    for k, spec in inputs.items():
        x = decode(spec)
        if f32:  # integer labels are exact in float32
            x = x.astype(np.float32).astype(np.float64)
        t[k] = torch.tensor(x, requires_grad=k in diff)
    r = REFS[loss_id](t, options)
    r["mean"].backward()
    gd = 9 if f32 else 13
    vals = r.get("values", r)
    out = {
        "mean": num(vals["mean"]),
        "sum": num(vals["sum"]),
        "none": arr(
            np.asarray(
                vals["none"].detach().numpy() if torch.is_tensor(vals["none"]) else vals["none"],
                dtype=np.float64,
            ),
            salt,
        ),
        "grads": {k: arr(t[k].grad.numpy(), salt + i + 1, gd) for i, k in enumerate(diff)},
    }
    return out


def f32_normal(x):
    """True when every non-zero value is a normal float32 (the f32 variant is skipped otherwise)."""
    a = np.abs(x[x != 0])
    return bool(np.all((a >= np.finfo(np.float32).tiny) & (a <= np.finfo(np.float32).max)))


def main():
    data = {}
    for loss_id, cases in LOSSES.items():
        rows = []
        for i, (name, inputs, options, diff) in enumerate(cases):
            rec = {"name": name, "inputs": inputs, "options": options}
            rec["f64"] = evaluate(loss_id, inputs, options, diff, False, 10 * i)
            if all(f32_normal(decode(spec)) for spec in inputs.values()):
                rec["f32"] = evaluate(loss_id, inputs, options, diff, True, 10 * i)
            if loss_id == "ctc":
                t = {k: torch.tensor(decode(s)) for k, s in inputs.items()}
                check_ctc_native_gradient(t, options)
            rows.append(rec)
        data[loss_id] = rows
        print(f"{loss_id}: {len(rows)} cases")
    with open(OUT, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT) // 1024} KiB)")


if __name__ == "__main__":
    main()
