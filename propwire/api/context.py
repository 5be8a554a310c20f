"""`ctx` / `callback_context`: what a running callback can ask about its own call."""

from __future__ import annotations

import contextvars
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

import orjson

from propwire.api.dependencies import DashDependency, split_key
from propwire.api.exceptions import MissingCallbackContextException
from propwire.api.grouping import fill


class AttributeDict(dict):
    """A dict whose keys read as attributes, as Dash users expect of ctx entries."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class FalsyList(list):
    """`ctx.triggered` on an initial call: one placeholder entry, yet falsy.

    Dash's idioms rely on both sides of it: `if not ctx.triggered` tells an initial call apart, while
    `ctx.triggered[0]["prop_id"]` and `[p["prop_id"] for p in ctx.triggered][0]` still give "." (an
    empty id and prop) instead of raising.
    """

    def __bool__(self) -> bool:
        return False


def _placeholder() -> FalsyList:
    return FalsyList([AttributeDict(prop_id=".", value=None)])


class CallbackResponse:
    """`ctx.response`: cookies and headers a callback adds to the HTTP response.

    Cookies default to `SameSite=Lax` (a cross-site page's requests do not carry them) and to `Secure` when
    the request came over HTTPS (`secure_default`, set from the request's scheme; behind a proxy that is
    X-Forwarded-Proto from a proxy uvicorn trusts). Example:
    ``ctx.response.set_cookie("session", token, httponly=True, max_age=3600)``
    """

    def __init__(self, secure_default: bool = False) -> None:
        self.headers: dict[str, str] = {}
        self.cookies: list[str] = []
        self.secure_default = secure_default

    def set_cookie(self, key: str, value: str = "", max_age: int | None = None, expires: str | None = None,
                   path: str = "/", domain: str | None = None, secure: bool | None = None,
                   httponly: bool = False, samesite: str | None = "lax") -> None:
        """Add a Set-Cookie; `secure=None` means Secure exactly when the request was HTTPS."""
        cookie: SimpleCookie = SimpleCookie()
        cookie[key] = value
        morsel = cookie[key]
        for attr, val in (("max-age", max_age), ("expires", expires), ("path", path), ("domain", domain),
                          ("samesite", samesite)):
            if val is not None:
                morsel[attr] = val
        morsel["secure"] = self.secure_default if secure is None else secure
        morsel["httponly"] = httponly
        self.cookies.append(morsel.OutputString())

    def delete_cookie(self, key: str, path: str = "/", domain: str | None = None) -> None:
        self.set_cookie(key, "", max_age=0, expires="Thu, 01 Jan 1970 00:00:00 GMT", path=path, domain=domain)


@dataclass
class Resolved:
    """One dependency of a call, resolved to the concrete props it names (several for ALL)."""

    dep: DashDependency
    keys: list[str]
    values: list[Any]
    multi: bool = False

    @property
    def value(self) -> Any:
        if self.multi:
            return list(self.values)
        return self.values[0] if self.values else None

    def entries(self, with_value: bool = True, fired: AbstractSet[str] = frozenset()) -> Any:
        """Dash's {id, property, value} records: one, or a list of them for ALL / ALLSMALLER."""
        def one(key: str, value: Any) -> AttributeDict:
            id_str = split_key(key)[0]
            entry = AttributeDict(id=_parse_id(id_str), property=self.dep.component_property)
            if with_value:
                entry["value"] = value
            if fired is not None and with_value:
                entry.update(str_id=id_str, triggered=key in fired)  # Dash 4.4.1 names it str_id (its docs: id_str)
            return entry

        keys = self.keys or ([] if self.multi else [self.dep.key])
        values = self.values or [None] * len(keys)
        items = [one(k, v) for k, v in zip(keys, values)]
        return items if self.multi else items[0]


class Headers(dict):
    """Request headers by lower-case name; lookups ignore case (`ctx.headers.get("User-Agent")` works)."""

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(name.lower())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and super().__contains__(name.lower())

    def get(self, name: str, default: Any = None) -> Any:
        return super().get(name.lower(), default)


@dataclass(frozen=True)
class RequestInfo:
    """The HTTP request a chain answers, as plain values: the web layer fills it, ctx reads it.

    Example: ``RequestInfo(cookies={"theme": "dark"}, headers=Headers({"origin": "http://127.0.0.1"}))``
    """

    cookies: dict[str, str] = field(default_factory=dict)
    headers: Headers = field(default_factory=Headers)
    path: str = ""
    remote: str | None = None
    scheme: str = "http"  # "https" when the request came over TLS (or a trusted proxy says so)

    @property
    def origin(self) -> str | None:
        return self.headers.get("origin")


@dataclass
class CallInfo:
    """Everything about one callback call that ctx exposes."""

    triggered: list[tuple[str, Any]]
    inputs: list[Resolved]
    states: list[Resolved]
    outputs: list[Resolved]
    output_shape: Any = 0
    args_shape: Any = None  # the function's arguments; leaves index the Inputs, then the States
    response: CallbackResponse = field(default_factory=CallbackResponse)
    timings: list[tuple[str, float, str | None]] = field(default_factory=list)
    side_updates: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)
    request: RequestInfo = field(default_factory=RequestInfo)

    def __post_init__(self) -> None:
        # cookies set by this call are Secure by default when its request was HTTPS
        self.response.secure_default = self.request.scheme == "https"


