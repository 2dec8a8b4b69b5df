"""Times benchmark cases in PyTorch for bench/run.mjs, and computes every side's check values.

Reads {"repeat": r, "cases": [{"id", "torch": {"setup", "stmt"} | null, "checks": {side: code}}]}
on stdin. PyTorch runs on one thread (torch.set_num_threads(1)), like numpy and core. Each
torch statement is timed timeit-style after its setup (autorange to at least 0.2 s, best of
`repeat`). Each check is Python source run in a fresh namespace (numpy as np, torch, the
benchmark's `fill`) that leaves a list of floats in `value`: what that side computes from the
case's inputs, compared by bench/torch.mjs with core's and naive TypeScript's. Writes
{"<id>": {"ms": milliseconds or null, "values": {side: [floats] or null}}} on stdout; a case
or check that fails gets null, so one bad case does not hide the others.
"""

import json
import sys
import timeit

import numpy as np
import torch

torch.set_num_threads(1)


def namespace(prelude):
    ns = {'np': np, 'torch': torch}
    exec(prelude, ns)
    return ns


def main() -> None:
    request = json.load(sys.stdin)
    repeat = int(request.get("repeat", 5))
    prelude = request.get("prelude", "")
    results = {}
    for case in request["cases"]:
        out = {"ms": None, "values": {}}
        spec = case.get("torch")
        if spec is not None:
            try:
                ns = namespace(prelude)
                exec(spec["setup"], ns)
                timer = timeit.Timer(spec["stmt"], globals=ns)
                number, _ = timer.autorange()
                out["ms"] = min(timer.repeat(repeat=repeat, number=number)) / number * 1e3
                del ns
            except Exception as error:  # report, keep timing the rest
                print(f"torch_timer: {case['id']}: {error!r}", file=sys.stderr)
        for side, code in case.get("checks", {}).items():
            try:
                ns = namespace(prelude)
                exec(code, ns)
                out["values"][side] = [float(v) for v in ns["value"]]
                del ns
            except Exception as error:
                print(f"torch_timer: {case['id']} check {side}: {error!r}", file=sys.stderr)
                out["values"][side] = None
        results[case["id"]] = out
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
