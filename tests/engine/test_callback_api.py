"""Engine tests for the rest of the callback API: patterns, flexible signatures, duplicates, set_props, Patch."""

import pytest

from propwire import ALL, ALLSMALLER, MATCH, Input, Output, State, ctx
from propwire.api.context import set_props
from propwire.api.exceptions import CallbackError
from propwire.api.patch import Patch, apply_patch

from .harness import Page, el


def item(i, text="", done=False):
    return el("Div", [el("Checklist", ns="dcc", id={"type": "done", "index": i}, options=["done"], value=["done"] if done else []),
                      el("Span", text, id={"type": "label", "index": i})], id={"type": "item", "index": i})


def todo_page():
    page = Page(el("Div", [el("Input", ns="dcc", id="new", value=""), el("Button", "add", id="add"),
                           el("Button", "clear done", id="clear"), el("Div", [], id="list"), el("Div", id="count")]))

    @page.callback(Output("list", "children"), Input("add", "n_clicks"), Input("clear", "n_clicks"),
                   State("new", "value"), State("list", "children"),
                   State({"type": "done", "index": ALL}, "value"), prevent_initial_call=True)
    def edit(add, clear, text, items, done):
        if ctx.triggered_id == "add":
            return items + [item(len(items) + 100 * (add or 0), text)]
        return [i for i, d in zip(items, done) if not d]

    @page.callback(Output({"type": "label", "index": MATCH}, "style"), Input({"type": "done", "index": MATCH}, "value"))
    def strike(done):
        return {"textDecoration": "line-through"} if done else {}

    @page.callback(Output("count", "children"), Input({"type": "done", "index": ALL}, "value"))
    def count(done):
        return f"{sum(1 for d in done if d)} of {len(done)} done"

    return page


def test_todo_add_check_and_delete_items_with_all_and_match():
    page = todo_page()
    page.load()
    assert page.get("count.children") == "0 of 0 done"
    page.act({"new.value": "milk"})
    page.act({"add.n_clicks": 1})
    assert page.get("count.children") == "0 of 1 done"
    page.act({"add.n_clicks": 2})
    assert page.get("count.children") == "0 of 2 done"
    first = '{"index":100,"type":"done"}'
    page.act({f"{first}.value": ["done"]})
    assert sorted(page.ran()) == ["count", "strike"]  # independent: either may finish first
    assert page.get('{"index":100,"type":"label"}.style') == {"textDecoration": "line-through"}
    assert page.get("count.children") == "1 of 2 done"
    page.act({"clear.n_clicks": 1})
    assert page.get("count.children") == "0 of 1 done"


def test_removing_last_all_input_calls_with_empty_list():
    page = todo_page()
    page.load()
    page.act({"add.n_clicks": 1})
    page.act({'{"index":100,"type":"done"}.value': ["done"]})
    page.act({"clear.n_clicks": 1})
    assert page.get("count.children") == "0 of 0 done"


def test_allsmaller_running_sum():
    page = Page(el("Div", [el("Input", ns="dcc", id={"t": "n", "i": i}, value=i + 1) for i in range(4)]
                   + [el("Div", id={"t": "sum", "i": i}) for i in range(4)]))

    @page.callback(Output({"t": "sum", "i": MATCH}, "children"), Input({"t": "n", "i": MATCH}, "value"),
                   Input({"t": "n", "i": ALLSMALLER}, "value"))
    def running(value, before):
        return sum(before) + value

    page.load()
    assert [page.get(f'{{"i":{i},"t":"sum"}}.children') for i in range(4)] == [1, 3, 6, 10]
    page.act({'{"i":1,"t":"n"}.value': 10})
    assert page.get('{"i":1,"t":"sum"}.children') == 11


