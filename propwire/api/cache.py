"""Memoization for slow callback work (the seed's "用记忆提高表现" section).

`memoize` keys each call on its arguments, safely: arguments are encoded as
canonical JSON (components and numpy arrays included) and hashed, so equal
values hit the same entry whatever their object identity. The store behind it
is pluggable: `LRUStore` in this process by default; a shared store (Redis,
for several workers) implements the same three methods.

>>> from propwire.api.cache import memoize
>>> @memoize(ttl=60)
... def slow_function(value):
...     return f"Input was {value}"
"""

from __future__ import annotations

import functools
import hashlib
import sys
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Protocol

import orjson

from propwire.api.serialize import dumps

_MISSING = object()


class Store(Protocol):
    """What a memo store offers: bytes keys, any values, optional time to live."""

    def get(self, key: bytes) -> Any: ...

    def set(self, key: bytes, value: Any, ttl: float | None) -> None: ...

    def clear(self) -> None: ...


class LRUStore:
    """An in-process store that forgets the least recently used entries beyond `maxsize` entries, or beyond
    `max_bytes` bytes of values (each value measured once, as its JSON; one bigger than `max_bytes` is not
    kept). Arguments come from browsers, so without a byte bound 256 results of a few megabytes each stay.

    >>> store = LRUStore(maxsize=100, max_bytes=10)
    >>> store.set(b"k", "a long result", None)   # 15 bytes of JSON: not kept
    >>> store.get(b"k") is _MISSING
    True
    """

    def __init__(self, maxsize: int = 256, max_bytes: int | None = 64 << 20):  # DEFAULT_MAX_BYTES
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[bytes, tuple[float | None, Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: bytes) -> Any:
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                return _MISSING
            expires, value, size = entry
            if expires is not None and expires < time.monotonic():
                del self._items[key]
                self.bytes -= size
                return _MISSING
            self._items.move_to_end(key)
            return value

    def set(self, key: bytes, value: Any, ttl: float | None) -> None:
        size = len(key) + (_size_of(value) if self.max_bytes is not None else 0)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old[2]
            if self.max_bytes is not None and size > self.max_bytes:
                return  # too big to keep: computed again next time, never pinned in memory
            self._items[key] = (None if ttl is None else time.monotonic() + ttl, value, size)
            self.bytes += size
            while len(self._items) > self.maxsize or (self.max_bytes is not None and self.bytes > self.max_bytes):
                self.bytes -= self._items.popitem(last=False)[1][2]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def _size_of(value: Any) -> int:
    """A value's size as its JSON (what a callback result becomes anyway); one that is not JSON counts as
    its shallow size (a bound on entries of that kind is still `maxsize`)."""
    try:
        return len(dumps(value))
    except TypeError:
        return sys.getsizeof(value)


def make_key(func: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> bytes:
    """A digest of the function's identity and its arguments' canonical JSON."""
    try:
        payload = dumps([args, sorted(kwargs.items())])
    except TypeError as exc:
        raise TypeError(f"memoize({func.__qualname__}): arguments must be JSON-serializable: {exc}") from None
    payload = orjson.dumps(orjson.loads(payload), option=orjson.OPT_SORT_KEYS)
    name = f"{func.__module__}.{func.__qualname__}".encode()
    return hashlib.blake2b(name + b"\0" + payload, digest_size=20).digest()


DEFAULT_MAX_BYTES = 64 << 20


def memoize(ttl: float | None = None, maxsize: int = 256, store: Store | None = None,
            max_bytes: Any = _MISSING) -> Callable:
    """Cache a function's results by argument value, for `ttl` seconds (forever if None), at most `maxsize`
    results and `max_bytes` bytes of them (as JSON; default 64 MiB, None: no byte bound) in the default store;
    a `store` of your own bounds itself."""
    if store is not None and max_bytes is not _MISSING:
        raise TypeError("memoize: max_bytes bounds the default store; a store= of your own bounds itself")
    backing = store if store is not None else LRUStore(maxsize, DEFAULT_MAX_BYTES if max_bytes is _MISSING else max_bytes)

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
