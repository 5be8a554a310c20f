"""Optional OpenTelemetry spans: one per event or page load (server), one per callback (engine).

Active only when the `opentelemetry-api` package is importable (`pip install propwire[otel]`) and the app has set a
tracer provider: until then spans would go nowhere, so none are made (making them is not free, and it happens on every event). Without the package
every hook here is a no-op and nothing else changes. This module imports nothing of the server, so the engine may use it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

_trace: Any
try:  # pragma: no cover - depends on what is installed
    from opentelemetry import trace as _trace
except ImportError:  # pragma: no cover
    _trace = None

_TRACER: Any = _trace.get_tracer("propwire") if _trace is not None else None  # a proxy: follows the provider set later
_NO_PROVIDER: tuple[type, ...] = (_trace.ProxyTracerProvider, _trace.NoOpTracerProvider) if _trace is not None else ()
_seen_provider = False
# The API's global provider, read directly when the API keeps it where it has so far (the public lookup is
# slower, and it runs per callback); the environment variable names a provider loaded on first lookup.
_CHEAP_LOOK = _trace is not None and hasattr(_trace, "_TRACER_PROVIDER") and "OTEL_PYTHON_TRACER_PROVIDER" not in os.environ


def enabled() -> bool:
    """Whether spans are made: the API is installed and a tracer provider was set (it is set once per process)."""
    global _seen_provider
    if _seen_provider or _trace is None or (_CHEAP_LOOK and _trace._TRACER_PROVIDER is None):
        return _seen_provider
    _seen_provider = not isinstance(_trace.get_tracer_provider(), _NO_PROVIDER)
    return _seen_provider


@contextlib.contextmanager
def span(name: str, attributes: dict[str, Any]) -> Iterator[Any]:
    """A span, current for the block (so spans opened inside, the callbacks' own ones too, are its children)."""
    if _TRACER is None:
        yield None
        return
    with _TRACER.start_as_current_span(name, attributes=_clean(attributes)) as current:
        yield current


def failed(current: Any, exc: BaseException) -> None:
    """Mark a span as failed with the exception a callback raised (the engine turns it into an error line)."""
    if current is None or _trace is None:
        return
    current.record_exception(exc)
    current.set_status(_trace.Status(_trace.StatusCode.ERROR, f"{type(exc).__name__}: {exc}"))


def annotate(current: Any, attributes: dict[str, Any]) -> None:
    if current is not None:
        current.set_attributes(_clean(attributes))


def _clean(attributes: dict[str, Any]) -> dict[str, Any]:
    """OpenTelemetry attributes are scalars or lists of one scalar type: keep those, drop None."""
    out: dict[str, Any] = {}
    for key, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = [str(v) for v in value]
        elif not isinstance(value, (str, bool, int, float)):
            value = str(value)
        out[key] = value
    return out
