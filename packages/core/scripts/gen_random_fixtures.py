#!/usr/bin/python3
"""Writes the numpy reference fixtures that @losslab/core's data and metrics tests compare against.

Run with apt's numpy (the pyenv python3 on PATH has none):

    /usr/bin/python3 packages/core/scripts/gen_random_fixtures.py

Outputs, in packages/core/src/data/fixtures/:
  random_seed<S>.json  for S in 0, 42, 4294967295: >= 10,000 draws per RandomState method, each
                       from a freshly seeded generator, then a script of interleaved calls
                       (rand then randn then rand, odd randn counts, seed() resetting the cached
                       normal, get_state/set_state).
  article.json         the article's data: np.random.seed(0); X = randn(100, 1);
                       y = 2 * X + 3 + randn(100, 1) * 0.5
  datasets.json        the dataset makers' recipes, written out here in numpy.
  metrics.json         MSE, MAE, R^2 and accuracy computed by numpy on random inputs.
  log.json             C's log() from the libm numpy uses (called through ctypes), on the r^2
                       values of numpy's polar method and on inputs across the double range.

Doubles are written with Python's repr (shortest round-trip), so the tests can compare bit for bit.
"""

import ctypes
import ctypes.util
import json
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "data", "fixtures")
SEEDS = [0, 42, 4294967295]
COUNT = 10_000


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def fresh(seed):
    return np.random.RandomState(seed)


# (low, high, count): small, non-power-of-two, exactly 2^32 values (the unmasked 32-bit path),
# just over 2^32 (the 64-bit path with a 1-bit high mask), large and negative, a single value.
RANDINT_RANGES = [
    (0, 10, COUNT),
    (-7, 1000, COUNT),
    (0, 2**32, 3000),
    (0, 2**32 + 1, 3000),
    (-(2**52), 3 * 2**50 + 12345, 3000),
    (0, 2**31 - 1, 3000),
    (5, 6, 10),
]


def methods(seed):
    m = {}
    m["randomSample"] = floats(fresh(seed).random_sample(COUNT))
    # An odd count leaves a normal in the cache; the interleaved script checks it is used.
    m["randn"] = floats(fresh(seed).randn(COUNT + 1))
    m["normal"] = {"loc": -1.5, "scale": 3.25, "values": floats(fresh(seed).normal(-1.5, 3.25, COUNT))}
    m["uniform"] = {"low": -2.5, "high": 7.25, "values": floats(fresh(seed).uniform(-2.5, 7.25, COUNT))}
    m["randint"] = []
    for low, high, count in RANDINT_RANGES:
        rs = fresh(seed)
        values = ints(rs.randint(low, high, size=count))
        # The draw after a range shows how many words the rejection loop consumed.
        m["randint"].append({"low": low, "high": high, "values": values, "next": float(rs.random_sample())})
    a = np.arange(COUNT)
    fresh(seed).shuffle(a)
    m["shuffle"] = ints(a)
    rows = np.arange(3000).reshape(1000, 3)
    fresh(seed).shuffle(rows)
    m["shuffleRows"] = {"rowLength": 3, "values": ints(rows)}
    m["permutation"] = ints(fresh(seed).permutation(COUNT))
    return m


def state_of(rs):
    name, key, pos, has_gauss, gauss = rs.get_state()
    assert name == "MT19937"
    return {"key": ints(key), "pos": int(pos), "hasGauss": bool(has_gauss), "gauss": float(gauss)}


