"""The planner on its own (propwire/core/planner.py): chains planned with fake outcomes, no callback ever called.

Each test builds a graph whose callbacks all raise if called, drives the planner as the chain would — take what
is ready, begin it, apply a made-up result through the applier, say it finished — and checks the order and the
typed decisions against docs/semantics.md."""

from __future__ import annotations

from typing import Any

from propwire import ALL, MATCH, Input, Output, State
from propwire.api.callbacks import make_spec
from propwire.core.applier import Applier
from propwire.core.graph import Graph
from propwire.core.layout import LayoutView
from propwire.core.outcomes import DEFER, RUN, Decision, Note, SkipReason, Verdict
from propwire.core.planner import MAX_RUNS, Planner
from propwire.core.resolver import Resolver

from .harness import el


def _never(name: str) -> Any:
    def func(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"the planner called callback {name}")
    func.__name__ = func.__qualname__ = name
    return func


class Dry:
    """A chain with no calls: `fake` says what each callback 'returns' (a dict of outputs; None: PreventUpdate)."""

    def __init__(self, layout: dict, callbacks: list[tuple], unknown: set[str] = frozenset(),
                 pending: set[str] = frozenset(), prevent: set[str] = frozenset()):
        specs = [make_spec(_never(name), deps, kwargs) for name, deps, kwargs in callbacks]
        view = LayoutView.from_layout(layout, set(unknown))
        self.graph = Graph(specs, layout_ids=frozenset(view.present))
        self.planner = Planner(self.graph, Resolver(view), set(pending), debug=True,
                               prevents_initial=lambda cb: cb.name in prevent)
        self.applier = Applier(view, self.planner)
        self.view = view

    def name(self, instance: tuple) -> str:
        return self.graph.callbacks[instance[0]].name

    def ready(self) -> list[tuple[str, Decision, list[str]]]:
        self.taken = self.planner.ready()
        return [(self.name(i), d, t) for i, t, d in self.taken]

    def finish(self, instance: tuple, fake: dict[str, Any] | None) -> None:
        """The instance 'returned' `fake` (None: it raised PreventUpdate and wrote nothing)."""
        self.planner.source = instance
        for key, value in (fake or {}).items():
            self.applier.apply(key, value)
        self.planner.source = None
        cb = self.graph.callbacks[instance[0]]
        self.planner.finished(instance, self.planner.resolver.output_keys(cb, instance[1]))

    def drain(self, fakes: dict[str, Any]) -> list[tuple[str, str]]:
        """Run everything to the end, one ready batch at a time; each entry (callback, verdict or skip reason)."""
        order: list[tuple[str, str]] = []
        while taken := self.planner.ready():
            for instance, _, decision in taken:
                order.append((self.name(instance), decision.reason.value if decision.reason else decision.verdict.value))
                if decision is RUN:
                    self.planner.begin(instance)
            for instance, _, decision in taken:
                if decision is RUN:
                    self.finish(instance, fakes.get(self.name(instance)))
        return order


def diamond() -> Dry:
    """a.value -> left, right -> both (S2: both waits for its two upstreams)."""
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="l"), el("Div", id="r"), el("Div", id="out")])
    return Dry(layout, [
        ("left", (Output("l", "children"), Input("a", "value")), {}),
        ("right", (Output("r", "children"), Input("a", "value")), {}),
        ("both", (Output("out", "children"), Input("l", "children"), Input("r", "children")), {}),
    ])


def test_s2_a_callback_waits_until_every_upstream_has_finished():
    dry = diamond()
    dry.planner.trigger("a.value")
    assert [(n, d) for n, d, _ in dry.ready()] == [("left", RUN), ("right", RUN)]
    left, right = [i for i, _, _ in dry.taken]
    dry.planner.begin(left)
    dry.planner.begin(right)
    assert dry.ready() == []  # nothing else may start while both run
    dry.finish(left, {"l.children": "L"})
    assert dry.ready() == []  # `both` still waits for `right`
    dry.finish(right, {"r.children": "R"})
    assert dry.ready() == [("both", RUN, ["l.children", "r.children"])]


def test_s6_each_instance_runs_once_and_not_by_its_own_outputs():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="out")])
    dry = Dry(layout, [("echo", (Output("out", "children"), Input("a", "value"), Input("out", "children")), {})])
    dry.planner.trigger("a.value")
    assert dry.drain({"echo": {"out.children": "x"}}) == [("echo", "run")]


