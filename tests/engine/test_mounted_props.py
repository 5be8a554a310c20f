"""Props a component sets as it mounts (a dcc.Location's URL, propwire/web/page_route.py): at load they trigger
their readers as in Dash, so `prevent_initial_call=True` readers run (the Dash Pages router) and every reader
sees them in ctx.triggered (parity app pages_location_mount)."""

from __future__ import annotations

from propwire import Input, Output, ctx
from propwire.api.callbacks import make_spec
from propwire.core.engine import Engine, collect
from propwire.core.graph import Graph
from propwire.core.layout import LayoutView

from .harness import el, run_async


def _load(mounted: list[str]) -> list[tuple[str, list[str]]]:
    calls: list[tuple[str, list[str]]] = []

    def prevented(pathname):
        calls.append(("prevented", [t["prop_id"] for t in ctx.triggered]))
        return pathname

    def plain(pathname):
        calls.append(("plain", [t["prop_id"] for t in ctx.triggered]))
        return pathname

    def other(n):
        calls.append(("other", [t["prop_id"] for t in ctx.triggered]))
        return n

    specs = [make_spec(prevented, (Output("a", "children"), Input("url", "pathname")), {"prevent_initial_call": True}),
             make_spec(plain, (Output("b", "children"), Input("url", "pathname")), {}),
             make_spec(other, (Output("c", "children"), Input("btn", "n_clicks")), {"prevent_initial_call": True})]
    layout = el("Div", [el("Location", ns="dcc", id="url", pathname="/x"), el("Div", id="a"), el("Div", id="b"),
                        el("Div", id="c"), el("Button", id="btn")])
    engine = Engine(Graph(specs, layout_ids=frozenset({"url", "a", "b", "c", "btn"})), debug=True)
    run_async(collect(engine.initial(LayoutView.from_layout(layout), mounted)))
    return sorted(calls)


def test_a_mounted_prop_triggers_its_readers_even_prevented_ones():
    assert _load(["url.pathname"]) == [("plain", ["url.pathname"]), ("prevented", ["url.pathname"])]


def test_without_a_mounted_prop_the_initial_call_rules_hold():
    assert _load([]) == [("plain", ["."])]
