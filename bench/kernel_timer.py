#!/usr/bin/python3
"""Times Jupyter kernels for bench/run.mjs (bench/cases/kernel.mjs), with Debian's jupyter_client.

Reads {"kernels": [names], "starts": N, "cells": M, "cwd": dir, "trivial": code, "core": code}
on stdin (kernelspecs found through JUPYTER_PATH) and writes, for each kernel, the seconds of N
starts (start to the answer to kernel_info) and of M round trips of each cell (execute request to
both the reply and the idle status) as {"<name>": {"start": [...], "trivial": [...],
"core": [...]}} on stdout. The first core cell (its import) is timed apart as "coreFirst".
"""

import json
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager


def start(name, cwd):
    t0 = time.perf_counter()
    km = KernelManager(kernel_name=name)
    km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def round_trip(kc, code):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = None
    idle = False
    while reply is None or not idle:
        if time.perf_counter() - t0 > 120:
            raise TimeoutError(code)
        if reply is None:
            try:
                msg = kc.get_shell_msg(timeout=0.001)
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg["content"]
            except Empty:
                pass
        if not idle:
            try:
                msg = kc.get_iopub_msg(timeout=0.001)
                idle = (
                    msg["parent_header"].get("msg_id") == msg_id
                    and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"
                )
            except Empty:
                pass
    seconds = time.perf_counter() - t0
    if reply.get("status") != "ok":
        raise RuntimeError(f"cell failed: {code!r}: {reply}")
    return seconds


def main():
    request = json.load(sys.stdin)
    results = {}
    for name in request["kernels"]:
        starts = []
        for i in range(request["starts"]):
            km, kc, seconds = start(name, request["cwd"])
            starts.append(seconds)
            if i < request["starts"] - 1:
                stop(km, kc)
        try:
            core_first = round_trip(kc, request["core"])
            trivial = [round_trip(kc, request["trivial"]) for _ in range(request["cells"])]
            core = [round_trip(kc, request["core"]) for _ in range(request["cells"])]
        finally:
            stop(km, kc)
        results[name] = {"start": starts, "trivial": trivial, "core": core, "coreFirst": core_first}
        print(f"kernel_timer: {name} done", file=sys.stderr, flush=True)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
