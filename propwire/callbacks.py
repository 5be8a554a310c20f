"""How a callback is declared: its dependencies, their grouping, and its options."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from typing import Any, Callable

from .dependencies import ALLSMALLER, MATCH, DashDependency, Input, Output, State, wildcard_of
from .exceptions import CallbackError, ValidationError
from .grouping import flatten, index_shape

_OPTIONS = {"prevent_initial_call", "running", "on_error", "output", "inputs", "state", "memoize"}


def _is_dep(value: Any) -> bool:
    return isinstance(value, DashDependency)


@dataclass
class CallbackSpec:
    """One registered callback, as declared."""

    func: Callable[..., Any]
    outputs: list[Output]
    inputs: list[Input]
    states: list[State]
    output_shape: Any = None  # an int for one bare Output, else a list / dict of output positions
    input_shape: Any = None
    state_shape: Any = None
    keyword: bool = False  # inputs and state given as dicts: the function takes keyword arguments
    prevent_initial_call: bool | str | None = None
    running: list[tuple[Output, Any, Any]] = field(default_factory=list)
    on_error: Callable[[Exception], Any] | None = None
    index: int = -1
    is_async: bool = False
    where: str = ""

    def __post_init__(self) -> None:
        self.is_async = inspect.iscoroutinefunction(self.func)
        if self.output_shape is None:
            self.output_shape = list(range(len(self.outputs)))
        if self.input_shape is None:
            self.input_shape = list(range(len(self.inputs)))
        if self.state_shape is None:
            self.state_shape = list(range(len(self.states)))
        code = getattr(self.func, "__code__", None)
        if code is not None and not self.where:
            self.where = f"{code.co_filename}:{code.co_firstlineno}"
        self._check_patterns()
        # Fixed once declared; the engine reads them on every call.
        self.input_keys = [d.key for d in self.inputs]
        self.state_keys = [d.key for d in self.states]
        self.output_keys = [d.key for d in self.outputs]
        self.plain_ids = [d.id_str for d in (*self.outputs, *self.inputs, *self.states) if not d.has_wildcard()]
        # Arguments in declaration order, one per Input then State: the values need no regrouping.
        self.flat_args = (not self.keyword and self.input_shape == list(range(len(self.inputs)))
                          and self.state_shape == list(range(len(self.states))))

    @property
    def single_output(self) -> bool:
        return isinstance(self.output_shape, int)

    @property
    def name(self) -> str:
        return getattr(self.func, "__name__", repr(self.func))

    def describe(self) -> str:
        """How errors name this callback: function name and where it is defined."""
        return f"callback '{self.name}' ({self.where})" if self.where else f"callback '{self.name}'"

    @property
    def may_set_props(self) -> bool:
        """Whether the function's code names `set_props`: then it may write any prop, as far as the graph knows."""
        def names(code: Any) -> set[str]:
            found = set(code.co_names)
            for const in code.co_consts:
                if hasattr(const, "co_names"):
                    found |= names(const)
            return found

        code = getattr(self.func, "__code__", None)
        return code is not None and "set_props" in names(code)

    @property
    def is_pattern(self) -> bool:
        return any(d.has_wildcard() for d in (*self.outputs, *self.inputs, *self.states))

    def ids(self) -> set[str]:
        return {d.id_str for d in (*self.outputs, *self.inputs, *self.states)}

    def _check_patterns(self) -> None:
        """Dash's rules: MATCH in an Input or State needs the same MATCH keys in every Output."""
        def keys(dep: DashDependency, *kinds: Any) -> set[str]:
            if not isinstance(dep.component_id, dict):
                return set()
            return {k for k, v in dep.component_id.items() if wildcard_of(v) in kinds}

        for out in self.outputs:
            if keys(out, ALLSMALLER):
                raise CallbackError(f"{self.describe()}: {out!r}: ALLSMALLER is only allowed in Inputs and States")
        out_match = [keys(o, MATCH) for o in self.outputs]
        for dep in (*self.inputs, *self.states):
            match = keys(dep, MATCH)
            if match and any(m != match for m in out_match):
                raise CallbackError(f"{self.describe()}: {dep!r} uses MATCH on {sorted(match)}, so every Output "
                                    f"must use MATCH on the same keys")
            if keys(dep, ALLSMALLER) and not match and not any(out_match):
                raise CallbackError(f"{self.describe()}: {dep!r} uses ALLSMALLER, which needs a MATCH beside it")
        if any(out_match) and not any(keys(d, MATCH) for d in (*self.inputs, *self.states)):
            raise CallbackError(f"{self.describe()}: an Output uses MATCH, so an Input must use MATCH too")


