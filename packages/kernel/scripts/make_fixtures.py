#!/usr/bin/python3
"""Reference values for @losslab/kernel's unit tests, computed with numpy.

Run: /usr/bin/python3 packages/kernel/scripts/make_fixtures.py  (writes src/fixtures/*.json)

Debiased EMA: computed NOT by the recursion the TypeScript code uses but from its closed form,
the weighted mean s_k = sum_i w^(k-i) x_i / sum_i w^(k-i) over the finite values so far (the same
as pandas' ewm(alpha=1-w, adjust=True).mean()), so the test compares two derivations.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "fixtures")


def debiased_ema(x, w):
    x = np.asarray(x, dtype=np.float64)
    finite = np.isfinite(x)
    out = x.copy()
    if np.all(x == x[0]):
        return out
    xs = x[finite]
    k = np.arange(len(xs))
    smoothed = np.empty(len(xs))
    for j in range(len(xs)):
        weights = w ** (j - k[: j + 1])
        smoothed[j] = np.sum(weights * xs[: j + 1]) / np.sum(weights)
    out[finite] = smoothed
    return out


def main():
    rng = np.random.RandomState(7)
    cases = []
    noisy = list(np.exp(-np.arange(200) / 40.0) + 0.1 * rng.rand(200))
    for w in [0.0, 0.3, 0.6, 0.9, 0.99]:
        cases.append({"weight": w, "values": noisy, "expected": list(debiased_ema(noisy, w))})
    gappy = [3.0, 2.0, float("nan"), 1.5, float("inf"), 1.0, 0.8]
    cases.append({
        "weight": 0.5,
        "values": [v if np.isfinite(v) else None for v in gappy],
        "expected": [v if np.isfinite(v) else None for v in debiased_ema(gappy, 0.5)],
    })
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "smoothEma.json"), "w") as f:
        json.dump({"generator": "scripts/make_fixtures.py", "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
