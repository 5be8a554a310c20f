"""Drive the engine as the browser would, without HTTP: the layout JSON plays the page."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from propwire.api.callbacks import make_spec
from propwire.api.dependencies import id_string
from propwire.api.patch import apply_patch
from propwire.api.serialize import dumps, loads
from propwire.core.engine import Engine, Event, collect
from propwire.core.graph import Graph
from propwire.core.layout import LayoutView, walk
from propwire.protocol.lines import line_of


def run_async(coro: Any) -> Any:
    """asyncio.run, in a fresh thread when this one already has a loop (Playwright's sync API leaves one)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def el(type_: str, children: Any = None, ns: str = "html", **props: Any) -> dict:
    """A component as JSON, e.g. el("Div", "hi", id="out")."""
    if children is not None:
        props["children"] = children
    return {"type": type_, "namespace": ns, "props": props}


class Page:
    """The browser side: holds every prop, sends events with the read set, applies results."""

    def __init__(self, layout: dict, prevent_initial_callbacks: bool = False, unknown: set[str] = frozenset(),
                 **engine_options: Any):
        self.engine_options = engine_options  # e.g. callback_timeout=, callback_threads= (propwire/threads.py)
        self.specs: list = []
        self.layout = layout
        self.prevent = prevent_initial_callbacks
        self.unknown = set(unknown)
        self._engine: Engine | None = None

    @classmethod
    def from_example(cls, name: str) -> Page:
        """A seed example from examples/seed/, its global callbacks claimed by its own app."""
        import runpy
        from pathlib import Path

        from propwire.api.serialize import to_json_value

        path = Path(__file__).resolve().parents[2] / "examples" / "seed" / f"{name}.py"
        app = runpy.run_path(str(path))["app"]
        page = cls(to_json_value(app.build_layout())[0])
        page._engine = app.engine
        page._engine.debug = True
        return page

    def callback(self, *args: Any, **kwargs: Any) -> Callable:
        def decorate(func: Callable) -> Callable:
            self.specs.append(make_spec(func, args, dict(kwargs)))
            return func
        return decorate

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            ids = frozenset(id_string(c["props"]["id"]) for c, _ in walk(self.layout) if "id" in c["props"])
            self._engine = Engine(Graph(self.specs, layout_ids=ids, prevent_default=self.prevent), prevent_initial_callbacks=self.prevent, debug=True,
                                  **{"component_dicts": True, **self.engine_options})  # the harness writes components as JSON (el())
        return self._engine

    def load(self) -> list[dict]:
        self.state = LayoutView.from_layout(self.layout)
        view = LayoutView.from_layout(self.layout, self.unknown)
        return self._apply(run_async(collect(self.engine.initial(view))))

    def act(self, changed: dict[str, Any] | None = None, run: list | None = None, pending: set[str] = frozenset()) -> list[dict]:
        if not hasattr(self, "state"):
            self.load()
        changed = changed or {}
        for key, value in changed.items():
            self.state.set(key, value)
        lines = self._apply(run_async(collect(self.engine.event(self.event(changed, run or [], pending)))))
        self.followups = 0
        latest = lines
        while not pending and (deferred := [(l["deferred"]["cb"], l["deferred"]["triggered"]) for l in latest if "deferred" in l]):
            # The browser asks again for deferred callbacks once nothing is pending (docs/protocol.md).
            self.followups += 1
            assert self.followups < 5, "follow-ups do not settle"
            latest = self._apply(run_async(collect(self.engine.event(self.event({}, deferred, set())))))
            lines = lines + latest
            self.lines = lines
        return lines

    def event(self, changed: dict, run: list, pending: set[str]) -> Event:
        graph = self.engine.graph
        starts = [i for k in changed for i, _ in graph.triggered_by(k)] + [i for i, _ in run]
        keys, ids = graph.read_set(graph.closure(starts))
        patterned = self._expand({k for k in keys if k.startswith("{") and "[" in k})
        keys, ids = self._expand(keys), self._expand(ids)
        # Unset props are left out, except those of pattern components, which travel as null (docs/protocol.md).
        values = {k: self.state.get(k) for k in keys
                  if self.state.has(k.rpartition(".")[0]) and (k in self.state.values or k in patterned)}
        # In layout order, as the renderer sends it: ALL lists follow it.
        present = {i: anc for i, anc in self.state.present.items() if i in ids}
        return Event(changed=dict(changed), values=values, present=present, pending=set(pending), run=run)

    def _expand(self, names: set[str]) -> set[str]:
        """Pattern ids and keys become the concrete ones present, as the renderer does."""
        out = set()
        for name in names:
            is_key = not name.endswith("}") and "." in name and not name.startswith("{") or name.startswith("{") and not name.endswith("}")
            id_part, prop = (name.rsplit(".", 1) if is_key else (name, None))
            if id_part.startswith("{") and "[" in id_part:
                pattern = loads(id_part)
                for concrete in self.state.matching(pattern):
                    out.add(f"{concrete}.{prop}" if prop else concrete)
            else:
                out.add(name)
        return out

    def _apply(self, steps: list) -> list[dict]:
        lines = [loads(dumps(line_of(s))) for s in steps]
        for line in lines:
            if "result" in line:
                for key, value in line["result"]["outputs"].items():
                    if self.state.has(key.rpartition(".")[0]):
                        self.state.set(key, value)
                for key, ops in line["result"].get("patches", {}).items():
                    if self.state.has(key.rpartition(".")[0]):
                        self.state.set(key, apply_patch(self.state.get(key), ops))
        self.lines = lines
        return lines

    def get(self, key: str) -> Any:
        return self.state.get(key)

    def ran(self) -> list[str]:
        """Names of the callbacks that returned a result, in order."""
        return [self.engine.graph.callbacks[l["result"]["cb"]].name for l in self.lines if "result" in l]

    def kinds(self) -> list[str]:
        return [next(iter(l)) for l in self.lines]
