"""Calling callbacks: arguments in their own signature, sync ones inline or on a thread, errors, and turning
a return value into the stream's output values (docs/semantics.md S8, S9)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from typing import TYPE_CHECKING, Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import CallInfo, Resolved, _current
from propwire.api.dependencies import Binding, NoUpdate, Output, bound_id, id_string
from propwire.api.exceptions import CallbackLimitError, InvalidCallbackReturnValue, PreventUpdate
from propwire.api.grouping import fill, match
from propwire.api.patch import Patch
from propwire.api.serialize import to_json_value
from propwire.core import telemetry, threads
from propwire.core.component_json import ComponentJSONError, Guard, mark
from propwire.core.steps import Instance, Step, _Outcome

if TYPE_CHECKING:
    from propwire.core.engine import Engine
    from propwire.core.graph import Graph

log = logging.getLogger("propwire")


class Calls:
    """The calling half of a Chain (mixed into it): needs `engine`, `graph`, `running`, `finished`, `view`."""

    engine: "Engine"
    graph: "Graph"

    def _span(self, cb: CallbackSpec, triggers: list[str]) -> Any:
        if not telemetry.enabled():
            return contextlib.nullcontext()
        return telemetry.span(f"propwire callback {cb.name}", {
            "propwire.callback": cb.name, "propwire.callback.index": cb.index, "propwire.callback.where": cb.where,
            "propwire.triggered": triggers, "propwire.outputs": cb.output_keys})

    async def _call(self, cb: CallbackSpec, binding: Binding, triggers: list[str]) -> _Outcome:
        """A call in a task, under its timeout: async callbacks on the loop, sync ones on the engine's pool."""
        with self._span(cb, triggers) as span:
            info, args, kwargs = self._prepare(cb, binding, triggers)
            began = time.perf_counter()
            timeout = self.engine.timeout_for(cb)
            try:
                if cb.is_async:
                    _current.set(info)  # this task runs in its own copy of the context
                    value = await threads.run_async(cb.func(*args, **kwargs), cb.name, timeout)
                else:
                    value = await self.engine.pool.run(cb.index, cb.name, timeout, threads.call_bound,
                                                       (info, cb.func, args, kwargs))
                outcome = _Outcome(info, value=value, seconds=time.perf_counter() - began)
            except Exception as exc:  # noqa: BLE001 - every failure becomes an error line (S8)
                outcome = self._failed(cb, info, exc, began) or await self._recover(cb, info, exc, began)
            _mark(span, outcome)
            return outcome

    def _call_inline(self, instance: Instance, triggers: list[str]) -> None:
        """An `inline=True` sync callback: called right here on the loop, its outcome ready for the next step."""
        cb = self.graph.callbacks[instance[0]]
        with self._span(cb, triggers) as span:
            info, args, kwargs = self._prepare(cb, instance[1], triggers)
            began = time.perf_counter()
            try:
                value = threads.call_inline(info, cb.func, args, kwargs)
            except Exception as exc:  # noqa: BLE001
                outcome = self._failed(cb, info, exc, began)
                if outcome is None:  # on_error runs in a task, as any handler may be slow
                    self.running[asyncio.ensure_future(self._recover(cb, info, exc, began))] = instance
                    return
            else:
                outcome = _Outcome(info, value=value, seconds=time.perf_counter() - began)
            _mark(span, outcome)
            self.finished.append((instance, outcome))

    def _start_line(self, cb: CallbackSpec, binding: Binding) -> dict[str, Any]:
        """A start line; pattern `running=` Outputs go as this instance's own prop keys (the graph has only patterns)."""
        line: dict[str, Any] = {"cb": cb.index}
        if any(out.has_wildcard() for out, _, _ in cb.running):
            line["running"] = [[key, on, off] for out, on, off in cb.running for key in self._running_keys(out, binding)]
        return line

    def _running_keys(self, out: Output, binding: Binding) -> list[str]:
        """A running= Output's keys in an instance: named by the binding (its component need not be in the event),
        else the components present that fit it."""
        if not out.has_wildcard():
            return [out.key]
        concrete = bound_id(out.component_id, binding)
        if concrete is not None:
            return [f"{id_string(concrete)}.{out.component_property}"]
        return self._keys(out, binding)

    def _prepare(self, cb: CallbackSpec, binding: Binding, triggers: list[str]) -> tuple[CallInfo, list, dict]:
        """The call's ctx and its arguments, in the callback's own signature."""
        info = CallInfo(
            triggered=[(k, self.view.get(k)) for k in triggers],
            inputs=[self._resolve(d, binding) for d in cb.inputs],
            states=[self._resolve(d, binding) for d in cb.states],
            outputs=[self._resolve(d, binding, with_values=False) for d in cb.outputs],
            output_shape=cb.output_shape, args_shape=cb.args_shape, request=self.request,
        )
        # Component JSON in node props reaches the callback as ComponentDicts: returned, they stay components.
        values = [_marked(r) for r in (*info.inputs, *info.states)]
        if cb.flat_args:
            return info, values, {}
        grouped = fill(cb.args_shape, values)
        if cb.keyword:
            return info, [], grouped
        return info, (list(grouped) if isinstance(grouped, (list, tuple)) else [grouped]), {}

    def _failed(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> _Outcome | None:
        """The outcome of a call that raised, unless an on_error handler must be called first."""
        if isinstance(exc, PreventUpdate):
            return _Outcome(info, error=exc)
        if (cb.on_error or self.engine.on_error) is None:
            return _Outcome(info, error=exc, seconds=time.perf_counter() - began)
        return None

    async def _recover(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> _Outcome:
        """on_error's value stands in for the callback's (None: no update); if it raises too, that is the error."""
        self._log_error(cb, exc)
        handler = cb.on_error or self.engine.on_error
        try:  # app code too: on the pool, under the callback's timeout, counted in the callback's share
            handled = await self.engine.pool.run(cb.index, cb.name, self.engine.timeout_for(cb), threads.call_bound,
                                                 (info, handler, [exc], {}))
        except Exception as second:  # noqa: BLE001
            return _Outcome(info, error=second)
        value = handled if handled is not None else NoUpdate()
        return _Outcome(info, value=value, seconds=time.perf_counter() - began)

    def _finish(self, instance: Instance, outcome: _Outcome) -> list[Step]:
        cb = self.graph.callbacks[instance[0]]
        if isinstance(outcome.error, PreventUpdate):
            return [Step({"skip": {"cb": cb.index, "reason": "PreventUpdate"}}, outcome.info)]
        try:
            if outcome.error is not None:
                raise outcome.error
            outputs, patches = self._serialize(cb, outcome.info, outcome.value)
        except Exception as exc:  # noqa: BLE001
            return [self._error(cb, exc, outcome.info)]
        line: dict[str, Any] = {
            "cb": cb.index,
            "outputs": {key: wire for key, (_, wire) in outputs.items()},
            "reads": [k for r in (*outcome.info.inputs, *outcome.info.states) for k in r.keys],
            "triggered": [k for k, _ in outcome.info.triggered],
            "ms": round(outcome.seconds * 1000, 2),
        }
        if patches:
            line["patches"] = patches
        if self.engine.debug:
            line["noUpdate"] = [k for r in outcome.info.outputs for k in r.keys if k not in outputs and k not in patches]
            line["timing"] = [[name, round(sec * 1000, 2), desc] for name, sec, desc in outcome.info.timings]
        # set_props writes are Dash's side updates: they insert components without starting their callbacks.
        declared = {k for r in outcome.info.outputs for k in r.keys}
        for key, (value, _) in outputs.items():
            self._apply(key, value, crawl=key in declared)
        for key, ops in patches.items():
            self._apply_patch(key, ops, crawl=key in declared)
        return [Step({"result": line}, outcome.info)]

    def _serialize(self, cb: CallbackSpec, info: CallInfo, value: Any) -> tuple[dict[str, tuple[Any, Any]], dict]:
        """Each output's JSON value and line form (no_update left out), and Patch operations; errors name the output."""
        if not cb.outputs:
            if value is not None:  # as in Dash, even no_update is refused here
                raise InvalidCallbackReturnValue(f"{cb.describe()} has no Outputs, so it must return None; got "
                                                 f"{type(value).__name__} {value!r:.80}")
            leaves = []
        elif cb.single_output:
            leaves = [value]
        elif isinstance(value, NoUpdate):
            leaves = [value] * len(cb.outputs)
        else:
            try:
                leaves = match(cb.output_shape, value, f"{cb.describe()} return value")
            except ValueError as exc:
                raise InvalidCallbackReturnValue(
                    f"{exc} (its outputs: {', '.join(cb.output_keys)})") from None
        result: dict[str, tuple[Any, Any]] = {}
        patches: dict[str, list] = {}
        for resolved, item in zip(info.outputs, leaves):
            for key, piece in self._output_items(cb, resolved, item):
                if isinstance(piece, NoUpdate):
                    continue
                if isinstance(piece, Patch):
                    patches[key] = self._encode(cb, key, piece.to_ops(), ops=True)[0]
                    continue
                result[key] = self._encode(cb, key, piece)
        for component_id, props in info.side_updates:
            for prop, piece in props.items():
                key = f"{id_string(component_id)}.{prop}"
                if isinstance(piece, Patch):
                    patches[key] = self._encode(cb, key, piece.to_ops(), ops=True)[0]
                elif not isinstance(piece, NoUpdate):
                    result[key] = self._encode(cb, key, piece)
        return result, patches

    def _encode(self, cb: CallbackSpec, key: str, value: Any, ops: bool = False) -> tuple[Any, Any]:
        """The JSON value and line form of an output (or of its Patch `ops`), its components checked first."""
        prop = key.rpartition(".")[2]
        guard = Guard(f"{cb.describe()}: output '{key}'", self.engine.component_dicts, cb.describe())
        try:
            if ops:  # what a Patch adds to a node prop lands among nodes: checked as one
                value = [[name, path, guard.node(arg)] for name, path, arg in value] if guard.active(prop) else value
            else:
                value = guard(prop, value)
            return to_json_value(value)
        except ComponentJSONError as exc:
            raise InvalidCallbackReturnValue(str(exc)) from None
        except (TypeError, UnicodeEncodeError) as exc:
            raise InvalidCallbackReturnValue(
                f"{cb.describe()}: the value for output '{key}' cannot be sent to the browser: {exc}") from None

    @staticmethod
    def _output_items(cb: CallbackSpec, resolved: Resolved, item: Any) -> list[tuple[str, Any]]:
        if not resolved.multi:
            return [(resolved.keys[0], item)] if resolved.keys else []
        if isinstance(item, NoUpdate):
            return []
        if not isinstance(item, (list, tuple)) or len(item) != len(resolved.keys):
            got = f"{len(item)} values" if isinstance(item, (list, tuple)) else type(item).__name__
            raise InvalidCallbackReturnValue(
                f"{cb.describe()}: output {resolved.dep!r} matches {len(resolved.keys)} components, so its value "
                f"must be a list of {len(resolved.keys)}; got {got}")
        return list(zip(resolved.keys, item))

    # -- errors ---------------------------------------------------------------------------

    @staticmethod
    def _log_error(cb: CallbackSpec, exc: BaseException) -> None:
        log.error("%s raised %s", cb.describe(), "".join(traceback.format_exception(exc)).rstrip())

    def _error(self, cb: CallbackSpec, exc: BaseException, info: CallInfo) -> Step:
        self._log_error(cb, exc)
        if isinstance(exc, (InvalidCallbackReturnValue, CallbackLimitError)):
            message = str(exc)  # our own words, naming the callback and output: safe to show, but for where
            if not self.engine.debug:  # it is defined: the server's paths reach the browser only in debug mode
                message = message.replace(cb.describe(), f"callback '{cb.name}'")
        elif self.engine.debug:
            message = f"{cb.describe()} raised {type(exc).__name__}: {exc}"
        else:
            message = f"callback '{cb.name}' failed; see the server log"
        line: dict[str, Any] = {"cb": cb.index, "message": message}
        if self.engine.debug:
            line["traceback"] = _user_traceback(cb, exc)
            line["inputs"] = {k: v for r in (*info.inputs, *info.states) for k, v in zip(r.keys, r.values)}
        return Step({"error": line}, info)



def _marked(r: Resolved) -> Any:
    """The argument for `r`, its component JSON marked; ctx (inputs, states, *_list) sees the same values."""
    prop = r.dep.component_property
    r.values = [mark(prop, v) for v in r.values]
    return r.value


def _mark(span: Any, outcome: _Outcome) -> None:
    if isinstance(outcome.error, PreventUpdate):
        telemetry.annotate(span, {"propwire.skipped": "PreventUpdate"})
    elif outcome.error is not None:
        telemetry.failed(span, outcome.error)


def _user_traceback(cb: CallbackSpec, exc: BaseException) -> str:
    """The traceback from the callback's own frame on: propwire's and the thread pool's frames cut."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = getattr(getattr(cb.func, "__code__", None), "co_filename", None)
    start = next((i for i, f in enumerate(frames) if f.filename == own), 0)
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames[start:])]
    return "".join(lines + traceback.format_exception_only(exc))