def test_match_ids_reach_ctx():
    page = Page(el("Div", [el("Button", id={"t": "b", "i": i}) for i in range(3)]
                   + [el("Div", id={"t": "o", "i": i}) for i in range(3)]))

    @page.callback(Output({"t": "o", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"),
                   prevent_initial_call=True)
    def show(n):
        return f"{ctx.triggered_id['i']} {ctx.outputs_list['id']} {ctx.inputs_list[0]['id']}"

    page.load()
    page.act({'{"i":2,"t":"b"}.n_clicks': 1})
    assert page.get('{"i":2,"t":"o"}.children') == "2 {'i': 2, 't': 'o'} {'i': 2, 't': 'b'}"
    assert page.ran() == ["show"]


def test_pattern_rules_are_checked_at_registration():
    page = Page(el("Div"))
    with pytest.raises(CallbackError, match="ALLSMALLER"):
        page.callback(Output("x", "children"), Input({"a": ALLSMALLER}, "value"))(lambda v: v)
    with pytest.raises(CallbackError, match="ALLSMALLER"):
        page.callback(Output({"a": ALLSMALLER}, "children"), Input({"a": MATCH}, "value"))(lambda v: v)


def test_flexible_signature_dicts_and_nested_tuples():
    page = Page(el("Div", [el("Input", ns="dcc", id="a", value=1), el("Input", ns="dcc", id="b", value=2),
                           el("Input", ns="dcc", id="c", value=3), el("Div", id="sum"), el("Div", id="prod")]))
    grouping = {}

    @page.callback(output={"total": Output("sum", "children"), "product": Output("prod", "children")},
                   inputs={"first": Input("a", "value"), "rest": (Input("b", "value"), Input("c", "value"))},
                   state={})
    def combine(first, rest):
        grouping.update(ctx.args_grouping)
        return {"total": first + sum(rest), "product": first * rest[0] * rest[1]}

    page.load()
    assert page.get("sum.children") == 6 and page.get("prod.children") == 6
    assert grouping["first"]["value"] == 1 and grouping["rest"][1]["id"] == "c"
    page.act({"b.value": 5})
    assert page.get("sum.children") == 9
    assert grouping["rest"][0]["triggered"] is True and grouping["first"]["triggered"] is False


def test_flexible_positional_list_with_tuple_argument():
    page = Page(el("Div", [el("Input", ns="dcc", id="a", value=1), el("Input", ns="dcc", id="b", value=2), el("Div", id="o")]))

    @page.callback(output=[Output("o", "children")], inputs=[(Input("a", "value"), Input("b", "value"))])
    def pair(ab):
        return [f"{ab[0]}-{ab[1]}"]

    page.load()
    assert page.get("o.children") == "1-2"


def test_allow_duplicate_needs_prevent_initial_call_and_lets_two_callbacks_write():
    page = Page(el("Div", [el("Button", id="x"), el("Button", id="y"), el("Div", id="o")]))
    with pytest.raises(CallbackError, match="allow_duplicate"):
        page.callback(Output("o", "children", allow_duplicate=True), Input("x", "n_clicks"))(lambda n: n)
        page.engine

    page = Page(el("Div", [el("Button", id="x"), el("Button", id="y"), el("Div", id="o")]))
    page.callback(Output("o", "children", allow_duplicate=True), Input("x", "n_clicks"), prevent_initial_call=True)(lambda n: "x")
    page.callback(Output("o", "children", allow_duplicate=True), Input("y", "n_clicks"), prevent_initial_call=True)(lambda n: "y")
    page.load()
    page.act({"y.n_clicks": 1})
    assert page.get("o.children") == "y"
    page.act({"x.n_clicks": 1})
    assert page.get("o.children") == "x"


def test_set_props_updates_other_components_and_triggers_their_listeners():
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o"), el("Div", id="side"), el("Div", id="after")]))

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def main(n):
        set_props("side", {"children": f"side {n}"})
        return "main"

    @page.callback(Output("after", "children"), Input("side", "children"), prevent_initial_call=True)
    def after(side):
        return f"after saw {side}"

    page.load()
    page.act({"b.n_clicks": 1})
    assert page.get("side.children") == "side 1"
    # main's code names set_props, so the graph counts every callback as downstream of it: one stream.
    assert page.get("after.children") == "after saw side 1"
    assert page.followups == 0
    assert page.ran() == ["main", "after"]


def test_set_props_through_a_helper_the_graph_cannot_see_costs_one_follow_up():
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o"), el("Div", id="side"), el("Div", id="after")]))
    update = set_props  # called under another name: invisible in main's code

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def main(n):
        update("side", {"children": f"side {n}"})
        return "main"

    @page.callback(Output("after", "children"), Input("side", "children"), prevent_initial_call=True)
    def after(side):
        return f"after saw {side}"

    page.load()
    page.act({"b.n_clicks": 1})
    assert page.get("after.children") == "after saw side 1"
    assert page.followups == 1


def test_app_wide_on_error():

    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o")]))

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), prevent_initial_call=True)
    def boom(n):
        raise KeyError("k")

    page.engine.on_error = lambda exc: f"app-wide handler saw {exc!r}"
    page.act({"b.n_clicks": 1})
    assert page.get("o.children") == "app-wide handler saw KeyError('k')"


