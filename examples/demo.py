"""The demo: every example of the seed page at /seed/<name>/, the callback-API examples at /callbacks/<name>/,
a page per Dash component library at /libraries/<name>/, the dcc.Graph page at /graphs/<name>/, the multi-page
app (Dash Pages: Tabs, Upload/Download, a clientside callback) at /multipage/, a background job with a progress
bar at /background/progress/, the speed comparison (bench/results) at /showcase/speed/, the docs at
/docs/<name>.md, with an index at /.

Each example runs as its own file says, unedited: the demo puts its frame around the example's layout (a header,
the example's title and one line on it, a way back to the index and on to the next example) and gives its tab a
title (examples/demo_site.py).

The library and graph pages need packages propwire itself does not (dash-bootstrap-components,
dash-mantine-components, dash-ag-grid, Dash for its DataTable, pandas, plotly for its express charts and the
gapminder data), the background page diskcache: `pip install -e '.[demo]'` installs them. Without them the index says which page could not load
and why, and the other pages still run.
"""

from __future__ import annotations

import ast
import os
import runpy
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.responses import FileResponse
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from propwire import Dash, html

HERE = Path(__file__).parent
SITE = runpy.run_path(str(HERE / "demo_site.py"))  # the demo's chrome, index and docs pages
FOLDERS = ("seed", "callbacks", "libraries", "graphs", "background", "showcase")
OPTIONAL = ("libraries", "graphs", "background")  # pages whose packages only the demo extra installs
SECTIONS = {"seed": ("Dash's Advanced Callbacks page", "Each example of the page, run unchanged but for its imports."),
            "callbacks": ("The rest of the callback API", None),
            "libraries": ("Component libraries", "Dash component libraries from PyPI, imported as on Dash "
                                                 "(docs/libraries.md)."),
            "graphs": ("Charts", "dcc.Graph with plotly.express figures (docs/graph.md)."),
            "background": ("Background jobs", "Long callbacks in a process of their own, their progress streamed "
                                              "(docs/background.md)."),
            "showcase": ("How fast", "propwire against Dash 4.4.1 on the bench machine (bench/README.md).")}
MULTIPAGE = "/multipage/"  # where the multi-page app lives: its URL prefix, as a Dash app under a path has one
MULTIPAGE_TITLE = "Dash Pages: a multi-page app"
MULTIPAGE_BLURB = ("Dash Pages with dcc.Link navigation, dcc.Tabs, dcc.Upload and dcc.Download, and a clientside "
                   "callback.")
TITLES = {"libraries/dbc_form": "dash-bootstrap-components: form, Modal, Tabs",
          "libraries/mantine": "dash-mantine-components: Select, Button with a section, Card",
          "libraries/aggrid": "dash-ag-grid: 10,000 rows, sorting, filtering, selection",
          "libraries/datatable": "DataTable: paging, editing, a total",
          "graphs/gapminder": "dcc.Graph: gapminder lines by dropdown, click to drill down, a live extendData chart",
          "seed/callback_context": "Which input fired: ctx.triggered_id",
          "seed/checklists": "Two checklists in sync",
          "seed/indirect_fast_slow": "A fast and a slow callback feeding a third",
          "seed/initial_call": "The initial call",
          "seed/inserted_components": "Components inserted by a callback",
          "seed/no_update_error": "no_update and PreventUpdate",
          "seed/prevent_initial_call": "prevent_initial_call",
          "seed/prevent_update": "PreventUpdate",
          "seed/slider_input": "A slider and an input in sync",
          "seed/temperature": "Celsius and Fahrenheit both ways",
          "callbacks/flexible": "Flexible signatures: dicts in, a dict out",
          "callbacks/patch_list": "Patch: add to a list of 1,000 items",
          "callbacks/running": "running= and on_error",
          "callbacks/running_sum": "Running sums with ALLSMALLER",
          "callbacks/todo": "A to-do list with ALL and MATCH",
          "background/progress": "A background job with a progress bar",
          "showcase/speed": "Speed: propwire vs Dash, measured"}
