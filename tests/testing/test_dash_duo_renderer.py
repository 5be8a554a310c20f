"""Dash's own dash_duo integration tests, run on propwire with the `dash_duo` fixture (propwire/testing/duo.py).

Ported from plotly/dash (MIT licence) tests/integration/test_duo.py and renderer/test_multi_output.py: only
the import lines changed (`dash` -> `propwire`, selenium's exceptions -> propwire.testing.duo's). The test bodies
are Dash's, kept as written.
"""
# ruff: noqa: UP032, B023

from multiprocessing import Value

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.exceptions import PreventUpdate
from propwire.testing.duo import TimeoutException


def test_duo001_wait_for_text_error(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div([html.Div("Content", id="content")])
    dash_duo.start_server(app)

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_text_to_equal("#content", "Invalid", timeout=1.0)

    assert err.value.args[0] == "text -> Invalid not found within 1.0s, found: Content"

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_text_to_equal("#content", "None", timeout=1.0)

    assert err.value.args[0] == "text -> None not found within 1.0s, found: Content"

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_text_to_equal("#none", "None", timeout=1.0)

    assert err.value.args[0] == "text -> None not found within 1.0s, #none not found"

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_contains_text("#content", "invalid", timeout=1.0)

    assert (
        err.value.args[0]
        == "text -> invalid not found inside element within 1.0s, found: Content"
    )

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_contains_text("#content", "None", timeout=1.0)

    assert (
        err.value.args[0]
        == "text -> None not found inside element within 1.0s, found: Content"
    )

    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_contains_text("#none", "none", timeout=1.0)

    assert (
        err.value.args[0]
        == "text -> none not found inside element within 1.0s, #none not found"
    )


def test_duo002_wait_for_text_value(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div([html.Ol([html.Li("Item", id="value-item", value="100")])])
    dash_duo.start_server(app)

    dash_duo.wait_for_text_to_equal("#value-item", "100")
    with pytest.raises(TimeoutException) as err:
        dash_duo.wait_for_contains_text("#value-item", "None", timeout=1.0)

    assert (
        err.value.args[0]
        == "text -> None not found inside element within 1.0s, found: Item"
    )


def test_rdmo001_single_input_multi_outputs_on_multiple_components(dash_duo):
    call_count = Value("i")

    app = Dash(__name__)

    N_OUTPUTS = 50

    app.layout = html.Div(
        [html.Button("click me", id="btn")]
        + [html.Div(id="output-{}".format(i)) for i in range(N_OUTPUTS)]
    )

    @app.callback(
        [Output("output-{}".format(i), "children") for i in range(N_OUTPUTS)],
        [Input("btn", "n_clicks")],
    )
    def update_output(n_clicks):
        if n_clicks is None:
            raise PreventUpdate

        call_count.value += 1
        return ["{}={}".format(i, i + n_clicks) for i in range(N_OUTPUTS)]

    dash_duo.start_server(app)

    btn = dash_duo.wait_for_element("#btn")

    for click in range(1, 20):
        btn.click()

        for i in range(N_OUTPUTS):
            dash_duo.wait_for_text_to_equal(
                "#output-{}".format(i), "{}={}".format(i, i + click)
            )

        assert call_count.value == click


def test_rdmo003_single_output_as_multi(dash_duo):
    app = Dash(__name__)

    app.layout = html.Div(
        [
            dcc.Input(id="input", value=""),
            html.Div(html.Div(id="output"), id="output-container"),
        ]
    )

    @app.callback([Output("output", "children")], [Input("input", "value")])
    def update_output(value):
        return ["out" + value]

    dash_duo.start_server(app)

    dash_duo.find_element("#input").send_keys("house")
    dash_duo.wait_for_text_to_equal("#output", "outhouse")


def test_rdmo005_set_props_behavior(dash_duo):
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Input(id="id", value=""),
            html.Div(
                id="container",
                children=dcc.Input(value=""),
            ),
        ]
    )

    dash_duo.start_server(
        app,
        debug=True,
        use_reloader=False,
        use_debugger=True,
        dev_tools_hot_reload=False,
    )

    dash_duo.find_element("#id").send_keys("hello input with ID")
    dash_duo.wait_for_text_to_equal("#id", "hello input with ID")

    dash_duo.find_element("#container input").send_keys("hello input w/o ID")
    dash_duo.wait_for_text_to_equal("#container input", "hello input w/o ID")
