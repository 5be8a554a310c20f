"""Dash's own dash_duo integration tests, run on propwire with the `dash_duo` fixture (propwire/testing/duo.py).

Ported from plotly/dash (MIT licence) tests/integration/callbacks/test_basic_callback.py, the callbacks without
inputs or outputs: only the import lines changed (`dash` -> `propwire`). The test bodies are Dash's, as written.
"""
# ruff: noqa: UP032, B023

import time
from multiprocessing import Value

from propwire import Dash, Input, Output, State, dcc, html


def test_cbsc022_no_output_callback_initial_call(dash_duo):
    """Test that no-output callbacks fire on initial load."""

    call_count = Value("i", 0)

    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Button("Click", id="btn", n_clicks=0),
            html.Div(id="output"),
        ]
    )

    @app.callback(
        Input("btn", "n_clicks"),
    )
    def no_output_callback(n_clicks):
        call_count.value += 1

    @app.callback(
        Output("output", "children"),
        Input("btn", "n_clicks"),
    )
    def with_output_callback(n_clicks):
        return f"Clicks: {n_clicks}"

    dash_duo.start_server(app)

    # Wait for initial render
    dash_duo.wait_for_text_to_equal("#output", "Clicks: 0")

    # No-output callback should have fired on initial load
    assert call_count.value == 1, "no-output callback should fire on initial load"

    # Click button
    dash_duo.find_element("#btn").click()
    dash_duo.wait_for_text_to_equal("#output", "Clicks: 1")

    # No-output callback should have fired again
    assert call_count.value == 2, "no-output callback should fire on click"

    assert dash_duo.get_logs() == []


def test_cbsc023_no_input_callback_initial_call(dash_duo):
    """Test that no-input callbacks fire on initial load (issue #3411)."""
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Store(id="store", data="initial"),
            html.Div(id="output"),
        ]
    )

    @app.callback(
        Output("output", "children"),
        State("store", "data"),
    )
    def no_input_callback(data):
        return f"Data: {data}"

    dash_duo.start_server(app)

    # No-input callback should fire on initial load
    dash_duo.wait_for_text_to_equal("#output", "Data: initial")

    assert dash_duo.get_logs() == []


def test_cbsc024_no_input_no_output_callback_initial_call(dash_duo):
    """Test that callbacks with no input and no output fire on initial load."""
    from multiprocessing import Value

    call_count = Value("i", 0)

    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Div(id="output", children="Waiting..."),
        ]
    )

    @app.callback()
    def no_input_no_output_callback():
        call_count.value += 1
        print(f"No-input no-output callback fired: {call_count.value}")

    dash_duo.start_server(app)

    # Give it time to fire
    dash_duo.wait_for_element("#output")
    time.sleep(0.5)

    # Callback should have fired on initial load
    assert (
        call_count.value == 1
    ), "no-input no-output callback should fire on initial load"

    assert dash_duo.get_logs() == []


def test_cbsc025_multiple_no_input_no_output_callbacks(dash_duo):
    """Test that multiple no-input no-output callbacks all fire on initial load."""
    from multiprocessing import Value

    call_count_1 = Value("i", 0)
    call_count_2 = Value("i", 0)
    call_count_3 = Value("i", 0)

    app = Dash(__name__)
    app.layout = html.Div(
        [
            html.Div(id="output", children="Waiting..."),
        ]
    )

    @app.callback()
    def first_callback():
        call_count_1.value += 1

    @app.callback()
    def second_callback():
        call_count_2.value += 1

    @app.callback()
    def third_callback():
        call_count_3.value += 1

    dash_duo.start_server(app)

    # Give callbacks time to fire
    dash_duo.wait_for_element("#output")
    time.sleep(0.5)

    # All callbacks should have fired on initial load
    assert call_count_1.value == 1, "first callback should fire"
    assert call_count_2.value == 1, "second callback should fire"
    assert call_count_3.value == 1, "third callback should fire"

    assert dash_duo.get_logs() == []