def script(seed):
    """Interleaved calls on one generator; each step records its call and numpy's answer."""
    rs = fresh(seed)
    steps = []

    def call(op, args, out):
        if isinstance(out, np.ndarray):
            out = floats(out)
        elif isinstance(out, (float, np.floating)):
            out = float(out)
        elif isinstance(out, (int, np.integer)):
            out = int(out)
        steps.append({"op": op, "args": args, "out": out})

    call("rand", [3], rs.rand(3))
    call("randn", [5], rs.randn(5))
    call("rand", [2], rs.rand(2))
    call("randn", [], rs.randn())
    call("randn", [2, 3], rs.randn(2, 3))
    call("rand", [], rs.rand())
    call("randn", [], rs.randn())
    call("randn", [1], rs.randn(1))
    call("normal", [2.5, 0.1, 3], rs.normal(2.5, 0.1, 3))
    call("normal", [0.0, 2.0], rs.normal(0.0, 2.0))
    call("standardNormal", [7], rs.standard_normal(7))
    call("randint", [0, 10, 4], rs.randint(0, 10, 4))
    call("randint", [7], rs.randint(7))
    call("randint", [5, 6, 3], rs.randint(5, 6, 3))
    call("randn", [1], rs.randn(1))
    call("getState", [], state_of(rs))
    call("randn", [], rs.randn())
    # seed() must forget the cached normal: after an odd count, reseed and draw again.
    call("randn", [3], rs.randn(3))
    rs.seed(seed)
    call("seed", [seed], None)
    call("randn", [3], rs.randn(3))
    call("uniform", [-1.0, 1.0, 5], rs.uniform(-1.0, 1.0, 5))
    call("uniform", [3.0, -2.0], rs.uniform(3.0, -2.0))
    call("randomSample", [[2, 2]], rs.random_sample((2, 2)))
    a = np.arange(7)
    rs.shuffle(a)
    call("shuffle", [7], ints(a))
    call("randn", [1], rs.randn(1))
    call("permutation", [5], ints(rs.permutation(5)))
    call("randn", [2], rs.randn(2))
    call("randint", [-(2**40), 2**40, 3], rs.randint(-(2**40), 2**40, 3))
    call("rand", [1, 1], rs.rand(1, 1))
    # Reseeding with another seed in the middle, then an odd randn count before a rand.
    rs.seed(12345)
    call("seed", [12345], None)
    call("randn", [3], rs.randn(3))
    call("rand", [3], rs.rand(3))
    call("randn", [1], rs.randn(1))
    call("getState", [], state_of(rs))
    # 700 normals cross a 624-word block boundary.
    call("randn", [701], rs.randn(701))
    call("randint", [1000], rs.randint(1000))
    return steps


def set_state_check(seed):
    """A numpy state with a cached normal, and what numpy draws after set_state of it."""
    rs = fresh(seed)
    rs.randn(11)  # odd: has_gauss = 1
    rs.rand(100)
    state = state_of(rs)
    after = {"randn": floats(rs.randn(5)), "rand": floats(rs.rand(5))}
    return {"state": state, "after": after}


def article():
    np.random.seed(0)
    X = np.random.randn(100, 1)
    y = 2 * X + 3 + np.random.randn(100, 1) * 0.5
    return {"x": floats(X), "y": floats(y)}


def linear(seed, n, w, bias, noise):
    """makeLinearData's recipe. The dot product is summed left to right, as the TypeScript does."""
    rs = fresh(seed)
    X = rs.randn(n, len(w))
    dot = np.zeros(n)
    for j, wj in enumerate(w):
        dot = dot + X[:, j] * wj
    y = dot + bias + rs.randn(n) * noise
    return rs, X, y


