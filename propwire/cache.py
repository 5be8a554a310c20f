"""Memoization for slow callback work (the seed's "用记忆提高表现" section).

`memoize` keys each call on its arguments, safely: arguments are encoded as
canonical JSON (components and numpy arrays included) and hashed, so equal
values hit the same entry whatever their object identity. The store behind it
is pluggable: `LRUStore` in this process by default; a shared store (Redis,
for several workers) implements the same three methods.

>>> from propwire.cache import memoize
>>> @memoize(ttl=60)
... def slow_function(value):
...     return f"Input was {value}"
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Protocol

import orjson

from .serialize import dumps

_MISSING = object()


class Store(Protocol):
    """What a memo store offers: bytes keys, any values, optional time to live."""

    def get(self, key: bytes) -> Any: ...

    def set(self, key: bytes, value: Any, ttl: float | None) -> None: ...

    def clear(self) -> None: ...


class LRUStore:
    """An in-process store that forgets the least recently used entries beyond `maxsize`."""

    def __init__(self, maxsize: int = 256):
        self.maxsize = maxsize
        self._items: OrderedDict[bytes, tuple[float | None, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> Any:
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                return _MISSING
            expires, value = entry
            if expires is not None and expires < time.monotonic():
                del self._items[key]
                return _MISSING
            self._items.move_to_end(key)
            return value

    def set(self, key: bytes, value: Any, ttl: float | None) -> None:
        with self._lock:
            self._items[key] = (None if ttl is None else time.monotonic() + ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def make_key(func: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> bytes:
    """A digest of the function's identity and its arguments' canonical JSON."""
    try:
        payload = dumps([args, sorted(kwargs.items())])
    except TypeError as exc:
        raise TypeError(f"memoize({func.__qualname__}): arguments must be JSON-serializable: {exc}") from None
    payload = orjson.dumps(orjson.loads(payload), option=orjson.OPT_SORT_KEYS)
    name = f"{func.__module__}.{func.__qualname__}".encode()
    return hashlib.blake2b(name + b"\0" + payload, digest_size=20).digest()


def memoize(ttl: float | None = None, maxsize: int = 256, store: Store | None = None) -> Callable:
    """Cache a function's results by argument value, for `ttl` seconds (forever if None)."""
    backing = store if store is not None else LRUStore(maxsize)

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = make_key(func, args, kwargs)
            value = backing.get(key)
            if value is _MISSING:
                value = func(*args, **kwargs)
                backing.set(key, value, ttl)
            return value

        wrapper.cache = backing  # type: ignore[attr-defined]
        wrapper.cache_clear = backing.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
