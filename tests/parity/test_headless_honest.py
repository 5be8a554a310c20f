"""The headless-vs-browser comparison keeps to what Client.snapshot can know of component-library components
(README.md): their entries and those of what holds them are left out on both sides, and a component inside one
is compared only where the browser draws it."""

from __future__ import annotations

import json

import dash_bootstrap_components as dbc

from propwire import html

from .headless import honest, library_ids
from .runner import Frame


def layout() -> dict:
    """A page as the client's store holds it: component JSON."""
    root = html.Div([
        html.Div([dbc.Button("b", id="btn")], id="holder"),
        dbc.Modal(dbc.ModalBody(html.Span("s", id="in-modal"), id="body"), id="modal"),
        html.Div("plain", id="plain"),
    ], id="page")
    return json.loads(json.dumps(root.to_plotly_json(), default=lambda c: c.to_plotly_json()))


def test_library_ids_sorts_out_what_the_library_draws() -> None:
    opaque, inside = library_ids(layout())
    assert opaque == {"page", "holder", "btn", "modal", "body"}  # library components and their holders
    assert inside == {"in-modal"}  # ours to draw, but only where the library puts its children


def test_honest_drops_opaque_entries_and_unshown_insides() -> None:
    lib = library_ids(layout())
    browser = [Frame(None, snapshot={"btn": {"text": "b"}, "plain": {"text": "plain"}, "page": {"text": "b plain"}})]
    headless = [Frame(None, snapshot={"btn": {"text": "b"}, "plain": {"text": "plain"}, "page": {"text": "b s plain"},
                                      "in-modal": {"text": "s"}}, library=lib)]
    b, h = honest(browser, headless)
    assert b[0].snapshot == h[0].snapshot == {"plain": {"text": "plain"}}
    # shown in the browser (the modal open): compared, so a difference still fails
    browser[0].snapshot["in-modal"] = {"text": "other"}
    b, h = honest(browser, headless)
    assert b[0].snapshot["in-modal"] == {"text": "other"} and h[0].snapshot["in-modal"] == {"text": "s"}
