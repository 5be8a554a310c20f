"""The demo: every example of the seed page, each served at /seed/<name>/, with an index at /."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount

from propwire import Dash, html

SEED = Path(__file__).parent / "seed"


def load_examples() -> dict[str, Dash]:
    """Each example in its own app; touching `.engine` makes it claim the callbacks it just registered."""
    apps = {}
    for path in sorted(SEED.glob("*.py")):
        app = runpy.run_path(str(path))["app"]
        app.engine
        apps[path.stem] = app
    return apps


def build() -> Starlette:
    apps = load_examples()
    index = Dash(__name__, title="propwire demo")
    index.layout = html.Div([
        html.H1("propwire: the Advanced Callbacks examples"),
        html.P("Each example runs unchanged but for its imports."),
        html.Ul([html.Li(html.A(name.replace("_", " "), href=f"/seed/{name}/")) for name in apps]),
    ])
    index.engine
    routes = [Mount(f"/seed/{name}", app=app.server) for name, app in apps.items()]
    return Starlette(routes=[*routes, Mount("/", app=index.server)])


if __name__ == "__main__":
    uvicorn.run(build(), host="127.0.0.1", port=int(os.environ.get("PORT", 8050)))
