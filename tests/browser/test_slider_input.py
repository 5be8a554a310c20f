"""Slider and RangeSlider number boxes (allow_direct_input, on by default as in Dash 4.4.1) in Chromium: typing
moves drag_value, leaving the box sets value clamped to min..max and snapped to the step; allow_direct_input=False,
vertical and step=None draw no box."""

from playwright.sync_api import expect

from propwire import Dash, Input, Output, dcc, html


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Slider(0, 10, 0.5, value=3, id="s"),
        dcc.RangeSlider(0, 100, 5, value=[20, 80], id="r"),
        dcc.Slider(0, 10, 1, value=2, id="plain", allow_direct_input=False),
        dcc.Slider(0, 10, 1, value=2, id="tall", vertical=True),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("s", "value"), Input("s", "drag_value"), Input("r", "value"),
                  Input("r", "drag_value"))
    def show(v, dv, rv, rdv):
        return f"{v} {dv} {rv} {rdv}"

    return app


def test_boxes_type_and_leave(open_app):
    page = open_app(_app())
    out = page.locator("#out")
    expect(out).to_have_text("3 3 [20, 80] [20, 80]")
    box = page.locator("#s input[type=number]")
    expect(box).to_have_count(1)
    expect(box).to_have_value("3")
    box.fill("7.5")
    expect(out).to_have_text("3 7.5 [20, 80] [20, 80]")  # typing: drag_value only (updatemode mouseup)
    box.blur()
    expect(out).to_have_text("7.5 7.5 [20, 80] [20, 80]")
    box.fill("42")  # off the range: not sent while typing; leaving clamps it to max, drag_value stays
    box.blur()
    expect(out).to_have_text("10 7.5 [20, 80] [20, 80]")
    expect(box).to_have_value("10")
    box.fill("4.3")  # off the grid: snapped to the step on leaving
    box.blur()
    expect(out).to_have_text("4.5 7.5 [20, 80] [20, 80]")
    low, high = page.locator("#r input[type=number]").nth(0), page.locator("#r input[type=number]").nth(1)
    low.fill("90")  # on the grid, so sent while typing (as Dash); leaving cannot pass the max handle
    low.blur()
    expect(out).to_have_text("4.5 7.5 [80, 80] [90, 80]")
    high.fill("95")
    high.blur()
    expect(out).to_have_text("4.5 7.5 [80, 95] [80, 95]")
    expect(page.locator("#plain input")).to_have_count(0)
    expect(page.locator("#tall input")).to_have_count(0)
