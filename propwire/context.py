"""`ctx` / `callback_context`: what a running callback can ask about its own call."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from .dependencies import DashDependency, split_key
from .exceptions import MissingCallbackContextException


class AttributeDict(dict):
    """A dict whose keys read as attributes, as Dash users expect of ctx entries."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class FalsyList(list):
    """`ctx.triggered` on an initial call: empty and falsy, yet `[0]` gives a blank prop_id."""

    _PLACEHOLDER = {"prop_id": ".", "value": None}

    def __getitem__(self, index: Any) -> Any:
        if not list.__len__(self) and index in (0, -1):
            return dict(self._PLACEHOLDER)
        return list.__getitem__(self, index)


class CallbackResponse:
    """`ctx.response`: cookies and headers a callback adds to the HTTP response."""

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}
        self.cookies: list[str] = []

    def set_cookie(self, key: str, value: str = "", max_age: int | None = None, expires: str | None = None,
                   path: str = "/", domain: str | None = None, secure: bool = False,
                   httponly: bool = False, samesite: str | None = "lax") -> None:
        cookie: SimpleCookie = SimpleCookie()
        cookie[key] = value
        morsel = cookie[key]
        for attr, val in (("max-age", max_age), ("expires", expires), ("path", path), ("domain", domain),
                          ("samesite", samesite)):
            if val is not None:
                morsel[attr] = val
        morsel["secure"] = secure
        morsel["httponly"] = httponly
        self.cookies.append(morsel.OutputString())

    def delete_cookie(self, key: str, path: str = "/", domain: str | None = None) -> None:
        self.set_cookie(key, "", max_age=0, expires="Thu, 01 Jan 1970 00:00:00 GMT", path=path, domain=domain)


@dataclass
class CallInfo:
    """Everything about one callback call that ctx exposes."""

    triggered: list[tuple[str, Any]]
    inputs: list[tuple[DashDependency, Any]]
    states: list[tuple[DashDependency, Any]]
    outputs: list[DashDependency]
    single_output: bool
    response: CallbackResponse = field(default_factory=CallbackResponse)
    timings: list[tuple[str, float, str | None]] = field(default_factory=list)


_current: contextvars.ContextVar[CallInfo | None] = contextvars.ContextVar("propwire_ctx", default=None)


def _entry(dep: DashDependency, value: Any, **extra: Any) -> AttributeDict:
    return AttributeDict(id=dep.component_id, property=dep.component_property, value=value, **extra)


class CallbackContext:
    """Read-only view of the running callback's call; every attribute fails clearly outside one."""

    @staticmethod
    def _info() -> CallInfo:
        info = _current.get()
        if info is None:
            raise MissingCallbackContextException(
                "propwire.ctx (callback_context) is only available inside a callback while it runs"
            )
        return info

    @property
    def triggered(self) -> list[dict[str, Any]]:
        return FalsyList({"prop_id": key, "value": value} for key, value in self._info().triggered)

    @property
    def triggered_prop_ids(self) -> dict[str, Any]:
        return {key: _parse_id(split_key(key)[0]) for key, _ in self._info().triggered}

    @property
    def triggered_id(self) -> Any:
        triggered = self._info().triggered
        return _parse_id(split_key(triggered[0][0])[0]) if triggered else None

    @property
    def inputs(self) -> dict[str, Any]:
        return {dep.key: value for dep, value in self._info().inputs}

    @property
    def states(self) -> dict[str, Any]:
        return {dep.key: value for dep, value in self._info().states}

    @property
    def inputs_list(self) -> list[AttributeDict]:
        return [_entry(dep, value) for dep, value in self._info().inputs]

    @property
    def states_list(self) -> list[AttributeDict]:
        return [_entry(dep, value) for dep, value in self._info().states]

    @property
    def outputs_list(self) -> Any:
        info = self._info()
        entries = [AttributeDict(id=d.component_id, property=d.component_property) for d in info.outputs]
        return entries[0] if info.single_output else entries

    @property
    def args_grouping(self) -> list[AttributeDict]:
        info = self._info()
        fired = {key for key, _ in info.triggered}
        return [
            _entry(dep, value, id_str=dep.id_str, triggered=dep.key in fired)
            for dep, value in info.inputs + info.states
        ]

    @property
    def response(self) -> CallbackResponse:
        return self._info().response

    def record_timing(self, name: str, duration: float | None = None, description: str | None = None) -> None:
        """Add an entry to the response's Server-Timing header (duration in seconds)."""
        if not name or any(c in name for c in ' ,;="'):
            raise ValueError(f"record_timing: name {name!r} must be a non-empty token (no spaces, commas, quotes)")
        self._info().timings.append((name, float(duration or 0.0), description))

    @property
    def using_args_grouping(self) -> bool:
        return False


def _parse_id(id_str: str) -> Any:
    if id_str.startswith("{"):
        import orjson

        return AttributeDict(orjson.loads(id_str))
    return id_str


callback_context = CallbackContext()
ctx = callback_context
