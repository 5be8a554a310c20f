"""How a callback is declared: its dependencies, their grouping, and its options."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from types import EllipsisType
from typing import Any

from propwire.api.background import BACKGROUND_OPTIONS, Background, announce, background_of
from propwire.api.dependencies import ALLSMALLER, MATCH, DashDependency, Input, Output, State, wildcard_of
from propwire.api.exceptions import CallbackError, ValidationError
from propwire.api.signature import parse

# Options propwire implements; the rest of Dash's own are refused by name (see make_spec).
_OPTIONS = {"prevent_initial_call", "running", "on_error", "output", "inputs", "state", "memoize", "optional",
            "inline", "timeout", *BACKGROUND_OPTIONS}
_DASH_ONLY = {"cache_ignore_triggered", "api_endpoint", "hidden", "websocket", "persistent", "mcp_enabled",
              "mcp_expose_docstring"}


@dataclass
class CallbackSpec:
    """One registered callback, as declared."""

    func: Callable[..., Any]
    outputs: list[Output]
    inputs: list[Input]
    states: list[State]
    output_shape: Any = None  # an int for one bare Output, else a list / dict of output positions
    args_shape: Any = None  # the function's arguments; leaves index the Inputs, then the States
    prevent_initial_call: bool | str | None = None
    running: list[tuple[Output, Any, Any]] = field(default_factory=list)
    on_error: Callable[[Exception], Any] | None = None
    optional: bool = False  # Dash's optional=True: every id may be absent from the layout without a warning
    inline: bool = False  # propwire: "never blocks", a sync callback run on the event loop (threads.py)
    timeout: float | None | EllipsisType = ...  # propwire: seconds per call; None: no limit; ...: the app's
    index: int = -1
    is_async: bool = False
    clientside: Any = None  # a clientside callback's api.clientside.Clientside: the browser runs it, never Python
    where: str = ""
    background: Background | None = None  # background=True: run as a job of a manager (api/background.py)

    def __post_init__(self) -> None:
        source = inspect.unwrap(self.func)  # memoize= wraps the function; its code is the user's
        self.is_async = inspect.iscoroutinefunction(source)
        if self.output_shape is None:
            self.output_shape = list(range(len(self.outputs)))
        if self.args_shape is None:
            self.args_shape = list(range(len(self.inputs) + len(self.states)))
        code = getattr(source, "__code__", None)
        if code is not None and not self.where:
            self.where = f"{code.co_filename}:{code.co_firstlineno}"
        self._check_patterns()
        # Fixed once declared; the engine reads them on every call.
        self.input_keys = [d.key for d in self.inputs]
        self.state_keys = [d.key for d in self.states]
        self.output_keys = [d.key for d in self.outputs]
        self.plain_ids = [d.id_str for d in (*self.outputs, *self.inputs, *self.states) if not d.has_wildcard()]
        # Arguments in declaration order, one per Input then State: the values need no regrouping.
        count = len(self.inputs) + len(self.states)
        self.flat_args = self.args_shape == list(range(count)) or (self.args_shape == 0 and count == 1)

    @property
    def keyword(self) -> bool:
        """Inputs and States given as a dict: the function takes keyword arguments."""
        return isinstance(self.args_shape, dict)

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

        code = getattr(inspect.unwrap(self.func), "__code__", None)
        return code is not None and "set_props" in names(code)

    @property
    def is_pattern(self) -> bool:
        return any(d.has_wildcard() for d in (*self.outputs, *self.inputs, *self.states))

    def ids(self) -> set[str]:
        return {d.id_str for d in (*self.outputs, *self.inputs, *self.states)}

    def _check_patterns(self) -> None:
        """Dash's pattern rules (its renderer checks them when the page loads; propwire when the app starts).

        ALLSMALLER never in an Output; every Output has MATCH on the same keys as the first. When the Outputs
        have MATCH, the MATCH and ALLSMALLER keys of each Input and State are among those keys; when they have
        none (fixed ids, ALL only, or no Outputs), Inputs and States may use MATCH freely, but not ALLSMALLER.
        """
        for out in self.outputs:
            if _keys(out, ALLSMALLER):
                raise CallbackError(f"{self.describe()}: {out!r}: ALLSMALLER is only allowed in Inputs and States")
        first = _keys(self.outputs[0], MATCH) if self.outputs else set()
        for out in self.outputs[1:]:
            if _keys(out, MATCH) != first:
                raise CallbackError(f"{self.describe()}: {out!r} does not have MATCH on the same keys as "
                                    f"{self.outputs[0]!r}; every Output needs MATCH on the same keys")
        for dep in (*self.inputs, *self.states):
            wild = _keys(dep, ALLSMALLER) | (_keys(dep, MATCH) if first else set())
            extra = sorted(wild - first)
            if extra:
                why = f"which are not among the Outputs' MATCH keys {sorted(first)}" if first else \
                    "and no Output has MATCH (ALLSMALLER needs a MATCH on its key in the Outputs)"
                raise CallbackError(f"{self.describe()}: {dep!r} has MATCH or ALLSMALLER on {extra}, {why}")


def _keys(dep: DashDependency, kind: Any) -> set[str]:
    """The keys of a dependency's dict id holding the wildcard `kind`."""
    if not isinstance(dep.component_id, dict):
        return set()
    return {k for k, v in dep.component_id.items() if wildcard_of(v) is kind}


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
    _options(func, kwargs)
    sig = parse(args, kwargs)
    prevent = sig.prevent_initial_call
    if prevent not in (None, True, False, "initial_duplicate"):
        raise ValueError(f"prevent_initial_call must be True, False or 'initial_duplicate', got {prevent!r}")
    running = [_running_entry(entry) for entry in kwargs.get("running") or []]
    if kwargs.get("memoize") not in (None, False):
        func = _memoized(func, kwargs["memoize"])
    spec = CallbackSpec(func, sig.outputs, sig.inputs, sig.states, sig.output_shape, sig.args_shape, prevent,
                        running, kwargs.get("on_error"), bool(kwargs.get("optional")),
                        *_placement(func, kwargs.get("inline", False), kwargs.get("timeout", ...)))
    spec.background = background_of(kwargs, spec.is_async, spec.inline)
    if spec.background is not None:
        announce(spec)  # a Celery manager registers its task now: the worker imports the module, builds no engine
    if default_prevent is not None:  # @app.callback: the app's default is known; for @callback, Graph checks
        _check_duplicates(spec, default_prevent)
    return spec


