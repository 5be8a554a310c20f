"""The scenarios of Dash's background-callback guide (dash.plotly.com/background-callbacks), each written as an
app a Dash user would have, only the imports changed, driven headless: a slow job, a button disabled while it
runs, a cancel button, a progress bar (value and max), and a progress Output holding a figure."""

from __future__ import annotations

import os
import time

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, dcc, html
from propwire.testing import Client

from .apps import pid_alive, wait_for


def _app(tmp_path, layout):
    manager = DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))
    app = Dash(__name__)
    app.layout = layout
    return app, manager


def test_a_slow_job_counts_the_clicks(tmp_path):
    app, manager = _app(tmp_path, html.Div([html.P("Button not clicked", id="paragraph"),
                                            html.Button("Run Job!", id="button")]))

    @callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True, manager=manager)
    def slow(n_clicks):
        time.sleep(1)
        return [f"Clicked {n_clicks} times"]

    with Client(app) as client:
        client.open("/")
        assert client.text("paragraph") == "Clicked None times"  # its initial call ran as a job too
        client.click("button")
        assert client.text("paragraph") == "Clicked 1 times"


def test_the_button_is_disabled_while_its_job_runs(tmp_path):
    app, manager = _app(tmp_path, html.Div([html.P("Button not clicked", id="paragraph"),
                                            html.Button("Run Job!", id="button")]))

    @callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True, manager=manager,
              running=[(Output("button", "disabled"), True, False)], prevent_initial_call=True)
    def slow(n_clicks):
        time.sleep(1)
        return [f"Clicked {n_clicks} times"]

    with Client(app) as client:
        client.open("/")
        client.click("button", wait=False)
        wait_for(lambda: client.prop("button", "disabled") is True, what="the button to be disabled")
        client.wait()
        assert client.prop("button", "disabled") is False and client.text("paragraph") == "Clicked 1 times"


def test_a_cancel_button_stops_the_job(tmp_path):
    app, manager = _app(tmp_path, html.Div([html.P("Button not clicked", id="paragraph"),
                                            html.Button("Run Job!", id="run"), html.Button("Cancel", id="cancel"),
                                            html.P(id="started")]))

    @callback(Output("paragraph", "children"), Input("run", "n_clicks"), background=True, manager=manager,
              running=[(Output("run", "disabled"), True, False), (Output("cancel", "disabled"), False, True)],
              cancel=[Input("cancel", "n_clicks")], progress=Output("started", "children"), prevent_initial_call=True)
    def slow(set_progress, n_clicks):
        (tmp_path / "pid").write_text(str(os.getpid()))
        set_progress("started")
        time.sleep(10)
        return [f"Clicked {n_clicks} times"]

    with Client(app) as client:
        client.open("/")
        client.click("run", wait=False)
        wait_for(lambda: client.text("started") == "started", what="the job to start")
        assert client.prop("cancel", "disabled") is False
        client.click("cancel")
        client.wait()
        assert not pid_alive(int((tmp_path / "pid").read_text()))  # stopped, not waited out
        assert client.text("paragraph") == "Button not clicked"
        assert client.prop("run", "disabled") is False and client.prop("cancel", "disabled") is True


def test_a_progress_bar_takes_value_and_max(tmp_path):
    app, manager = _app(tmp_path, html.Div([html.P("Button not clicked", id="paragraph"),
                                            html.Progress(id="progress_bar", value="0"),
                                            html.Button("Run Job!", id="button")]))

    @callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True, manager=manager,
              running=[(Output("paragraph", "style"), {"visibility": "hidden"}, {"visibility": "visible"}),
                       (Output("progress_bar", "style"), {"visibility": "visible"}, {"visibility": "hidden"})],
              progress=[Output("progress_bar", "value"), Output("progress_bar", "max")], prevent_initial_call=True)
    def slow(set_progress, n_clicks):
        total = 5
        for i in range(total + 1):
            time.sleep(0.05)
            set_progress((str(i), str(total)))
        return f"Clicked {n_clicks} times"

    with Client(app) as client:
        client.open("/")
        client.click("button")
        assert client.prop("progress_bar", "value") == "5" and client.prop("progress_bar", "max") == "5"
        assert client.prop("progress_bar", "style") == {"visibility": "hidden"}
        assert client.prop("paragraph", "style") == {"visibility": "visible"}
        assert client.text("paragraph") == "Clicked 1 times"


def test_a_progress_output_can_hold_a_figure(tmp_path):
    app, manager = _app(tmp_path, html.Div([html.P("Button not clicked", id="paragraph"),
                                            dcc.Graph(id="progress_bar_graph", figure={}),
                                            html.Button("Run Job!", id="button")]))

    def bar(percent):
        return {"data": [{"type": "bar", "x": [percent], "y": [""], "orientation": "h"}],
                "layout": {"xaxis": {"range": [0, 100]}, "height": 100}}

    @callback(Output("paragraph", "children"), Input("button", "n_clicks"), background=True, manager=manager,
              progress=Output("progress_bar_graph", "figure"), progress_default=bar(0), prevent_initial_call=True)
    def slow(set_progress, n_clicks):
        for i in range(1, 11):
            time.sleep(0.02)
            set_progress(bar(i * 10))
        return f"Clicked {n_clicks} times"

    with Client(app) as client:
        client.open("/")
        client.click("button")
        figures = [line["progress"]["outputs"]["progress_bar_graph.figure"] for event in client._last
                   for line in event.lines if "progress" in line]
        assert [f["data"][0]["x"] for f in figures] == [[i * 10] for i in range(1, 11)] + [[0]]
        assert client.prop("progress_bar_graph", "figure")["data"][0]["x"] == [0]  # progress_default at the end
        assert client.text("paragraph") == "Clicked 1 times"
