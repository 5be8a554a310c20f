"""The headless client on pattern-matching and initial-call apps (issue 11 items 1-4, 7, 19-21): the same
answers the browser gets, with one event per action."""

from __future__ import annotations

from collections.abc import Callable

from propwire import ALL, ALLSMALLER, MATCH, Dash, Input, Output, Patch, State, dcc, html
from propwire.api.exceptions import PreventUpdate
from propwire.testing import Client

Drive = Callable[..., Client]


def all_filters_app() -> Dash:
    """Dash's docs "Simple Example with ALL"."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Add Filter", id="add", n_clicks=0), html.Div(id="box", children=[]),
                           html.Div(id="out")])

    @app.callback(Output("box", "children"), Input("add", "n_clicks"))
    def add(n):
        patched = Patch()
        patched.append(dcc.Dropdown(["NYC", "MTL"], id={"type": "f", "index": n}))
        return patched

    @app.callback(Output("out", "children"), Input({"type": "f", "index": ALL}, "value"))
    def show(values):
        return " | ".join(f"Dropdown {i + 1} = {v}" for i, v in enumerate(values))

    return app


def test_all_over_new_unset_dropdowns_shows_none_without_follow_ups(propwire_client: Drive) -> None:
    page = propwire_client(all_filters_app(), timeout=5)
    assert page.text("out") == "Dropdown 1 = None"
    before = len(page._rt.log)
    page.click("add")
    assert page.text("out") == "Dropdown 1 = None | Dropdown 2 = None"
    assert len(page._rt.log) == before + 1  # one event, no follow-up
    page.select({"type": "f", "index": 1}, "MTL")
    assert page.text("out") == "Dropdown 1 = None | Dropdown 2 = MTL"


def match_filters_app() -> Dash:
    """Dash's docs "Simple Example with MATCH"."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Add Filter", id="add", n_clicks=0), html.Div(id="box", children=[])])

    @app.callback(Output("box", "children"), Input("add", "n_clicks"))
    def add(n):
        patched = Patch()
        patched.append(html.Div([dcc.Dropdown(["NYC", "MTL"], id={"type": "f", "index": n}),
                                 html.Div(id={"type": "o", "index": n})]))
        return patched

    @app.callback(Output({"type": "o", "index": MATCH}, "children"), Input({"type": "f", "index": MATCH}, "value"),
                  State({"type": "f", "index": MATCH}, "id"))
    def show(value, own):
        return f"Dropdown {own['index']} = {value}"

    return app


def test_match_gives_each_new_dropdown_its_first_call(propwire_client: Drive) -> None:
    page = propwire_client(match_filters_app(), timeout=5)
    assert page.text({"type": "o", "index": 0}) == "Dropdown 0 = None"
    page.click("add")
    assert page.text({"type": "o", "index": 1}) == "Dropdown 1 = None"
    page.select({"type": "f", "index": 1}, "NYC")
    assert page.text({"type": "o", "index": 1}) == "Dropdown 1 = NYC"
    assert page.text({"type": "o", "index": 0}) == "Dropdown 0 = None"


def running_sum_app() -> Dash:
    app = Dash(__name__)

    def row(i: int) -> html.Div:
        return html.Div([dcc.Input(id={"t": "n", "i": i}, value=str(i + 1)), html.Span(id={"t": "s", "i": i})])

    app.layout = html.Div([html.Button("add", id="add"), html.Div([row(i) for i in range(3)], id="rows")])

    @app.callback(Output("rows", "children"), Input("add", "n_clicks"), State("rows", "children"),
                  prevent_initial_call=True)
    def add(n, rows):
        return rows + [row(len(rows))]

    @app.callback(Output({"t": "s", "i": MATCH}, "children"), Input({"t": "n", "i": MATCH}, "value"),
                  Input({"t": "n", "i": ALLSMALLER}, "value"))
    def running(value, earlier):
        return f"{sum(float(v or 0) for v in [*earlier, value]):g}"

    return app


def test_allsmaller_running_sum_updates_every_later_row(propwire_client: Drive) -> None:
    page = propwire_client(running_sum_app(), timeout=5)
    sums = lambda n: [page.text({"t": "s", "i": i}) for i in range(n)]  # noqa: E731
    assert sums(3) == ["1", "3", "6"]
    page.type({"t": "n", "i": 0}, "10")
    assert sums(3) == ["10", "12", "15"]
    page.click("add")
    page.type({"t": "n", "i": 1}, "5")
    assert sums(4) == ["10", "15", "18", "22"]


