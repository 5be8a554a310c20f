"""dcc.Graph through the headless client: a plotly Figure in the layout reaches callbacks as its dict, and event
props set as the browser sets them run their callbacks (the Graph verbs of issue 15 point 4 are not built yet)."""

from __future__ import annotations

import plotly.graph_objects as go

from propwire import Dash, Input, Output, State, dcc, html
from propwire.testing import Client


def test_click_data_and_the_figure_as_state() -> None:
    app = Dash(__name__)
    fig = go.Figure([go.Bar(x=["a", "b"], y=[1, 2], customdata=["A", "B"])])
    app.layout = html.Div([dcc.Graph(id="g", figure=fig), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "clickData"), State("g", "figure"))
    def show(click, figure):
        point = click["points"][0]["customdata"] if click else None
        return f"{point} {figure['data'][0]['type']} {list(figure['data'][0]['y'])}"

    client = Client(app)
    client.open("/")
    assert client.text("out") == "None bar [1, 2]"
    client.set_props("g", clickData={"points": [{"curveNumber": 0, "pointNumber": 1, "customdata": "B"}]})
    assert client.text("out") == "B bar [1, 2]"


def test_a_callback_may_return_a_plotly_figure() -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="n", value="3"), dcc.Graph(id="g"), html.Div(id="count")])

    @app.callback(Output("g", "figure"), Input("n", "value"))
    def draw(n):
        return go.Figure(go.Scatter(y=list(range(int(n or 0)))))

    @app.callback(Output("count", "children"), Input("g", "figure"))
    def count(figure):
        return str(len(figure["data"][0]["y"]))

    client = Client(app)
    client.open("/")
    assert client.text("count") == "3"
    client.type("n", "5")
    assert client.text("count") == "5"
