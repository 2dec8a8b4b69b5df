"""Reference values for smoothCurve.test.ts, computed with numpy in closed form.

The debiased EMA of the finite values x_1..x_k is
    s_k = (1 - w) * sum_j w^(k - j) x_j / (1 - w^k),
evaluated here as a matrix product (no recursion), so the test compares two different
computations. Non-finite values stay null and are skipped.

Run: /usr/bin/python3 packages/jupyterlab/scripts/gen_smoothing_fixture.py
"""

import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "__fixtures__", "smoothing.json")


def debiased_ema(values, w):
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    x = values[finite]
    k = np.arange(1, x.size + 1)
    # powers[i, j] = w^(i - j) for j <= i, else 0
    powers = np.tril(np.power(w, np.subtract.outer(k, k).clip(min=0)))
    smoothed = (1 - w) * powers @ x / (1 - np.power(w, k)) if x.size else x
    out = [None] * values.size
    for i, v in zip(np.flatnonzero(finite), smoothed):
        out[i] = float(v)
    return out


def main():
    rng = np.random.RandomState(0)
    cases = []
    for n, w in [(1, 0.6), (5, 0.0), (20, 0.5), (50, 0.9), (200, 0.99)]:
        steps = np.arange(1, n + 1)
        loss = np.exp(-steps / max(n / 3, 1)) + 0.05 * rng.rand(n)
        cases.append({"weight": w, "points": [[int(s), float(l)] for s, l in zip(steps, loss)]})
    gaps = np.abs(rng.randn(12)) + 0.1
    gaps[[3, 7, 8]] = np.nan
    cases.append(
        {
            "weight": 0.7,
            "points": [[i + 1, None if np.isnan(v) else float(v)] for i, v in enumerate(gaps)],
        }
    )
    for case in cases:
        values = [np.nan if l is None else l for _, l in case["points"]]
        case["expected"] = debiased_ema(values, case["weight"])
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/gen_smoothing_fixture.py", "cases": cases}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