def test_match_and_all_on_one_pattern_run_in_one_action(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([*[html.Button(id={"t": "b", "i": i}) for i in range(3)],
                           *[html.Span(id={"t": "c", "i": i}) for i in range(3)], html.Div(id="all")])

    @app.callback(Output({"t": "c", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"))
    def one(n):
        return f"clicked {n}"

    @app.callback(Output("all", "children"), Input({"t": "b", "i": ALL}, "n_clicks"))
    def every(clicks):
        from propwire import ctx
        return f"{clicks} {ctx.triggered_id}"

    page = propwire_client(app, timeout=5)
    before = len(page._rt.log)
    page.click({"t": "b", "i": 2})
    assert page.text({"t": "c", "i": 2}) == "clicked 1"
    assert page.text("all") == "[None, None, 1] {'i': 2, 't': 'b'}"
    assert len(page._rt.log) == before + 1


def test_missing_inputs_and_outputs_as_dash(propwire_client: Drive) -> None:
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([html.Div("Title", id="title"), html.Button(id="btn"), html.Div(id="content"),
                           html.Div("o1", id="out1"), html.Div("o2", id="out2"), html.Div("o3", id="out3"),
                           html.Div("o4", id="out4")])

    @app.callback(Output("content", "children"), Input("btn", "n_clicks"))
    def content(n):
        return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "init"

    @app.callback(Output("out1", "children"), Input("a", "children"))
    def out1(a):
        return a

    @app.callback(Output("out2", "children"), Input("out1", "children"))
    def out2(text):
        return f"{text} 2"

    @app.callback(Output("out3", "children"), Input("out1", "children"), Input("title", "children"))
    def out3(text, title):
        return f"{text} 3 {title}"

    @app.callback(Output("out4", "children"), Output("b", "title"), Input("title", "children"))
    def out4(title):
        return "ran", "ran"

    page = propwire_client(app, timeout=5)
    assert page.text("out2") == "o2"  # its only Input is the output of a callback with no Input present
    assert page.text("out3") == "o1 3 Title"  # another Input is present: it runs with the layout's value
    assert page.text("out4") == "o4"  # one Output absent: no call
    page.click("btn")
    assert page.text("out2") == "A 2"
    assert page.text("out3") == "A 3 Title"


def test_prevent_update_at_load_prunes_only_what_it_alone_feeds(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div("a0", id="a"), html.Div("b0", id="b"),
                           html.Div("c0", id="c")])

    @app.callback(Output("a", "children"), Input("btn", "n_clicks"))
    def first(n):
        if not n:
            raise PreventUpdate
        return f"a{n}"

    @app.callback(Output("b", "children"), Input("a", "children"))
    def only_a(a):
        return f"b from {a}"

    @app.callback(Output("c", "children"), Input("b", "children"))
    def only_b(b):
        return f"c from {b}"

    page = propwire_client(app, timeout=5)
    assert (page.text("b"), page.text("c")) == ("b0", "c from b0")
    page.click("btn")
    assert (page.text("b"), page.text("c")) == ("b from a1", "c from b from a1")


def test_all_over_a_list_that_empties_runs_again(propwire_client: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="add"), html.Button(id="clear"), html.Div(id="items", children=[]),
                           html.Div(id="summary")])

    @app.callback(Output("items", "children"), Input("add", "n_clicks"), Input("clear", "n_clicks"),
                  prevent_initial_call=True)
    def change(add, clear):
        from propwire import ctx
        return [] if ctx.triggered_id == "clear" else [html.Div(f"i{i}", id={"t": "i", "i": i}) for i in range(add)]

    @app.callback(Output("summary", "children"), Input({"t": "i", "i": ALL}, "children"))
    def summary(texts):
        return f"{len(texts)}: {texts}"

    page = propwire_client(app, timeout=5)
    assert page.text("summary") == "0: []"
    page.click("add")
    page.click("add")
    assert page.text("summary") == "2: ['i0', 'i1']"
    page.click("clear")
    assert page.text("summary") == "0: []"
