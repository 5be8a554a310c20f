"""The callback graph: every callback's props, who triggers whom, and the read sets the browser sends."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .dependencies import Input, Output, State, split_key
from .exceptions import CallbackError

# Props whose values may hold components: writing one may insert components.
SLOT_PROPS = frozenset({"children"})


@dataclass
class CallbackSpec:
    """One registered callback, as declared."""

    func: Callable[..., Any]
    outputs: list[Output]
    inputs: list[Input]
    states: list[State]
    single_output: bool
    prevent_initial_call: bool | str | None = None
    index: int = -1
    is_async: bool = False
    where: str = ""

    def __post_init__(self) -> None:
        self.is_async = inspect.iscoroutinefunction(self.func)
        code = getattr(self.func, "__code__", None)
        if code is not None and not self.where:
            self.where = f"{code.co_filename}:{code.co_firstlineno}"

    @property
    def name(self) -> str:
        return getattr(self.func, "__name__", repr(self.func))

    def describe(self) -> str:
        """How errors name this callback: function name and where it is defined."""
        return f"callback '{self.name}' ({self.where})" if self.where else f"callback '{self.name}'"

    @property
    def input_keys(self) -> list[str]:
        return [d.key for d in self.inputs]

    @property
    def state_keys(self) -> list[str]:
        return [d.key for d in self.states]

    @property
    def output_keys(self) -> list[str]:
        return [d.key for d in self.outputs]

    def ids(self) -> set[str]:
        return {d.id_str for d in (*self.outputs, *self.inputs, *self.states)}


def parse_dependencies(args: Iterable[Any]) -> tuple[list[Output], list[Input], list[State], bool]:
    """Split `@callback(...)` positional arguments into outputs, inputs, states, and whether output is single."""
    outputs: list[Output] = []
    inputs: list[Input] = []
    states: list[State] = []
    bare_outputs = 0
    listed_outputs = False
    for arg in args:
        items = list(arg) if isinstance(arg, (list, tuple)) else [arg]
        if isinstance(arg, (list, tuple)) and any(isinstance(i, Output) for i in items):
            listed_outputs = True
        for item in items:
            if isinstance(item, Output):
                if inputs or states:
                    raise CallbackError(f"{item!r} comes after an Input or State: list Outputs first, then Inputs, then States")
                outputs.append(item)
                bare_outputs += not isinstance(arg, (list, tuple))
            elif isinstance(item, Input):
                if states:
                    raise CallbackError(f"{item!r} comes after a State: list Inputs before States")
                inputs.append(item)
            elif isinstance(item, State):
                states.append(item)
            else:
                raise CallbackError(f"a callback takes Output, Input and State objects, got {item!r}")
    if not inputs:
        raise CallbackError("a callback needs at least one Input")
    single = len(outputs) == 1 and bare_outputs == 1 and not listed_outputs
    return outputs, inputs, states, single


@dataclass
class Graph:
    """All callbacks of an app, indexed by the props they read and write."""

    callbacks: list[CallbackSpec]
    layout_ids: frozenset[str] = frozenset()
    by_input: dict[str, list[int]] = field(default_factory=dict)
    by_output: dict[str, list[int]] = field(default_factory=dict)
    by_id: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, cb in enumerate(self.callbacks):
            cb.index = i
            for key in cb.input_keys:
                self.by_input.setdefault(key, []).append(i)
            for key in cb.output_keys:
                self.by_output.setdefault(key, []).append(i)
            for id_str in cb.ids():
                self.by_id.setdefault(id_str, []).append(i)
        self._validate()
        self._dynamic = [cb.index for cb in self.callbacks if not cb.ids() <= self.layout_ids]
        self._downstream = [self._direct_downstream(cb) for cb in self.callbacks]
        self._closures = [self._closure([cb.index]) for cb in self.callbacks]

    def _validate(self) -> None:
        for key, writers in self.by_output.items():
            plain = [i for i in writers if not self._output(i, key).allow_duplicate]
            if len(writers) > 1 and plain:
                names = " and ".join(self.callbacks[i].describe() for i in writers)
                raise CallbackError(
                    f"Output '{key}' is written by {names}; add allow_duplicate=True to the duplicate Outputs"
                )
        cycle = self._find_cycle()
        if cycle:
            path = " -> ".join(self.callbacks[i].describe() for i in cycle)
            raise CallbackError(f"circular dependency through several callbacks: {path}")

    def _output(self, i: int, key: str) -> Output:
        return next(o for o in self.callbacks[i].outputs if o.key == key)

    def _direct_downstream(self, cb: CallbackSpec) -> set[int]:
        """Callbacks whose Inputs cb writes (not cb itself), plus, if cb writes a slot, those it may insert."""
        found = {j for key in cb.output_keys for j in self.by_input.get(key, ())}
        if any(split_key(k)[1] in SLOT_PROPS for k in cb.output_keys):
            found.update(self._dynamic)
        found.discard(cb.index)
        return found

    def _find_cycle(self) -> list[int] | None:
        edges = [{j for key in cb.output_keys for j in self.by_input.get(key, ())} - {cb.index} for cb in self.callbacks]
        color = [0] * len(self.callbacks)
        stack: list[int] = []

        def visit(i: int) -> list[int] | None:
            color[i] = 1
            stack.append(i)
            for j in edges[i]:
                if color[j] == 1:
                    return stack[stack.index(j):] + [j]
                if color[j] == 0 and (found := visit(j)):
                    return found
            stack.pop()
            color[i] = 2
            return None

        for i in range(len(self.callbacks)):
            if color[i] == 0 and (found := visit(i)):
                return found
        return None

    def downstream(self, i: int) -> set[int]:
        return self._downstream[i]

    def _closure(self, start: Iterable[int]) -> set[int]:
        seen = set(start)
        todo = list(seen)
        while todo:
            for j in self._downstream[todo.pop()]:
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
        return seen

    def closure(self, start: Iterable[int]) -> set[int]:
        """The callbacks that may run once `start` run: themselves and everything downstream."""
        found: set[int] = set()
        for i in start:
            found |= self._closures[i]
        return found

    def read_set(self, callbacks: Iterable[int]) -> tuple[set[str], set[str]]:
        """The prop keys whose values, and the ids whose presence, these callbacks may need."""
        values: set[str] = set()
        ids: set[str] = set()
        for i in callbacks:
            cb = self.callbacks[i]
            values.update(cb.input_keys, cb.state_keys)
            ids.update(cb.ids())
        return values, ids

    def to_client(self) -> dict[str, Any]:
        """What the renderer needs to build events: the trigger table and per-callback read sets."""
        table: dict[str, int] = {}

        def index(key: str) -> int:
            return table.setdefault(key, len(table))

        callbacks = []
        for cb in self.callbacks:
            values, ids = self.read_set(self._closures[cb.index])
            closure = self._closures[cb.index]
            writes = {index(k) for j in closure for k in self.callbacks[j].output_keys}
            callbacks.append({"values": sorted(index(k) for k in values), "ids": sorted(ids),
                              "writes": sorted(writes), "closure": sorted(closure)})
        triggers = {key: cbs for key, cbs in self.by_input.items()}
        for key in triggers:
            index(key)
        return {"props": list(table), "triggers": triggers, "callbacks": callbacks}