def _positional(args: tuple) -> tuple[list, list, list, Any]:
    """Outputs, inputs and states from `@callback(Output(..), [Input(..), ...], State(..))`."""
    outputs: list[Output] = []
    inputs: list[Input] = []
    states: list[State] = []
    bare = listed = 0
    for arg in args:
        items = list(arg) if isinstance(arg, (list, tuple)) else [arg]
        for item in items:
            if isinstance(item, Output):
                if inputs or states:
                    raise CallbackError(f"{item!r} comes after an Input or State: list Outputs first, then Inputs, then States")
                outputs.append(item)
                bare += not isinstance(arg, (list, tuple))
                listed += isinstance(arg, (list, tuple))
            elif isinstance(item, Input):
                if states:
                    raise CallbackError(f"{item!r} comes after a State: list Inputs before States")
                inputs.append(item)
            elif isinstance(item, State):
                states.append(item)
            else:
                raise CallbackError(f"a callback takes Output, Input and State objects, got {item!r}")
    shape: Any = 0 if len(outputs) == 1 and bare == 1 and not listed else list(range(len(outputs)))
    return outputs, inputs, states, shape


def _grouped(kind: type, grouping: Any, name: str) -> tuple[list, Any]:
    deps = flatten(grouping, _is_dep)
    for dep in deps:
        if not isinstance(dep, kind):
            raise CallbackError(f"'{name}=' takes {kind.__name__} objects, got {dep!r}")
    shape, _ = index_shape(grouping, _is_dep)
    return deps, shape


def make_spec(func: Callable[..., Any], args: tuple, kwargs: dict[str, Any],
              default_prevent: bool | None = None) -> CallbackSpec:
    """A CallbackSpec from the arguments of `@callback(...)`, checked; errors name the function and file:line."""
    try:
        return _make_spec(func, args, kwargs, default_prevent)
    except ValidationError:
        raise
    except CallbackError as exc:
        code = getattr(func, "__code__", None)
        where = f" ({code.co_filename}:{code.co_firstlineno})" if code is not None else ""
        name = f"callback '{getattr(func, '__name__', func)}'{where}"
        message = str(exc)
        raise ValidationError(message if message.startswith(name) else f"{name}: {message}") from None


def _make_spec(func: Callable[..., Any], args: tuple, kwargs: dict[str, Any],
               default_prevent: bool | None = None) -> CallbackSpec:
    unknown = set(kwargs) - _OPTIONS
    if unknown:
        raise TypeError(f"callback '{getattr(func, '__name__', func)}': unknown option(s) {sorted(unknown)}")
    prevent = kwargs.get("prevent_initial_call")
    if prevent not in (None, True, False, "initial_duplicate"):
        raise ValueError(f"prevent_initial_call must be True, False or 'initial_duplicate', got {prevent!r}")
    outputs, inputs, states, out_shape = _positional(args)
    in_shape = st_shape = None
    keyword = False
    if "output" in kwargs:
        if outputs:
            raise CallbackError("give Outputs either positionally or as output=, not both")
        outputs, out_shape = _grouped(Output, kwargs["output"], "output")
    if "inputs" in kwargs or "state" in kwargs:
        if inputs or states:
            raise CallbackError("give Inputs and States either positionally or as inputs= / state=, not both")
        inputs, in_shape = _grouped(Input, kwargs.get("inputs", []), "inputs")
        states, st_shape = _grouped(State, kwargs.get("state", []), "state")
        keyword = isinstance(in_shape, dict)
        if keyword and not isinstance(st_shape, dict) and states:
            raise CallbackError("inputs= is a dict, so state= must be a dict too")
        if not keyword and isinstance(st_shape, dict):
            raise CallbackError("state= is a dict, so inputs= must be a dict too")
        if keyword and not states:
            st_shape = {}
        in_shape = [in_shape] if isinstance(in_shape, int) else in_shape
        st_shape = [st_shape] if isinstance(st_shape, int) else st_shape
    if not inputs:
        raise CallbackError("a callback needs at least one Input")
    running = [_running_entry(entry) for entry in kwargs.get("running") or []]
    spec = CallbackSpec(func, outputs, inputs, states, out_shape, in_shape, st_shape, keyword, prevent,
                        running, kwargs.get("on_error"))
    _check_duplicates(spec, default_prevent)
    return spec


def _running_entry(entry: Any) -> tuple[Output, Any, Any]:
    if not (isinstance(entry, (list, tuple)) and len(entry) == 3 and isinstance(entry[0], Output)):
        raise CallbackError(f"running= takes (Output(id, prop), value_while_running, value_after) entries, got {entry!r}")
    return entry[0], entry[1], entry[2]


def _check_duplicates(spec: CallbackSpec, default_prevent: bool | None) -> None:
    """An Output with allow_duplicate=True needs the callback not to run at load (or 'initial_duplicate')."""
    prevent = spec.prevent_initial_call if spec.prevent_initial_call is not None else default_prevent
    for out in spec.outputs:
        if getattr(out, "allow_duplicate", False) and prevent not in (True, "initial_duplicate"):
            raise CallbackError(
                f"{spec.describe()}: {out!r} has allow_duplicate=True, which needs prevent_initial_call=True "
                f"or prevent_initial_call='initial_duplicate'"
            )