def _options(func: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    """Refuse Dash's options propwire lacks; warn about names Dash does not know either (Dash ignores them)."""
    name = getattr(func, "__name__", func)
    dash_only = sorted(set(kwargs) & _DASH_ONLY)
    if dash_only:
        raise TypeError(f"callback '{name}': propwire does not support the Dash option(s) {dash_only} yet")
    unknown = sorted(set(kwargs) - _OPTIONS)
    if unknown:
        code = getattr(func, "__code__", None)
        where = f" ({code.co_filename}:{code.co_firstlineno})" if code is not None else ""
        warnings.warn(f"callback '{name}'{where}: unknown option(s) {unknown} ignored (Dash ignores them too)",
                      UserWarning, stacklevel=4)


def _placement(func: Callable[..., Any], inline: Any, timeout: Any) -> tuple[bool, float | None | EllipsisType]:
    """inline= and timeout=, checked: an inline call runs on the event loop, where nothing can time it out."""
    if not isinstance(inline, bool):
        raise CallbackError(f"inline= takes True or False, got {inline!r}")
    if timeout is not ... and timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0):
        raise CallbackError(f"timeout= takes a number of seconds above 0, or None for no limit; got {timeout!r}")
    if inline and inspect.iscoroutinefunction(inspect.unwrap(func)):
        raise CallbackError("inline=True is for sync callbacks; an async callback runs on the event loop already")
    if inline and timeout is not ... and timeout is not None:
        raise CallbackError("inline=True runs the callback on the event loop, where a call cannot be timed out: "
                            "drop timeout=, or drop inline=True to run it on a worker thread")
    return inline, timeout


def _memoized(func: Callable[..., Any], option: Any) -> Callable[..., Any]:
    """memoize=True, a ttl in seconds, or a dict of propwire.api.cache.memoize's arguments."""
    from propwire.api.cache import memoize

    if inspect.iscoroutinefunction(func):
        raise CallbackError("memoize= works on sync callbacks only; an async callback can cache inside itself")
    if option is True:
        return memoize()(func)
    if isinstance(option, (int, float)) and not isinstance(option, bool):
        return memoize(ttl=option)(func)
    if isinstance(option, dict):
        return memoize(**option)(func)
    raise CallbackError(f"memoize= takes True, a ttl in seconds or a dict of propwire.api.cache.memoize arguments, "
                        f"got {option!r}")


def _running_entry(entry: Any) -> tuple[Output, Any, Any]:
    if not (isinstance(entry, (list, tuple)) and len(entry) == 3 and isinstance(entry[0], Output)):
        raise CallbackError(f"running= takes (Output(id, prop), value_while_running, value_after) entries, got {entry!r}")
    return entry[0], entry[1], entry[2]


def _check_duplicates(spec: CallbackSpec, default_prevent: bool | str | None) -> None:
    """An Output with allow_duplicate=True needs the callback or the app not to run it at load (Dash's rule:
    either flag set is enough, or 'initial_duplicate' on either)."""
    if spec.prevent_initial_call or default_prevent:
        return
    for out in spec.outputs:
        if getattr(out, "allow_duplicate", False):
            raise CallbackError(
                f"{spec.describe()}: {out!r} has allow_duplicate=True, which needs prevent_initial_call=True "
                f"or prevent_initial_call='initial_duplicate'"
            )


def duplicate_fix(out: Any, keep: CallbackSpec, change: list[CallbackSpec], default_prevent: bool | str | None) -> str:
    """The whole fix for several callbacks writing one Output, so that following it raises no second error:
    allow_duplicate=True on the Output of all writers but one, and, on each of those that still runs at load,
    prevent_initial_call (the rule _check_duplicates enforces, Dash's own).

    Example: ``duplicate_fix(Output("out", "children"), first, [second], False)`` ->
    "declare Output('out', 'children', allow_duplicate=True) in callback 'second' (...) and give it
    prevent_initial_call=True (...)"
    """
    declared = f"Output({out.component_id!r}, {out.component_property!r}, allow_duplicate=True)"
    names = " and ".join(cb.describe() for cb in change)
    fix = f"declare {declared} in {names}"
    if any(not (cb.prevent_initial_call or default_prevent) for cb in change):
        them = "it" if len(change) == 1 else "each of them"
        fix += (f" and give {them} prevent_initial_call=True (or prevent_initial_call='initial_duplicate' to keep "
                f"its call at load), as Dash requires of a callback with allow_duplicate=True")
    return f"{fix}; {keep.describe()} can keep the plain Output"
