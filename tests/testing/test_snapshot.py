"""Client.snapshot(): what the page shows per id'd element, in the parity runner's shape (tests/parity)."""

from __future__ import annotations

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client


def shop_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Store(id="store", data=1),
        dcc.Location(id="url"),
        html.H1(["Shop ", html.B("now"), 3], id="title"),
        dcc.Input(id="qty", type="number", value=2),
        dcc.Checklist(["A", "B", "C"], ["C", "A"], id="boxes", inline=True),
        dcc.RadioItems(["x", "y"], "y", id="radio"),
        dcc.Dropdown(["red", "blue"], id="colour"),
        dcc.Slider(0, 10, 1, value=4, id="level", marks={0: "lo", 10: "hi"}),
        html.Div("secret", id="hidden", style={"display": "none"}),
        html.Div(id={"type": "row", "index": 1}, children="row one"),
        html.Div(id="total"),
    ])

    @app.callback(Output("total", "children"), Input("qty", "value"), Input("colour", "value"))
    def total(qty, colour):
        return f"{qty} x {colour}"

    return app


def test_snapshot_shape_and_text() -> None:
    with Client(shop_app()).open("/") as page:
        snap = page.snapshot()
    assert "store" not in snap and "url" not in snap and "hidden" not in snap  # no element, or not visible
    assert snap["title"] == {"text": "Shop now 3"}  # element boundaries count as spaces
    assert snap["qty"] == {"text": "", "value": "2"}
    assert snap["boxes"] == {"text": "A B C", "checked": [0, 2]}
    assert snap["radio"] == {"text": "x y", "checked": [1]}
    assert snap["colour"] == {"text": ""}  # an empty Dropdown shows nothing, as in Dash 4.4.1
    assert snap["level"] == {"text": "lo hi", "slider": ["4"]}
    assert snap['{"index":1,"type":"row"}'] == {"text": "row one"}
    assert snap["total"] == {"text": "2 x None"}


def test_snapshot_follows_the_page() -> None:
    with Client(shop_app()).open("/") as page:
        page.select("colour", "blue")
        page.type("qty", "2.0")  # the field keeps the text typed while the value means it
        snap = page.snapshot()
        assert snap["colour"] == {"text": "blue"}
        assert snap["qty"]["value"] == "2.0"
        assert snap["total"] == {"text": "2 x blue"}
        page.type("qty", "")
        assert page.snapshot()["qty"]["value"] == ""
        assert page.snapshot()["total"] == {"text": "None x blue"}


def test_a_multi_dropdown_shows_its_labels_in_value_order_then_the_count_from_two_on() -> None:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Dropdown({"a": "Ant", "b": "Bee", "c": "Cat"}, ["c", "a"], multi=True, id="two"),
        dcc.Dropdown({"a": "Ant", "b": "Bee"}, ["b"], multi=True, id="one"),
        dcc.Dropdown({"a": "Ant", "b": "Bee"}, ["a", "b"], multi=True, id="own",
                     labels={"selected_count": "{num_selected} bugs"}),
        dcc.Dropdown({"a": "Ant", "b": "Bee"}, ["a", "b"], multi=True, id="none", labels={"selected_count": None}),
    ])
    with Client(app).open("/") as page:
        snap = page.snapshot()
    assert snap["two"] == {"text": "Cat Ant 2 selected"}  # as picked, not as offered (Dash 4.4.1)
    assert snap["one"] == {"text": "Bee"}
    assert snap["own"] == {"text": "Ant Bee 2 bugs"}
    assert snap["none"] == {"text": "Ant Bee"}


def test_a_slider_without_marks_shows_dashs_auto_marks_for_a_330px_slider() -> None:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Slider(0, 100, 1, value=3, id="wide"),
        dcc.RangeSlider(-6, 6, 1, value=[0, 1], id="neg"),
        dcc.Slider(0, 10, 1, value=3, marks=None, id="bare"),
        dcc.Slider(0, 20000, 5000, value=0, id="big"),
    ])
    with Client(app).open("/") as page:
        snap = page.snapshot()
    assert snap["wide"]["text"] == "0 20 40 60 80 100"  # six marks fit 330 px: a nice multiple of the step
    assert snap["neg"]["text"] == "0 1 2 3 4 5 6 -5 -4 -3 -2 -1 -6"  # a JavaScript object's key order
    assert snap["bare"]["text"] == ""
    assert snap["big"]["text"] == "0 5000 10k 15k 20k"
