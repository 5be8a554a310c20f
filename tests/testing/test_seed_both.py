"""Every seed example, one test body each, run headless (propwire_client) and in Chromium (propwire_browser).

The scenarios are plain functions of an open page so bench/headless_vs_browser.py can time the same suite.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from propwire.testing import load_app

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed"


def load_seed(name: str) -> Any:
    """A seed example's app, its global callbacks claimed by it."""
    return load_app(SEED / f"{name}.py")


def ran(page: Any) -> list[tuple[str, str]]:
    """(name, status) of each callback the last action ran."""
    return [(c.name, c.status) for c in page.calls()]


def prevent_update(page: Any) -> None:
    assert page.text("body-div") == ""
    assert ran(page) == [("update_output", "skipped: PreventUpdate")]
    page.click("show-secret")
    assert page.text("body-div") == "Elephants are the only animal that can't jump"
    assert [(c.name, c.triggered, c.status) for c in page.calls()] == [
        ("update_output", ["show-secret.n_clicks"], "ran")]


def no_update_error(page: Any) -> None:
    assert ran(page) == [("show_factors", "skipped: PreventUpdate")]
    page.type("num", "12")  # debounce=True: nothing is sent before Enter or blur
    assert page.calls() == []
    assert page.text("out") == ""
    page.type("num", "12", enter=True)
    assert page.text("out") == "12 is 2 * 2 * 3"
    assert page.text("err") == ""
    page.type("num", "7", enter=True)
    assert page.text("err") == "7 is prime!"
    assert page.text("out") == "12 is 2 * 2 * 3"  # no_update left it alone
    assert [(c.name, c.status, c.outputs) for c in page.calls()] == [("show_factors", "ran", ["err.children"])]
    page.type("num", "15")
    page.blur("num")  # blur sends a debounced value too
    assert page.text("out") == "15 is 3 * 5"
    assert page.prop("num", "n_blur") == 1
    assert page.prop("num", "n_submit") == 2


def callback_context(page: Any) -> None:
    assert '"triggered": []' in page.text("container")
    page.click("btn-2")
    text = page.text("container")
    assert "Most Recent Click010btn-2" in text
    assert '"prop_id": "btn-2.n_clicks"' in text
    assert [(c.name, c.triggered) for c in page.calls()] == [("display", ["btn-2.n_clicks"])]
    page.click("btn-3")
    assert "Most Recent Click011btn-3" in page.text("container")


def initial_call(page: Any) -> None:
    assert page.text("first_output_1") == "n_clicks is None"
    assert page.text("second_output_1") == "n_clicks is None"
    assert ran(page) == [("change_text", "ran")]
    page.click("button_1")
    assert page.text("first_output_1") == "n_clicks is 1"
    assert page.text("second_output_1") == "n_clicks is 1"


def indirect_fast_slow(page: Any) -> None:
    # The page load runs the slow callback once (5 s); after that only the fast button is clicked.
    names = [c.name for c in page.calls()]
    assert sorted(names[:2]) == ["first_callback", "second_callback"] and names[2:] == ["third_callback"]
    page.click("button_3")
    assert [(c.name, c.triggered) for c in page.calls()] == [
        ("first_callback", ["button_3.n_clicks"]), ("third_callback", ["first_output_3.children"])]
    assert page.text("first_output_3").startswith("in the fast callback it is ")
    assert page.text("third_output_3").startswith("in the third callback it is ")
    assert page.text("second_output_3").startswith("in the slow callback it is ")


def prevent_initial_call(page: Any) -> None:
    assert page.calls() == []
    for name in ("first", "second", "third", "fourth"):
        assert page.text(f"{name}_output_2") == "callback not executed"
    page.click("button_2")
    assert [(c.name, c.triggered) for c in page.calls()] == [
        ("first_callback", ["button_2.n_clicks"]),
        ("second_callback", ["second_output_2.children"]),
        ("third_output", ["first_output_2.children", "third_output_2.children"]),
    ]
    assert page.text("fourth_output_2").startswith("in the third callback it is ")


def inserted_components(page: Any) -> None:
    assert page.text("layout-div") == "hello world"
    assert page.text("output") == ""
    assert page.prop("input", "value") == "hello world"
    assert page.text("input") == ""  # an input's value is not text
    assert ran(page) == [("display_page", "ran"), ("update_layout_div", "ran")]
    page.type("input", "typed")
    assert page.text("output") == "typed"
    assert page.text("layout-div") == "typed"
    assert sorted(ran(page)) == [("update_layout_div", "ran"), ("update_output", "ran")]


def slider_input(page: Any) -> None:
    assert page.prop("slider-circular", "value") == 3
    page.type("input-circular", "15")
    assert page.prop("slider-circular", "value") == 15
    page.set_props("slider-circular", value=4)
    assert page.prop("input-circular", "value") == 4
    assert [(c.name, c.triggered) for c in page.calls()] == [("callback", ["slider-circular.value"])]


def temperature(page: Any) -> None:
    page.type("celsius", "100")
    assert page.prop("fahrenheit", "value") == 212
    page.type("fahrenheit", "32")
    assert page.prop("celsius", "value") == 0
    assert [(c.name, c.triggered) for c in page.calls()] == [("sync_input", ["fahrenheit.value"])]


def checklists(page: Any) -> None:
    cities = ["New York City", "Montréal", "San Francisco"]
    page.check("all-checklist", "All")
    assert page.prop("city-checklist", "value") == cities
    page.check("city-checklist", "Montréal")
    assert page.prop("all-checklist", "value") == []
    assert page.prop("city-checklist", "value") == ["New York City", "San Francisco"]
    page.check("city-checklist", "Montréal")
    assert page.prop("all-checklist", "value") == ["All"]
    page.check("all-checklist", "All")
    assert page.prop("city-checklist", "value") == []


SCENARIOS: dict[str, Callable[[Any], None]] = {f.__name__: f for f in (
    prevent_update, no_update_error, callback_context, initial_call, indirect_fast_slow, prevent_initial_call,
    inserted_components, slider_input, temperature, checklists)}


def test_every_seed_example_has_a_scenario() -> None:
    assert sorted(SCENARIOS) == sorted(p.stem for p in SEED.glob("*.py"))


@pytest.mark.parametrize("name", SCENARIOS)
def test_seed_example(propwire_driver: Callable[..., Any], name: str) -> None:
    page = propwire_driver(load_seed(name))
    SCENARIOS[name](page)
    assert page.errors() == []
