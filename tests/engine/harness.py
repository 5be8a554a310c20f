"""Drive the engine as the browser would, without HTTP: the layout JSON plays the page."""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from propwire.app import _make_spec
from propwire.engine import Engine, Event, collect
from propwire.graph import Graph
from propwire.layout import LayoutView, walk
from propwire.dependencies import id_string
from propwire.serialize import dumps, loads


def el(type_: str, children: Any = None, ns: str = "html", **props: Any) -> dict:
    """A component as JSON, e.g. el("Div", "hi", id="out")."""
    if children is not None:
        props["children"] = children
    return {"type": type_, "namespace": ns, "props": props}


class Page:
    """The browser side: holds every prop, sends events with the read set, applies results."""

    def __init__(self, layout: dict, prevent_initial_callbacks: bool = False, unknown: set[str] = frozenset()):
        self.specs: list = []
        self.layout = layout
        self.prevent = prevent_initial_callbacks
        self.unknown = set(unknown)
        self._engine: Engine | None = None

    @classmethod
    def from_example(cls, name: str) -> "Page":
        """A seed example from examples/seed/, its global callbacks claimed by its own app."""
        import runpy
        from pathlib import Path

        from propwire.serialize import to_json_value

        path = Path(__file__).resolve().parents[2] / "examples" / "seed" / f"{name}.py"
        app = runpy.run_path(str(path))["app"]
        page = cls(to_json_value(app.build_layout())[0])
        page._engine = app.engine
        page._engine.debug = True
        return page

    def callback(self, *args: Any, **kwargs: Any) -> Callable:
        def decorate(func: Callable) -> Callable:
            self.specs.append(_make_spec(func, args, dict(kwargs)))
            return func
        return decorate

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            ids = frozenset(id_string(c["props"]["id"]) for c, _ in walk(self.layout) if "id" in c["props"])
            self._engine = Engine(Graph(self.specs, layout_ids=ids), prevent_initial_callbacks=self.prevent, debug=True)
        return self._engine

    def load(self) -> list[dict]:
        self.state = LayoutView.from_layout(self.layout)
        view = LayoutView.from_layout(self.layout, self.unknown)
        return self._apply(asyncio.run(collect(self.engine.initial(view))))

    def act(self, changed: dict[str, Any] | None = None, run: list | None = None, pending: set[str] = frozenset()) -> list[dict]:
        if not hasattr(self, "state"):
            self.load()
        changed = changed or {}
        for key, value in changed.items():
            self.state.set(key, value)
        return self._apply(asyncio.run(collect(self.engine.event(self.event(changed, run or [], pending)))))

    def event(self, changed: dict, run: list, pending: set[str]) -> Event:
        graph = self.engine.graph
        starts = [i for k in changed for i in graph.by_input.get(k, ())] + [i for i, _ in run]
        keys, ids = graph.read_set(graph.closure(starts))
        values = {k: self.state.get(k) for k in keys if self.state.has(k.rpartition(".")[0]) and k in self.state.values}
        present = {i: self.state.present[i] for i in ids if self.state.has(i)}
        return Event(changed=dict(changed), values=values, present=present, pending=set(pending), run=run)

    def _apply(self, steps: list) -> list[dict]:
        lines = [loads(dumps(s.line)) for s in steps]
        for line in lines:
            if "result" in line:
                for key, value in line["result"]["outputs"].items():
                    if self.state.has(key.rpartition(".")[0]):
                        self.state.set(key, value)
        self.lines = lines
        return lines

    def get(self, key: str) -> Any:
        return self.state.get(key)

    def ran(self) -> list[str]:
        """Names of the callbacks that returned a result, in order."""
        return [self.engine.graph.callbacks[l["result"]["cb"]].name for l in self.lines if "result" in l]

    def kinds(self) -> list[str]:
        return [next(iter(l)) for l in self.lines]
