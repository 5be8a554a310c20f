"""Client.snapshot() counts the boxes inside an element as the browser snapshot does (querySelectorAll): a div
around Checklists reports which of all their boxes are checked, so both clients' snapshots compare."""

from __future__ import annotations

from propwire import Dash, dcc, html


def test_a_div_around_checklists_lists_every_checked_box_inside_it(propwire_client) -> None:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Checklist(["a", "b"], ["b"], id="one"),
        html.Span("x", id="plain"),
        dcc.RadioItems(["c", "d", "e"], "c", id="two"),
    ], id="box")
    shot = propwire_client(app, timeout=5).snapshot()
    assert shot["one"]["checked"] == [1]
    assert shot["two"]["checked"] == [0]
    assert shot["box"]["checked"] == [1, 2]  # box 1 of "one", then box 0 of "two" (third box in all)
    assert "checked" not in shot["plain"]
