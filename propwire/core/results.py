"""Serialising a finished call: its return value into each output's JSON value, or an error that names the
callback and output at fault (docs/semantics.md S8, S9). The core's typed answer (outcomes.py), no wire format.

Example: a callback with Outputs a.children and b.children that returned ("x", no_update) finishes as
``Result(cb, outputs={"a.children": "x"}, ...)``, and only a.children is applied to the view.
"""

from __future__ import annotations

import itertools
import re
import traceback
from dataclasses import dataclass, field
from typing import Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import CallInfo, Resolved
from propwire.api.dependencies import NoUpdate, id_string
from propwire.api.exceptions import CallbackLimitError, InvalidCallbackReturnValue, JobCancelled, JobLost, PreventUpdate
from propwire.api.grouping import match
from propwire.api.patch import Patch
from propwire.api.serialize import to_json_value
from propwire.api.suggest import did_you_mean
from propwire.api.typed_arrays import FIGURE_PROPS, encode_figure
from propwire.core.component_json import ComponentJSONError, Guard
from propwire.core.invoker import CallOutcome, log_error
from propwire.core.outcomes import CallEffects, Error, Progress, Result, Skip, SkipReason


@dataclass
class Finished:
    """A finished call: its item for the stream, and the JSON values and patches the view takes from it."""

    item: Result | Error | Skip
    values: dict[str, Any] = field(default_factory=dict)
    patches: dict[str, list] = field(default_factory=dict)
    declared: set[str] = field(default_factory=set)  # the keys its Outputs name (the rest came from set_props)


def finish(cb: CallbackSpec, outcome: CallOutcome, *, debug: bool, component_dicts: bool) -> Finished:
    """The item a call's outcome becomes, and what it writes (nothing, for a skip or an error)."""
    info = outcome.info
    effects = _effects(info)
    if isinstance(outcome.error, PreventUpdate):
        reason = SkipReason.CANCELLED if isinstance(outcome.error, JobCancelled) else SkipReason.PREVENT_UPDATE
        return Finished(Skip(cb.index, reason, effects))
    try:
        if outcome.error is not None:
            raise outcome.error
        outputs, patches = _serialize(cb, info, outcome.value, component_dicts)
    except Exception as exc:  # noqa: BLE001
        return Finished(_error(cb, exc, info, debug, effects))
    declared = {k for r in info.outputs for k in r.keys}
    effects.set_props = [k for k in (*outputs, *patches) if k not in declared]
    result = Result(cb.index, outputs={key: wire for key, (_, wire) in outputs.items()},
                    reads=[k for r in (*info.inputs, *info.states) for k in r.keys],
                    triggered=[k for k, _ in info.triggered], seconds=outcome.seconds, patches=patches,
                    no_update=[k for r in info.outputs for k in r.keys if k not in outputs and k not in patches]
                    if debug else None, effects=effects)
    return Finished(result, {key: value for key, (value, _) in outputs.items()}, patches, declared)


def _effects(info: CallInfo) -> CallEffects:
    """What the call asked of the HTTP response, copied (a timed-out thread may still be running)."""
    return CallEffects(cookies=list(info.response.cookies), headers=dict(info.response.headers),
                       timings=list(info.timings))


def _serialize(cb: CallbackSpec, info: CallInfo, value: Any,
               component_dicts: bool) -> tuple[dict[str, tuple[Any, Any]], dict]:
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
            raise InvalidCallbackReturnValue(f"{exc} (its outputs: {', '.join(cb.output_keys)})") from None
    result: dict[str, tuple[Any, Any]] = {}
    patches: dict[str, list] = {}
    # Lazily, so the first fault found is the one Dash's order would meet first: outputs, then set_props.
    pieces = itertools.chain((kp for resolved, item in zip(info.outputs, leaves) for kp in _output_items(cb, resolved, item)),
                             ((f"{id_string(component_id)}.{prop}", piece)
                              for component_id, props in info.side_updates for prop, piece in props.items()))
    for key, piece in pieces:
        if isinstance(piece, NoUpdate):
            continue
        if isinstance(piece, Patch):
            patches[key] = _encode(cb, key, piece.to_ops(), component_dicts, ops=True)[0]
        else:
            result[key] = _encode(cb, key, piece, component_dicts)
    return result, patches


