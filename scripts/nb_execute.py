#!/usr/bin/python3
"""Executes notebooks with the tslab or Deno kernel (Debian's nbclient), exports HTML, validates.

Run with /usr/bin/python3 (Debian's Jupyter lives there). Driven by scripts/notebooks.mjs:

  nb_execute.py execute (--tslab BIN | --kernelspec DIR) --out DIR [--html DIR] [--cwd DIR]
                [--late-output SECONDS] NB.ipynb...
  nb_execute.py validate NB.ipynb...

`--kernelspec DIR` runs the kernel of that kernelspec folder (its name is the kernel's name), as
written by `losslab install`; `--tslab BIN` writes tslab's.

`execute` prints one JSON line per notebook: {"name", "seconds", "errors", "path", "html"}.
Jupyter's state (kernelspec, runtime files) lives in a temporary folder, so nothing outside it is
touched and no `tslab install` is needed (tslab's installer wants IPython, which Debian's
Jupyter packages do not bring).
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from queue import Empty


def setup_jupyter_env(tslab_bin, kernelspec, root):
    """Points every Jupyter path at `root` and puts the kernelspec there; returns its name."""
    if kernelspec is not None:
        name = os.path.basename(os.path.normpath(kernelspec))
        shutil.copytree(kernelspec, os.path.join(root, "data", "kernels", name))
        set_jupyter_paths(root)
        return name
    kernel_dir = os.path.join(root, "data", "kernels", "tslab")
    os.makedirs(kernel_dir)
    spec = {
        # The same argv `tslab install` writes ("{connection_file}" as its own argument: tslab #36).
        "argv": [tslab_bin, "kernel", "--config-path", "{connection_file}"],
        "display_name": "TypeScript",
        "language": "typescript",
    }
    with open(os.path.join(kernel_dir, "kernel.json"), "w") as f:
        json.dump(spec, f)
    set_jupyter_paths(root)
    return "tslab"


def set_jupyter_paths(root):
    os.environ["JUPYTER_PATH"] = os.path.join(root, "data")
    os.environ["JUPYTER_DATA_DIR"] = os.path.join(root, "data")
    os.environ["JUPYTER_CONFIG_DIR"] = os.path.join(root, "config")
    os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(root, "runtime")
    os.environ["JUPYTER_PLATFORM_DIRS"] = "1"


def coalesce_streams(nb):
    """Merges consecutive stream outputs of one name: how a console.log's text is split into
    messages depends on timing, the text itself does not."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            prev = merged[-1] if merged else None
            if (
                out.output_type == "stream"
                and prev is not None
                and prev.output_type == "stream"
                and prev.name == out.name
            ):
                prev.text += out.text
            else:
                merged.append(out)
        cell.outputs = merged


def count_errors(nb):
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        # tslab reports type errors of a cell on stderr, not as an error output.
        if out.output_type == "error" or (out.output_type == "stream" and out.name == "stderr")
    )


def late_output_client(late_output):
    """An nbclient NotebookClient that keeps listening `late_output` seconds after each cell's
    idle status (every message of the cell restarts the wait). Deno 2.9's kernel can send a
    cell's last stdout lines after its idle status (its stdout forwarder races the status:
    measured, 5 of 16 cells printing four lines), and nbclient stops listening at idle."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionComplete
    from nbclient.util import ensure_async

    class LateOutputClient(NotebookClient):
        async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
            await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
            while late_output > 0:
                try:
                    msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=late_output))
                except Empty:
                    return
                if msg["parent_header"].get("msg_id") == parent_msg_id:
                    try:
                        self.process_message(msg, cell, cell_index)
                    except CellExecutionComplete:
                        pass

    return LateOutputClient


def execute(args, kernel_name):
    import nbformat

    NotebookClient = late_output_client(args.late_output)

    html_exporter = None
    if args.html:
        from nbconvert import HTMLExporter

        html_exporter = HTMLExporter()
        os.makedirs(args.html, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        name = os.path.splitext(os.path.basename(path))[0]
        # The kernel runs in the notebooks' folder so `@losslab/*` resolve through the repo's
        # node_modules, wherever the executed copy is written.
        cwd = args.cwd or os.path.dirname(os.path.abspath(path))
        client = NotebookClient(
            nb,
            kernel_name=kernel_name,
            timeout=args.timeout,
            allow_errors=True,
            resources={"metadata": {"path": cwd}},
        )
        t0 = time.monotonic()
        client.execute()
        seconds = time.monotonic() - t0
        coalesce_streams(nb)
        # nbclient records timings and kernel-side ids in metadata; keep committed notebooks free
        # of anything a rerun would change.
        for cell in nb.cells:
            cell.metadata.pop("execution", None)
        errors = count_errors(nb)
        failed += errors > 0
        out_path = os.path.join(args.out, os.path.basename(path))
        nbformat.validate(nb)
        nbformat.write(nb, out_path)
        html_path = None
        if html_exporter is not None:
            body, _ = html_exporter.from_notebook_node(nb)
            html_path = os.path.join(args.html, name + ".html")
            with open(html_path, "w", encoding="utf-8") as f:
                f.write(body)
        print(
            json.dumps(
                {
                    "name": name,
                    "seconds": round(seconds, 3),
                    "errors": errors,
                    "path": out_path,
                    "html": html_path,
                }
            ),
            flush=True,
        )
    return 1 if failed else 0


def validate(args):
    import nbformat

    bad = 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        try:
            nbformat.validate(nb)
            print(json.dumps({"path": path, "valid": True}))
        except nbformat.ValidationError as e:
            bad += 1
            print(json.dumps({"path": path, "valid": False, "error": str(e)[:2000]}))
    return 1 if bad else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("execute")
    kernel = ex.add_mutually_exclusive_group(required=True)
    kernel.add_argument("--tslab", help="absolute path of node_modules/.bin/tslab")
    kernel.add_argument("--kernelspec", help="a kernelspec folder (losslab install writes them)")
    ex.add_argument(
        "--late-output",
        type=float,
        default=0,
        help="seconds to keep listening after a cell's idle status (Deno: its late stdout)",
    )
    ex.add_argument("--out", required=True)
    ex.add_argument("--html")
    ex.add_argument("--cwd")
    ex.add_argument("--timeout", type=int, default=120)
    ex.add_argument("notebooks", nargs="+")
    va = sub.add_parser("validate")
    va.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    if args.cmd == "validate":
        return validate(args)
    with tempfile.TemporaryDirectory(prefix="losslab-jupyter-") as root:
        tslab = None if args.tslab is None else os.path.abspath(args.tslab)
        return execute(args, setup_jupyter_env(tslab, args.kernelspec, root))


if __name__ == "__main__":
    sys.exit(main())
