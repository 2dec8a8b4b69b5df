"""Times benchmark cases in numpy for bench/run.mjs.

Reads a JSON list of {"id", "setup", "stmt"} on stdin, runs each setup once, then times its
statement timeit-style (autorange to pick a loop count of at least 0.2 s, best of `repeat`)
and writes {"<id>": milliseconds per call, ...} on stdout. A case whose setup or statement
fails gets null, so one bad case does not hide the others.
"""

import json
import sys
import timeit


def main() -> None:
    request = json.load(sys.stdin)
    repeat = int(request.get("repeat", 5))
    results = {}
    for case in request["cases"]:
        namespace: dict = {}
        try:
            exec("import numpy as np\n" + case["setup"], namespace)
            timer = timeit.Timer(case["stmt"], globals=namespace)
            number, _ = timer.autorange()
            best = min(timer.repeat(repeat=repeat, number=number)) / number
            results[case["id"]] = best * 1e3
        except Exception as error:  # report, keep timing the rest
            print(f"numpy_timer: {case['id']}: {error!r}", file=sys.stderr)
            results[case["id"]] = None
        del namespace
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
