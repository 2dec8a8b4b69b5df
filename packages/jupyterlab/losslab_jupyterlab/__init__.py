"""The losslab JupyterLab plugin as a Python package: the wheel installs the prebuilt extension
under share/jupyter/labextensions/@losslab/jupyterlab, where JupyterLab finds it."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "@losslab/jupyterlab"}]
