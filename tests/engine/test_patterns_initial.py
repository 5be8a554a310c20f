"""Engine unit tests for pattern matching and initial-call planning as Dash 4.4.1 does them (issue 11 items
1, 2, 3, 4, 7, 13, 19, 20, 21): one behaviour per test."""

from propwire import ALL, ALLSMALLER, MATCH, Input, Output, Patch, State, ctx
from propwire.api.exceptions import PreventUpdate

from .harness import Page, el


def _dropdown(index):
    return el("Dropdown", ns="dcc", id={"type": "f", "index": index}, options=["a", "b"])


def _filters_page():
    page = Page(el("Div", [el("Button", id="add", n_clicks=0), el("Div", [], id="box"), el("Div", id="out")]))
    calls = []

    @page.callback(Output("box", "children"), Input("add", "n_clicks"))
    def add(n):
        patched = Patch()
        patched.append(_dropdown(n))
        return patched

    @page.callback(Output("out", "children"), Input({"type": "f", "index": ALL}, "value"))
    def show(values):
        calls.append(values)
        return repr(values)

    return page, calls


def test_all_input_over_unset_props_runs_with_none_at_load_and_after_a_patch_appends():
    page, calls = _filters_page()
    page.load()
    # As Dash: the ALL callback runs at once with [], then again once the dropdown the first call added is in.
    assert calls == [[], [None]]
    page.act({"add.n_clicks": 1})
    assert calls[-1] == [None, None]
    assert page.get("out.children") == "[None, None]"
    assert page.followups == 0  # the event carried what the server needed: one round trip


def test_a_present_pattern_components_unset_prop_is_read_as_none_not_deferred():
    page = Page(el("Div", [el("Button", id={"t": "b", "i": 0}), el("Button", id={"t": "b", "i": 1}, n_clicks=2),
                           el("Div", id="out")]))

    @page.callback(Output("out", "children"), Input({"t": "b", "i": ALL}, "n_clicks"), prevent_initial_call=True)
    def total(clicks):
        return repr(clicks)

    page.load()
    lines = page.act({'{"i":1,"t":"b"}.n_clicks': 3})
    assert page.get("out.children") == "[None, 3]"
    assert not any("deferred" in line for line in lines)


def test_match_twin_gives_each_new_item_its_first_call():
    page = Page(el("Div", [el("Button", id="add", n_clicks=0), el("Div", [], id="box")]))
    calls = []

    @page.callback(Output("box", "children"), Input("add", "n_clicks"))
    def add(n):
        patched = Patch()
        patched.append(el("Div", [_dropdown(n), el("Div", id={"type": "o", "index": n})]))
        return patched

    @page.callback(Output({"type": "o", "index": MATCH}, "children"), Input({"type": "f", "index": MATCH}, "value"),
                   State({"type": "f", "index": MATCH}, "id"))
    def show(value, own):
        calls.append((own["index"], value))
        return f"{own['index']} = {value}"

    page.load()
    assert calls == [(0, None)]
    page.act({"add.n_clicks": 1})
    # The whole children prop is rendered anew, as in Dash: both items get an initial call.
    assert sorted(calls[1:]) == [(0, None), (1, None)]
    assert page.get('{"index":1,"type":"o"}.children') == "1 = None"


def test_all_with_prevent_initial_call_does_not_stop_the_initial_calls_below_it():
    page = Page(el("Div", [el("Button", id={"t": "b", "i": 0}), el("Div", "start", id="mid"), el("Div", id="low")]))

    @page.callback(Output("mid", "children"), Input({"t": "b", "i": ALL}, "n_clicks"), prevent_initial_call=True)
    def mid(clicks):
        return repr(clicks)

    @page.callback(Output("low", "children"), Input("mid", "children"))
    def low(text):
        return f"below {text}"

    page.load()
    assert page.get("low.children") == "below start"


