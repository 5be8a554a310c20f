"""How a background callback is declared: `@callback(..., background=True, ...)` and its options, checked.

A background callback's calls run as jobs of a manager (propwire.background: `DiskcacheManager`) in processes
of their own, so a long job neither holds a web worker's thread nor dies with a request timeout. Its progress
(`set_progress`) and `set_props` calls reach the page over the event's open stream as they happen
(docs/background.md). Example::

    @callback(Output("out", "children"), Input("go", "n_clicks"), background=True,
              progress=Output("bar", "value"), running=[(Output("go", "disabled"), True, False)])
    def report(set_progress, n):
        for i in range(10):
            set_progress(i * 10)
        return "done"
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from propwire.api.dependencies import Input, Output
from propwire.api.exceptions import CallbackError

# The options only a background callback uses (each is refused or warned about without background=True).
BACKGROUND_OPTIONS = {"background", "manager", "progress", "progress_default", "cancel", "interval",
                      "cache_args_to_ignore"}
DEFAULT_INTERVAL_MS = 1000  # Dash's default: its page polls a job this often; propwire records it this often

# Every background callback declared in this process, and who wants to hear of them. A manager whose jobs run in
# another process (CeleryManager: a Celery worker that imports the same app module) must know each callback when
# the module is imported, before any app builds its engine, whichever manager the callback ends up using — the
# worker never builds one. Watchers hear of the callbacks declared before them too.
_DECLARED: list[Any] = []
_WATCHERS: list[Callable[[Any], None]] = []


def announce(spec: Any) -> None:
    """A background callback (its CallbackSpec) was declared: tell every watcher (make_spec calls this)."""
    _DECLARED.append(spec)
    for watcher in list(_WATCHERS):
        watcher(spec)


def watch(watcher: Callable[[Any], None]) -> None:
    """Call `watcher(spec)` for every background callback declared so far and every one declared later."""
    _WATCHERS.append(watcher)
    for spec in list(_DECLARED):
        watcher(spec)


@dataclass
class Background:
    """A background callback's options: its manager (None: the app's), progress Outputs (and whether
    set_progress takes one bare value), their value when no job runs, cancel Inputs, the interval in ms at
    which the job's progress is recorded on disk, and the arguments its cache key leaves out."""

    manager: Any = None
    progress: list[Output] = field(default_factory=list)
    progress_single: bool = False
    progress_default: Any = None
    cancel: list[Input] = field(default_factory=list)
    interval: float = DEFAULT_INTERVAL_MS
    cache_args_to_ignore: list[Any] = field(default_factory=list)

    @property
    def progress_keys(self) -> list[str]:
        return [out.key for out in self.progress]

    @property
    def cancel_keys(self) -> list[str]:
        return [dep.key for dep in self.cancel]

    def progress_values(self, value: Any) -> dict[str, Any]:
        """`set_progress(value)` as one value per progress Output (a list or tuple of them for several)."""
        if self.progress_single:
            return {self.progress[0].key: value}
        if not isinstance(value, (list, tuple)) or len(value) != len(self.progress):
            raise CallbackError(f"set_progress takes {len(self.progress)} values (one per progress Output: "
                                f"{', '.join(self.progress_keys)}), got {value!r:.80}")
        return dict(zip(self.progress_keys, value))


def background_of(kwargs: dict[str, Any], is_async: bool, inline: bool) -> Background | None:
    """The Background options of `@callback(**kwargs)`, or None for an ordinary callback."""
    given = sorted(k for k in BACKGROUND_OPTIONS - {"background"} if kwargs.get(k) is not None)
    if not kwargs.get("background"):
        if given:  # Dash ignores them too; a warning says they do nothing
            warnings.warn(f"callback option(s) {given} only apply with background=True; they are not used",
                          UserWarning, stacklevel=5)
        return None
    if kwargs["background"] is not True:
        raise CallbackError(f"background= takes True or False, got {kwargs['background']!r}")
    if is_async or inline:
        raise CallbackError("background=True runs the callback in a job process: it must be a plain sync function "
                            "(not async, not inline=True)")
    progress, single = _outputs(kwargs.get("progress"))
    default = kwargs.get("progress_default")
    if default is not None and not single and (not isinstance(default, (list, tuple)) or len(default) != len(progress)):
        raise CallbackError(f"progress_default= needs one value per progress Output ({len(progress)}), got {default!r}")
    interval = kwargs.get("interval", DEFAULT_INTERVAL_MS)
    if interval is None:
        interval = DEFAULT_INTERVAL_MS
    if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not interval > 0:
        raise CallbackError(f"interval= takes milliseconds above 0, got {interval!r}")
    ignore = kwargs.get("cache_args_to_ignore") or []
    if not isinstance(ignore, (list, tuple)) or not all(isinstance(i, (int, str)) for i in ignore):
        raise CallbackError(f"cache_args_to_ignore= takes a list of argument positions or names, got {ignore!r}")
    return Background(kwargs.get("manager"), progress, single, default, _cancel(kwargs.get("cancel")), interval,
                      list(ignore))


def _outputs(given: Any) -> tuple[list[Output], bool]:
    if given is None:
        return [], False
    if isinstance(given, Output):
        return [given], True
    if isinstance(given, (list, tuple)) and given and all(isinstance(o, Output) for o in given):
        if any(o.has_wildcard() for o in given):
            raise CallbackError("progress= Outputs must have plain ids (no pattern-matching wildcards)")
        return list(given), False
    raise CallbackError(f"progress= takes an Output or a list of Outputs, got {given!r}")


def _cancel(given: Any) -> list[Input]:
    if given is None:
        return []
    entries = [given] if isinstance(given, Input) else given
    if not isinstance(entries, (list, tuple)) or not all(isinstance(i, Input) for i in entries):
        raise CallbackError(f"cancel= takes an Input or a list of Inputs, got {given!r}")
    if any(i.has_wildcard() for i in entries):
        raise CallbackError("cancel= Inputs must have plain ids (no pattern-matching wildcards)")
    return list(entries)
