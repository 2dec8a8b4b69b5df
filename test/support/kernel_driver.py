#!/usr/bin/python3
"""Drive one real Jupyter kernel through Debian's jupyter_client, for tests in any language.

Reads JSON commands, one a line, on stdin; writes JSON lines on stdout:
  {"op": "execute", "id": "...", "code": "...", "timeout": 60, "interrupt_after": 1.5, "late": 0.5}
    -> every iopub message of that execution as
       {"event": "iopub", "id": ..., "t": <arrival, unix seconds>, "msg_type": ..., "content": ...}
       then {"event": "done", "id": ..., "t": ..., "reply": <execute_reply content>}
  {"op": "shutdown"} -> {"event": "bye"} and exit.
Starts with {"event": "ready", "kernel": <name>} once the kernel answers kernel_info.
Arrival times are taken as each message is received here, so they show when the kernel really
sent it (a kernel that buffered its output while busy would show them bunched at the end).
"late" keeps listening that many seconds after the idle status and the reply, for a kernel that
sends some of a cell's output after its idle status (Deno 2.9: see scripts/nb_execute.py).

Usage: kernel_driver.py --kernel tslab --cwd <dir>   (kernelspecs are found through JUPYTER_PATH)
"""
import argparse
import json
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager


def emit(obj):
    sys.stdout.write(json.dumps(obj, default=str) + "\n")
    sys.stdout.flush()


def execute(km, kc, cmd):
    msg_id = kc.execute(cmd["code"], store_history=True)
    start = time.time()
    timeout = float(cmd.get("timeout", 60))
    interrupt_after = cmd.get("interrupt_after")
    interrupted = False
    idle = False
    reply = None
    while not (idle and reply is not None):
        now = time.time()
        if now - start > timeout:
            emit({"event": "timeout", "id": cmd["id"], "t": now})
            return
        if interrupt_after is not None and not interrupted and now - start >= interrupt_after:
            km.interrupt_kernel()
            interrupted = True
            emit({"event": "interrupted", "id": cmd["id"], "t": time.time()})
        if not idle:
            try:
                msg = kc.get_iopub_msg(timeout=0.01)
            except Empty:
                msg = None
            if msg is not None:
                t = time.time()
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                emit({"event": "iopub", "id": cmd["id"], "t": t,
                      "msg_type": msg["msg_type"], "content": msg["content"]})
                if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                    idle = True
        if reply is None:
            try:
                r = kc.get_shell_msg(timeout=0.001)
            except Empty:
                r = None
            if r is not None and r["parent_header"].get("msg_id") == msg_id:
                reply = r["content"]
    done = time.time()
    late_until = done + float(cmd.get("late") or 0)
    while time.time() < late_until:
        try:
            msg = kc.get_iopub_msg(timeout=0.01)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            emit({"event": "iopub", "id": cmd["id"], "t": time.time(),
                  "msg_type": msg["msg_type"], "content": msg["content"]})
    emit({"event": "done", "id": cmd["id"], "t": done, "reply": reply})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", default="tslab")
    parser.add_argument("--cwd", default=".")
    args = parser.parse_args()
    km = KernelManager(kernel_name=args.kernel)
    km.start_kernel(cwd=args.cwd)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        emit({"event": "ready", "kernel": args.kernel})
        for line in sys.stdin:
            if not line.strip():
                continue
            cmd = json.loads(line)
            if cmd["op"] == "execute":
                execute(km, kc, cmd)
            elif cmd["op"] == "shutdown":
                break
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        emit({"event": "bye"})


if __name__ == "__main__":
    main()