def test_match_and_all_on_one_pattern_run_in_the_same_action():
    buttons = [el("Button", id={"t": "b", "i": i}) for i in range(3)]
    spans = [el("Span", id={"t": "c", "i": i}) for i in range(3)]
    page = Page(el("Div", [*buttons, *spans, el("Div", id="all")]))
    seen = []

    @page.callback(Output({"t": "c", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"))
    def one(n):
        return f"clicked {n}"

    @page.callback(Output("all", "children"), Input({"t": "b", "i": ALL}, "n_clicks"))
    def every(clicks):
        seen.append((clicks, ctx.triggered_id))
        return repr(clicks)

    page.load()
    page.act({'{"i":1,"t":"b"}.n_clicks': 1})
    assert page.ran() == ["one", "every"] or page.ran() == ["every", "one"]
    assert seen[-1] == ([None, 1, None], {"t": "b", "i": 1})
    assert page.get('{"i":1,"t":"c"}.children') == "clicked 1"
    assert page.followups == 0


def _rows(n):
    return [el("Div", [el("Input", ns="dcc", id={"t": "n", "i": i}, value=i + 1), el("Span", id={"t": "s", "i": i})])
            for i in range(n)]


def _sum_page():
    page = Page(el("Div", [el("Button", id="add"), el("Div", _rows(3), id="rows")]))

    @page.callback(Output("rows", "children"), Input("add", "n_clicks"), State("rows", "children"),
                   prevent_initial_call=True)
    def add(n, rows):
        return _rows(len(rows) + 1)

    @page.callback(Output({"t": "s", "i": MATCH}, "children"), Input({"t": "n", "i": MATCH}, "value"),
                   Input({"t": "n", "i": ALLSMALLER}, "value"))
    def running(value, earlier):
        return sum([*earlier, value])

    return page


def test_allsmaller_change_to_row_k_updates_every_later_row():
    page = _sum_page()
    page.load()
    assert [page.get(f'{{"i":{i},"t":"s"}}.children') for i in range(3)] == [1, 3, 6]
    page.act({'{"i":0,"t":"n"}.value': 10})
    assert [page.get(f'{{"i":{i},"t":"s"}}.children') for i in range(3)] == [10, 12, 15]
    assert page.ran() == ["running"] * 3


def test_allsmaller_reaches_rows_added_later():
    page = _sum_page()
    page.load()
    page.act({"add.n_clicks": 1})
    assert page.get('{"i":3,"t":"s"}.children') == 10
    page.act({'{"i":1,"t":"n"}.value': 20})
    assert [page.get(f'{{"i":{i},"t":"s"}}.children') for i in range(4)] == [1, 21, 24, 28]
    assert page.ran() == ["running"] * 3  # row 0 is not above row 1: it does not run


def _missing_page():
    page = Page(el("Div", [el("Div", "Title", id="title"), el("Button", id="btn"), el("Div", id="content"),
                           el("Div", "o1", id="out1"), el("Div", "o2", id="out2"), el("Div", "o3", id="out3")]))

    @page.callback(Output("content", "children"), Input("btn", "n_clicks"))
    def content(n):
        return [el("Div", "A", id="a"), el("Div", "B", id="b")] if n else "init"

    @page.callback(Output("out1", "children"), Input("a", "children"), Input("b", "children"))
    def out1(a, b):
        return a + b

    @page.callback(Output("out2", "children"), Input("out1", "children"))
    def out2(text):
        return text + " 2"

    @page.callback(Output("out3", "children"), Input("out1", "children"), Input("title", "children"))
    def out3(text, title):
        return f"{text} 3 {title}"

    return page


def test_missing_inputs_skip_their_followers_but_not_one_with_another_present_input():
    page = _missing_page()
    page.load()
    assert page.ran() == ["content", "out3"]
    assert page.get("out3.children") == "o1 3 Title"
    assert page.get("out2.children") == "o2"


def test_missing_inputs_appear_and_every_callback_runs():
    page = _missing_page()
    page.load()
    page.act({"btn.n_clicks": 1})
    assert page.get("out2.children") == "AB 2"
    assert page.get("out3.children") == "AB 3 Title"


def test_some_inputs_absent_means_no_call():
    page = Page(el("Div", [el("Div", "T", id="title"), el("Div", "o", id="out")]))

    @page.callback(Output("out", "children"), Input("a", "children"), Input("title", "children"))
    def both(a, title):
        return "ran"

    page.load()
    assert page.ran() == []
    assert {"skip": {"cb": 0, "reason": "input not in layout"}} in page.lines


def test_some_outputs_absent_means_no_call():
    page = Page(el("Div", [el("Div", "A", id="a"), el("Div", "o", id="out")]))

    @page.callback(Output("out", "children"), Output("b", "children"), Input("a", "children"))
    def two(a):
        return a, a

    page.load()
    assert page.ran() == []
    assert page.get("out.children") == "o"


def test_prevent_update_in_an_initial_call_stops_only_callbacks_it_alone_feeds():
    page = Page(el("Div", [el("Button", id="btn"), el("Div", "a0", id="a"), el("Div", "b0", id="b"),
                           el("Div", "c0", id="c"), el("Div", "d0", id="d")]))

    @page.callback(Output("a", "children"), Input("btn", "n_clicks"))
    def first(n):
        if not n:
            raise PreventUpdate
        return f"a{n}"

    @page.callback(Output("b", "children"), Input("a", "children"))
    def only_a(a):
        return f"b from {a}"

    @page.callback(Output("c", "children"), Input("b", "children"))
    def only_b(b):
        return f"c from {b}"

    @page.callback(Output("d", "children"), Input("a", "children"), Input("btn", "n_clicks"))
    def a_and_btn(a, n):
        return f"d from {a}"

    page.load()
    # As Dash: only_a is pruned; only_b, fed by a callback that never ran, still runs with the layout's value.
    assert sorted(page.ran()) == ["a_and_btn", "only_b"]
    assert page.get("b.children") == "b0"
    assert page.get("c.children") == "c from b0"
    page.act({"btn.n_clicks": 1})
    assert page.get("b.children") == "b from a1"


def test_no_update_in_an_initial_call_prunes_like_prevent_update():
    page = Page(el("Div", [el("Div", "x", id="src"), el("Div", "m0", id="mid"), el("Div", "e0", id="end")]))
    from propwire import no_update

    @page.callback(Output("mid", "children"), Input("src", "children"))
    def up(v):
        return no_update

    @page.callback(Output("end", "children"), Input("mid", "children"))
    def down(v):
        return "ran"

    page.load()
    assert "down" not in page.ran()
    assert page.get("end.children") == "e0"


def test_all_over_an_empty_list_runs_at_start_and_again_when_the_list_empties():
    page = Page(el("Div", [el("Button", id="add"), el("Button", id="clear"), el("Div", [], id="items"),
                           el("Div", id="summary")]))
    calls = []

    @page.callback(Output("items", "children"), Input("add", "n_clicks"), Input("clear", "n_clicks"),
                   prevent_initial_call=True)
    def change(add, clear):
        if ctx.triggered_id == "clear":
            return []
        return [el("Div", f"item {i}", id={"t": "item", "i": i}) for i in range(add)]

    @page.callback(Output("summary", "children"), Input({"t": "item", "i": ALL}, "children"))
    def summary(texts):
        calls.append(texts)
        return len(texts)

    page.load()
    page.act({"add.n_clicks": 1})
    page.act({"add.n_clicks": 2})
    page.act({"clear.n_clicks": 1})
    assert calls == [[], ["item 0"], ["item 0", "item 1"], []]


def test_match_instances_triggered_together_run_separately():
    srcs = [el("Div", "x", id={"t": "src", "i": i}) for i in range(3)]
    page = Page(el("Div", [el("Button", id="set"), *srcs, *[el("Span", id={"t": "dst", "i": i}) for i in range(3)]]))
    calls = []

    @page.callback(Output({"t": "src", "i": ALL}, "children"), Input("set", "n_clicks"), prevent_initial_call=True)
    def set_all(n):
        return [f"v{i}" for i in range(3)]

    @page.callback(Output({"t": "dst", "i": MATCH}, "children"), Input({"t": "src", "i": MATCH}, "children"))
    def copy(text):
        calls.append((text, ctx.triggered_id))
        return text

    page.load()
    calls.clear()
    page.act({"set.n_clicks": 1})
    assert sorted(calls, key=lambda c: c[0]) == [(f"v{i}", {"t": "src", "i": i}) for i in range(3)]


def test_a_callback_that_reinserts_its_own_inputs_is_not_triggered_by_them():
    page = Page(el("Div", [el("Div", [el("Div", "0", id={"t": "x", "i": 0})], id="box"), el("Div", id="n")]))
    calls = []

    @page.callback(Output("box", "children"), Input({"t": "x", "i": ALL}, "children"))
    def regrow(texts):
        calls.append(texts)
        return [el("Div", str(len(calls)), id={"t": "x", "i": 0})]

    page.load()
    assert calls == [["0"]]  # its own outputs never trigger it (S6), also through the components they insert


def test_insertion_reruns_a_callback_that_already_ran_in_the_chain():
    page = Page(el("Div", [el("Button", id="go"), el("Div", [], id="box"), el("Div", id="n")]))
    calls = []

    @page.callback(Output("box", "children"), Input("go", "n_clicks"))
    def grow(n):
        return [el("Div", "x", id={"t": "x", "i": i}) for i in range(2)]

    @page.callback(Output("n", "children"), Input({"t": "x", "i": ALL}, "children"))
    def count(texts):
        calls.append(len(texts))
        return len(texts)

    page.load()
    assert calls == [0, 2]  # it did not wait for what grow might insert; it runs again once it is in


def test_prevent_initial_call_flavours_at_load_as_dash_cbpi001():
    page = Page(el("Div", [el("Button", id="btn"), *[el("Div", x, id=x.lower()) for x in "ABCDEF"]]))

    @page.callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def a(n):
        return "Click"

    @page.callback(Output("b", "children"), Input("a", "children"))
    def b(va):
        return va

    @page.callback(Output("c", "children"), Input("a", "children"), prevent_initial_call=True)
    def c(va):
        return va

    @page.callback(Output("d", "children"), Input("d", "style"))
    def d(_):
        raise PreventUpdate

    @page.callback(Output("e", "children"), Input("a", "children"), Input("d", "children"))
    def e(va, vd):
        return va + vd

    @page.callback(Output("f", "children"), Input("a", "children"), Input("b", "children"), Input("d", "children"),
                   prevent_initial_call=True)
    def f(va, vb, vd):
        return va + vb + vd

    page.load()
    assert [page.get(f"{x}.children") for x in "abcdef"] == ["A", "A", "C", "D", "AD", "AAD"]
    page.act({"btn.n_clicks": 1})
    assert [page.get(f"{x}.children") for x in "abcdef"] == ["Click", "Click", "Click", "D", "ClickD", "ClickClickD"]


def test_an_absent_state_means_no_call_until_it_appears():
    page = Page(el("Div", [el("Button", id="go"), el("Button", id="show"), el("Div", id="box"), el("Div", "o", id="out")]))

    @page.callback(Output("box", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
    def show(n):
        return el("Div", "hidden", id="hidden")

    @page.callback(Output("out", "children"), Input("go", "n_clicks"), State("hidden", "children"))
    def use(n, text):
        return f"{n} {text}"

    page.load()
    page.act({"go.n_clicks": 1})
    assert page.get("out.children") == "o"
    assert {"skip": {"cb": 1, "reason": "state not in layout"}} in page.lines
    page.act({"show.n_clicks": 1})
    page.act({"go.n_clicks": 2})
    assert page.get("out.children") == "2 hidden"