# One line on what each seed example shows (their docstrings only say where they come from).
BLURBS = {"seed/callback_context": "One callback for three buttons tells which was clicked from ctx.triggered_id.",
          "seed/checklists": "Ticking “All” ticks every city, and ticking every city ticks “All”: one callback, "
                             "each checklist both its input and its output.",
          "seed/indirect_fast_slow": "The third callback waits for neither: the fast result shows while the slow "
                                     "(5 s) one is still running.",
          "seed/initial_call": "The callback runs once as the page loads (n_clicks is None), then on each click.",
          "seed/inserted_components": "Components a callback inserts start the callbacks that read them, "
                                      "prevent_initial_call honoured.",
          "seed/no_update_error": "Prime factors of a number: no_update leaves one output alone, PreventUpdate "
                                  "both.",
          "seed/prevent_initial_call": "A chain of three callbacks with prevent_initial_call: none runs at page load, "
                                        "the first click runs them all.",
          "seed/prevent_update": "The callback leaves the page as it is until the button is clicked.",
          "seed/slider_input": "A slider and a number input kept in sync both ways by one circular callback.",
          "seed/temperature": "Type in either field: one circular callback converts to the other.",
          "background/progress": "background=True on a DiskcacheManager: the job runs in a process of its own, "
                                 "every set_progress reaches the bar at once, Cancel kills it.",
          "showcase/speed": "The bench's figures, Dash 4.4.1 against propwire on the same apps, read from "
                            "bench/results with their date."}


def title_of(key: str) -> str:
    """An example's title: its entry in TITLES, else its file name."""
    return TITLES.get(key, key.split("/")[1].replace("_", " "))


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


def blurb_of(key: str) -> str:
    """One line on what an example shows: its entry in BLURBS, else the first sentence of its module docstring."""
    if key in BLURBS:
        return BLURBS[key]
    path = HERE / f"{key}.py"
    return SITE["first_line"](ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) if path.exists() else "")


def _section(folder: str, apps: dict[str, Dash], missing: dict[str, str]) -> list:
    """A section of the index: its heading, its note, and a card per example (a line per one that cannot load)."""
    title, note = SECTIONS[folder]
    items = [html.Li(SITE["card"](f"/{key}/", title_of(key), blurb_of(key)))
             for key in apps if key.startswith(f"{folder}/")]
    items += [html.Li(f"{TITLES.get(key, key)} ({why})") for key, why in missing.items() if key.startswith(f"{folder}/")]
    return [html.H2(title), *([html.P(note, className="demo-note")] if note else []),
            html.Ul(items, className="demo-cards")]


def frame_examples(apps: dict[str, Dash]) -> None:
    """Each example inside the demo's frame: its title, its line, the way back, the previous and next example."""
    keys = list(apps)

    def link(i: int) -> tuple[str, str] | None:
        return (f"/{keys[i]}/", title_of(keys[i])) if 0 <= i < len(keys) else None

    for i, key in enumerate(keys):
        SITE["frame"](apps[key], title_of(key), blurb_of(key), link(i - 1), link(i + 1))


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
    SITE["frame"](app, MULTIPAGE_TITLE, MULTIPAGE_BLURB)
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
    """The demo's ASGI app: every example app under its path, the docs at /docs/, the index at /."""
    apps, missing = load_examples()
    frame_examples(apps)
    multipage = load_multipage()
    sections = [part for folder in FOLDERS[:4] for part in _section(folder, apps, missing)]
    sections += [html.H2("A multi-page app"), html.P("Dash Pages, as a Dash user writes them (docs/pages.md).",
                                                    className="demo-note"),
                 html.Ul([html.Li(SITE["card"](MULTIPAGE, MULTIPAGE_TITLE, MULTIPAGE_BLURB))], className="demo-cards")]
    sections += [part for folder in FOLDERS[4:] for part in _section(folder, apps, missing)]
    index, docs = SITE["index_app"](sections), SITE["docs_app"]()
    routes = [Route(SITE["STYLESHEET"], lambda request: FileResponse(HERE / "demo.css", media_type="text/css")),
              *[Mount(f"/{name}", app=app.server) for name, app in apps.items()],
              Mount("/docs", app=docs.server), Mount("/", app=index.server)]
    return _Prefixed(MULTIPAGE, multipage.server, Starlette(routes=routes))


if __name__ == "__main__":
    uvicorn.run(build(), host="127.0.0.1", port=int(os.environ.get("PORT", 8050)))