_current: contextvars.ContextVar[CallInfo | None] = contextvars.ContextVar("propwire_ctx", default=None)


def _plain(entries: Any) -> Any:
    """inputs_list entries without the args_grouping-only fields."""
    if isinstance(entries, list):
        return [_plain(e) for e in entries]
    return AttributeDict({k: v for k, v in entries.items() if k not in ("str_id", "triggered")})


class CallbackContext:
    """What a running callback can ask about its own call: what triggered it, every value it was given, the
    request it answers; and `ctx.response` for cookies and headers. Reading it outside a callback raises
    MissingCallbackContextException. Example: docs/examples/propwire.ctx.py."""

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
        """What started this call: [{prop_id, value}] for each Input that changed (at page load one
        falsy placeholder entry with prop_id "."), so one function can serve several Inputs."""
        triggered = self._info().triggered
        if not triggered:
            return _placeholder()
        return [AttributeDict(prop_id=key, value=value) for key, value in triggered]

    @property
    def triggered_prop_ids(self) -> dict[str, Any]:
        """{"id.prop": id} for each Input that changed: the ids are dicts for pattern-matching ones."""
        return {key: _parse_id(split_key(key)[0]) for key, _ in self._info().triggered}

    @property
    def triggered_id(self) -> Any:
        """The id of the (first) component whose change started this call, or None at page load;
        the usual way to tell which of several buttons was clicked."""
        triggered = self._info().triggered
        return _parse_id(split_key(triggered[0][0])[0]) if triggered else None

    @staticmethod
    def _by_key(resolved: list[Resolved]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for r in resolved:
            if r.keys:
                found.update(zip(r.keys, r.values))
            elif not r.multi:
                found[r.dep.key] = None
        return found

    @property
    def inputs(self) -> dict[str, Any]:
        """{"id.prop": value} of every Input, for code that reads them by name instead of by argument."""
        return self._by_key(self._info().inputs)

    @property
    def states(self) -> dict[str, Any]:
        """{"id.prop": value} of every State."""
        return self._by_key(self._info().states)

    @property
    def inputs_list(self) -> list[Any]:
        """The Inputs as Dash's [{id, property, value}] records, in declaration order (a list of them
        for an ALL or ALLSMALLER Input), which says which concrete ids a pattern matched."""
        return [_plain(r.entries()) for r in self._info().inputs]

    @property
    def states_list(self) -> list[Any]:
        """The States as [{id, property, value}] records, as inputs_list has the Inputs."""
        return [_plain(r.entries()) for r in self._info().states]

    @property
    def outputs_list(self) -> Any:
        """The Outputs as [{id, property}] records (one record for a single Output): which concrete
        components a pattern-matching callback is writing to."""
        info = self._info()
        entries = [r.entries(with_value=False) for r in info.outputs]
        return entries[0] if isinstance(info.output_shape, int) else entries

    @property
    def args_grouping(self) -> Any:
        """The Inputs and States as records shaped like the function's arguments (dicts for keyword
        ones), each with id, property, value, str_id and triggered."""
        info = self._info()
        fired = {key for key, _ in info.triggered}
        entries = [r.entries(fired=fired) for r in (*info.inputs, *info.states)]
        return fill(info.args_shape, entries)

    @property
    def outputs_grouping(self) -> Any:
        """The Outputs as {id, property} records shaped like the declared Outputs."""
        info = self._info()
        return fill(info.output_shape, [r.entries(with_value=False) for r in info.outputs])

    @property
    def response(self) -> CallbackResponse:
        """The HTTP response of this action, so a callback can set cookies and headers (login, logout)."""
        return self._info().response

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies the browser sent with this action's request (or with the page request, at load)."""
        return self._info().request.cookies

    @property
    def headers(self) -> Headers:
        """The request's headers; names ignore case."""
        return self._info().request.headers

    @property
    def path(self) -> str:
        """The request's path with its query string (the event route for an action, the page's path at load)."""
        return self._info().request.path

    @property
    def remote(self) -> str | None:
        """The client's address as the server saw it."""
        return self._info().request.remote

    @property
    def origin(self) -> str | None:
        """The request's Origin header, if any."""
        return self._info().request.origin

    def record_timing(self, name: str, duration: float | None = None, description: str | None = None) -> None:
        """Add an entry to the response's Server-Timing header, so the browser's network panel shows where a
        slow action spent its time.

        Parameters:
            name: a token (no spaces, commas, quotes or control characters; ValueError otherwise).
            duration: seconds (None counts as 0).
            description: free text shown next to it.
        """
        if not isinstance(name, str) or not name or any(c in name for c in ' ,;="\\') or not name.isprintable():
            raise ValueError(f"record_timing: name {name!r} must be a non-empty token (no spaces, commas, quotes, "
                             f"control characters)")
        self._info().timings.append((name, float(duration or 0.0), description))

    @property
    def using_args_grouping(self) -> bool:
        """Whether the Inputs and States were given as a grouping (a dict, or nested lists) rather than flat."""
        return _grouped(self._info().args_shape)

    @property
    def using_outputs_grouping(self) -> bool:
        """Whether the Outputs were given as a grouping (a dict, or nested lists) rather than one or a flat list."""
        return _grouped(self._info().output_shape)


def _grouped(shape: Any) -> bool:
    """Dash's test: a shape other than one value or a flat list of them in order."""
    return not isinstance(shape, int) and shape != list(range(len(shape)))


def set_props(component_id: Any, props: dict[str, Any]) -> None:
    """Update props of any component from inside a callback, outputs or not; the change triggers its listeners.

    For a prop that many callbacks may touch now and then (a notice, a progress label) without declaring it as
    an Output of each. Example: docs/examples/propwire.set_props.py.

    Parameters:
        component_id: the component's id (a string or a concrete dict id).
        props: {prop name: new value}.
    """
    if not isinstance(props, dict) or not props:
        raise TypeError(f"set_props({component_id!r}, ...): props must be a non-empty dict of prop names to values")
    CallbackContext._info().side_updates.append((component_id, dict(props)))


def _parse_id(id_str: str) -> Any:
    if id_str.startswith("{"):
        return AttributeDict(orjson.loads(id_str))
    return id_str


callback_context = CallbackContext()
ctx = callback_context
