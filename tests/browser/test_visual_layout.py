"""Layout defects of issue 19, measured in Chromium, with propwire's default stylesheet on and off.

- A dcc.Slider's mark labels take their own space: the element after the slider starts below them, as in
  Dash 4.4.1 (seen side by side in Chromium: Dash's marks sit inside the slider's box), for given marks, the
  auto marks and a RangeSlider.
- A multi Dropdown shows its chosen values in the order of `value` (the order they were chosen in), as Dash
  4.4.1 does, not in the order of `options`.
- The default stylesheet leaves a slider's number boxes alone (they carry a class): the value stays readable.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from propwire import Dash, Input, Output, callback, dcc, html

pytestmark = pytest.mark.browser

# The bottom of every mark label inside a slider, and the top of the element after it.
GAP = """([slider, after]) => {
  const marks = Array.from(document.querySelectorAll(`#${slider} .rc-slider-mark-text, #${slider} .pw-slider-mark`));
  return [Math.max(...marks.map(m => m.getBoundingClientRect().bottom)), marks.length,
          document.getElementById(after).getBoundingClientRect().top];
}"""


def sliders_app(theme: bool) -> Dash:
    app = Dash(__name__, default_stylesheet=theme)
    app.layout = html.Div([
        dcc.Slider(0, 10, 1, value=3, marks={0: "zero", 5: "five", 10: "ten"}, id="given"),
        html.Div("after given marks", id="after-given"),
        dcc.Slider(0, 100, value=30, id="auto"),
        html.Div("after auto marks", id="after-auto"),
        dcc.RangeSlider(0, 20, 5, value=[5, 15], id="range"),
        html.Div("after the range", id="after-range"),
    ])
    return app


@pytest.mark.parametrize("theme", [True, False])
def test_slider_marks_take_their_own_space(open_app, theme):
    page = open_app(sliders_app(theme))
    for slider in ("given", "auto", "range"):
        bottom, count, after = page.evaluate(GAP, [slider, f"after-{slider}"])
        assert count >= 3, slider
        assert bottom <= after, f"{slider}: marks end at {bottom}px, the next element starts at {after}px"


@pytest.mark.parametrize("theme", [True, False])
def test_slider_number_boxes_show_their_value(open_app, theme):
    page = open_app(sliders_app(theme))
    for box in page.locator("#given input, #range input").all():
        # the whole value fits in the box: no digit clipped by padding
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), box.input_value()


def test_multi_dropdown_shows_values_in_the_order_chosen(open_app):
    app = Dash(__name__)
    app.layout = html.Div([dcc.Dropdown(["a", "b", "c", "d"], ["c", "a"], multi=True, id="dd"), html.Div(id="out")])

    @callback(Output("out", "children"), Input("dd", "value"))
    def show(value):
        return ",".join(value or [])

    page = open_app(app)
    chips = page.locator("#dd .pw-dropdown__multi-value__label")
    expect(chips).to_have_text(["c", "a"])  # value order, not options order
    for label in ("d", "b"):
        page.click("#dd .pw-dropdown__control")
        page.locator(".pw-dropdown__option", has_text=label).click()
    expect(page.locator("#out")).to_have_text("c,a,d,b")
    expect(chips).to_have_text(["c", "a", "d", "b"])