def test_patch_sends_operations_and_downstream_sees_patched_value():
    page = Page(el("Div", [el("Button", id="b"), el("Store", ns="dcc", id="items", data=list(range(1000))),
                           el("Div", id="n")]))

    @page.callback(Output("items", "data"), Input("b", "n_clicks"), prevent_initial_call=True)
    def add(n):
        p = Patch()
        p.append(n)
        return p

    @page.callback(Output("n", "children"), Input("items", "data"))
    def count(items):
        return len(items)

    page.load()
    lines = page.act({"b.n_clicks": 7})
    result = lines[1]["result"]
    assert result["outputs"] == {} and result["patches"] == {"items.data": [["append", [], 7]]}
    assert page.get("n.children") == 1001


def test_patch_operations():
    p = Patch()
    p["a"].append(3)
    p["a"].prepend(0)
    p["a"].insert(1, 1)
    p["a"].extend([4])
    p["a"].remove(4)
    p["b"] += 2
    p["c"] -= 1
    p["d"] *= 3
    p["e"] /= 2
    p.update({"f": 1})
    p["g"] = "new"
    del p["h"]
    p["l"].reverse()
    p["m"].clear()
    value = {"a": [2], "b": 1, "c": 1, "d": 2, "e": 8, "h": 0, "l": [1, 2], "m": [1]}
    assert apply_patch(value, p.to_ops()) == {"a": [0, 1, 2, 3], "b": 3, "c": 0, "d": 6, "e": 4.0, "f": 1,
                                              "g": "new", "l": [2, 1], "m": []}
    assert value["a"] == [2]
    missing = Patch()
    missing.remove("not there")
    assert apply_patch(["a"], missing.to_ops()) == ["a"]


def test_running_emits_start_and_on_error_replaces_outputs():
    page = Page(el("Div", [el("Button", id="b"), el("Div", id="o"), el("Button", id="busy")]))
    seen = []

    def handler(exc):
        seen.append(str(exc))
        return "recovered"

    @page.callback(Output("o", "children"), Input("b", "n_clicks"), prevent_initial_call=True,
                   running=[(Output("busy", "disabled"), True, False)], on_error=handler)
    def work(n):
        raise ValueError("nope")

    page.load()
    lines = page.act({"b.n_clicks": 1})
    assert [next(iter(l)) for l in lines] == ["plan", "start", "result"]
    assert page.get("o.children") == "recovered" and seen == ["nope"]
    assert page.engine.graph.to_client()["callbacks"][0]["running"] == [["busy.disabled", True, False]]


def test_one_plain_writer_plus_duplicates_is_fine_two_plain_writers_are_not():
    page = Page(el("Div", [el("Button", id="x"), el("Button", id="y"), el("Div", id="o")]))
    page.callback(Output("o", "children"), Input("x", "n_clicks"))(lambda n: "x")
    page.callback(Output("o", "children"), Input("y", "n_clicks"), prevent_initial_call=True)(lambda n: "y")
    with pytest.raises(CallbackError, match="'o.children' is written by callback '<lambda>'.* and callback"):
        page.engine


def test_components_set_props_inserts_start_no_callbacks_but_an_outputs_do():
    """Issue 11 item 18, as Dash: set_props is a side update that notifies the prop's readers but does not look
    for callbacks in what it inserted; the same children as a declared Output start the inserted button's reader."""
    page = Page(el("Div", [el("Button", id="origin"), el("Div", id="box"), el("Div", id="box2"), el("Div", id="out")]))
    calls = []

    @page.callback(Output("box2", "children"), Input("origin", "n_clicks"))
    def generate(n):
        set_props("box", {"children": el("Button", id="made", n_clicks=0)})
        return el("Button", id="made2", n_clicks=0) if n else None

    @page.callback(Output("out", "children"), Input("made", "n_clicks", allow_optional=True),
                   Input("made2", "n_clicks", allow_optional=True), prevent_initial_call=True)
    def reader(made, made2):
        calls.append((made, made2))
        return f"{made} {made2}"

    page.load()
    assert calls == [] and page.get("made.n_clicks") == 0  # inserted by set_props at load: not called
    page.act({"origin.n_clicks": 1})
    assert calls == [(0, 0)]  # made2 came in through generate's Output: its reader runs, as Dash's layout crawl
    page.act({"made.n_clicks": 1})
    assert calls[-1] == (1, 0)
