"""dcc.Graph's declaration: Dash's props, figures as dicts or plotly Figures, plotly kept optional."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from propwire import dcc
from propwire.api.serialize import dumps, loads
from propwire.components.base import PropError

ROOT = Path(__file__).resolve().parents[2]


def test_graph_has_dash_441s_props():
    from dash.dcc import Graph as DashGraph

    assert set(dcc.Graph._props) == set(DashGraph()._prop_names)
    params = [n for n in inspect.signature(DashGraph.__init__).parameters if n not in ("self", "kwargs")]
    assert dcc.Graph._positional == tuple(params)


def test_a_plotly_figure_becomes_its_dict_where_it_is_set():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[3, 1], customdata=[10, 20]))
    graph = dcc.Graph(id="g", figure=fig)
    assert isinstance(graph.figure, dict)
    assert loads(dumps(graph.figure))["data"][0]["type"] == "bar"
    graph.figure = go.Figure(go.Scatter(y=[1]))
    assert graph.figure["data"][0]["type"] == "scatter"


def test_to_dict_is_enough_and_a_wrong_figure_is_refused():
    class Fig:
        def to_dict(self):
            return {"data": [{"type": "pie", "values": [1, 2]}], "layout": {}}

    assert dcc.Graph(figure=Fig()).figure["data"][0]["type"] == "pie"
    with pytest.raises(PropError, match="figure"):
        dcc.Graph(id="g", figure=[1, 2])
    with pytest.raises(PropError, match="responsive"):
        dcc.Graph(responsive=1)


def test_unset_props_are_none_as_in_dash():
    graph = dcc.Graph(id="g")
    assert graph.figure is None and graph.clickData is None
    assert graph.to_plotly_json()["props"] == {"id": "g"}


def test_importing_propwire_does_not_import_plotly():
    code = "import sys, propwire; from propwire import dcc; dcc.Graph(id='g'); print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT)}, check=True)
    assert out.stdout.strip() == "False"
