"""Client.new_tab(): the same browser's new tab shares cookies and localStorage, not sessionStorage; and a
local / session dcc.Store with nothing stored mounts stamped -1, as Dash 4.4.1's does."""

from __future__ import annotations

from propwire import Dash, Input, Output, State, dcc, html
from propwire.testing import Client


def stores_app(seen: list) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Store(id="local", storage_type="local"), dcc.Store(id="session", storage_type="session"),
                           html.Button("save", id="save"), html.Div(id="out")])

    @app.callback(Output("local", "data"), Output("session", "data"), Input("save", "n_clicks"),
                  prevent_initial_call=True)
    def save(n):
        return {"n": n}, {"n": n}

    @app.callback(Output("out", "children"), Input("local", "modified_timestamp"),
                  Input("session", "modified_timestamp"), State("local", "data"), State("session", "data"))
    def show(local_ts, session_ts, local, session):
        seen.append((local_ts, session_ts))
        return f"{local} {session}"

    return app


def test_a_new_tab_restores_local_stores_with_their_stamp_and_not_session_ones() -> None:
    seen: list = []
    with Client(stores_app(seen)).open("/") as page:
        assert seen == [(-1, -1)]  # nothing stored yet: Dash's stores mount stamped -1
        page.click("save")
        assert page.text("out") == "{'n': 1} {'n': 1}"
        stamp = seen[-1][0]
        assert stamp > 0
        page.new_tab()
        assert page.text("out") == "{'n': 1} None"
        assert seen[-1] == (stamp, -1)  # the local store's own stamp comes back; the session store starts empty
        page.open("/")  # a reload of this tab: its (empty) sessionStorage is still its own
        assert seen[-1] == (stamp, -1)
