"""The demo: every example of the seed page at /seed/<name>/, the callback-API examples at /callbacks/<name>/,
with an index at /."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount

from propwire import Dash, html

HERE = Path(__file__).parent
FOLDERS = ("seed", "callbacks")


def load_examples() -> dict[str, Dash]:
    """Each example in its own app, keyed "folder/name"; touching `.engine` claims the callbacks it registered."""
    apps = {}
    for folder in FOLDERS:
        for path in sorted((HERE / folder).glob("*.py")):
            app = runpy.run_path(str(path))["app"]
            app.engine
            apps[f"{folder}/{path.stem}"] = app
    return apps


def build() -> Starlette:
    apps = load_examples()
    index = Dash(__name__, title="propwire demo")
    index.layout = html.Div([
        html.H1("propwire demo"),
        html.H2("Dash's Advanced Callbacks page"),
        html.P("Each example runs unchanged but for its imports."),
        html.Ul([html.Li(html.A(name[5:].replace("_", " "), href=f"/{name}/")) for name in apps if name.startswith("seed/")]),
        html.H2("The rest of the callback API"),
        html.Ul([html.Li(html.A(name[10:].replace("_", " "), href=f"/{name}/")) for name in apps
                 if name.startswith("callbacks/")]),
    ])
    index.engine
    routes = [Mount(f"/{name}", app=app.server) for name, app in apps.items()]
    return Starlette(routes=[*routes, Mount("/", app=index.server)])


if __name__ == "__main__":
    uvicorn.run(build(), host="127.0.0.1", port=int(os.environ.get("PORT", 8050)))