def datasets():
    out = {}
    _, X, y = linear(7, 50, [1.5, -2.0, 0.25], -1.0, 0.3)
    out["linear"] = {
        "options": {"n": 50, "features": 3, "weights": [1.5, -2.0, 0.25], "bias": -1.0, "noise": 0.3, "seed": 7},
        "x": floats(X),
        "y": floats(y),
    }
    n, fraction, scale = 40, 0.15, 8.0
    rs, X, y = linear(3, n, [2.0], 3.0, 0.5)
    m = int(np.floor(fraction * n + 0.5))
    idx = rs.permutation(n)[:m]
    y[idx] += scale * (1 + rs.random_sample(m))
    out["outliers"] = {
        "options": {"n": n, "features": 1, "weights": [2.0], "bias": 3.0, "noise": 0.5, "seed": 3,
                    "outlierFraction": fraction, "outlierScale": scale},
        "x": floats(X),
        "y": floats(y),
        "outliers": sorted(ints(idx)),
    }
    n, k, std = 31, 3, 0.7
    centers = np.array([[0.0, 5.0], [-4.0, -1.0], [3.5, -2.5]])
    rs = fresh(11)
    labels = np.arange(n) % k
    rs.shuffle(labels)
    X = centers[labels] + std * rs.randn(n, 2)
    out["blobs"] = {
        "options": {"n": n, "classes": k, "features": 2, "centers": centers.tolist(), "std": std, "seed": 11},
        "x": floats(X),
        "y": ints(labels),
    }
    return out


def metrics():
    rs = fresh(2024)
    cases = []
    for n in [1, 2, 7, 1000]:
        target = rs.randn(n) * 3 + 1
        pred = target + rs.randn(n)
        err = pred - target
        case = {
            "pred": floats(pred),
            "target": floats(target),
            "mse": float(np.mean(err**2)),
            "mae": float(np.mean(np.abs(err))),
        }
        if n >= 2:
            case["r2"] = float(1 - np.sum(err**2) / np.sum((target - target.mean()) ** 2))
        cases.append(case)
    acc = []
    # Class indices.
    t = rs.randint(0, 4, 200)
    p = np.where(rs.random_sample(200) < 0.7, t, rs.randint(0, 4, 200))
    acc.append({"pred": floats(p), "target": ints(t), "accuracy": float(np.mean(p == t))})
    # Per-row scores (logits), argmax over 5 classes.
    t = rs.randint(0, 5, 300)
    scores = rs.randn(300, 5)
    scores[np.arange(300), t] += 1.0
    acc.append({"pred": floats(scores), "target": ints(t), "classes": 5,
                "accuracy": float(np.mean(np.argmax(scores, axis=1) == t))})
    # Binary probabilities, thresholded at 0.5.
    t = rs.randint(0, 2, 250)
    prob = np.clip(0.5 + (t - 0.5) * 0.6 + rs.randn(250) * 0.3, 0.001, 0.999)
    acc.append({"pred": floats(prob), "target": ints(t), "accuracy": float(np.mean((prob >= 0.5) == t))})
    return {"regression": cases, "accuracy": acc}


def libm_log():
    libm = ctypes.CDLL(ctypes.util.find_library("m"))
    libm.log.restype = ctypes.c_double
    libm.log.argtypes = [ctypes.c_double]
    rs = fresh(123)
    # The polar method's r^2: two doubles from 2u - 1, as numpy's legacy_gauss draws them.
    u = rs.random_sample((6000, 2)) * 2 - 1
    r2 = (u * u).sum(axis=1)
    inputs = list(r2[(r2 < 1) & (r2 > 0)])
    inputs += list(1 + (rs.random_sample(2000) - 0.5) * 0.25)  # the near-1 band and its edges
    inputs += list(np.exp(rs.uniform(-745, 709, 2000)))  # subnormals to huge
    inputs += [1.0, 0.5, 2.0, 1 - 2**-53, 1 + 2**-52, 0.9375, 0.9375 - 2**-53, 1 + 0x109 / 2**12,
               5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
    out = [libm.log(float(x)) for x in inputs]
    return {"x": floats(inputs), "log": floats(out)}


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    for seed in SEEDS:
        write(f"random_seed{seed}.json", {
            "numpy": np.__version__,
            "seed": seed,
            "methods": methods(seed),
            "script": script(seed),
            "setState": set_state_check(seed),
        })
    write("article.json", article())
    write("datasets.json", datasets())
    write("metrics.json", metrics())
    write("log.json", libm_log())


if __name__ == "__main__":
    main()