def unknown_side_props(cb: CallbackSpec, info: CallInfo, types: dict[str, Any]) -> list[str]:
    """Debug mode's warnings for set_props props that the target's class (as the initial layout has it) does not
    declare, with the closest prop it does: Dash sends them on and its page ignores them without a word.

    Example: ``set_props("city-name", {"childen": "Oslo"})`` on an html.Div warns "... html.Div has no prop
    'childen'; did you mean 'children'? ..."."""
    found = []
    for component_id, props in info.side_updates:
        id_str = id_string(component_id)
        cls = types.get(id_str)
        if cls is None:
            continue
        for prop in props:
            if not cls._allowed(prop):
                found.append(f"{cb.describe()}: set_props({id_str!r}, {{{prop!r}: ...}}): {cls._name()} has no prop "
                             f"{prop!r}{did_you_mean(prop, cls._props) or '.'} The page ignores it, as Dash's does.")
    return found


def progress_item(cb: CallbackSpec, values: dict[str, Any], component_dicts: bool, side: bool = False) -> Progress:
    """A background job's progress values (by prop key) as a Progress item, each checked as an output is; `side`
    when they come from the job's set_props."""
    return Progress(cb.index, {key: _encode(cb, key, value, component_dicts)[1] for key, value in values.items()},
                    side)


def _encode(cb: CallbackSpec, key: str, value: Any, component_dicts: bool, ops: bool = False) -> tuple[Any, Any]:
    """The JSON value and line form of an output (or of its Patch `ops`), its components checked first."""
    prop = key.rpartition(".")[2]
    guard = Guard(f"{cb.describe()}: output '{key}'", component_dicts, cb.describe())
    try:
        if ops:  # what a Patch adds to a node prop lands among nodes: checked as one
            value = [[name, path, guard.node(arg)] for name, path, arg in value] if guard.active(prop) else value
        else:
            value = guard(prop, value)
            if prop in FIGURE_PROPS:  # a figure's numpy arrays travel as typed arrays (docs/graph.md)
                value = encode_figure(value)
        return to_json_value(value)
    except ComponentJSONError as exc:
        raise InvalidCallbackReturnValue(str(exc)) from None
    except (TypeError, UnicodeEncodeError) as exc:
        raise InvalidCallbackReturnValue(
            f"{cb.describe()}: the value for output '{key}' cannot be sent to the browser: {exc}") from None


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


def _error(cb: CallbackSpec, exc: BaseException, info: CallInfo, debug: bool, effects: CallEffects) -> Error:
    log_error(cb, exc)
    if isinstance(exc, (InvalidCallbackReturnValue, CallbackLimitError, JobLost)):
        message = str(exc)  # our own words, naming the callback and output: safe to show, but for where
        if not debug:  # it is defined: the server's paths reach the browser only in debug mode
            message = without_paths(message.replace(cb.describe(), f"callback '{cb.name}'"))
    elif debug:
        message = f"{cb.describe()} raised {type(exc).__name__}: {exc}"
    else:
        message = f"callback '{cb.name}' failed; see the server log"
    if not debug:
        return Error(cb.index, message, effects=effects)
    inputs = {k: v for r in (*info.inputs, *info.states) for k, v in zip(r.keys, r.values)}
    return Error(cb.index, message, _user_traceback(cb, exc), inputs, effects)


# " (/srv/app/callbacks.py:12)", how a callback's description says where it is defined (another callback's too).
_WHERE = re.compile(r" ?\((?:[A-Za-z]:)?[\\/][^()]*?:\d+\)")
# Any other absolute path of a Python file (in a value's repr, a module's): only its file name is kept.
_FILE = re.compile(r"(?<![\w.-])(?:[A-Za-z]:)?[\\/](?:[^\s'\"()\\/:]+[\\/])*([^\s'\"()\\/:]+\.py)")


def without_paths(message: str) -> str:
    """A message for the browser outside debug: no file path of the server, whatever put one in the message.

    Example: ``without_paths("callback 'f' (/srv/app.py:9): bad value")`` is ``"callback 'f': bad value"``.
    """
    return _FILE.sub(r"\1", _WHERE.sub("", message))


def _user_traceback(cb: CallbackSpec, exc: BaseException) -> str:
    """The traceback from the callback's own frame on: propwire's and the thread pool's frames cut."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = getattr(getattr(cb.func, "__code__", None), "co_filename", None)
    start = next((i for i, f in enumerate(frames) if f.filename == own), 0)
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames[start:])]
    return "".join(lines + traceback.format_exception_only(exc))
