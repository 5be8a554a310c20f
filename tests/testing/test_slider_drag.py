"""A slider's drag_value and tooltips through both drivers: drag_value is the value once the slider mounts and
after a callback sets the value; while a handle is held it moves alone (updatemode "mouseup"); released, both."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest

from propwire import Dash, Input, Output, dcc, html
from propwire.components.base import PropError
from propwire.testing import Client
from propwire.testing.components import WrongComponent

Drive = Callable[..., Any]


def drag_app(**slider: Any) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Slider(0, 10, 1, value=3, id="s", **slider), html.Button("eight", id="eight"),
                           dcc.RangeSlider(0, 10, 1, value=[2, 6], id="r"), html.Div(id="out")])

    @app.callback(Output("s", "value"), Input("eight", "n_clicks"), prevent_initial_call=True)
    def eight(_n: int) -> int:
        return 8

    @app.callback(Output("out", "children"), Input("s", "drag_value"), Input("s", "value"), Input("r", "drag_value"))
    def show(drag: Any, value: Any, span: Any) -> str:
        return f"{drag} {value} {span}"

    return app


def test_drag_value_follows_the_value(propwire_driver: Drive) -> None:
    page = propwire_driver(drag_app())
    assert page.text("out") == "3 3 [2, 6]"  # set as the sliders mounted
    page.click("eight")
    assert page.text("out") == "8 8 [2, 6]"  # a callback's value: drag_value follows it


def test_drag_without_release_moves_drag_value_only() -> None:
    with Client(drag_app()) as client:
        client.open()
        client.drag("s", 5, release=False)
        assert client.text("out") == "5 3 [2, 6]"
        client.drag("s", 6)
        assert client.text("out") == "6 6 [2, 6]"
        client.drag("r", [1, 9])
        assert client.text("out") == "6 6 [1, 9]"
        with pytest.raises(ValueError, match="takes one position"):
            client.drag("s", [1, 2])
        with pytest.raises(WrongComponent, match="not a dcc.Slider"):
            client.drag("out", 1)


def test_drag_mode_updates_the_value_while_held() -> None:
    with Client(drag_app(updatemode="drag")) as client:
        client.open()
        client.drag("s", 5, release=False)
        assert client.text("out") == "5 5 [2, 6]"


def test_tooltip_text_in_the_headless_snapshot() -> None:
    app = drag_app(tooltip={"always_visible": True, "template": "{value} kg"})
    with Client(app) as client:
        client.open()
        assert client.snapshot()["s"]["text"].endswith(" 3 kg")
    with Client(drag_app(tooltip={"placement": "top"})) as client:  # shown on hover / focus only
        client.open()
        assert client.snapshot()["s"]["text"].split()[-1] == "10"  # the last mark: no tooltip text
    with Client(drag_app(tooltip={"always_visible": True, "transform": "kg"})) as client:
        client.open()
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            client.snapshot()
        assert any("transform 'kg'" in str(w.message) for w in seen)


def test_a_misspelt_tooltip_key_is_an_error() -> None:
    with pytest.raises(PropError, match="prop 'tooltip'"):
        dcc.Slider(0, 10, tooltip={"always_visble": True})


def box_app(**slider: Any) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Slider(0, 10, 0.5, value=3, id="s", **slider),
                           dcc.RangeSlider(0, 100, 5, value=[20, 80], id="r"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("s", "value"), Input("s", "drag_value"), Input("r", "value"),
                  Input("r", "drag_value"))
    def show(v: Any, dv: Any, rv: Any, rdv: Any) -> str:
        return f"{v} {dv} {rv} {rdv}"

    return app


def test_type_slider_boxes_clamp_and_snap(propwire_driver: Drive) -> None:
    """Typing into the number boxes then leaving them, through both drivers."""
    client = propwire_driver(box_app())
    client.type_slider("s", "7.5")
    assert client.text("out") == "7.5 7.5 [20, 80] [20, 80]"
    client.type_slider("s", "42")  # off the range: drag_value stays, value clamped
    assert client.text("out") == "10 7.5 [20, 80] [20, 80]"
    client.type_slider("s", "4.3")  # off the grid: snapped on leaving
    assert client.text("out") == "4.5 7.5 [20, 80] [20, 80]"
    client.type_slider("r", "90", box=0)  # sent while typing; leaving cannot pass the max handle
    assert client.text("out") == "4.5 7.5 [80, 80] [90, 80]"
    client.type_slider("r", "95")
    assert client.text("out") == "4.5 7.5 [80, 95] [80, 95]"


def test_type_slider_drag_mode_and_refusals() -> None:
    with Client(box_app(updatemode="drag")) as client:
        client.open("/")
        client.type_slider("s", "6")
        assert client.text("out") == "6 6 [20, 80] [20, 80]"
        with pytest.raises(ValueError, match="number box"):
            client.type_slider("s", "abc")
        with pytest.raises(ValueError, match="box 2"):
            client.type_slider("r", "5", box=2)
    with Client(box_app(allow_direct_input=False)) as client:
        client.open("/")
        with pytest.raises(WrongComponent, match="allow_direct_input"):
            client.type_slider("s", "5")
