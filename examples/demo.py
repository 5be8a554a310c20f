"""The demo: every example of the seed page at /seed/<name>/, the callback-API examples at /callbacks/<name>/,
a page per Dash component library at /libraries/<name>/, the dcc.Graph page at /graphs/<name>/, the multi-page
app (Dash Pages: Tabs, Upload/Download, a clientside callback) at /multipage/, with an index at /.

The library and graph pages need packages propwire itself does not (dash-bootstrap-components,
dash-mantine-components, dash-ag-grid, Dash for its DataTable, pandas, plotly for its express charts and the
gapminder data): `pip install -e '.[demo]'` installs them. Without them the index says which page could not load
and why, and the other pages still run.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.types import ASGIApp, Receive, Scope, Send

from propwire import Dash, html

HERE = Path(__file__).parent
FOLDERS = ("seed", "callbacks", "libraries", "graphs")
OPTIONAL = ("libraries", "graphs")  # pages whose packages only the demo extra installs
SECTIONS = {"seed": ("Dash's Advanced Callbacks page", "Each example runs unchanged but for its imports."),
            "callbacks": ("The rest of the callback API", None),
            "libraries": ("Component libraries", "Dash component libraries from PyPI, imported as on Dash "
                                                 "(docs/libraries.md)."),
            "graphs": ("Charts", "dcc.Graph with plotly.express figures (docs/graph.md).")}
MULTIPAGE = "/multipage/"  # where the multi-page app lives: its URL prefix, as a Dash app under a path has one
TITLES = {"libraries/dbc_form": "dash-bootstrap-components: form, Modal, Tabs",
          "libraries/mantine": "dash-mantine-components: Select, Button with a section, Card",
          "libraries/aggrid": "dash-ag-grid: 10,000 rows, sorting, filtering, selection",
          "libraries/datatable": "DataTable: paging, editing, a total",
          "graphs/gapminder": "dcc.Graph: gapminder lines by dropdown, click to drill down, a live extendData chart"}


def load_examples() -> tuple[dict[str, Dash], dict[str, str]]:
    """Each example in its own app, keyed "folder/name" (touching `.engine` claims the callbacks it registered),
    and the library and graph pages that could not load, with the reason: a package that is not installed."""
    apps, missing = {}, {}
    for folder in FOLDERS:
        for path in sorted((HERE / folder).glob("*.py")):
            key = f"{folder}/{path.stem}"
            try:
                app = runpy.run_path(str(path))["app"]
            except ImportError as exc:
                if folder not in OPTIONAL:
                    raise
                # a package of the demo extra not installed: the page is listed with the way to install it
                need = exc.name if isinstance(exc, ModuleNotFoundError) else str(exc)
                missing[key] = f"needs {need}: pip install -e '.[demo]'"
                continue
            app.engine
            apps[key] = app
    return apps, missing


def _section(folder: str, apps: dict[str, Dash], missing: dict[str, str]) -> list:
    title, note = SECTIONS[folder]
    items = [html.Li(html.A(TITLES.get(key, key.split("/")[1].replace("_", " ")), href=f"/{key}/"))
             for key in apps if key.startswith(f"{folder}/")]
    items += [html.Li(f"{TITLES.get(key, key)} ({why})") for key, why in missing.items() if key.startswith(f"{folder}/")]
    return [html.H2(title), *([html.P(note)] if note else []), html.Ul(items)]


def load_multipage() -> Dash:
    """examples/multipage/app.py, unchanged, under /multipage/. Its dcc.Link's go to its pages' paths
    (page_registry's relative_path), which a Starlette Mount would not prefix; so, as a Dash app deployed under
    a path, it gets the prefix from $DASH_URL_BASE_PATHNAME (read by Dash too) and is served un-mounted."""
    before = os.environ.get("DASH_URL_BASE_PATHNAME")
    os.environ["DASH_URL_BASE_PATHNAME"] = MULTIPAGE
    try:
        app = runpy.run_path(str(HERE / "multipage" / "app.py"))["app"]
    finally:
        if before is None:
            del os.environ["DASH_URL_BASE_PATHNAME"]
        else:
            os.environ["DASH_URL_BASE_PATHNAME"] = before
    app.engine
    return app


class _Prefixed:
    """Requests under `prefix` go to `inner` with their path untouched (it serves that prefix itself), the
    rest to `outer`."""

    def __init__(self, prefix: str, inner: ASGIApp, outer: ASGIApp):
        self.prefix, self.inner, self.outer = prefix, inner, outer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        mine = scope["type"] != "lifespan" and (scope["path"] + "/").startswith(self.prefix)
        await (self.inner if mine else self.outer)(scope, receive, send)


def build() -> ASGIApp:
    """The demo's ASGI app: every example app under its path, the index at /."""
    apps, missing = load_examples()
    multipage = load_multipage()
    index = Dash(__name__, title="propwire demo")
    index.layout = html.Div([html.H1("propwire demo"),
                             *[part for folder in FOLDERS for part in _section(folder, apps, missing)],
                             html.H2("A multi-page app"),
                             html.P("Dash Pages with dcc.Link navigation, dcc.Tabs, dcc.Upload and dcc.Download, "
                                    "and a clientside callback (docs/pages.md)."),
                             html.Ul([html.Li(html.A("Multi-page app", href=MULTIPAGE))])])
    index.engine
    routes = [Mount(f"/{name}", app=app.server) for name, app in apps.items()]
    return _Prefixed(MULTIPAGE, multipage.server, Starlette(routes=[*routes, Mount("/", app=index.server)]))


if __name__ == "__main__":
    uvicorn.run(build(), host="127.0.0.1", port=int(os.environ.get("PORT", 8050)))
