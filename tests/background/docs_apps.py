"""The apps of Dash's background-callback guide (dash.plotly.com/background-callbacks), each as a Dash user writes it
but for the imports, made for one manager: the embedded tests make them on a DiskcacheManager, celery_apps.py on
its CeleryManager at import (so the Celery worker, which imports that module, declares the same callbacks).
`folder()` is where the cancel example's job writes its process id."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from propwire import Dash, Input, Output, dcc, html


def bar_figure(percent: int) -> dict:
    return {"data": [{"type": "bar", "x": [percent], "y": [""], "orientation": "h"}],
            "layout": {"xaxis": {"range": [0, 100]}, "height": 100}}


def docs_apps(manager: Any, folder: Callable[[], Path]) -> dict[str, Dash]:
    """The guide's five apps by name: count, slow, cancel, bar, graph."""
    count_app = Dash(__name__)
    count_app.layout = html.Div([html.P("Button not clicked", id="paragraph"), html.Button("Run Job!", id="button")])

    @count_app.callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True,
                        manager=manager)
    def count_clicks(n_clicks):
        time.sleep(1)
        return [f"Clicked {n_clicks} times"]

    slow_app = Dash(__name__)
    slow_app.layout = html.Div([html.P("Button not clicked", id="paragraph"), html.Button("Run Job!", id="button")])

    @slow_app.callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True,
                       manager=manager, running=[(Output("button", "disabled"), True, False)],
                       prevent_initial_call=True)
    def slow(n_clicks):
        time.sleep(1)
        return [f"Clicked {n_clicks} times"]

    cancel_app = Dash(__name__)
    cancel_app.layout = html.Div([html.P("Button not clicked", id="paragraph"), html.Button("Run Job!", id="run"),
                                  html.Button("Cancel", id="cancel"), html.P(id="started")])

    @cancel_app.callback(Output("paragraph", "children"), Input("run", "n_clicks"), background=True,
                         manager=manager, running=[(Output("run", "disabled"), True, False),
                                                   (Output("cancel", "disabled"), False, True)],
                         cancel=[Input("cancel", "n_clicks")], progress=Output("started", "children"),
                         prevent_initial_call=True)
    def cancellable(set_progress, n_clicks):
        (folder() / "cancel-pid").write_text(str(os.getpid()))
        set_progress("started")
        time.sleep(10)
        return [f"Clicked {n_clicks} times"]

    return {"count": count_app, "slow": slow_app, "cancel": cancel_app, **_progress_apps(manager)}


def _progress_apps(manager: Any) -> dict[str, Dash]:
    bar_app = Dash(__name__)
    bar_app.layout = html.Div([html.P("Button not clicked", id="paragraph"),
                               html.Progress(id="progress_bar", value="0"), html.Button("Run Job!", id="button")])

    @bar_app.callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True, manager=manager,
                      running=[(Output("paragraph", "style"), {"visibility": "hidden"}, {"visibility": "visible"}),
                               (Output("progress_bar", "style"), {"visibility": "visible"}, {"visibility": "hidden"})],
                      progress=[Output("progress_bar", "value"), Output("progress_bar", "max")],
                      prevent_initial_call=True)
    def update_progress(set_progress, n_clicks):
        total = 5
        for i in range(total + 1):
            set_progress((str(i), str(total)))
            time.sleep(0.05)
        return f"Clicked {n_clicks} times"

    graph_app = Dash(__name__)
    graph_app.layout = html.Div([html.P("Button not clicked", id="paragraph"),
                                 dcc.Graph(id="progress_bar_graph", figure={}), html.Button("Run Job!", id="button")])

    @graph_app.callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True,
                        manager=manager, progress=Output("progress_bar_graph", "figure"),
                        progress_default=bar_figure(0), prevent_initial_call=True)
    def figure_progress(set_progress, n_clicks):
        for i in range(1, 11):
            time.sleep(0.02)
            set_progress(bar_figure(i * 10))
        return f"Clicked {n_clicks} times"

    return {"bar": bar_app, "graph": graph_app}
