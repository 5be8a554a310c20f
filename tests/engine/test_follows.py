"""Props that follow another (docs/semantics.md, "Props that follow"): a value a callback writes into a slider is
copied into its drag_value in the same step, when the event says the page's slider follows, so a callback on both
runs once with both new and readers of drag_value alone run too, as Dash's slider behaves."""

from propwire import Input, Output, State, dcc, html
from propwire.api.callbacks import make_spec
from propwire.core.engine import Engine, Event, collect
from propwire.core.follows import Follows
from propwire.core.graph import Graph
from propwire.core.outcomes import Result

from .harness import run_async

FOLLOWS = {"kg.value": ["kg.drag_value"]}
VALUES = {"kg.value": 3, "kg.drag_value": 3}


def _engine(*, snap: bool = False) -> tuple[Engine, list]:
    calls: list = []

    def set_kg(n):
        calls.append(("set_kg", n))
        return n + 4

    def both(value, drag):
        calls.append(("both", value, drag))
        return f"{value} {drag}"

    def drag_only(drag, value):
        calls.append(("drag_only", drag, value))
        return drag

    def snap_to_even(drag):
        calls.append(("snap", drag))
        return drag - drag % 2

    specs = [make_spec(set_kg, (Output("kg", "value"), Input("set", "n_clicks")), {}),
             make_spec(both, (Output("both", "children"), Input("kg", "value"), Input("kg", "drag_value")), {}),
             make_spec(drag_only, (Output("drag", "children"), Input("kg", "drag_value"), State("kg", "value")), {})]
    if snap:
        specs.append(make_spec(snap_to_even, (Output("kg", "value", allow_duplicate=True),
                                              Input("kg", "drag_value")), {"prevent_initial_call": True}))
    return Engine(Graph(specs, layout_ids=frozenset({"set", "kg", "both", "drag"}))), calls


def _event(engine: Engine, follows: dict) -> tuple[list, list]:
    present = {i: [] for i in ("set", "kg", "both", "drag")}
    event = Event(changed={"set.n_clicks": 1}, values={"set.n_clicks": 1, **VALUES}, present=present,
                  follows=follows)
    items = run_async(collect(engine.event(event)))
    return [i for i in items if isinstance(i, Result)], items


def test_a_callback_setting_a_slider_value_moves_its_drag_value_in_the_same_step():
    engine, calls = _engine()
    results, _ = _event(engine, FOLLOWS)
    assert sorted(calls) == [("both", 5, 5), ("drag_only", 5, 5), ("set_kg", 1)]  # each once, both new
    by_cb = {r.cb: r.outputs for r in results}
    assert by_cb[0] == {"kg.value": 5, "kg.drag_value": 5}  # the page sets drag_value with the value


def test_without_the_follows_field_drag_value_stays_until_the_page_says_otherwise():
    engine, calls = _engine()
    _event(engine, {})
    assert sorted(calls) == [("both", 5, 3), ("set_kg", 1)]


def test_a_value_equal_to_drag_value_changes_nothing_more():
    engine, calls = _engine()
    present = {i: [] for i in ("set", "kg", "both", "drag")}
    event = Event(changed={"set.n_clicks": 1}, values={"set.n_clicks": 1, "kg.value": 1, "kg.drag_value": 5},
                  present=present, follows=FOLLOWS)
    results = [i for i in run_async(collect(engine.event(event))) if isinstance(i, Result)]
    assert sorted(calls) == [("both", 5, 5), ("set_kg", 1)]  # drag_value was 5 already: drag_only not asked
    assert {r.cb: r.outputs for r in results}[0] == {"kg.value": 5}


def test_a_callback_on_drag_value_writing_value_runs_again_with_the_value_it_wrote():
    engine, calls = _engine(snap=True)
    present = {i: [] for i in ("set", "kg", "both", "drag")}
    event = Event(changed={"kg.drag_value": 7}, values={"kg.value": 3, "kg.drag_value": 7}, present=present,
                  follows=FOLLOWS)
    run_async(collect(engine.event(event)))
    assert [c for c in calls if c[0] == "snap"] == [("snap", 7), ("snap", 6)]  # then value == drag_value: done
    assert ("both", 6, 6) in calls


def test_the_graph_counts_a_value_writer_as_a_drag_value_writer_and_finds_no_cycle_through_it():
    engine, _ = _engine(snap=True)  # snap: drag_value -> value -> (follows) drag_value, Dash's own pattern
    graph = engine.graph
    assert set(graph.writers("kg.drag_value")) == {0, 3}
    assert {1, 2} <= graph.feeds(0)  # what set_kg's value feeds includes drag_value's readers
    assert "kg.drag_value" in graph.event_read_set([0]).values


def test_rules_come_from_the_component_classes_and_reach_the_page_only_when_a_follower_is_read():
    rules = Follows.declared().rules
    assert rules["dcc.Slider"] == {"value": ("drag_value",)} and rules["dcc.RangeSlider"] == rules["dcc.Slider"]
    assert dcc.Slider._follows and not html.Div._follows
    engine, _ = _engine()
    assert engine.graph.to_client()["follows"] == {"dcc.RangeSlider": {"value": ["drag_value"]},
                                                  "dcc.Slider": {"value": ["drag_value"]}}
    plain = Graph([make_spec(lambda v: v, (Output("o", "children"), Input("kg", "value")), {})])
    assert "follows" not in plain.to_client()