def test_s2_a_pending_input_holds_its_reader_back_to_the_end():
    layout = el("Div", [el("Input", id="a", value=1), el("Input", id="b", value=2), el("Div", id="out")])
    dry = Dry(layout, [("sum", (Output("out", "children"), Input("a", "value"), Input("b", "value")), {})],
              pending={"b.value"})
    dry.planner.trigger("a.value")
    assert dry.ready() == []
    assert dry.planner.leftover() == [(0, ["a.value"])]  # the chain's end defers it to the browser


def test_s3_an_unknown_input_value_defers_and_an_absent_state_skips_with_its_reason():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="o1"), el("Div", id="o2")])
    dry = Dry(layout, [
        ("unknown", (Output("o1", "children"), Input("a", "value"), State("a", "size")), {}),
        ("absent", (Output("o2", "children"), Input("a", "value"), State("gone", "value")), {}),
    ], unknown={"a.size"})
    dry.planner.trigger("a.value")
    decisions = {n: d for n, d, _ in dry.ready()}
    assert decisions == {"unknown": DEFER, "absent": Decision(Verdict.SKIP, SkipReason.STATE_ABSENT)}
    assert decisions["absent"].reason.value == "state not in layout"  # the reason the stream shows


def test_s1_an_initial_call_whose_upstream_wrote_nothing_is_pruned():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="mid"), el("Div", id="out")])
    dry = Dry(layout, [
        ("first", (Output("mid", "children"), Input("a", "value")), {}),
        ("second", (Output("out", "children"), Input("mid", "children")), {}),
    ])
    dry.planner.load()
    assert dry.drain({"first": None}) == [("first", "run"), ("second", "prevented upstream")]


def test_s1_an_initial_call_runs_when_its_upstream_wrote():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="mid"), el("Div", id="out")])
    dry = Dry(layout, [
        ("first", (Output("mid", "children"), Input("a", "value")), {}),
        ("second", (Output("out", "children"), Input("mid", "children")), {}),
    ])
    dry.planner.load()
    assert dry.drain({"first": {"mid.children": "m"}}) == [("first", "run"), ("second", "run")]


def test_s1_prevent_initial_call_is_a_typed_note():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="out")])
    dry = Dry(layout, [("quiet", (Output("out", "children"), Input("a", "value")), {})], prevent={"quiet"})
    dry.planner.load()
    assert dry.ready() == []
    assert dry.planner.take_notes() == [Note(0, SkipReason.PREVENT_INITIAL)]


def test_s5_inserted_components_start_their_match_instances_each_once():
    item = {"type": "item", "index": MATCH}
    layout = el("Div", [el("Button", id="add"), el("Div", [], id="list")])
    dry = Dry(layout, [
        ("fill", (Output("list", "children"), Input("add", "n_clicks")), {"prevent_initial_call": True}),
        ("each", (Output({**item, "part": "label"}, "children"), Input(item, "value")), {}),
        ("count", (Output("add", "title"), Input({"type": "item", "index": ALL}, "value")), {}),
    ])
    dry.planner.trigger("add.n_clicks")
    inserted = [el("Input", id={"type": "item", "index": i}, value=i) for i in range(2)]
    inserted += [el("Div", id={"type": "item", "index": i, "part": "label"}) for i in range(2)]
    order = dry.drain({"fill": {"list.children": inserted}})
    assert order == [("fill", "run"), ("each", "run"), ("each", "run"), ("count", "run")]


def test_an_instance_asked_for_while_running_runs_again_after_it_finishes_up_to_max_runs():
    layout = el("Div", [el("Input", id="a", value=1), el("Div", id="out")])
    dry = Dry(layout, [("slow", (Output("out", "children"), Input("a", "value")), {})])
    dry.planner.trigger("a.value")
    runs = 0
    while taken := dry.planner.ready():
        (instance, _, decision), = taken
        assert decision is RUN
        dry.planner.begin(instance)
        runs += 1
        dry.planner.trigger("a.value")  # the user typed again while it ran: re-armed, not started twice at once
        assert dry.planner.ready() == []
        dry.finish(instance, {"out.children": runs})
    assert runs == MAX_RUNS

