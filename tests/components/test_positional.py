"""Positional arguments of components are Dash's: `html.Button("B", "btn")` gives the id (issue 11, item 22)."""

from __future__ import annotations

import inspect

import pytest

from propwire import dcc, html
from propwire.components.base import PropError

dash_html = pytest.importorskip("dash.html")
dash_dcc = pytest.importorskip("dash.dcc")

DCC = ["Input", "Textarea", "Checklist", "RadioItems", "Dropdown", "Slider", "RangeSlider", "Store", "Interval",
       "Location", "Link", "Markdown"]


def dash_positional(cls: type) -> list[str]:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    return [p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]


def test_an_html_elements_second_positional_argument_is_its_id():
    button = html.Button("B", "btn")
    assert button.id == "btn" and button.children == "B"
    assert html.Div(None, "box").id == "box"
    assert html.Br(None, "gap").id == "gap"  # no children prop, like Dash's None it stays unset


@pytest.mark.parametrize("name", sorted(n for n in html.__all__ if hasattr(dash_html, n)))
def test_html_leading_positional_arguments_are_dashs(name):
    ours = getattr(html, name)._positional
    theirs = dash_positional(getattr(dash_html, name))
    assert ours[:6] == tuple(theirs[:6]) == ("children", "id", "n_clicks", "n_clicks_timestamp", "disable_n_clicks",
                                             "key")


@pytest.mark.parametrize("name", DCC)
def test_dcc_positional_arguments_are_dashs(name):
    theirs = [n for n in dash_positional(getattr(dash_dcc, name)) if n not in ("componentPath", "loading_state")]
    assert list(getattr(dcc, name)._positional) == theirs


def test_dcc_positional_forms():
    box = dcc.Input("typed", "text", id="inp")
    assert (box.value, box.type, box.id) == ("typed", "text", "inp")
    store = dcc.Store("memory", "session", {"a": 1})
    assert (store.id, store.storage_type, store.data) == ("memory", "session", {"a": 1})
    assert dcc.Markdown("**x**", "md").id == "md"


def test_a_positional_prop_given_by_name_too_is_an_error():
    with pytest.raises(PropError, match="both by position and by name"):
        html.Button("B", "btn", id="other")
