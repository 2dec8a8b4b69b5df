"""Serve the JupyterLab 4.6.4 frontend built in app/build with Debian's jupyter_server 1.23.

PyPI is out of reach on these machines, so the Python `jupyterlab` package is missing; this
LabServerApp subclass stands in for it: it points jupyterlab_server at the npm-built static files,
schemas and themes, and answers the two jupyter_server 2 endpoints the 4.6 frontend asks for.

Run: /usr/bin/python3 app/server/losslab_lab.py [--port=8888 --ServerApp.root_dir=notebooks ...]
Jupyter state lives where JUPYTER_* variables point (scripts/lab.mjs sets them inside the repo).
"""

import json
import os

from jupyter_core.paths import jupyter_config_dir, jupyter_path
from jupyter_server.base.handlers import JupyterHandler
from jupyterlab_server import LabServerApp
from tornado import web, websocket

HERE = os.path.dirname(os.path.abspath(__file__))
APP_DIR = os.path.dirname(HERE)
BUILD_DIR = os.path.join(APP_DIR, "build")


class IdentityHandler(JupyterHandler):
    """`GET /api/me` (jupyter_server 2): a fixed single user, no extra permissions."""

    @web.authenticated
    def get(self):
        user = {
            "username": "losslab",
            "name": "losslab",
            "display_name": "losslab",
            "initials": "LL",
            "avatar_url": None,
            "color": None,
        }
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"identity": user, "permissions": {}}))


class EventsHandler(JupyterHandler, websocket.WebSocketHandler):
    """`WS /api/events/subscribe` (jupyter_server 2): accepted and kept silent, no events here."""

    def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403)
        return super().get(*args, **kwargs)

    def on_message(self, message):
        pass


class LosslabLab(LabServerApp):
    name = "losslab_lab"
    app_name = "JupyterLab"
    app_version = "4.6.4"
    description = "JupyterLab 4.6.4 (built from npm) with the losslab plugin"
    load_other_extensions = True
    extension_url = "/lab"
    default_url = "/lab"

    static_dir = os.path.join(BUILD_DIR, "static")
    templates_dir = os.path.join(BUILD_DIR, "static")
    schemas_dir = os.path.join(BUILD_DIR, "schemas")
    themes_dir = os.path.join(BUILD_DIR, "themes")
    # page_config.json (managers that need the Python jupyterlab package are disabled) and
    # overrides.json (no news or update checks: these machines have no internet).
    app_settings_dir = os.path.join(APP_DIR, "settings")
    user_settings_dir = os.path.join(jupyter_config_dir(), "lab", "user-settings")
    workspaces_dir = os.path.join(jupyter_config_dir(), "lab", "workspaces")
    labextensions_path = jupyter_path("labextensions")

    def initialize_handlers(self):
        self.handlers.append(("/api/me", IdentityHandler))
        self.handlers.append(("/api/events/subscribe", EventsHandler))
        super().initialize_handlers()


def _jupyter_server_extension_points():
    return [{"module": "losslab_lab", "app": LosslabLab}]


main = launch_new_instance = LosslabLab.launch_instance

if __name__ == "__main__":
    # jupyter_server finds an extension by module name, and `__main__` is not one: run the copy
    # imported under its own name.
    import sys

    sys.path.insert(0, HERE)
    from losslab_lab import main as run

    run()
